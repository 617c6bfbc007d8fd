// "2024年度新一轮农村实事工程考核（镇、区）": compiled from "scheme.assess" by `assess compile` (plan version 1).
// Do not edit: change the scheme and compile it again. Every score is an exact decimal;
// `score(rows)` validates the rows and scores every unit as the Assess interpreter does.
import { Decimal, validateRows, problemDiagnostic, aggregate, competitionRanks, shown, entryOf, UNSET, column, once, guarded, failed, NO_VETOES, shownOrFailed, itemResult, scoring, rejected, ops } from "@assess/runtime";

const { num, add, sub, mul, neg, round, cmp, holds, field, listAgg, minmax, linear, tierPoints, bestPer, bestPerInto, div, diagnostic, Failure } = ops;
const dec = (text) => Decimal.parse(text);
const ZERO = Decimal.ZERO;
const ONE = Decimal.ONE;

// ── constants ──
const K0 = dec("5");
const K1 = dec("2");
const K2 = dec("3");
const K3 = dec("90");
const K4 = dec("10");
const K5 = dec("6");
const V6 = new Map([["区级", ONE], ["市级", K2], ["省级", K5], ["国家级", K4]]); // tier points
const K7 = dec("2024");
const K8 = dec("100");
const K9 = dec("75");
const K10 = dec("60");

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
const PROBLEM_WORDS = { E0501: { code: "E0501", severity: "error", span: { start: 0, end: 0 }, en: ["unit `", 0, "`, field `", 1, "`: expected ", 2, ", found ", 3], zh: ["单位 `", 0, "` 的 `", 1, "`：应为", 2, "，实际是 ", 3] }, E0502: { code: "E0502", severity: "error", span: { start: 0, end: 0 }, en: ["unit `", 0, "` has no value for `", 1, "` (expected ", 2, ")"], zh: ["单位 `", 0, "` 缺少 `", 1, "`（应为", 2, "）"], hint: { en: ["fill it in, or declare the field `optional` in the scheme"], zh: ["请补填，或在方案中将该字段声明为 `可选`"] } }, E0503: { code: "E0503", severity: "error", span: { start: 0, end: 0 }, en: ["two units have the id `", 0, "` (#", 1, " and #", 2, ")"], zh: ["有两个单位的编号都是 `", 0, "`（#", 1, " 与 #", 2, "）"], hint: { en: ["every unit needs its own id"], zh: ["每个单位的编号必须唯一"] } }, E0504: { code: "E0504", severity: "error", span: { start: 0, end: 0 }, en: ["unit #", 0, " has no `id`"], zh: ["第 ", 0, " 个单位缺少 `id`"] }, E0505: { code: "E0505", severity: "error", span: { start: 0, end: 0 }, en: ["unit #", 0, " is not a record"], zh: ["第 ", 0, " 个单位不是记录"] }, E0507: { code: "E0507", severity: "error", span: { start: 0, end: 0 }, en: ["too many units (", 0, "; the limit is ", 1, ")"], zh: ["单位过多（", 0, " 个，上限 ", 1, "）"] }, W0501: { code: "W0501", severity: "warning", span: { start: 0, end: 0 }, en: ["the data has a field `", 0, "` that the scheme does not declare (first seen in unit `", 1, "`); it is ignored"], zh: ["数据中有方案未声明的字段 `", 0, "`（首见于单位 `", 1, "`），已忽略"] } };
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
function scheme0(table, options = {}) {
  const n = table.n;
  const ids = table.ids;
  const kinds = table.kinds;
  const trace = options.trace;
  const tracing = typeof trace === "function" ? trace : () => !!trace;
  const in0 = column(table, "组织体系");
  const in1 = column(table, "目标分解");
  const in2 = column(table, "少报次数");
  const in3 = column(table, "部门得分");
  const in4 = column(table, "荣誉");
  const scores = [new Array(n), new Array(n), new Array(n), new Array(n)];
  let sectionScores = [];
  let contributions = [];
  let totals = [];
  let bonusTotals = [];
  const errors = new Map();
  const guard = (u, f) => guarded(errors, u, f);
  const pointsOf0 = (rec) => tierPoints(V6, rec["级别"]);
  function where1(u, rec) {
    return cmp("==", (rec ? rec["年度"] : undefined), K7);
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
    return cmp("==", (rec ? rec["年度"] : undefined), K7);
  }
  // cohort value 0: the highest raw score of item 3
  function cohort0Pass() {
    return prorataTop3();
  }
  const cohort0 = once(cohort0Pass);
  // grade "优秀": "总分 >= 90"
  function grade0(u) {
    return cmp(">=", (totals[u] ?? undefined), K3);
  }
  // grade "良好": "总分 >= 75"
  function grade1(u) {
    return cmp(">=", (totals[u] ?? undefined), K9);
  }
  // grade "合格": "总分 >= 60"
  function grade2(u) {
    return cmp(">=", (totals[u] ?? undefined), K10);
  }
  function vetoesOf(u, steps) {
    let vetoes = NO_VETOES;
    return vetoes;
  }
  function gradeOf(u, vetoes, steps) {
    const total = totals[u];
    if (total === null) return null;
    if (vetoes.length > 0) {
      if (steps) steps.push({ k: "vetoGrade", grade: null });
      return null;
    }
    let holds;
    try { holds = grade0(u); } catch (e) { holds = undefined; failed(errors, u, e); }
    if (holds === true) {
      if (steps) steps.push({ k: "gradeLine", cond: "总分 >= 90", total: total.toString(), grade: "优秀" });
      return "优秀";
    }
    try { holds = grade1(u); } catch (e) { holds = undefined; failed(errors, u, e); }
    if (holds === true) {
      if (steps) steps.push({ k: "gradeLine", cond: "总分 >= 75", total: total.toString(), grade: "良好" });
      return "良好";
    }
    try { holds = grade2(u); } catch (e) { holds = undefined; failed(errors, u, e); }
    if (holds === true) {
      if (steps) steps.push({ k: "gradeLine", cond: "总分 >= 60", total: total.toString(), grade: "合格" });
      return "合格";
    }
    if (steps) steps.push({ k: "otherwiseGrade", grade: "不合格" });
    return "不合格";
    return null;
  }
  function itemTrace(rule, id, u) {
    const steps = [];
    try {
      [score0, score1, score2, score3][id](u, steps);
    } catch (e) {
      if (!(e instanceof Failure)) throw e;
      steps.push({ k: "failure", message: e.diagnostic.message });
    }
    return { rule, inputs: [reads0, reads1, reads2, reads3][id](u), steps };
  }
  function totalSteps(u) {
    const out = [];
    const s = (d) => (d === null ? null : d.toString());
    out.push({ k: "section", label: "定性考核", parts: [s(scores[0][u]), s(scores[1][u])], score: s(sectionScores[0][u]) });
    out.push({ k: "section", label: "定量考核", parts: [s(scores[2][u])], score: s(sectionScores[1][u]) });
    const step = { k: "total", parts: [s(contributions[0][u]), s(contributions[1][u])] };
    step.bonus = bonusTotals[u].toString();
    step.result = s(totals[u]);
    out.push(step);
    return out;
  }
  function unitResult(u) {
    const steps = tracing(u) ? [] : undefined;
    const items = [
      itemResult({ label: "组织领导", section: "定性考核", score: scores[0][u], max: K0 }, tracing(u) && (() => itemTrace("{ 2 若 组织体系 3 若 目标分解 }", 0, u))),
      itemResult({ label: "材料报送", section: "定性考核", score: scores[1][u], max: K0 }, tracing(u) && (() => itemTrace("每 少报次数 扣 1", 1, u))),
      itemResult({ label: "牵头部门考核", section: "定量考核", score: scores[2][u], max: K3 }, tracing(u) && (() => itemTrace("部门得分", 2, u))),
    ];
    const sections = [
      { label: "定性考核", score: sectionScores[0][u], max: K4, contribution: contributions[0][u] },
      { label: "定量考核", score: sectionScores[1][u], max: K3, contribution: contributions[1][u] },
    ];
    const bonuses = [
      itemResult({ label: "项目加分", score: scores[3][u], max: K4 }, tracing(u) && (() => itemTrace("荣誉 需 佐证，其中 年度 = 2024，同一 项目 取最高，区级 1， 市级 3，省级 6，国家级 10，封顶 10 按比例", 3, u))),
    ];
    const vetoes = steps ? [...vetoesOf(u, steps)] : [...vetoLists[u]];
    const grade = steps ? gradeOf(u, vetoes, steps) : grades[u];
    if (steps) steps.unshift(...totalSteps(u));
    const r = { id: ids[u], items, sections, bonuses, bonus: bonusTotals[u], total: totals[u], grade, vetoed: vetoes.length > 0, vetoes, errors: errors.get(u) ?? [] };
    if (steps) r.steps = steps;
    return r;
  }

  // ── item 0 "组织领导" (section "定性考核", max 5) ──
  // "{ 2 若 组织体系 3 若 目标分解 }"
  function rule0(u, steps) {
    let sum = ZERO;
    const holds0 = in0[u] === true; // "组织体系"
    if (holds0) sum = sum.add(K1);
    if (steps) steps.push({ k: "line", points: K1.toString(), deduct: false, cond: "组织体系", holds: holds0 });
    const holds1 = in1[u] === true; // "目标分解"
    if (holds1) sum = sum.add(K2);
    if (steps) steps.push({ k: "line", points: K2.toString(), deduct: false, cond: "目标分解", holds: holds1 });
    if (steps) steps.push({ k: "sum", value: sum.toString() });
    return sum;
  }
  function raw0(u, steps) {
    return rule0(u, steps);
  }
  function score0(u, steps) {
    let v = raw0(u, steps);
    if (v.gt(K0)) {
      if (steps) steps.push({ k: "atMostMax", max: K0.toString(), from: v.toString() });
      v = K0;
    } else if (v.sign() < 0) {
      if (steps) steps.push({ k: "notBelowZero", from: v.toString() });
      v = ZERO;
    }
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  const reads0 = (u) => [{ name: "组织体系", label: "建立健全组织领导和工作体系，且运转正常", value: shown(in0[u]) }, { name: "目标分解", label: "年度目标任务明确，分解到位并积极组织开展活动", value: shown(in1[u]) }];

  // ── item 1 "材料报送" (section "定性考核", max 5) ──
  // "每 少报次数 扣 1"
  function rule1(u, steps) {
    const x = num(in2[u]);
    let d = ONE.mul(x);
    const capped = false;
    const result = K0.sub(d);
    if (steps) steps.push({ k: "deduct", max: K0.toString(), per: ONE.toString(), count: x.toString(), countText: "少报次数", result: result.toString() });
    return result;
  }
  function raw1(u, steps) {
    return rule1(u, steps);
  }
  function score1(u, steps) {
    let v = raw1(u, steps);
    if (v.gt(K0)) {
      if (steps) steps.push({ k: "atMostMax", max: K0.toString(), from: v.toString() });
      v = K0;
    } else if (v.sign() < 0) {
      if (steps) steps.push({ k: "notBelowZero", from: v.toString() });
      v = ZERO;
    }
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  const reads1 = (u) => [{ name: "少报次数", label: "进展情况、资金投入情况、年终总结等材料少报次数", value: shown(in2[u]) }];

  // ── item 2 "牵头部门考核" (section "定量考核", max 90) ──
  // "部门得分"
  function rule2(u, steps) {
    const v = num(in3[u]);
    if (steps) steps.push({ k: "formula", text: "部门得分", value: v.toString() });
    return v;
  }
  function raw2(u, steps) {
    return rule2(u, steps);
  }
  function score2(u, steps) {
    let v = raw2(u, steps);
    if (v.gt(K3)) {
      if (steps) steps.push({ k: "atMostMax", max: K3.toString(), from: v.toString() });
      v = K3;
    } else if (v.sign() < 0) {
      if (steps) steps.push({ k: "notBelowZero", from: v.toString() });
      v = ZERO;
    }
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  const reads2 = (u) => [{ name: "部门得分", label: "各牵头责任部门定量考核得分（按各部门细则打分后汇总）", value: shown(in3[u]) }];

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
    if (steps) for (const e of entries) if (!kept.includes(e)) steps.push({ k: "dropped", entry: entryOf(e), reason: { k: "with", field: "佐证" } });
    entries = kept;
    kept = entries.filter((e) => where4(u, e) === true);
    if (steps) for (const e of entries) if (!kept.includes(e)) steps.push({ k: "dropped", entry: entryOf(e), reason: { k: "where", cond: "年度 = 2024" } });
    entries = kept;
    kept = bestPer(entries, "项目", pointsOf0);
    if (steps) for (const e of entries) if (!kept.includes(e)) steps.push({ k: "dropped", entry: entryOf(e), reason: { k: "bestPer", field: "项目" } });
    entries = kept;
    let sum = ZERO;
    for (const e of entries) {
      const p = pointsOf0(e);
      sum = sum.add(p);
      if (steps) steps.push({ k: "entry", entry: entryOf(e), member: e["级别"], points: p.toString() });
    }
    if (steps) steps.push({ k: "sum", value: sum.toString() });
    return sum;
  }
  function raw3(u, steps) {
    return rule3(u, steps);
  }
  const raw3Cache = new Array(n).fill(UNSET);
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
  function prorataTop3Pass() {
    let top = ZERO;
    for (let u = 0; u < n; u++) {
      const v = cachedRaw3(u);
      if (v.gt(top)) top = v;
    }
    return top;
  }
  const prorataTop3 = once(prorataTop3Pass);
  function score3(u, steps) {
    let v = steps ? raw3(u, steps) : cachedRaw3(u);
    const top = prorataTop3();
    if (top.gt(K4)) {
      const scaled = v.mul(K4).div(top, 10);
      if (steps) steps.push({ k: "prorata", cap: K4.toString(), top: top.toString(), raw: v.toString(), scaled: scaled.toString() });
      v = scaled;
    } else if (steps) steps.push({ k: "prorataNone", cap: K4.toString(), top: top.toString() });
    if (v.gt(K4)) {
      if (steps) steps.push({ k: "atMostMax", max: K4.toString(), from: v.toString() });
      v = K4;
    } else if (v.sign() < 0) {
      if (steps) steps.push({ k: "notBelowZero", from: v.toString() });
      v = ZERO;
    }
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  const reads3 = (u) => [{ name: "荣誉", value: shown(in4[u]) }];

  // ── scores, item by item over the cohort ──
  for (let u = 0, col = scores[0]; u < n; u++) { // "组织领导"
    try { col[u] = score0(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[1]; u < n; u++) { // "材料报送"
    try { col[u] = score1(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[2]; u < n; u++) { // "牵头部门考核"
    try { col[u] = score2(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[3]; u < n; u++) { // "项目加分"
    try { col[u] = score3(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }

  // ── sections ──
  sectionScores = [new Array(n), new Array(n)];
  contributions = [sectionScores[0], sectionScores[1]];
  for (let u = 0; u < n; u++) { // "定性考核"
    let sum = ZERO;
    const s0 = scores[0][u];
    const s1 = scores[1][u];
    if (sum !== null) sum = s0 === null ? null : sum.add(s0);
    if (sum !== null) sum = s1 === null ? null : sum.add(s1);
    sectionScores[0][u] = sum;
  }
  for (let u = 0; u < n; u++) { // "定量考核"
    let sum = ZERO;
    const s2 = scores[2][u];
    if (sum !== null) sum = s2 === null ? null : sum.add(s2);
    sectionScores[1][u] = sum;
  }

  // ── totals: contributions, items outside sections, bonuses, adjustments ──
  totals = new Array(n);
  bonusTotals = new Array(n);
  for (let u = 0; u < n; u++) {
    let sum = ZERO;
    let bonus = ZERO;
    sum = sum === null || contributions[0][u] === null ? null : sum.add(contributions[0][u]);
    sum = sum === null || contributions[1][u] === null ? null : sum.add(contributions[1][u]);
    if (scores[3][u] === null) sum = null; else bonus = bonus.add(scores[3][u]);
    if (sum !== null) sum = sum.add(bonus);
    totals[u] = sum;
    bonusTotals[u] = bonus;
  }

  // ── vetoes and grades ──
  const grades = new Array(n);
  const vetoLists = new Array(n);
  for (let u = 0; u < n; u++) {
    const v = (vetoLists[u] = vetoesOf(u));
    grades[u] = gradeOf(u, v);
  }
  return scoring({ n, ids, errors, totals, bonusTotals, scores, sectionScores, contributions, grades, vetoLists, unitResult });
}
