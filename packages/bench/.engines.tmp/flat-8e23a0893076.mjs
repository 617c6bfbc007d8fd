// "乡镇工作考核（六项）": compiled from "flat.assess" by `assess compile` (plan version 1).
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
const K3 = dec("10");
const K4 = dec("100");
const K5 = dec("70");
const K6 = dec("90");
const K7 = dec("0.95");
const K8 = dec("0.8");
const K9 = dec("6");
const K10 = dec("0.6");
const K11 = dec("75");
const K12 = dec("60");
const K13 = dec("20");
const K14 = dec("80");

// ── where a unit's number can fail, and the words for it ──
const FAIL0 = { code: "E0601", span: { start: 623, end: 646, file: "flat.assess" }, en: ["unit `", 0, "`: division by zero in `satisfaction * 10 / 100`"], zh: ["单位 `", 0, "`：`satisfaction * 10 / 100` 中除数为零"] }; // division by zero in "satisfaction * 10 / 100"
const FAIL1 = { code: "E0601", span: { start: 696, end: 716, file: "flat.assess" }, en: ["unit `", 0, "`: division by zero in `dept_score * 70 / 90`"], zh: ["单位 `", 0, "`：`dept_score * 70 / 90` 中除数为零"] }; // division by zero in "dept_score * 70 / 90"

// ── what one unit's data holds ──
export const inputs = {
  inputs: [
    { name: "org_system", optional: false, type: { k: "yesno", text: { en: "yes or no", zh: "是或否" } } },
    { name: "targets_split", optional: false, type: { k: "yesno", text: { en: "yes or no", zh: "是或否" } } },
    { name: "missing_reports", optional: false, type: { k: "count", text: { en: "a whole number, 0 or more", zh: "不小于 0 的整数" } } },
    { name: "dept_score", optional: false, type: { k: "number", range: { low: "0", high: "90", lowText: "0", highText: "90" }, text: { en: "a number from 0 to 90", zh: "0 到 90 之间的数值" } } },
    { name: "coverage", optional: false, type: { k: "percent", text: { en: "a percentage such as 85 or \"85%\"", zh: "百分比，如 85 或 \"85%\"" } } },
    { name: "satisfaction", optional: false, type: { k: "number", range: { low: "0", high: "100", lowText: "0", highText: "100" }, text: { en: "a number from 0 to 100", zh: "0 到 100 之间的数值" } } },
  ],
  unitKinds: [],
  gradeLabels: ["优秀", "良好", "合格", "不合格"],
};
const EXPECTED_UNIT = { en: "one of ", zh: "以下之一：" };
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

// The scheme "乡镇工作考核（六项）" ("flat.assess"): every unit of a validated table, scored.
function scheme0(table, options = {}) {
  const n = table.n;
  const ids = table.ids;
  const kinds = table.kinds;
  const trace = options.trace;
  const tracing = typeof trace === "function" ? trace : () => !!trace;
  const in0 = column(table, "org_system");
  const in1 = column(table, "targets_split");
  const in2 = column(table, "missing_reports");
  const in3 = column(table, "satisfaction");
  const in4 = column(table, "dept_score");
  const in5 = column(table, "coverage");
  const scores = [new Array(n), new Array(n), new Array(n), new Array(n), new Array(n)];
  let sectionScores = [];
  let contributions = [];
  let totals = [];
  let bonusTotals = [];
  const errors = new Map();
  const guard = (u, f) => guarded(errors, u, f);
  // grade "优秀": "total >= 90"
  function grade0(u) {
    return cmp(">=", (totals[u] ?? undefined), K6);
  }
  // grade "良好": "total >= 75"
  function grade1(u) {
    return cmp(">=", (totals[u] ?? undefined), K11);
  }
  // grade "合格": "total >= 60"
  function grade2(u) {
    return cmp(">=", (totals[u] ?? undefined), K12);
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
      if (steps) steps.push({ k: "gradeLine", cond: "total >= 90", total: total.toString(), grade: "优秀" });
      return "优秀";
    }
    try { holds = grade1(u); } catch (e) { holds = undefined; failed(errors, u, e); }
    if (holds === true) {
      if (steps) steps.push({ k: "gradeLine", cond: "total >= 75", total: total.toString(), grade: "良好" });
      return "良好";
    }
    try { holds = grade2(u); } catch (e) { holds = undefined; failed(errors, u, e); }
    if (holds === true) {
      if (steps) steps.push({ k: "gradeLine", cond: "total >= 60", total: total.toString(), grade: "合格" });
      return "合格";
    }
    if (steps) steps.push({ k: "otherwiseGrade", grade: "不合格" });
    return "不合格";
    return null;
  }
  function itemTrace(rule, id, u) {
    const steps = [];
    try {
      [score0, score1, score2, score3, score4][id](u, steps);
    } catch (e) {
      if (!(e instanceof Failure)) throw e;
      steps.push({ k: "failure", message: e.diagnostic.message });
    }
    return { rule, inputs: [reads0, reads1, reads2, reads3, reads4][id](u), steps };
  }
  function totalSteps(u) {
    const out = [];
    const s = (d) => (d === null ? null : d.toString());
    out.push({ k: "section", label: "定性考核", parts: [s(scores[0][u]), s(scores[1][u]), s(scores[2][u])], score: s(sectionScores[0][u]) });
    out.push({ k: "section", label: "定量考核", parts: [s(scores[3][u]), s(scores[4][u])], score: s(sectionScores[1][u]) });
    const step = { k: "total", parts: [s(contributions[0][u]), s(contributions[1][u])] };
    step.result = s(totals[u]);
    out.push(step);
    return out;
  }
  function unitResult(u) {
    const steps = tracing(u) ? [] : undefined;
    const items = [
      itemResult({ label: "组织领导", section: "定性考核", score: scores[0][u], max: K0 }, tracing(u) && (() => itemTrace("{ 2 if org_system 3 if targets_split }", 0, u))),
      itemResult({ label: "材料报送", section: "定性考核", score: scores[1][u], max: K0 }, tracing(u) && (() => itemTrace("deduct 1 per missing_reports", 1, u))),
      itemResult({ label: "群众满意度", section: "定性考核", score: scores[2][u], max: K3 }, tracing(u) && (() => itemTrace("satisfaction * 10 / 100", 2, u))),
      itemResult({ label: "部门考核", section: "定量考核", score: scores[3][u], max: K5 }, tracing(u) && (() => itemTrace("dept_score * 70 / 90", 3, u))),
      itemResult({ label: "覆盖率", section: "定量考核", score: scores[4][u], max: K3 }, tracing(u) && (() => itemTrace("bands coverage { >= 95%: 10, >= 80%: 6, >= 60%: 3, else: 0 }", 4, u))),
    ];
    const sections = [
      { label: "定性考核", score: sectionScores[0][u], max: K13, contribution: contributions[0][u] },
      { label: "定量考核", score: sectionScores[1][u], max: K14, contribution: contributions[1][u] },
    ];
    const bonuses = [
    ];
    const vetoes = steps ? [...vetoesOf(u, steps)] : [...vetoLists[u]];
    const grade = steps ? gradeOf(u, vetoes, steps) : grades[u];
    if (steps) steps.unshift(...totalSteps(u));
    const r = { id: ids[u], items, sections, bonuses, bonus: bonusTotals[u], total: totals[u], grade, vetoed: vetoes.length > 0, vetoes, errors: errors.get(u) ?? [] };
    if (steps) r.steps = steps;
    return r;
  }

  // ── item 0 "组织领导" (section "定性考核", max 5) ──
  // "{ 2 if org_system 3 if targets_split }"
  function rule0(u, steps) {
    let sum = ZERO;
    const holds0 = in0[u] === true; // "org_system"
    if (holds0) sum = sum.add(K1);
    if (steps) steps.push({ k: "line", points: K1.toString(), deduct: false, cond: "org_system", holds: holds0 });
    const holds1 = in1[u] === true; // "targets_split"
    if (holds1) sum = sum.add(K2);
    if (steps) steps.push({ k: "line", points: K2.toString(), deduct: false, cond: "targets_split", holds: holds1 });
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
    return v;
  }
  const reads0 = (u) => [{ name: "org_system", label: "组织领导体系健全", value: shown(in0[u]) }, { name: "targets_split", label: "目标任务分解到位", value: shown(in1[u]) }];

  // ── item 1 "材料报送" (section "定性考核", max 5) ──
  // "deduct 1 per missing_reports"
  function rule1(u, steps) {
    const x = num(in2[u]);
    let d = ONE.mul(x);
    const capped = false;
    const result = K0.sub(d);
    if (steps) steps.push({ k: "deduct", max: K0.toString(), per: ONE.toString(), count: x.toString(), countText: "missing_reports", result: result.toString() });
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
    return v;
  }
  const reads1 = (u) => [{ name: "missing_reports", label: "少报次数", value: shown(in2[u]) }];

  // ── item 2 "群众满意度" (section "定性考核", max 10) ──
  // "satisfaction * 10 / 100"
  function rule2(u, steps) {
    const v = num(div(mul(in3[u], K3), K4, 10, FAIL0, ids[u]));
    if (steps) steps.push({ k: "formula", text: "satisfaction * 10 / 100", value: v.toString() });
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
    return v;
  }
  const reads2 = (u) => [{ name: "satisfaction", label: "群众满意度", value: shown(in3[u]) }];

  // ── item 3 "部门考核" (section "定量考核", max 70) ──
  // "dept_score * 70 / 90"
  function rule3(u, steps) {
    const v = num(div(mul(in4[u], K5), K6, 10, FAIL1, ids[u]));
    if (steps) steps.push({ k: "formula", text: "dept_score * 70 / 90", value: v.toString() });
    return v;
  }
  function raw3(u, steps) {
    return rule3(u, steps);
  }
  function score3(u, steps) {
    let v = raw3(u, steps);
    if (v.gt(K5)) {
      if (steps) steps.push({ k: "atMostMax", max: K5.toString(), from: v.toString() });
      v = K5;
    } else if (v.sign() < 0) {
      if (steps) steps.push({ k: "notBelowZero", from: v.toString() });
      v = ZERO;
    }
    return v;
  }
  const reads3 = (u) => [{ name: "dept_score", label: "部门考核得分", value: shown(in4[u]) }];

  // ── item 4 "覆盖率" (section "定量考核", max 10) ──
  // "bands coverage { >= 95%: 10, >= 80%: 6, >= 60%: 3, else: 0 }"
  function rule4(u, steps) {
    let t0;
    const v = num(((t0 = in5[u]), holds(">=", t0, K7) ? K3 : holds(">=", t0, K8) ? K9 : holds(">=", t0, K10) ? K2 : true ? ZERO : ZERO));
    if (steps) steps.push({ k: "formula", text: "bands coverage { >= 95%: 10, >= 80%: 6, >= 60%: 3, else: 0 }", value: v.toString() });
    return v;
  }
  function raw4(u, steps) {
    return rule4(u, steps);
  }
  function score4(u, steps) {
    let v = raw4(u, steps);
    if (v.gt(K3)) {
      if (steps) steps.push({ k: "atMostMax", max: K3.toString(), from: v.toString() });
      v = K3;
    } else if (v.sign() < 0) {
      if (steps) steps.push({ k: "notBelowZero", from: v.toString() });
      v = ZERO;
    }
    return v;
  }
  const reads4 = (u) => [{ name: "coverage", label: "覆盖率", value: shown(in5[u]) }];

  // ── scores, item by item over the cohort ──
  for (let u = 0, col = scores[0]; u < n; u++) { // "组织领导"
    try { col[u] = score0(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[1]; u < n; u++) { // "材料报送"
    try { col[u] = score1(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[2]; u < n; u++) { // "群众满意度"
    try { col[u] = score2(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[3]; u < n; u++) { // "部门考核"
    try { col[u] = score3(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[4]; u < n; u++) { // "覆盖率"
    try { col[u] = score4(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }

  // ── sections ──
  sectionScores = [new Array(n), new Array(n)];
  contributions = [new Array(n), new Array(n)];
  for (let u = 0; u < n; u++) { // "定性考核"
    let sum = ZERO;
    const s0 = scores[0][u];
    const s1 = scores[1][u];
    const s2 = scores[2][u];
    if (sum !== null) sum = s0 === null ? null : sum.add(s0);
    if (sum !== null) sum = s1 === null ? null : sum.add(s1);
    if (sum !== null) sum = s2 === null ? null : sum.add(s2);
    sectionScores[0][u] = sum;
    contributions[0][u] = sum;
  }
  for (let u = 0; u < n; u++) { // "定量考核"
    let sum = ZERO;
    const s3 = scores[3][u];
    const s4 = scores[4][u];
    if (sum !== null) sum = s3 === null ? null : sum.add(s3);
    if (sum !== null) sum = s4 === null ? null : sum.add(s4);
    sectionScores[1][u] = sum;
    contributions[1][u] = sum;
  }

  // ── totals: contributions, items outside sections, bonuses, adjustments ──
  totals = new Array(n);
  bonusTotals = new Array(n);
  for (let u = 0; u < n; u++) {
    let sum = ZERO;
    let bonus = ZERO;
    sum = sum === null || contributions[0][u] === null ? null : sum.add(contributions[0][u]);
    sum = sum === null || contributions[1][u] === null ? null : sum.add(contributions[1][u]);
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
