// "和谐城乡建设行动考核（和谐乡镇）": compiled from "scheme.assess" by `assess compile` (plan version 1).
// Do not edit: change the scheme and compile it again. Every score is an exact decimal;
// `score(rows)` validates the rows and scores every unit as the Assess interpreter does.
import { Decimal, validateRows, problemDiagnostic, aggregate, competitionRanks, shown, entryOf, UNSET, column, once, guarded, failed, NO_VETOES, shownOrFailed, itemResult, scoring, rejected, ops } from "@assess/runtime";

const { num, add, sub, mul, neg, round, cmp, holds, field, listAgg, minmax, linear, tierPoints, bestPer, bestPerInto, div, diagnostic, Failure } = ops;
const dec = (text) => Decimal.parse(text);
const ZERO = Decimal.ZERO;
const ONE = Decimal.ONE;

// ── constants ──
const K0 = dec("25");
const K1 = dec("10");
const K2 = dec("15");
const K3 = dec("5");
const K4 = dec("100");
const K5 = dec("0.24");
const K6 = dec("0.36");
const K7 = dec("0.2");

// ── where a unit's number can fail, and the words for it ──
const FAIL0 = { code: "E0601", span: { start: 1111, end: 1134, file: "scheme.assess" }, en: ["unit `", 0, "`: division by zero in `城镇化率 - 上年城镇化率) / 上年城镇化率`"], zh: ["单位 `", 0, "`：`城镇化率 - 上年城镇化率) / 上年城镇化率` 中除数为零"] }; // division by zero in "城镇化率 - 上年城镇化率) / 上年城镇化率"
const FAIL1 = { code: "E0601", span: { start: 1150, end: 1176, file: "scheme.assess" }, en: ["unit `", 0, "`: division by zero in `污水处理率 - 上年污水处理率) / 上年污水处理率`"], zh: ["单位 `", 0, "`：`污水处理率 - 上年污水处理率) / 上年污水处理率` 中除数为零"] }; // division by zero in "污水处理率 - 上年污水处理率) / 上年污水处理率"
const FAIL2 = { code: "E0601", span: { start: 1191, end: 1228, file: "scheme.assess" }, en: ["unit `", 0, "`: division by zero in `人均公园绿地面积 - 上年人均公园绿地面积)\n  / 上年人均公园绿地面积`"], zh: ["单位 `", 0, "`：`人均公园绿地面积 - 上年人均公园绿地面积)\n  / 上年人均公园绿地面积` 中除数为零"] }; // division by zero in "人均公园绿地面积 - 上年人均公园绿地面积)\n  / 上年人均公园绿地面积"
const FAIL3 = { code: "E0601", span: { start: 1241, end: 1273, file: "scheme.assess" }, en: ["unit `", 0, "`: division by zero in `万元GDP能耗 - 上年万元GDP能耗) / 上年万元GDP能耗`"], zh: ["单位 `", 0, "`：`万元GDP能耗 - 上年万元GDP能耗) / 上年万元GDP能耗` 中除数为零"] }; // division by zero in "万元GDP能耗 - 上年万元GDP能耗) / 上年万元GDP能耗"

// ── what one unit's data holds ──
export const inputs = {
  inputs: [
    { name: "城镇化率", optional: false, type: { k: "percent", text: { en: "a percentage such as 85 or \"85%\"", zh: "百分比，如 85 或 \"85%\"" } } },
    { name: "上年城镇化率", optional: false, type: { k: "percent", text: { en: "a percentage such as 85 or \"85%\"", zh: "百分比，如 85 或 \"85%\"" } } },
    { name: "污水处理率", optional: false, type: { k: "percent", text: { en: "a percentage such as 85 or \"85%\"", zh: "百分比，如 85 或 \"85%\"" } } },
    { name: "上年污水处理率", optional: false, type: { k: "percent", text: { en: "a percentage such as 85 or \"85%\"", zh: "百分比，如 85 或 \"85%\"" } } },
    { name: "人均公园绿地面积", optional: false, type: { k: "number", text: { en: "a number", zh: "数值" } } },
    { name: "上年人均公园绿地面积", optional: false, type: { k: "number", text: { en: "a number", zh: "数值" } } },
    { name: "万元GDP能耗", optional: false, type: { k: "number", text: { en: "a number", zh: "数值" } } },
    { name: "上年万元GDP能耗", optional: false, type: { k: "number", text: { en: "a number", zh: "数值" } } },
    { name: "查实虚报", optional: false, type: { k: "list", fields: [{ name: "虚报指标", optional: false, type: { k: "enum", members: ["城镇化", "污水处理", "公园绿地", "节能"], text: { en: "one of 城镇化, 污水处理, 公园绿地, 节能", zh: "以下之一：城镇化、污水处理、公园绿地、节能" } } }], text: { en: "a list of records", zh: "记录列表" } } },
    { name: "成立领导小组", optional: false, type: { k: "yesno", text: { en: "yes or no", zh: "是或否" } } },
    { name: "专人负责", optional: false, type: { k: "yesno", text: { en: "yes or no", zh: "是或否" } } },
    { name: "抽查问题数", optional: false, type: { k: "count", text: { en: "a whole number, 0 or more", zh: "不小于 0 的整数" } } },
    { name: "出台配套政策", optional: false, type: { k: "yesno", text: { en: "yes or no", zh: "是或否" } } },
    { name: "建设成效评分", optional: false, type: { k: "number", range: { low: "0", high: "25", lowText: "0", highText: "25" }, text: { en: "a number from 0 to 25", zh: "0 到 25 之间的数值" } } },
    { name: "健康度满意率", optional: false, type: { k: "percent", text: { en: "a percentage such as 85 or \"85%\"", zh: "百分比，如 85 或 \"85%\"" } } },
    { name: "舒适度满意率", optional: false, type: { k: "percent", text: { en: "a percentage such as 85 or \"85%\"", zh: "百分比，如 85 或 \"85%\"" } } },
    { name: "便捷度满意率", optional: false, type: { k: "percent", text: { en: "a percentage such as 85 or \"85%\"", zh: "百分比，如 85 或 \"85%\"" } } },
    { name: "安全度满意率", optional: false, type: { k: "percent", text: { en: "a percentage such as 85 or \"85%\"", zh: "百分比，如 85 或 \"85%\"" } } },
  ],
  unitKinds: ["乡镇"],
  gradeLabels: [],
};
const EXPECTED_UNIT = { en: "one of 乡镇", zh: "以下之一：乡镇" };
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

// The scheme "和谐城乡建设行动考核（和谐乡镇）" ("scheme.assess"): every unit of a validated table, scored.
function scheme0(table, options = {}) {
  const n = table.n;
  const ids = table.ids;
  const kinds = table.kinds;
  const trace = options.trace;
  const tracing = typeof trace === "function" ? trace : () => !!trace;
  const in0 = column(table, "城镇化率");
  const in1 = column(table, "查实虚报");
  const in2 = column(table, "污水处理率");
  const in3 = column(table, "人均公园绿地面积");
  const in4 = column(table, "万元GDP能耗");
  const in5 = column(table, "上年城镇化率");
  const in6 = column(table, "上年污水处理率");
  const in7 = column(table, "上年人均公园绿地面积");
  const in8 = column(table, "上年万元GDP能耗");
  const in9 = column(table, "成立领导小组");
  const in10 = column(table, "专人负责");
  const in11 = column(table, "抽查问题数");
  const in12 = column(table, "出台配套政策");
  const in13 = column(table, "建设成效评分");
  const in14 = column(table, "健康度满意率");
  const in15 = column(table, "舒适度满意率");
  const in16 = column(table, "便捷度满意率");
  const in17 = column(table, "安全度满意率");
  const scores = [new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n)];
  let sectionScores = [];
  let contributions = [];
  let totals = [];
  let bonusTotals = [];
  const errors = new Map();
  const guard = (u, f) => guarded(errors, u, f);
  function where0(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "城镇化");
  }
  function where1(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "污水处理");
  }
  function where2(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "公园绿地");
  }
  function where3(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "节能");
  }
  function where4(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "城镇化");
  }
  function where5(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "污水处理");
  }
  function where6(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "公园绿地");
  }
  function where7(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "节能");
  }
  const let0Cache = new Array(n).fill(UNSET);
  // let "城镇化率改善"
  function let0(u) {
    const c = let0Cache[u];
    if (c !== UNSET) return c;
    return (let0Cache[u] = div(sub(in0[u], in5[u]), in5[u], 10, FAIL0, ids[u]));
  }
  const let1Cache = new Array(n).fill(UNSET);
  // let "污水处理率改善"
  function let1(u) {
    const c = let1Cache[u];
    if (c !== UNSET) return c;
    return (let1Cache[u] = div(sub(in2[u], in6[u]), in6[u], 10, FAIL1, ids[u]));
  }
  const let2Cache = new Array(n).fill(UNSET);
  // let "公园绿地改善"
  function let2(u) {
    const c = let2Cache[u];
    if (c !== UNSET) return c;
    return (let2Cache[u] = div(sub(in3[u], in7[u]), in7[u], 10, FAIL2, ids[u]));
  }
  const let3Cache = new Array(n).fill(UNSET);
  // let "能耗变化"
  function let3(u) {
    const c = let3Cache[u];
    if (c !== UNSET) return c;
    return (let3Cache[u] = div(sub(in4[u], in8[u]), in8[u], 10, FAIL3, ids[u]));
  }
  // cohort value 0: rank
  function cohort0Pass() {
    const values = new Array(n);
    for (let u = 0; u < n; u++) values[u] = num(in0[u]);
    return competitionRanks(values, "desc");
  }
  const cohort0 = once(cohort0Pass);
  // cohort value 1: rank
  function cohort1Pass() {
    const values = new Array(n);
    for (let u = 0; u < n; u++) values[u] = num(in2[u]);
    return competitionRanks(values, "desc");
  }
  const cohort1 = once(cohort1Pass);
  // cohort value 2: rank
  function cohort2Pass() {
    const values = new Array(n);
    for (let u = 0; u < n; u++) values[u] = num(in3[u]);
    return competitionRanks(values, "desc");
  }
  const cohort2 = once(cohort2Pass);
  // cohort value 3: rank
  function cohort3Pass() {
    const values = new Array(n);
    for (let u = 0; u < n; u++) values[u] = num(in4[u]);
    return competitionRanks(values, "asc");
  }
  const cohort3 = once(cohort3Pass);
  // cohort value 4: rank
  function cohort4Pass() {
    const values = new Array(n);
    for (let u = 0; u < n; u++) values[u] = num(let0(u));
    return competitionRanks(values, "desc");
  }
  const cohort4 = once(cohort4Pass);
  // cohort value 5: rank
  function cohort5Pass() {
    const values = new Array(n);
    for (let u = 0; u < n; u++) values[u] = num(let1(u));
    return competitionRanks(values, "desc");
  }
  const cohort5 = once(cohort5Pass);
  // cohort value 6: rank
  function cohort6Pass() {
    const values = new Array(n);
    for (let u = 0; u < n; u++) values[u] = num(let2(u));
    return competitionRanks(values, "desc");
  }
  const cohort6 = once(cohort6Pass);
  // cohort value 7: rank
  function cohort7Pass() {
    const values = new Array(n);
    for (let u = 0; u < n; u++) values[u] = num(let3(u));
    return competitionRanks(values, "asc");
  }
  const cohort7 = once(cohort7Pass);
  function vetoesOf(u, steps) {
    let vetoes = NO_VETOES;
    return vetoes;
  }
  function gradeOf(u, vetoes, steps) {
    const total = totals[u];
    return null;
  }
  function itemTrace(rule, id, u) {
    const steps = [];
    try {
      [score0, score1, score2, score3, score4, score5, score6, score7, score8, score9, score10, score11, score12, score13, score14, score15][id](u, steps);
    } catch (e) {
      if (!(e instanceof Failure)) throw e;
      steps.push({ k: "failure", message: e.diagnostic.message });
    }
    return { rule, inputs: [reads0, reads1, reads2, reads3, reads4, reads5, reads6, reads7, reads8, reads9, reads10, reads11, reads12, reads13, reads14, reads15][id](u), steps };
  }
  function totalSteps(u) {
    const out = [];
    const s = (d) => (d === null ? null : d.toString());
    out.push({ k: "section", label: "工作实绩·现状", parts: [s(scores[0][u]), s(scores[1][u]), s(scores[2][u]), s(scores[3][u])], score: s(sectionScores[0][u]) });
    out.push({ k: "weighted", score: s(sectionScores[0][u]), scale: "100", weight: "24%", total: K4.toString(), contribution: s(contributions[0][u]) });
    out.push({ k: "section", label: "工作实绩·改善", parts: [s(scores[4][u]), s(scores[5][u]), s(scores[6][u]), s(scores[7][u])], score: s(sectionScores[1][u]) });
    out.push({ k: "weighted", score: s(sectionScores[1][u]), scale: "100", weight: "36%", total: K4.toString(), contribution: s(contributions[1][u]) });
    out.push({ k: "section", label: "组织保障", parts: [s(scores[8][u]), s(scores[9][u]), s(scores[10][u]), s(scores[11][u])], score: s(sectionScores[2][u]) });
    out.push({ k: "weighted", score: s(sectionScores[2][u]), scale: "100", weight: "20%", total: K4.toString(), contribution: s(contributions[2][u]) });
    out.push({ k: "section", label: "公众满意度", parts: [s(scores[12][u]), s(scores[13][u]), s(scores[14][u]), s(scores[15][u])], score: s(sectionScores[3][u]) });
    out.push({ k: "weighted", score: s(sectionScores[3][u]), scale: "100", weight: "20%", total: K4.toString(), contribution: s(contributions[3][u]) });
    const step = { k: "total", parts: [s(contributions[0][u]), s(contributions[1][u]), s(contributions[2][u]), s(contributions[3][u])] };
    step.result = s(totals[u]);
    out.push(step);
    return out;
  }
  function unitResult(u) {
    const steps = tracing(u) ? [] : undefined;
    const items = [
      itemResult({ label: "城镇化率（现状）", section: "工作实绩·现状", score: scores[0][u], max: K0 }, tracing(u) && (() => itemTrace("by rank of 城镇化率 desc, void if count(查实虚报 where 虚报指标 = 城镇化) > 0", 0, u))),
      itemResult({ label: "污水处理率（现状）", section: "工作实绩·现状", score: scores[1][u], max: K0 }, tracing(u) && (() => itemTrace("by rank of 污水处理率 desc, void if count(查实虚报 where 虚报指标 = 污水处理) > 0", 1, u))),
      itemResult({ label: "人均公园绿地面积（现状）", section: "工作实绩·现状", score: scores[2][u], max: K0 }, tracing(u) && (() => itemTrace("by rank of 人均公园绿地面积 desc, void if count(查实虚报 where 虚报指标 = 公园绿地) > 0", 2, u))),
      itemResult({ label: "万元GDP能耗（现状）", section: "工作实绩·现状", score: scores[3][u], max: K0 }, tracing(u) && (() => itemTrace("by rank of 万元GDP能耗 asc, void if count(查实虚报 where 虚报指标 = 节能) > 0", 3, u))),
      itemResult({ label: "城镇化率（改善）", section: "工作实绩·改善", score: scores[4][u], max: K0 }, tracing(u) && (() => itemTrace("by rank of 城镇化率改善 desc, void if count(查实虚报 where 虚报指标 = 城镇化) > 0", 4, u))),
      itemResult({ label: "污水处理率（改善）", section: "工作实绩·改善", score: scores[5][u], max: K0 }, tracing(u) && (() => itemTrace("by rank of 污水处理率改善 desc, void if count(查实虚报 where 虚报指标 = 污水处理) > 0", 5, u))),
      itemResult({ label: "人均公园绿地面积（改善）", section: "工作实绩·改善", score: scores[6][u], max: K0 }, tracing(u) && (() => itemTrace("by rank of 公园绿地改善 desc, void if count(查实虚报 where 虚报指标 = 公园绿地) > 0", 6, u))),
      itemResult({ label: "万元GDP能耗（改善）", section: "工作实绩·改善", score: scores[7][u], max: K0 }, tracing(u) && (() => itemTrace("by rank of 能耗变化 asc, void if count(查实虚报 where 虚报指标 = 节能) > 0", 7, u))),
      itemResult({ label: "组织领导", section: "组织保障", score: scores[8][u], max: K0 }, tracing(u) && (() => itemTrace("{ 10 if 成立领导小组 15 if 专人负责 }", 8, u))),
      itemResult({ label: "宣传发动", section: "组织保障", score: scores[9][u], max: K0 }, tracing(u) && (() => itemTrace("deduct 5 per 抽查问题数", 9, u))),
      itemResult({ label: "政策措施", section: "组织保障", score: scores[10][u], max: K0 }, tracing(u) && (() => itemTrace("{ 25 if 出台配套政策 }", 10, u))),
      itemResult({ label: "建设成效", section: "组织保障", score: scores[11][u], max: K0 }, tracing(u) && (() => itemTrace("建设成效评分", 11, u))),
      itemResult({ label: "健康度", section: "公众满意度", score: scores[12][u], max: K0 }, tracing(u) && (() => itemTrace("25 * 健康度满意率", 12, u))),
      itemResult({ label: "舒适度", section: "公众满意度", score: scores[13][u], max: K0 }, tracing(u) && (() => itemTrace("25 * 舒适度满意率", 13, u))),
      itemResult({ label: "便捷度", section: "公众满意度", score: scores[14][u], max: K0 }, tracing(u) && (() => itemTrace("25 * 便捷度满意率", 14, u))),
      itemResult({ label: "安全度", section: "公众满意度", score: scores[15][u], max: K0 }, tracing(u) && (() => itemTrace("25 * 安全度满意率", 15, u))),
    ];
    const sections = [
      { label: "工作实绩·现状", score: sectionScores[0][u], max: K4, contribution: contributions[0][u], weight: K5 },
      { label: "工作实绩·改善", score: sectionScores[1][u], max: K4, contribution: contributions[1][u], weight: K6 },
      { label: "组织保障", score: sectionScores[2][u], max: K4, contribution: contributions[2][u], weight: K7 },
      { label: "公众满意度", score: sectionScores[3][u], max: K4, contribution: contributions[3][u], weight: K7 },
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

  // ── item 0 "城镇化率（现状）" (section "工作实绩·现状", max 25) ──
  // "by rank of 城镇化率 desc, void if count(查实虚报 where 虚报指标 = 城镇化) > 0"
  function rule0(u, steps) {
    if (n <= 1) {
      if (steps) steps.push({ k: "onlyUnit", max: K0.toString() });
      return K0;
    }
    const place = cohort0()[u];
    const v = K0.mul(Decimal.fromInt(n - place)).div(Decimal.fromInt(n - 1), 10);
    if (steps) steps.push({ k: "rankScored", place, n, by: "城镇化率", value: shown(in0[u]), max: K0.toString(), result: v.toString() });
    return v;
  }
  function raw0(u, steps) {
    if (cmp(">", listAgg("count", in1[u], where0, u, undefined), ZERO) === true) {
      if (steps) steps.push({ k: "void", cond: "count(查实虚报 where 虚报指标 = 城镇化) > 0" });
      return ZERO;
    }
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
  const reads0 = (u) => [{ name: "查实虚报", value: shown(in1[u]) }, { name: "城镇化率", value: shown(in0[u]) }];

  // ── item 1 "污水处理率（现状）" (section "工作实绩·现状", max 25) ──
  // "by rank of 污水处理率 desc, void if count(查实虚报 where 虚报指标 = 污水处理) > 0"
  function rule1(u, steps) {
    if (n <= 1) {
      if (steps) steps.push({ k: "onlyUnit", max: K0.toString() });
      return K0;
    }
    const place = cohort1()[u];
    const v = K0.mul(Decimal.fromInt(n - place)).div(Decimal.fromInt(n - 1), 10);
    if (steps) steps.push({ k: "rankScored", place, n, by: "污水处理率", value: shown(in2[u]), max: K0.toString(), result: v.toString() });
    return v;
  }
  function raw1(u, steps) {
    if (cmp(">", listAgg("count", in1[u], where1, u, undefined), ZERO) === true) {
      if (steps) steps.push({ k: "void", cond: "count(查实虚报 where 虚报指标 = 污水处理) > 0" });
      return ZERO;
    }
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
  const reads1 = (u) => [{ name: "查实虚报", value: shown(in1[u]) }, { name: "污水处理率", label: "城镇污水集中处理率", value: shown(in2[u]) }];

  // ── item 2 "人均公园绿地面积（现状）" (section "工作实绩·现状", max 25) ──
  // "by rank of 人均公园绿地面积 desc, void if count(查实虚报 where 虚报指标 = 公园绿地) > 0"
  function rule2(u, steps) {
    if (n <= 1) {
      if (steps) steps.push({ k: "onlyUnit", max: K0.toString() });
      return K0;
    }
    const place = cohort2()[u];
    const v = K0.mul(Decimal.fromInt(n - place)).div(Decimal.fromInt(n - 1), 10);
    if (steps) steps.push({ k: "rankScored", place, n, by: "人均公园绿地面积", value: shown(in3[u]), max: K0.toString(), result: v.toString() });
    return v;
  }
  function raw2(u, steps) {
    if (cmp(">", listAgg("count", in1[u], where2, u, undefined), ZERO) === true) {
      if (steps) steps.push({ k: "void", cond: "count(查实虚报 where 虚报指标 = 公园绿地) > 0" });
      return ZERO;
    }
    return rule2(u, steps);
  }
  function score2(u, steps) {
    let v = raw2(u, steps);
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
  const reads2 = (u) => [{ name: "查实虚报", value: shown(in1[u]) }, { name: "人均公园绿地面积", label: "平方米", value: shown(in3[u]) }];

  // ── item 3 "万元GDP能耗（现状）" (section "工作实绩·现状", max 25) ──
  // "by rank of 万元GDP能耗 asc, void if count(查实虚报 where 虚报指标 = 节能) > 0"
  function rule3(u, steps) {
    if (n <= 1) {
      if (steps) steps.push({ k: "onlyUnit", max: K0.toString() });
      return K0;
    }
    const place = cohort3()[u];
    const v = K0.mul(Decimal.fromInt(n - place)).div(Decimal.fromInt(n - 1), 10);
    if (steps) steps.push({ k: "rankScored", place, n, by: "万元GDP能耗", value: shown(in4[u]), max: K0.toString(), result: v.toString() });
    return v;
  }
  function raw3(u, steps) {
    if (cmp(">", listAgg("count", in1[u], where3, u, undefined), ZERO) === true) {
      if (steps) steps.push({ k: "void", cond: "count(查实虚报 where 虚报指标 = 节能) > 0" });
      return ZERO;
    }
    return rule3(u, steps);
  }
  function score3(u, steps) {
    let v = raw3(u, steps);
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
  const reads3 = (u) => [{ name: "查实虚报", value: shown(in1[u]) }, { name: "万元GDP能耗", label: "吨标准煤／万元，越低越好", value: shown(in4[u]) }];

  // ── item 4 "城镇化率（改善）" (section "工作实绩·改善", max 25) ──
  // "by rank of 城镇化率改善 desc, void if count(查实虚报 where 虚报指标 = 城镇化) > 0"
  function rule4(u, steps) {
    if (n <= 1) {
      if (steps) steps.push({ k: "onlyUnit", max: K0.toString() });
      return K0;
    }
    const place = cohort4()[u];
    const v = K0.mul(Decimal.fromInt(n - place)).div(Decimal.fromInt(n - 1), 10);
    if (steps) steps.push({ k: "rankScored", place, n, by: "城镇化率改善", value: shown(let0(u)), max: K0.toString(), result: v.toString() });
    return v;
  }
  function raw4(u, steps) {
    if (cmp(">", listAgg("count", in1[u], where4, u, undefined), ZERO) === true) {
      if (steps) steps.push({ k: "void", cond: "count(查实虚报 where 虚报指标 = 城镇化) > 0" });
      return ZERO;
    }
    return rule4(u, steps);
  }
  function score4(u, steps) {
    let v = raw4(u, steps);
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
  const reads4 = (u) => [{ name: "查实虚报", value: shown(in1[u]) }, { name: "城镇化率改善", value: shownOrFailed(() => let0(u)) }, { name: "城镇化率", value: shown(in0[u]) }, { name: "上年城镇化率", value: shown(in5[u]) }];

  // ── item 5 "污水处理率（改善）" (section "工作实绩·改善", max 25) ──
  // "by rank of 污水处理率改善 desc, void if count(查实虚报 where 虚报指标 = 污水处理) > 0"
  function rule5(u, steps) {
    if (n <= 1) {
      if (steps) steps.push({ k: "onlyUnit", max: K0.toString() });
      return K0;
    }
    const place = cohort5()[u];
    const v = K0.mul(Decimal.fromInt(n - place)).div(Decimal.fromInt(n - 1), 10);
    if (steps) steps.push({ k: "rankScored", place, n, by: "污水处理率改善", value: shown(let1(u)), max: K0.toString(), result: v.toString() });
    return v;
  }
  function raw5(u, steps) {
    if (cmp(">", listAgg("count", in1[u], where5, u, undefined), ZERO) === true) {
      if (steps) steps.push({ k: "void", cond: "count(查实虚报 where 虚报指标 = 污水处理) > 0" });
      return ZERO;
    }
    return rule5(u, steps);
  }
  function score5(u, steps) {
    let v = raw5(u, steps);
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
  const reads5 = (u) => [{ name: "查实虚报", value: shown(in1[u]) }, { name: "污水处理率改善", value: shownOrFailed(() => let1(u)) }, { name: "污水处理率", label: "城镇污水集中处理率", value: shown(in2[u]) }, { name: "上年污水处理率", value: shown(in6[u]) }];

  // ── item 6 "人均公园绿地面积（改善）" (section "工作实绩·改善", max 25) ──
  // "by rank of 公园绿地改善 desc, void if count(查实虚报 where 虚报指标 = 公园绿地) > 0"
  function rule6(u, steps) {
    if (n <= 1) {
      if (steps) steps.push({ k: "onlyUnit", max: K0.toString() });
      return K0;
    }
    const place = cohort6()[u];
    const v = K0.mul(Decimal.fromInt(n - place)).div(Decimal.fromInt(n - 1), 10);
    if (steps) steps.push({ k: "rankScored", place, n, by: "公园绿地改善", value: shown(let2(u)), max: K0.toString(), result: v.toString() });
    return v;
  }
  function raw6(u, steps) {
    if (cmp(">", listAgg("count", in1[u], where6, u, undefined), ZERO) === true) {
      if (steps) steps.push({ k: "void", cond: "count(查实虚报 where 虚报指标 = 公园绿地) > 0" });
      return ZERO;
    }
    return rule6(u, steps);
  }
  function score6(u, steps) {
    let v = raw6(u, steps);
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
  const reads6 = (u) => [{ name: "查实虚报", value: shown(in1[u]) }, { name: "公园绿地改善", value: shownOrFailed(() => let2(u)) }, { name: "人均公园绿地面积", label: "平方米", value: shown(in3[u]) }, { name: "上年人均公园绿地面积", value: shown(in7[u]) }];

  // ── item 7 "万元GDP能耗（改善）" (section "工作实绩·改善", max 25) ──
  // "by rank of 能耗变化 asc, void if count(查实虚报 where 虚报指标 = 节能) > 0"
  function rule7(u, steps) {
    if (n <= 1) {
      if (steps) steps.push({ k: "onlyUnit", max: K0.toString() });
      return K0;
    }
    const place = cohort7()[u];
    const v = K0.mul(Decimal.fromInt(n - place)).div(Decimal.fromInt(n - 1), 10);
    if (steps) steps.push({ k: "rankScored", place, n, by: "能耗变化", value: shown(let3(u)), max: K0.toString(), result: v.toString() });
    return v;
  }
  function raw7(u, steps) {
    if (cmp(">", listAgg("count", in1[u], where7, u, undefined), ZERO) === true) {
      if (steps) steps.push({ k: "void", cond: "count(查实虚报 where 虚报指标 = 节能) > 0" });
      return ZERO;
    }
    return rule7(u, steps);
  }
  function score7(u, steps) {
    let v = raw7(u, steps);
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
  const reads7 = (u) => [{ name: "查实虚报", value: shown(in1[u]) }, { name: "能耗变化", value: shownOrFailed(() => let3(u)) }, { name: "万元GDP能耗", label: "吨标准煤／万元，越低越好", value: shown(in4[u]) }, { name: "上年万元GDP能耗", value: shown(in8[u]) }];

  // ── item 8 "组织领导" (section "组织保障", max 25) ──
  // "{ 10 if 成立领导小组 15 if 专人负责 }"
  function rule8(u, steps) {
    let sum = ZERO;
    const holds0 = in9[u] === true; // "成立领导小组"
    if (holds0) sum = sum.add(K1);
    if (steps) steps.push({ k: "line", points: K1.toString(), deduct: false, cond: "成立领导小组", holds: holds0 });
    const holds1 = in10[u] === true; // "专人负责"
    if (holds1) sum = sum.add(K2);
    if (steps) steps.push({ k: "line", points: K2.toString(), deduct: false, cond: "专人负责", holds: holds1 });
    if (steps) steps.push({ k: "sum", value: sum.toString() });
    return sum;
  }
  function raw8(u, steps) {
    return rule8(u, steps);
  }
  function score8(u, steps) {
    let v = raw8(u, steps);
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
  const reads8 = (u) => [{ name: "成立领导小组", value: shown(in9[u]) }, { name: "专人负责", value: shown(in10[u]) }];

  // ── item 9 "宣传发动" (section "组织保障", max 25) ──
  // "deduct 5 per 抽查问题数"
  function rule9(u, steps) {
    const x = num(in11[u]);
    let d = K3.mul(x);
    const capped = false;
    const result = K0.sub(d);
    if (steps) steps.push({ k: "deduct", max: K0.toString(), per: K3.toString(), count: x.toString(), countText: "抽查问题数", result: result.toString() });
    return result;
  }
  function raw9(u, steps) {
    return rule9(u, steps);
  }
  function score9(u, steps) {
    let v = raw9(u, steps);
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
  const reads9 = (u) => [{ name: "抽查问题数", label: "随机抽查发现的问题数", value: shown(in11[u]) }];

  // ── item 10 "政策措施" (section "组织保障", max 25) ──
  // "{ 25 if 出台配套政策 }"
  function rule10(u, steps) {
    let sum = ZERO;
    const holds0 = in12[u] === true; // "出台配套政策"
    if (holds0) sum = sum.add(K0);
    if (steps) steps.push({ k: "line", points: K0.toString(), deduct: false, cond: "出台配套政策", holds: holds0 });
    if (steps) steps.push({ k: "sum", value: sum.toString() });
    return sum;
  }
  function raw10(u, steps) {
    return rule10(u, steps);
  }
  function score10(u, steps) {
    let v = raw10(u, steps);
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
  const reads10 = (u) => [{ name: "出台配套政策", value: shown(in12[u]) }];

  // ── item 11 "建设成效" (section "组织保障", max 25) ──
  // "建设成效评分"
  function rule11(u, steps) {
    const v = num(in13[u]);
    if (steps) steps.push({ k: "formula", text: "建设成效评分", value: v.toString() });
    return v;
  }
  function raw11(u, steps) {
    return rule11(u, steps);
  }
  function score11(u, steps) {
    let v = raw11(u, steps);
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
  const reads11 = (u) => [{ name: "建设成效评分", label: "和谐村庄（社区）建设成效，县领导小组办公室评分", value: shown(in13[u]) }];

  // ── item 12 "健康度" (section "公众满意度", max 25) ──
  // "25 * 健康度满意率"
  function rule12(u, steps) {
    const v = num(mul(K0, in14[u]));
    if (steps) steps.push({ k: "formula", text: "25 * 健康度满意率", value: v.toString() });
    return v;
  }
  function raw12(u, steps) {
    return rule12(u, steps);
  }
  function score12(u, steps) {
    let v = raw12(u, steps);
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
  const reads12 = (u) => [{ name: "健康度满意率", value: shown(in14[u]) }];

  // ── item 13 "舒适度" (section "公众满意度", max 25) ──
  // "25 * 舒适度满意率"
  function rule13(u, steps) {
    const v = num(mul(K0, in15[u]));
    if (steps) steps.push({ k: "formula", text: "25 * 舒适度满意率", value: v.toString() });
    return v;
  }
  function raw13(u, steps) {
    return rule13(u, steps);
  }
  function score13(u, steps) {
    let v = raw13(u, steps);
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
  const reads13 = (u) => [{ name: "舒适度满意率", value: shown(in15[u]) }];

  // ── item 14 "便捷度" (section "公众满意度", max 25) ──
  // "25 * 便捷度满意率"
  function rule14(u, steps) {
    const v = num(mul(K0, in16[u]));
    if (steps) steps.push({ k: "formula", text: "25 * 便捷度满意率", value: v.toString() });
    return v;
  }
  function raw14(u, steps) {
    return rule14(u, steps);
  }
  function score14(u, steps) {
    let v = raw14(u, steps);
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
  const reads14 = (u) => [{ name: "便捷度满意率", value: shown(in16[u]) }];

  // ── item 15 "安全度" (section "公众满意度", max 25) ──
  // "25 * 安全度满意率"
  function rule15(u, steps) {
    const v = num(mul(K0, in17[u]));
    if (steps) steps.push({ k: "formula", text: "25 * 安全度满意率", value: v.toString() });
    return v;
  }
  function raw15(u, steps) {
    return rule15(u, steps);
  }
  function score15(u, steps) {
    let v = raw15(u, steps);
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
  const reads15 = (u) => [{ name: "安全度满意率", value: shown(in17[u]) }];

  // ── scores, item by item over the cohort ──
  for (let u = 0, col = scores[0]; u < n; u++) { // "城镇化率（现状）"
    try { col[u] = score0(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[1]; u < n; u++) { // "污水处理率（现状）"
    try { col[u] = score1(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[2]; u < n; u++) { // "人均公园绿地面积（现状）"
    try { col[u] = score2(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[3]; u < n; u++) { // "万元GDP能耗（现状）"
    try { col[u] = score3(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[4]; u < n; u++) { // "城镇化率（改善）"
    try { col[u] = score4(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[5]; u < n; u++) { // "污水处理率（改善）"
    try { col[u] = score5(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[6]; u < n; u++) { // "人均公园绿地面积（改善）"
    try { col[u] = score6(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[7]; u < n; u++) { // "万元GDP能耗（改善）"
    try { col[u] = score7(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[8]; u < n; u++) { // "组织领导"
    try { col[u] = score8(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[9]; u < n; u++) { // "宣传发动"
    try { col[u] = score9(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[10]; u < n; u++) { // "政策措施"
    try { col[u] = score10(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[11]; u < n; u++) { // "建设成效"
    try { col[u] = score11(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[12]; u < n; u++) { // "健康度"
    try { col[u] = score12(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[13]; u < n; u++) { // "舒适度"
    try { col[u] = score13(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[14]; u < n; u++) { // "便捷度"
    try { col[u] = score14(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }
  for (let u = 0, col = scores[15]; u < n; u++) { // "安全度"
    try { col[u] = score15(u); } catch (e) { col[u] = null; failed(errors, u, e); }
  }

  // ── sections ──
  sectionScores = [new Array(n), new Array(n), new Array(n), new Array(n)];
  contributions = [new Array(n), new Array(n), new Array(n), new Array(n)];
  for (let u = 0; u < n; u++) { // "工作实绩·现状"
    let sum = ZERO;
    const s0 = scores[0][u];
    const s1 = scores[1][u];
    const s2 = scores[2][u];
    const s3 = scores[3][u];
    if (sum !== null) sum = s0 === null ? null : sum.add(s0);
    if (sum !== null) sum = s1 === null ? null : sum.add(s1);
    if (sum !== null) sum = s2 === null ? null : sum.add(s2);
    if (sum !== null) sum = s3 === null ? null : sum.add(s3);
    sectionScores[0][u] = sum;
    contributions[0][u] = sum === null ? null : sum.mul(K5).mul(K4).div(K4, 10).round(2);
  }
  for (let u = 0; u < n; u++) { // "工作实绩·改善"
    let sum = ZERO;
    const s4 = scores[4][u];
    const s5 = scores[5][u];
    const s6 = scores[6][u];
    const s7 = scores[7][u];
    if (sum !== null) sum = s4 === null ? null : sum.add(s4);
    if (sum !== null) sum = s5 === null ? null : sum.add(s5);
    if (sum !== null) sum = s6 === null ? null : sum.add(s6);
    if (sum !== null) sum = s7 === null ? null : sum.add(s7);
    sectionScores[1][u] = sum;
    contributions[1][u] = sum === null ? null : sum.mul(K6).mul(K4).div(K4, 10).round(2);
  }
  for (let u = 0; u < n; u++) { // "组织保障"
    let sum = ZERO;
    const s8 = scores[8][u];
    const s9 = scores[9][u];
    const s10 = scores[10][u];
    const s11 = scores[11][u];
    if (sum !== null) sum = s8 === null ? null : sum.add(s8);
    if (sum !== null) sum = s9 === null ? null : sum.add(s9);
    if (sum !== null) sum = s10 === null ? null : sum.add(s10);
    if (sum !== null) sum = s11 === null ? null : sum.add(s11);
    sectionScores[2][u] = sum;
    contributions[2][u] = sum === null ? null : sum.mul(K7).mul(K4).div(K4, 10).round(2);
  }
  for (let u = 0; u < n; u++) { // "公众满意度"
    let sum = ZERO;
    const s12 = scores[12][u];
    const s13 = scores[13][u];
    const s14 = scores[14][u];
    const s15 = scores[15][u];
    if (sum !== null) sum = s12 === null ? null : sum.add(s12);
    if (sum !== null) sum = s13 === null ? null : sum.add(s13);
    if (sum !== null) sum = s14 === null ? null : sum.add(s14);
    if (sum !== null) sum = s15 === null ? null : sum.add(s15);
    sectionScores[3][u] = sum;
    contributions[3][u] = sum === null ? null : sum.mul(K7).mul(K4).div(K4, 10).round(2);
  }

  // ── totals: contributions, items outside sections, bonuses, adjustments ──
  totals = new Array(n);
  bonusTotals = new Array(n);
  for (let u = 0; u < n; u++) {
    let sum = ZERO;
    let bonus = ZERO;
    sum = sum === null || contributions[0][u] === null ? null : sum.add(contributions[0][u]);
    sum = sum === null || contributions[1][u] === null ? null : sum.add(contributions[1][u]);
    sum = sum === null || contributions[2][u] === null ? null : sum.add(contributions[2][u]);
    sum = sum === null || contributions[3][u] === null ? null : sum.add(contributions[3][u]);
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
