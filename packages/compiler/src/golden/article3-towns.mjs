// "2024年度新一轮农村实事工程考核（镇、区）": compiled from "scheme.assess" by `assess compile` (plan version 3).
// Do not edit: change the scheme and compile it again. Every score is an exact decimal;
// `score(rows)` validates the rows and scores every unit as the Assess interpreter does.
import { Decimal, validateRows, problemDiagnostic, cohortNumber, competitionRanks, deduction, groupUnits, placeUnits, gradeByPlace, shown, scoreShown, entryOf, UNSET, column, once, Memo, guarded, failed, sumApplicable, NO_VETOES, shownOrFailed, keptEntries, scoring, rejected, ops } from "@assess/runtime";

const { num, num01, add, sub, mul, neg, round, cmp, holds, field, listAgg, minmax, linear, tierPoints, bestPer, bestPerInto, div, divBy, divPow10, diagnostic, Failure } = ops;
const dec = (text) => Decimal.parse(text);
const ZERO = Decimal.ZERO;
const ONE = Decimal.ONE;
/** A whole (a section, the total) none of whose parts applies to a unit. */
const NA = Symbol("not applicable");
/** The `not applicable if` of an item that has none. */
const APPLIES = () => undefined;
/** A call's state let go (see `loadCall`). */
const NOTHING = [];
const str = (d) => (d === null ? null : d.toString());
/** A part of a section or of the total as a trace shows it: its score, failed (null), or not applicable. */
const part = (d, na) => (na ? "n/a" : str(d));
/** A whole's trace: the steps of its weighted parts, its own step, then how it was scaled; its score. */
function wholeSteps(out, combine, u, own) {
  const steps = [];
  const r = combine(u, steps);
  for (const s of steps) if (s.k === "weighted") out.push(s);
  if (own) out.push(own);
  for (const s of steps) if (s.k !== "weighted") out.push(s);
  return r;
}

// ── constants ──
const K0 = dec("5");
const K1 = dec("2");
const K2 = dec("3");
const V3 = [ONE]; // amounts per occurrence
const K4 = dec("90");
const K5 = dec("10");
const K6 = dec("6");
const V7 = new Map([["区级", ONE], ["市级", K2], ["省级", K6], ["国家级", K5]]); // tier points
const K8 = dec("2024");
const K9 = dec("100");
const K10 = dec("75");
const K11 = dec("60");
const V12 = [
  { label: "组织领导", section: "定性考核", max: K0, rule: "{ 2 若 组织体系; 3 若 目标分解 }" },
  { label: "材料报送", section: "定性考核", max: K0, rule: "每 少报次数 扣 1" },
  { label: "牵头部门考核", section: "定量考核", max: K4, rule: "部门得分" },
  { label: "项目加分", max: K5, rule: "荣誉 需 佐证，其中 年度 = 2024，同一 项目 取最高，区级 1， 市级 3，省级 6，国家级 10，封顶 10 按比例" },
]; // the items of "2024年度新一轮农村实事工程考核（镇、区）"
const V13 = [
  { label: "定性考核", max: K5 },
  { label: "定量考核", max: K4 },
]; // the sections of "2024年度新一轮农村实事工程考核（镇、区）"
const V14 = [
  { label: "优秀", cond: "总分 >= 90" },
  { label: "良好", cond: "总分 >= 75" },
  { label: "合格", cond: "总分 >= 60" },
  { label: "不合格", otherwise: true },
]; // the grade lines of "2024年度新一轮农村实事工程考核（镇、区）"

// ── where a unit's number can fail, and the words for it ──

// ── what one unit's data holds ──
export const inputs = {
  inputs: [
    { name: "组织体系", optional: false, type: { k: "yesno", text: { en: "yes or no", zh: "是或否" } } },
    { name: "目标分解", optional: false, type: { k: "yesno", text: { en: "yes or no", zh: "是或否" } } },
    { name: "少报次数", optional: false, type: { k: "count", text: { en: "a whole number, 0 or more", zh: "不小于 0 的整数" } } },
    { name: "部门得分", optional: false, type: { k: "number", range: { low: "0", high: "90", lowText: "0", highText: "90" }, text: { en: "a number from 0 to 90", zh: "0 到 90 之间的数值" } } },
    { name: "荣誉", optional: false, type: { k: "list", fields: [{ name: "项目", optional: false, type: { k: "text", text: { en: "text", zh: "文本" } } }, { name: "级别", optional: false, type: { k: "enum", members: ["区级", "市级", "省级", "国家级"], text: { en: "one of 区级, 市级, 省级, 国家级", zh: "以下之一：区级、市级、省级、国家级" } } }, { name: "年度", optional: false, type: { k: "integer", text: { en: "a whole number", zh: "整数" } } }, { name: "佐证", optional: true, type: { k: "text", text: { en: "text", zh: "文本" } } }], text: { en: "a list of records", zh: "记录列表" } } },
  ],
  unitKinds: ["镇"],
  gradeLabels: ["优秀", "良好", "合格", "不合格"],
};
const EXPECTED_UNIT = { en: "one of 镇", zh: "以下之一：镇" };
const EXPECTED_RECORD = { en: "a record", zh: "记录" };
const PROBLEM_WORDS = { E0501: { code: "E0501", severity: "error", span: { start: 0, end: 0 }, en: ["unit `", 0, "`, field `", 1, "`: expected ", 2, ", found ", 3], zh: ["单位 `", 0, "` 的 `", 1, "`：应为", 2, "，实际是 ", 3] }, E0502: { code: "E0502", severity: "error", span: { start: 0, end: 0 }, en: ["unit `", 0, "` has no value for `", 1, "` (expected ", 2, ")"], zh: ["单位 `", 0, "` 缺少 `", 1, "`（应为", 2, "）"], hint: { en: ["fill it in, or declare the field `optional` in the scheme"], zh: ["请补填，或在方案中将该字段声明为 `可选`"] } }, E0503: { code: "E0503", severity: "error", span: { start: 0, end: 0 }, en: ["two units have the id `", 0, "` (#", 1, " and #", 2, ")"], zh: ["有两个单位的编号都是 `", 0, "`（#", 1, " 与 #", 2, "）"], hint: { en: ["every unit needs its own id"], zh: ["每个单位的编号必须唯一"] } }, E0504: { code: "E0504", severity: "error", span: { start: 0, end: 0 }, en: ["unit #", 0, " has no `id`"], zh: ["第 ", 0, " 个单位缺少 `id`"] }, E0505: { code: "E0505", severity: "error", span: { start: 0, end: 0 }, en: ["unit #", 0, " is not a record"], zh: ["第 ", 0, " 个单位不是记录"] }, E0507: { code: "E0507", severity: "error", span: { start: 0, end: 0 }, en: ["too many units (", 0, "; the limit is ", 1, ")"], zh: ["单位过多（", 0, " 个，上限 ", 1, "）"] }, W0501: { code: "W0501", severity: "warning", span: { start: 0, end: 0 }, en: ["the data has a field `", 0, "` that the scheme does not declare (first seen in unit `", 1, "`); it is ignored"], zh: ["数据中有方案未声明的字段 `", 0, "`（首见于单位 `", 1, "`），已忽略"] }, W0502: { code: "W0502", severity: "warning", span: { start: 0, end: 0 }, en: ["every value of `", 0, "` is between 0 and 1, so each is read as less than 1% (unit `", 1, "`: ", 2, " is ", 2, "%)"], zh: ["`", 0, "` 的值都在 0 到 1 之间，都会被读作不到 1%（单位 `", 1, "`：", 2, " 即 ", 2, "%）"], hint: { en: ["a percentage is written as 85 or \"85%\": if ", 2, " means ", 3, "%, write ", 3], zh: ["百分比按 85 或 \"85%\" 填写：若 ", 2, " 指 ", 3, "%，请填 ", 3] } } };
const expected = (t) => (t === "record" ? EXPECTED_RECORD : (t.text ?? EXPECTED_UNIT));

/** Validate the rows, then score every unit; with data errors, nothing is scored. */
export function score(rows, options = {}) {
  const { table, problems } = validateRows(inputs, rows);
  const data = problems.map((p) => problemDiagnostic(p, PROBLEM_WORDS, expected, { start: 0, end: 0, file: options.file }));
  if (data.some((d) => d.severity === "error")) return rejected(data);
  const result = scheme0(table, options);
  if (data.length > 0) result.diagnostics = [...data, ...result.diagnostics];
  return result;
}

/** Score a table already validated (by @assess/runtime's TableBuilder or validateRows). */
export function scoreTable(table, options = {}) {
  return scheme0(table, options);
}

// The scheme "2024年度新一轮农村实事工程考核（镇、区）" ("scheme.assess"): every unit of a validated table, scored.
const scheme0 = scorer0();

/**
 * The functions of `scheme0`, made once, when the module loads: each reads the call being
 * scored from the variables below, so that the code the engine optimizes for them serves every
 * call. (Functions made anew by each call lost that code whenever the calls before were collected.)
 */
function scorer0() {
  // ── the call being scored: set when it starts, let go when it returns; a result reads its units with its own ──
  // (`var`: read for every unit, with no temporal dead zone to check)
  var n, ids, kinds, errors, given, in0, in1, in2, in3, in4, NONE, scores, itemNA, sectionScores,
      sectionNA, contributions, totals, bonusTotals, bonusCols, bonusNA, penaltyTotals, memo1, memo2,
      raw3Cache, prorataTop3, eligible, groups, groupOf, members, vetoed, vetoLists, places,
      gradeLines, grades, tracing;
  // f(u), or undefined when it fails (the failure recorded against the unit)
  function guard(u, f) {
    return guarded(errors, u, f);
  }
  function bonusTotal(u) {
    return bonusTotals[u] ?? sumApplicable(bonusCols, bonusNA, u) ?? ZERO;
  }
  const pointsOf0 = (rec) => tierPoints(V7, rec["级别"]);
  function where1(u, rec) {
    return cmp("==", (rec ? rec["年度"] : undefined), K8);
  }
  const keep2Kept = [];
  function keep2(entries, u) {
    const kept = keep2Kept;
    kept.length = 0;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (e["佐证"] !== undefined && where1(u, e) === true) kept.push(e);
    }
    return kept;
  }
  const best3Keys = [], best3Kept = [];
  function where4(u, rec) {
    return cmp("==", (rec ? rec["年度"] : undefined), K8);
  }
  // what each cohort value is taken over, unit by unit (for a cohort scored in parts)
  function cohortInputs() {
    const out = [];
    // cohort value 0
    {
      out[0] = { values: groups.keys.map((_, g) => prorataTopOver3(g)) };
    }
    return { cohort: out, groups, eligible };
  }
  // section "定性考核": the sum of its parts
  function combine0(u, steps) {
    let sum = ZERO;
    let failed = false;
    // item "组织领导"
    const v0 = scores[0][u];
    if (v0 === null) failed = true;
    else sum = sum.add(v0);
    // item "材料报送"
    const v1 = scores[1][u];
    if (v1 === null) failed = true;
    else sum = sum.add(v1);
    if (failed) return null;
    return sum;
  }
  // section "定量考核": the sum of its parts
  function combine1(u, steps) {
    let sum = ZERO;
    let failed = false;
    // item "牵头部门考核"
    const v2 = scores[2][u];
    if (v2 === null) failed = true;
    else sum = sum.add(v2);
    if (failed) return null;
    return sum;
  }
  // the total: the sum of its parts
  function combineTotal(u, steps) {
    let sum = ZERO;
    let failed = false;
    // section "定性考核"
    const s0 = sectionScores[0][u];
    if (s0 === null) failed = true;
    else sum = sum.add(s0);
    // section "定量考核"
    const s1 = sectionScores[1][u];
    if (s1 === null) failed = true;
    else sum = sum.add(s1);
    if (failed) return null;
    return sum;
  }
  // the first grade line that holds (-1: none)
  function gradeLineOf(u) {
    if (grade0(u) === true) return 0; // "优秀"
    if (grade1(u) === true) return 1; // "良好"
    if (grade2(u) === true) return 2; // "合格"
    return 3; // otherwise "不合格"
  }
  // grade "优秀": "总分 >= 90"
  function grade0(u) {
    return cmp(">=", (totals[u] ?? undefined), K4);
  }
  // grade "良好": "总分 >= 75"
  function grade1(u) {
    return cmp(">=", (totals[u] ?? undefined), K10);
  }
  // grade "合格": "总分 >= 60"
  function grade2(u) {
    return cmp(">=", (totals[u] ?? undefined), K11);
  }

  // ── item 0 "组织领导" (section "定性考核", max 5) ──
  // "{ 2 若 组织体系; 3 若 目标分解 }"
  function rule0(u, steps) {
    let sum = ZERO;
    const holds0 = in0[u] === true; // "组织体系"
    if (holds0) sum = sum.add(K1);
    if (steps) steps.push({ k: "line", points: holds0 ? K1.toString() : "2", deduct: false, cond: "组织体系", holds: holds0 });
    const holds1 = in1[u] === true; // "目标分解"
    if (holds1) sum = sum.add(K2);
    if (steps) steps.push({ k: "line", points: holds1 ? K2.toString() : "3", deduct: false, cond: "目标分解", holds: holds1 });
    if (steps) steps.push({ k: "sum", value: sum.toString() });
    return sum;
  }
  function raw0(u, steps) {
    return rule0(u, steps);
  }
  function score0(u, steps) {
    let v = raw0(u, steps);
    // never below 0 nor above 5 (the checker's ranges)
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  function reads0(u) {
    return [{ name: "组织体系", label: "建立健全组织领导和工作体系，且运转正常", value: shown(in0[u]) }, { name: "目标分解", label: "年度目标任务明确，分解到位并积极组织开展活动", value: shown(in1[u]) }];
  }

  // ── item 1 "材料报送" (section "定性考核", max 5) ──
  // "每 少报次数 扣 1"
  function rule1(u, steps) {
    const count = num(in2[u]);
    const d = deduction(V3, count);
    const result = K0.sub(d);
    if (steps) steps.push({ k: "deduct", amounts: ["1"], count: count.toString(), countText: "少报次数", deduction: d.toString(), max: K0.toString(), result: result.toString() });
    return result;
  }
  function raw1(u, steps) {
    if (steps) return rule1(u, steps);
    const key = in2[u];
    let v = memo1.get(key);
    if (v === undefined) memo1.set(key, (v = rule1(u)));
    return v;
  }
  function score1(u, steps) {
    let v = raw1(u, steps);
    // never above 5 (the checker's ranges)
    if (v.sign() < 0) {
      if (steps) steps.push({ k: "notBelowZero", from: v.toString() });
      v = ZERO;
    }
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  function reads1(u) {
    return [{ name: "少报次数", label: "进展情况、资金投入情况、年终总结等材料少报次数", value: shown(in2[u]) }];
  }

  // ── item 2 "牵头部门考核" (section "定量考核", max 90) ──
  // "部门得分"
  function rule2(u, steps) {
    const v = num(in3[u]);
    if (steps) steps.push({ k: "formula", text: "部门得分", value: v.toString() });
    return v;
  }
  function raw2(u, steps) {
    if (steps) return rule2(u, steps);
    const key = in3[u];
    let v = memo2.get(key);
    if (v === undefined) memo2.set(key, (v = rule2(u)));
    return v;
  }
  function score2(u, steps) {
    let v = raw2(u, steps);
    // never below 0 nor above 90 (the checker's ranges)
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  function reads2(u) {
    return [{ name: "部门得分", label: "各牵头责任部门定量考核得分（按各部门细则打分后汇总）", value: shown(in3[u]) }];
  }

  // ── bonus 3 "项目加分" (max 10) ──
  // "荣誉 需 佐证，其中 年度 = 2024，同一 项目 取最高，区级 1， 市级 3，省级 6，国家级 10，封顶 10 按比例"
  function rule3(u, steps) {
    const value = in4[u];
    let entries = Array.isArray(value) ? value : [];
    if (!steps) {
      entries = keep2(entries, u);
      entries = bestPerInto(entries, "项目", pointsOf0, best3Keys, best3Kept);
      let sum = ZERO;
      for (let i = 0; i < entries.length; i++) sum = sum.add(pointsOf0(entries[i]));
      return sum;
    }
    let kept;
    kept = entries.filter((e) => e["佐证"] !== undefined);
    for (const e of entries) if (!kept.includes(e)) steps.push({ k: "dropped", entry: entryOf(e), reason: { k: "with", field: "佐证" } });
    entries = kept;
    kept = entries.filter((e) => where4(u, e) === true);
    for (const e of entries) if (!kept.includes(e)) steps.push({ k: "dropped", entry: entryOf(e), reason: { k: "where", cond: "年度 = 2024" } });
    entries = kept;
    kept = bestPer(entries, "项目", pointsOf0);
    for (const e of entries) if (!kept.includes(e)) steps.push({ k: "dropped", entry: entryOf(e), reason: { k: "bestPer", field: "项目" } });
    entries = kept;
    let sum = ZERO;
    for (const e of entries) {
      const p = pointsOf0(e);
      sum = sum.add(p);
      steps.push({ k: "entry", entry: entryOf(e), member: e["级别"], points: p.toString() });
    }
    steps.push({ k: "sum", value: sum.toString() });
    return sum;
  }
  function raw3(u, steps) {
    return rule3(u, steps);
  }
  function cachedRaw3(u) {
    const c = raw3Cache[u];
    if (c instanceof Decimal) return c;
    if (c instanceof Failure) throw c;
    try {
      return (raw3Cache[u] = raw3(u));
    } catch (e) {
      if (e instanceof Failure) raw3Cache[u] = e;
      throw e;
    }
  }
  function prorataTopOver3(g) {
    let top = ZERO;
    for (const u of members[g]) {
      const v = cachedRaw3(u);
      if (v.gt(top)) top = v;
    }
    return top;
  }
  function prorataTop3Of(g) {
    const known = prorataTop3[g];
    if (known !== undefined) return known;
    if (given.values[0] !== undefined) return (prorataTop3[g] = given.values[0].get(groups.keys[g]) ?? ZERO);
    return (prorataTop3[g] = prorataTopOver3(g));
  }
  function score3(u, steps) {
    let v = steps ? raw3(u, steps) : cachedRaw3(u);
    const top = prorataTop3Of(groupOf[u]);
    if (top.gt(K5)) {
      const scaled = v.mul(K5).div(top);
      if (steps) steps.push({ k: "prorata", cap: K5.toString(), top: top.toString(), raw: v.toString(), scaled: scaled.toString() });
      v = scaled;
    } else if (steps) steps.push({ k: "prorataNone", cap: K5.toString(), top: top.toString() });
    if (v.gt(K5)) {
      if (steps) steps.push({ k: "atMostMax", max: K5.toString(), from: v.toString() });
      v = K5;
    } else if (v.sign() < 0) {
      if (steps) steps.push({ k: "notBelowZero", from: v.toString() });
      v = ZERO;
    }
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  function reads3(u) {
    return [{ name: "荣誉", value: shown(in4[u]) }];
  }

  // ── results: one unit's, built when asked for (with its trace when tracing) ──
  const itemScorers = [score0, score1, score2, score3];
  const itemReads = [reads0, reads1, reads2, reads3];
  const itemNotApplicable = [APPLIES, APPLIES, APPLIES, APPLIES];
  function itemResultOf(id, u, traced) {
    const it = V12[id];
    const r = it.section === undefined ? { label: it.label, score: scores[id][u], max: it.max } : { label: it.label, section: it.section, score: scores[id][u], max: it.max };
    if (itemNA[id][u]) r.notApplicable = true;
    if (traced) r.trace = itemTrace(id, u);
    return r;
  }
  function sectionResultOf(id, u) {
    const s = V13[id];
    const r = { label: s.label, score: sectionScores[id][u], max: s.max, contribution: contributions[id][u] ?? null };
    if (s.parent !== undefined) r.parent = s.parent;
    if (s.weight !== undefined) r.weight = s.weight;
    if (sectionNA[id][u] && eligible[u]) r.notApplicable = true;
    return r;
  }
  /** An item's steps: why it does not apply, or how its score came about (or failed). */
  function itemTrace(id, u) {
    const steps = [];
    const na = itemNotApplicable[id](u);
    if (na !== undefined) steps.push({ k: "notApplicable", cond: na });
    else {
      try {
        itemScorers[id](u, steps);
      } catch (e) {
        if (!(e instanceof Failure)) throw e;
        steps.push({ k: "failure", message: e.diagnostic.message });
      }
    }
    return { rule: V12[id].rule, inputs: itemReads[id](u), steps };
  }
  function vetoesOf(u, steps) {
    let vetoes = NO_VETOES;
    return vetoes;
  }
  function gradeOf(u, steps) {
    if (totals[u] === null) return null;
    if (vetoed[u]) {
      if (steps) steps.push({ k: "vetoGrade", grade: null });
      return null;
    }
    const line = gradeLines[u];
    if (steps) {
      const l = V14[line];
      if (l) steps.push(l.otherwise ? { k: "otherwiseGrade", grade: l.label } : { k: "gradeLine", cond: l.cond, total: totals[u].toString(), grade: l.label });
    }
    return line >= 0 ? V14[line].label : null;
  }
  function placeStep(u) {
    const place = places[u];
    const why = !eligible[u] ? "ineligible" : vetoed[u] ? "vetoed" : totals[u] === null ? "failed" : undefined;
    if (place === null) return { k: "unplaced", why: why ?? "failed" };
    const of = members[groupOf[u]].length;
    return why === "vetoed" || why === "ineligible" ? { k: "place", place, of, after: why } : { k: "place", place, of };
  }
  function totalSteps(u) {
    const out = [];
    wholeSteps(out, combine0, u, { k: "section", label: "定性考核", parts: [part(scores[0][u], itemNA[0][u]), part(scores[1][u], itemNA[1][u])], score: part(sectionScores[0][u], sectionNA[0][u]) });
    wholeSteps(out, combine1, u, { k: "section", label: "定量考核", parts: [part(scores[2][u], itemNA[2][u])], score: part(sectionScores[1][u], sectionNA[1][u]) });
    const r = wholeSteps(out, combineTotal, u);
    const step = { k: "total", parts: [part(sectionScores[0][u], sectionNA[0][u]), part(sectionScores[1][u], sectionNA[1][u])] };
    step.bonus = bonusTotals[u].toString();
    let running = r === null ? null : r.add(bonusTotals[u]);
    step.result = str(running);
    out.push(step);
    return out;
  }
  function unitResult(u) {
    const traced = tracing(u);
    const itemsTraced = traced && eligible[u] === 1;
    const items = [itemResultOf(0, u, itemsTraced), itemResultOf(1, u, itemsTraced), itemResultOf(2, u, itemsTraced)];
    const sections = [sectionResultOf(0, u), sectionResultOf(1, u)];
    const bonuses = [itemResultOf(3, u, itemsTraced)];
    const penalties = [];
    const steps = traced ? totalSteps(u) : undefined;
    const vetoes = eligible[u] ? (steps ? vetoesOf(u, steps) : vetoLists[u]) : NO_VETOES;
    if (steps) steps.push(placeStep(u));
    const grade = gradeOf(u, steps);
    const r = { id: ids[u], items, sections, bonuses, bonus: bonusTotals[u], penalties, penalty: penaltyTotals[u], total: totals[u], place: places[u], eligible: eligible[u] === 1, grade, vetoed: vetoes.length > 0, vetoes: [...vetoes], errors: errors.get(u) ?? [] };
    if (steps) r.steps = steps;
    return r;
  }

  // ── a call's state: kept by its result, put in place for each of its units, let go ──
  let callLoaded = false; // a call is in progress, or a result's unit is being built
  let loadedFrom; // the state of the result whose units were read last, while it stays loaded
  let lettingGo = false; // a microtask will let it go
  function callState() {
    return [n, ids, kinds, errors, given, in0, in1, in2, in3, in4, NONE, scores, itemNA, sectionScores, sectionNA, contributions, totals, bonusTotals, bonusCols, bonusNA, penaltyTotals, memo1, memo2, raw3Cache, prorataTop3, eligible, groups, groupOf, members, vetoed, vetoLists, places, gradeLines, grades, tracing];
  }
  function loadCall(state) {
    n = state[0];
    ids = state[1];
    kinds = state[2];
    errors = state[3];
    given = state[4];
    in0 = state[5];
    in1 = state[6];
    in2 = state[7];
    in3 = state[8];
    in4 = state[9];
    NONE = state[10];
    scores = state[11];
    itemNA = state[12];
    sectionScores = state[13];
    sectionNA = state[14];
    contributions = state[15];
    totals = state[16];
    bonusTotals = state[17];
    bonusCols = state[18];
    bonusNA = state[19];
    penaltyTotals = state[20];
    memo1 = state[21];
    memo2 = state[22];
    raw3Cache = state[23];
    prorataTop3 = state[24];
    eligible = state[25];
    groups = state[26];
    groupOf = state[27];
    members = state[28];
    vetoed = state[29];
    vetoLists = state[30];
    places = state[31];
    gradeLines = state[32];
    grades = state[33];
    tracing = state[34];
  }
  /** Before a call, or the building of a result's unit: what it interrupts, if anything. */
  function enterCall() {
    const outer = callLoaded ? { state: callState(), from: loadedFrom } : undefined;
    callLoaded = true;
    loadedFrom = undefined;
    return outer;
  }
  /** After: what was interrupted back, or every variable let go. */
  function leaveCall(outer) {
    if (outer) {
      loadCall(outer.state);
      loadedFrom = outer.from;
    } else {
      loadCall(NOTHING);
      callLoaded = false;
    }
  }
  function letGo() {
    lettingGo = false;
    if (callLoaded || loadedFrom === undefined) return;
    loadCall(NOTHING);
    loadedFrom = undefined;
  }
  /** f() with the state of a call that has returned (what it interrupts put back). */
  function inCall(state, f) {
    const outer = enterCall();
    loadCall(state);
    try {
      return f();
    } finally {
      leaveCall(outer);
    }
  }
  /** A result's units, each built with the state of the call that scored them. */
  function resultReader(state) {
    return (u) => {
      // Inside a call or the building of another unit (a callback): that state is put back.
      if (callLoaded) return inCall(state, () => unitResult(u));
      if (loadedFrom !== state) {
        loadCall(state);
        loadedFrom = state;
        if (!lettingGo) {
          lettingGo = true;
          queueMicrotask(letGo);
        }
      }
      callLoaded = true;
      try {
        return unitResult(u);
      } finally {
        callLoaded = false;
      }
    };
  }

  return function scheme0(table, options = {}) {
    const outer = enterCall();
    try {
      n = table.n;
      ids = table.ids;
      kinds = table.kinds;
      errors = new Map();
      given = options.cohort ?? { values: [] };
      in0 = column(table, "组织体系");
      in1 = column(table, "目标分解");
      in2 = column(table, "少报次数");
      in3 = column(table, "部门得分");
      in4 = column(table, "荣誉");
      NONE = new Uint8Array(n); // never set: for the scores that always apply
      scores = [new Array(n), new Array(n), new Array(n), new Array(n)]; // by item id
      itemNA = [NONE, NONE, NONE, NONE];
      sectionScores = [new Array(n), new Array(n)];
      sectionNA = [NONE, NONE];
      contributions = [sectionScores[0], sectionScores[1]];
      totals = new Array(n).fill(null);
      bonusTotals = new Array(n);
      bonusCols = [scores[3]];
      bonusNA = [itemNA[3]];
      penaltyTotals = new Array(n).fill(ZERO);
      memo1 = new Memo(); // "材料报送" by "少报次数"
      memo2 = new Memo(); // "牵头部门考核" by "部门得分"
      raw3Cache = new Array(n).fill(UNSET); // "项目加分": raw values, once worked out
      prorataTop3 = []; // by group, once worked out
      tracing = typeof options.trace === "function" ? options.trace : () => !!options.trace; // which units' results have their trace

      // ── who is assessed, and with whom ──
      eligible = new Uint8Array(n).fill(1);
      groups = groupUnits(n, eligible);
      groupOf = groups.of;
      members = groups.members;
      if (options.cohortInputs) return cohortInputs();
      if (typeof given === "function") given = given(cohortInputs());

      // ── every score, each after the scores it reads ──
      for (let u = 0, col = scores[0]; u < n; u++) { // item "组织领导"
        try { col[u] = score0(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[1]; u < n; u++) { // item "材料报送"
        try { col[u] = score1(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[2]; u < n; u++) { // item "牵头部门考核"
        try { col[u] = score2(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[3]; u < n; u++) { // bonus "项目加分"
        try { col[u] = score3(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = sectionScores[0]; u < n; u++) { // section "定性考核"
        col[u] = combine0(u);
      }
      for (let u = 0, col = sectionScores[1]; u < n; u++) { // section "定量考核"
        col[u] = combine1(u);
      }

      // ── totals: the parts, bonuses added, penalties taken off, adjustments, the floor ──
      for (let u = 0; u < n; u++) {
        const bonus = sumApplicable(bonusCols, bonusNA, u);
        bonusTotals[u] = bonus ?? ZERO;
        const r = combineTotal(u);
        let sum = bonus === null || r === null ? null : r.add(bonus);
        totals[u] = sum;
      }

      // ── vetoes, places, grades ──
      vetoed = new Uint8Array(n);
      vetoLists = new Array(n).fill(NO_VETOES);
      places = options.places === false ? new Array(n).fill(null) : placeUnits(groups, eligible, vetoed, totals, { vetoed: "last", ineligible: "unplaced" });
      gradeLines = new Int16Array(n).fill(-1); // the line that gave each ranked unit its grade
      for (let u = 0; u < n; u++) if (!vetoed[u] && totals[u] !== null) gradeLines[u] = gradeLineOf(u);
      grades = new Array(n);
      for (let u = 0; u < n; u++) grades[u] = gradeOf(u);

      const columns = { items: scores, itemsNA: itemNA, sections: sectionScores, sectionsNA: sectionNA, contributions, bonus: bonusTotals, penalty: penaltyTotals, totals, places, eligible, grades, vetoes: vetoLists };
      return scoring({ n, ids, errors, columns, unitResult: resultReader(callState()) });
    } finally {
      leaveCall(outer);
    }
  };
}
