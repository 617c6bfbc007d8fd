// "和谐城乡建设行动考核": compiled from "scheme.assess" by `assess compile` (plan version 3).
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
const K0 = dec("25");
const K1 = dec("10");
const K2 = dec("15");
const K3 = dec("5");
const V4 = [K3]; // amounts per occurrence
const K5 = dec("100");
const K6 = dec("0.4");
const K7 = dec("0.6");
const K8 = dec("0.2");
const V9 = [
  { label: "城镇化率（现状）", section: "工作实绩·现状", max: K0, rule: "by rank of 城镇化率 desc, void if count(查实虚报 where 虚报指标 = 城镇化) > 0" },
  { label: "污水处理率（现状）", section: "工作实绩·现状", max: K0, rule: "by rank of 污水处理率 desc, void if count(查实虚报 where 虚报指标 = 污水处理) > 0" },
  { label: "人均公园绿地面积（现状）", section: "工作实绩·现状", max: K0, rule: "by rank of 人均公园绿地面积 desc, void if count(查实虚报 where 虚报指标 = 公园绿地) > 0" },
  { label: "万元GDP能耗（现状）", section: "工作实绩·现状", max: K0, rule: "by rank of 万元GDP能耗 asc, void if count(查实虚报 where 虚报指标 = 节能) > 0" },
  { label: "城镇化率（改善）", section: "工作实绩·改善", max: K0, rule: "by rank of 城镇化率改善 desc, void if count(查实虚报 where 虚报指标 = 城镇化) > 0" },
  { label: "污水处理率（改善）", section: "工作实绩·改善", max: K0, rule: "by rank of 污水处理率改善 desc, void if count(查实虚报 where 虚报指标 = 污水处理) > 0" },
  { label: "人均公园绿地面积（改善）", section: "工作实绩·改善", max: K0, rule: "by rank of 公园绿地改善 desc, void if count(查实虚报 where 虚报指标 = 公园绿地) > 0" },
  { label: "万元GDP能耗（改善）", section: "工作实绩·改善", max: K0, rule: "by rank of 能耗变化 asc, void if count(查实虚报 where 虚报指标 = 节能) > 0" },
  { label: "组织领导", section: "组织保障", max: K0, rule: "{ 10 if 成立领导小组; 15 if 专人负责 }" },
  { label: "宣传发动", section: "组织保障", max: K0, rule: "deduct 5 per 抽查问题数" },
  { label: "政策措施", section: "组织保障", max: K0, rule: "{ 25 if 出台配套政策 }" },
  { label: "建设成效", section: "组织保障", max: K0, rule: "建设成效评分" },
  { label: "健康度", section: "公众满意度", max: K0, rule: "25 * 健康度满意率" },
  { label: "舒适度", section: "公众满意度", max: K0, rule: "25 * 舒适度满意率" },
  { label: "便捷度", section: "公众满意度", max: K0, rule: "25 * 便捷度满意率" },
  { label: "安全度", section: "公众满意度", max: K0, rule: "25 * 安全度满意率" },
]; // the items of "和谐城乡建设行动考核"
const V10 = [
  { label: "工作实绩", max: K5, weight: K7 },
  { label: "工作实绩·现状", parent: "工作实绩", max: K5, weight: K6 },
  { label: "工作实绩·改善", parent: "工作实绩", max: K5, weight: K7 },
  { label: "组织保障", max: K5, weight: K8 },
  { label: "公众满意度", max: K5, weight: K8 },
]; // the sections of "和谐城乡建设行动考核"
const V11 = [
  ,
]; // the grade lines of "和谐城乡建设行动考核"

// ── where a unit's number can fail, and the words for it ──
const FAIL0 = { code: "E0601", span: { start: 1210, end: 1234, file: "scheme.assess" }, en: ["unit `", 0, "`: division by zero in `(城镇化率 - 上年城镇化率) / 上年城镇化率`"], zh: ["单位 `", 0, "`：`(城镇化率 - 上年城镇化率) / 上年城镇化率` 中除数为零"] }; // division by zero in "(城镇化率 - 上年城镇化率) / 上年城镇化率"
const FAIL1 = { code: "E0601", span: { start: 1249, end: 1276, file: "scheme.assess" }, en: ["unit `", 0, "`: division by zero in `(污水处理率 - 上年污水处理率) / 上年污水处理率`"], zh: ["单位 `", 0, "`：`(污水处理率 - 上年污水处理率) / 上年污水处理率` 中除数为零"] }; // division by zero in "(污水处理率 - 上年污水处理率) / 上年污水处理率"
const FAIL2 = { code: "E0601", span: { start: 1290, end: 1328, file: "scheme.assess" }, en: ["unit `", 0, "`: division by zero in `(人均公园绿地面积 - 上年人均公园绿地面积)\n  / 上年人均公园绿地面积`"], zh: ["单位 `", 0, "`：`(人均公园绿地面积 - 上年人均公园绿地面积)\n  / 上年人均公园绿地面积` 中除数为零"] }; // division by zero in "(人均公园绿地面积 - 上年人均公园绿地面积)\n  / 上年人均公园绿地面积"
const FAIL3 = { code: "E0601", span: { start: 1340, end: 1373, file: "scheme.assess" }, en: ["unit `", 0, "`: division by zero in `(万元GDP能耗 - 上年万元GDP能耗) / 上年万元GDP能耗`"], zh: ["单位 `", 0, "`：`(万元GDP能耗 - 上年万元GDP能耗) / 上年万元GDP能耗` 中除数为零"] }; // division by zero in "(万元GDP能耗 - 上年万元GDP能耗) / 上年万元GDP能耗"

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
  unitKinds: ["城市", "乡镇", "村庄"],
  gradeLabels: [],
};
const EXPECTED_UNIT = { en: "one of 城市, 乡镇, 村庄", zh: "以下之一：城市、乡镇、村庄" };
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

// The scheme "和谐城乡建设行动考核" ("scheme.assess"): every unit of a validated table, scored.
const scheme0 = scorer0();

/**
 * The functions of `scheme0`, made once, when the module loads: each reads the call being
 * scored from the variables below, so that the code the engine optimizes for them serves every
 * call. (Functions made anew by each call lost that code whenever the calls before were collected.)
 */
function scorer0() {
  // ── the call being scored: set when it starts, let go when it returns; a result reads its units with its own ──
  // (`var`: read for every unit, with no temporal dead zone to check)
  var n, ids, kinds, errors, given, in0, in1, in2, in3, in4, in5, in6, in7, in8, in9, in10, in11,
      in12, in13, in14, in15, in16, in17, NONE, scores, itemNA, sectionScores, sectionNA,
      contributions, totals, bonusTotals, penaltyTotals, memo9, memo10, memo11, memo12, memo13,
      memo14, memo15, let0Cache, let1Cache, let2Cache, let3Cache, cohort0, cohort1, cohort2, cohort3,
      cohort4, cohort5, cohort6, cohort7, eligible, groups, groupOf, members, vetoed, vetoLists,
      places, gradeLines, grades, tracing;
  // f(u), or undefined when it fails (the failure recorded against the unit)
  function guard(u, f) {
    return guarded(errors, u, f);
  }
  function where0(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "城镇化");
  }
  function where1(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "城镇化");
  }
  function where2(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "污水处理");
  }
  function where3(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "污水处理");
  }
  function where4(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "公园绿地");
  }
  function where5(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "公园绿地");
  }
  function where6(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "节能");
  }
  function where7(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "节能");
  }
  function where8(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "城镇化");
  }
  function where9(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "城镇化");
  }
  function where10(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "污水处理");
  }
  function where11(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "污水处理");
  }
  function where12(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "公园绿地");
  }
  function where13(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "公园绿地");
  }
  function where14(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "节能");
  }
  function where15(u, rec) {
    return cmp("==", (rec ? rec["虚报指标"] : undefined), "节能");
  }
  // let "城镇化率改善" = "(城镇化率 - 上年城镇化率) / 上年城镇化率"
  function let0(u) {
    const c = let0Cache[u];
    if (c !== UNSET) return c;
    return (let0Cache[u] = div(sub(in0[u], in5[u]), in5[u], FAIL0, ids[u]));
  }
  // let "污水处理率改善" = "(污水处理率 - 上年污水处理率) / 上年污水处理率"
  function let1(u) {
    const c = let1Cache[u];
    if (c !== UNSET) return c;
    return (let1Cache[u] = div(sub(in2[u], in6[u]), in6[u], FAIL1, ids[u]));
  }
  // let "公园绿地改善" = "(人均公园绿地面积 - 上年人均公园绿地面积) / 上年人均公园绿地面积"
  function let2(u) {
    const c = let2Cache[u];
    if (c !== UNSET) return c;
    return (let2Cache[u] = div(sub(in3[u], in7[u]), in7[u], FAIL2, ids[u]));
  }
  // let "能耗变化" = "(万元GDP能耗 - 上年万元GDP能耗) / 上年万元GDP能耗"
  function let3(u) {
    const c = let3Cache[u];
    if (c !== UNSET) return c;
    return (let3Cache[u] = div(sub(in4[u], in8[u]), in8[u], FAIL3, ids[u]));
  }
  // cohort value 0: each unit's place by descending value
  function cohort0Pass() {
    const ranks = new Array(n).fill(0);
    for (const units of members) {
      const values = new Array(units.length);
      for (let i = 0; i < units.length; i++) {
        const u = units[i];
        values[i] = num(in0[u]);
      }
      competitionRanks(values, "desc").forEach((r, i) => (ranks[units[i]] = r));
    }
    return ranks;
  }
  // cohort value 1: each unit's place by descending value
  function cohort1Pass() {
    const ranks = new Array(n).fill(0);
    for (const units of members) {
      const values = new Array(units.length);
      for (let i = 0; i < units.length; i++) {
        const u = units[i];
        values[i] = num(in2[u]);
      }
      competitionRanks(values, "desc").forEach((r, i) => (ranks[units[i]] = r));
    }
    return ranks;
  }
  // cohort value 2: each unit's place by descending value
  function cohort2Pass() {
    const ranks = new Array(n).fill(0);
    for (const units of members) {
      const values = new Array(units.length);
      for (let i = 0; i < units.length; i++) {
        const u = units[i];
        values[i] = num(in3[u]);
      }
      competitionRanks(values, "desc").forEach((r, i) => (ranks[units[i]] = r));
    }
    return ranks;
  }
  // cohort value 3: each unit's place by ascending value
  function cohort3Pass() {
    const ranks = new Array(n).fill(0);
    for (const units of members) {
      const values = new Array(units.length);
      for (let i = 0; i < units.length; i++) {
        const u = units[i];
        values[i] = num(in4[u]);
      }
      competitionRanks(values, "asc").forEach((r, i) => (ranks[units[i]] = r));
    }
    return ranks;
  }
  // cohort value 4: each unit's place by descending value
  function cohort4Pass() {
    const ranks = new Array(n).fill(0);
    for (const units of members) {
      const values = new Array(units.length);
      for (let i = 0; i < units.length; i++) {
        const u = units[i];
        values[i] = num(let0(u));
      }
      competitionRanks(values, "desc").forEach((r, i) => (ranks[units[i]] = r));
    }
    return ranks;
  }
  // cohort value 5: each unit's place by descending value
  function cohort5Pass() {
    const ranks = new Array(n).fill(0);
    for (const units of members) {
      const values = new Array(units.length);
      for (let i = 0; i < units.length; i++) {
        const u = units[i];
        values[i] = num(let1(u));
      }
      competitionRanks(values, "desc").forEach((r, i) => (ranks[units[i]] = r));
    }
    return ranks;
  }
  // cohort value 6: each unit's place by descending value
  function cohort6Pass() {
    const ranks = new Array(n).fill(0);
    for (const units of members) {
      const values = new Array(units.length);
      for (let i = 0; i < units.length; i++) {
        const u = units[i];
        values[i] = num(let2(u));
      }
      competitionRanks(values, "desc").forEach((r, i) => (ranks[units[i]] = r));
    }
    return ranks;
  }
  // cohort value 7: each unit's place by ascending value
  function cohort7Pass() {
    const ranks = new Array(n).fill(0);
    for (const units of members) {
      const values = new Array(units.length);
      for (let i = 0; i < units.length; i++) {
        const u = units[i];
        values[i] = num(let3(u));
      }
      competitionRanks(values, "asc").forEach((r, i) => (ranks[units[i]] = r));
    }
    return ranks;
  }
  // what each cohort value is taken over, unit by unit (for a cohort scored in parts)
  function cohortInputs() {
    const out = [];
    // cohort value 0
    {
      const values = new Array(n).fill(null);
      for (const units of members) for (const u of units) {
        values[u] = num(in0[u]);
      }
      out[0] = { values };
    }
    // cohort value 1
    {
      const values = new Array(n).fill(null);
      for (const units of members) for (const u of units) {
        values[u] = num(in2[u]);
      }
      out[1] = { values };
    }
    // cohort value 2
    {
      const values = new Array(n).fill(null);
      for (const units of members) for (const u of units) {
        values[u] = num(in3[u]);
      }
      out[2] = { values };
    }
    // cohort value 3
    {
      const values = new Array(n).fill(null);
      for (const units of members) for (const u of units) {
        values[u] = num(in4[u]);
      }
      out[3] = { values };
    }
    // cohort value 4
    {
      const values = new Array(n).fill(null);
      for (const units of members) for (const u of units) {
        values[u] = num(let0(u));
      }
      out[4] = { values };
    }
    // cohort value 5
    {
      const values = new Array(n).fill(null);
      for (const units of members) for (const u of units) {
        values[u] = num(let1(u));
      }
      out[5] = { values };
    }
    // cohort value 6
    {
      const values = new Array(n).fill(null);
      for (const units of members) for (const u of units) {
        values[u] = num(let2(u));
      }
      out[6] = { values };
    }
    // cohort value 7
    {
      const values = new Array(n).fill(null);
      for (const units of members) for (const u of units) {
        values[u] = num(let3(u));
      }
      out[7] = { values };
    }
    return { cohort: out, groups, eligible };
  }
  function groupSize(g) {
    return given.sizes !== undefined ? given.sizes.get(groups.keys[g]) : members[g].length;
  }
  // section "工作实绩": the weighted sum of its parts
  function combine0(u, steps) {
    let sum = ZERO;
    let failed = false;
    // section "工作实绩·现状"
    const s1 = sectionScores[1][u];
    let c1 = s1;
    if (s1 !== null) {
      c1 = s1.mul(K6).mul(K5).div(K5).round(2);
      if (steps) steps.push({ k: "weighted", score: s1.toString(), scale: "100", weight: "40%", total: K5.toString(), contribution: c1.toString() });
    }
    contributions[1][u] = c1;
    if (c1 === null) failed = true;
    else sum = sum.add(c1);
    // section "工作实绩·改善"
    const s2 = sectionScores[2][u];
    let c2 = s2;
    if (s2 !== null) {
      c2 = s2.mul(K7).mul(K5).div(K5).round(2);
      if (steps) steps.push({ k: "weighted", score: s2.toString(), scale: "100", weight: "60%", total: K5.toString(), contribution: c2.toString() });
    }
    contributions[2][u] = c2;
    if (c2 === null) failed = true;
    else sum = sum.add(c2);
    if (failed) return null;
    return sum;
  }
  // section "工作实绩·现状": the sum of its parts
  function combine1(u, steps) {
    let sum = ZERO;
    let failed = false;
    // item "城镇化率（现状）"
    const v0 = scores[0][u];
    if (v0 === null) failed = true;
    else sum = sum.add(v0);
    // item "污水处理率（现状）"
    const v1 = scores[1][u];
    if (v1 === null) failed = true;
    else sum = sum.add(v1);
    // item "人均公园绿地面积（现状）"
    const v2 = scores[2][u];
    if (v2 === null) failed = true;
    else sum = sum.add(v2);
    // item "万元GDP能耗（现状）"
    const v3 = scores[3][u];
    if (v3 === null) failed = true;
    else sum = sum.add(v3);
    if (failed) return null;
    return sum;
  }
  // section "工作实绩·改善": the sum of its parts
  function combine2(u, steps) {
    let sum = ZERO;
    let failed = false;
    // item "城镇化率（改善）"
    const v4 = scores[4][u];
    if (v4 === null) failed = true;
    else sum = sum.add(v4);
    // item "污水处理率（改善）"
    const v5 = scores[5][u];
    if (v5 === null) failed = true;
    else sum = sum.add(v5);
    // item "人均公园绿地面积（改善）"
    const v6 = scores[6][u];
    if (v6 === null) failed = true;
    else sum = sum.add(v6);
    // item "万元GDP能耗（改善）"
    const v7 = scores[7][u];
    if (v7 === null) failed = true;
    else sum = sum.add(v7);
    if (failed) return null;
    return sum;
  }
  // section "组织保障": the sum of its parts
  function combine3(u, steps) {
    let sum = ZERO;
    let failed = false;
    // item "组织领导"
    const v8 = scores[8][u];
    if (v8 === null) failed = true;
    else sum = sum.add(v8);
    // item "宣传发动"
    const v9 = scores[9][u];
    if (v9 === null) failed = true;
    else sum = sum.add(v9);
    // item "政策措施"
    const v10 = scores[10][u];
    if (v10 === null) failed = true;
    else sum = sum.add(v10);
    // item "建设成效"
    const v11 = scores[11][u];
    if (v11 === null) failed = true;
    else sum = sum.add(v11);
    if (failed) return null;
    return sum;
  }
  // section "公众满意度": the sum of its parts
  function combine4(u, steps) {
    let sum = ZERO;
    let failed = false;
    // item "健康度"
    const v12 = scores[12][u];
    if (v12 === null) failed = true;
    else sum = sum.add(v12);
    // item "舒适度"
    const v13 = scores[13][u];
    if (v13 === null) failed = true;
    else sum = sum.add(v13);
    // item "便捷度"
    const v14 = scores[14][u];
    if (v14 === null) failed = true;
    else sum = sum.add(v14);
    // item "安全度"
    const v15 = scores[15][u];
    if (v15 === null) failed = true;
    else sum = sum.add(v15);
    if (failed) return null;
    return sum;
  }
  // the total: the weighted sum of its parts
  function combineTotal(u, steps) {
    let sum = ZERO;
    let failed = false;
    // section "工作实绩"
    const s0 = sectionScores[0][u];
    let c0 = s0;
    if (s0 !== null) {
      c0 = s0.mul(K7).mul(K5).div(K5).round(2);
      if (steps) steps.push({ k: "weighted", score: s0.toString(), scale: "100", weight: "60%", total: K5.toString(), contribution: c0.toString() });
    }
    contributions[0][u] = c0;
    if (c0 === null) failed = true;
    else sum = sum.add(c0);
    // section "组织保障"
    const s3 = sectionScores[3][u];
    let c3 = s3;
    if (s3 !== null) {
      c3 = s3.mul(K8).mul(K5).div(K5).round(2);
      if (steps) steps.push({ k: "weighted", score: s3.toString(), scale: "100", weight: "20%", total: K5.toString(), contribution: c3.toString() });
    }
    contributions[3][u] = c3;
    if (c3 === null) failed = true;
    else sum = sum.add(c3);
    // section "公众满意度"
    const s4 = sectionScores[4][u];
    let c4 = s4;
    if (s4 !== null) {
      c4 = s4.mul(K8).mul(K5).div(K5).round(2);
      if (steps) steps.push({ k: "weighted", score: s4.toString(), scale: "100", weight: "20%", total: K5.toString(), contribution: c4.toString() });
    }
    contributions[4][u] = c4;
    if (c4 === null) failed = true;
    else sum = sum.add(c4);
    if (failed) return null;
    return sum;
  }
  // within "unit"
  function groupKeyOf(u) {
    return kinds[u];
  }

  // ── item 0 "城镇化率（现状）" (section "工作实绩·现状", max 25) ──
  // "by rank of 城镇化率 desc, void if count(查实虚报 where 虚报指标 = 城镇化) > 0"
  function rule0(u, steps) {
    const size = groupSize(groupOf[u]);
    if (size <= 1) {
      if (steps) steps.push({ k: "onlyUnit", max: K0.toString() });
      return K0;
    }
    const place = cohort0()[u];
    const v = K0.mul(Decimal.fromInt(size - place)).div(Decimal.fromInt(size - 1));
    if (steps) steps.push({ k: "rankScored", place, n: size, by: "城镇化率", value: shown(in0[u], true), max: K0.toString(), result: v.toString() });
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
    // never below 0 nor above 25 (the checker's ranges)
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  function reads0(u) {
    return [{ name: "查实虚报", value: shown(in1[u]) }, ((entries) => ({ name: "查实虚报", where: "虚报指标 = 城镇化", value: { k: "list", n: entries.length }, entries }))(keptEntries(in1[u], where1, u, undefined, undefined, undefined)), { name: "城镇化率", value: shown(in0[u], true) }];
  }

  // ── item 1 "污水处理率（现状）" (section "工作实绩·现状", max 25) ──
  // "by rank of 污水处理率 desc, void if count(查实虚报 where 虚报指标 = 污水处理) > 0"
  function rule1(u, steps) {
    const size = groupSize(groupOf[u]);
    if (size <= 1) {
      if (steps) steps.push({ k: "onlyUnit", max: K0.toString() });
      return K0;
    }
    const place = cohort1()[u];
    const v = K0.mul(Decimal.fromInt(size - place)).div(Decimal.fromInt(size - 1));
    if (steps) steps.push({ k: "rankScored", place, n: size, by: "污水处理率", value: shown(in2[u], true), max: K0.toString(), result: v.toString() });
    return v;
  }
  function raw1(u, steps) {
    if (cmp(">", listAgg("count", in1[u], where2, u, undefined), ZERO) === true) {
      if (steps) steps.push({ k: "void", cond: "count(查实虚报 where 虚报指标 = 污水处理) > 0" });
      return ZERO;
    }
    return rule1(u, steps);
  }
  function score1(u, steps) {
    let v = raw1(u, steps);
    // never below 0 nor above 25 (the checker's ranges)
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  function reads1(u) {
    return [{ name: "查实虚报", value: shown(in1[u]) }, ((entries) => ({ name: "查实虚报", where: "虚报指标 = 污水处理", value: { k: "list", n: entries.length }, entries }))(keptEntries(in1[u], where3, u, undefined, undefined, undefined)), { name: "污水处理率", label: "城镇污水集中处理率", value: shown(in2[u], true) }];
  }

  // ── item 2 "人均公园绿地面积（现状）" (section "工作实绩·现状", max 25) ──
  // "by rank of 人均公园绿地面积 desc, void if count(查实虚报 where 虚报指标 = 公园绿地) > 0"
  function rule2(u, steps) {
    const size = groupSize(groupOf[u]);
    if (size <= 1) {
      if (steps) steps.push({ k: "onlyUnit", max: K0.toString() });
      return K0;
    }
    const place = cohort2()[u];
    const v = K0.mul(Decimal.fromInt(size - place)).div(Decimal.fromInt(size - 1));
    if (steps) steps.push({ k: "rankScored", place, n: size, by: "人均公园绿地面积", value: shown(in3[u]), max: K0.toString(), result: v.toString() });
    return v;
  }
  function raw2(u, steps) {
    if (cmp(">", listAgg("count", in1[u], where4, u, undefined), ZERO) === true) {
      if (steps) steps.push({ k: "void", cond: "count(查实虚报 where 虚报指标 = 公园绿地) > 0" });
      return ZERO;
    }
    return rule2(u, steps);
  }
  function score2(u, steps) {
    let v = raw2(u, steps);
    // never below 0 nor above 25 (the checker's ranges)
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  function reads2(u) {
    return [{ name: "查实虚报", value: shown(in1[u]) }, ((entries) => ({ name: "查实虚报", where: "虚报指标 = 公园绿地", value: { k: "list", n: entries.length }, entries }))(keptEntries(in1[u], where5, u, undefined, undefined, undefined)), { name: "人均公园绿地面积", label: "平方米", value: shown(in3[u]) }];
  }

  // ── item 3 "万元GDP能耗（现状）" (section "工作实绩·现状", max 25) ──
  // "by rank of 万元GDP能耗 asc, void if count(查实虚报 where 虚报指标 = 节能) > 0"
  function rule3(u, steps) {
    const size = groupSize(groupOf[u]);
    if (size <= 1) {
      if (steps) steps.push({ k: "onlyUnit", max: K0.toString() });
      return K0;
    }
    const place = cohort3()[u];
    const v = K0.mul(Decimal.fromInt(size - place)).div(Decimal.fromInt(size - 1));
    if (steps) steps.push({ k: "rankScored", place, n: size, by: "万元GDP能耗", value: shown(in4[u]), max: K0.toString(), result: v.toString() });
    return v;
  }
  function raw3(u, steps) {
    if (cmp(">", listAgg("count", in1[u], where6, u, undefined), ZERO) === true) {
      if (steps) steps.push({ k: "void", cond: "count(查实虚报 where 虚报指标 = 节能) > 0" });
      return ZERO;
    }
    return rule3(u, steps);
  }
  function score3(u, steps) {
    let v = raw3(u, steps);
    // never below 0 nor above 25 (the checker's ranges)
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  function reads3(u) {
    return [{ name: "查实虚报", value: shown(in1[u]) }, ((entries) => ({ name: "查实虚报", where: "虚报指标 = 节能", value: { k: "list", n: entries.length }, entries }))(keptEntries(in1[u], where7, u, undefined, undefined, undefined)), { name: "万元GDP能耗", label: "吨标准煤／万元，越低越好", value: shown(in4[u]) }];
  }

  // ── item 4 "城镇化率（改善）" (section "工作实绩·改善", max 25) ──
  // "by rank of 城镇化率改善 desc, void if count(查实虚报 where 虚报指标 = 城镇化) > 0"
  function rule4(u, steps) {
    const size = groupSize(groupOf[u]);
    if (size <= 1) {
      if (steps) steps.push({ k: "onlyUnit", max: K0.toString() });
      return K0;
    }
    const place = cohort4()[u];
    const v = K0.mul(Decimal.fromInt(size - place)).div(Decimal.fromInt(size - 1));
    if (steps) steps.push({ k: "rankScored", place, n: size, by: "城镇化率改善", value: shown(let0(u)), max: K0.toString(), result: v.toString() });
    return v;
  }
  function raw4(u, steps) {
    if (cmp(">", listAgg("count", in1[u], where8, u, undefined), ZERO) === true) {
      if (steps) steps.push({ k: "void", cond: "count(查实虚报 where 虚报指标 = 城镇化) > 0" });
      return ZERO;
    }
    return rule4(u, steps);
  }
  function score4(u, steps) {
    let v = raw4(u, steps);
    // never below 0 nor above 25 (the checker's ranges)
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  function reads4(u) {
    return [{ name: "查实虚报", value: shown(in1[u]) }, ((entries) => ({ name: "查实虚报", where: "虚报指标 = 城镇化", value: { k: "list", n: entries.length }, entries }))(keptEntries(in1[u], where9, u, undefined, undefined, undefined)), { name: "城镇化率改善", value: shownOrFailed(() => let0(u)), formula: "(城镇化率 - 上年城镇化率) / 上年城镇化率" }, { name: "城镇化率", value: shown(in0[u], true) }, { name: "上年城镇化率", value: shown(in5[u], true) }];
  }

  // ── item 5 "污水处理率（改善）" (section "工作实绩·改善", max 25) ──
  // "by rank of 污水处理率改善 desc, void if count(查实虚报 where 虚报指标 = 污水处理) > 0"
  function rule5(u, steps) {
    const size = groupSize(groupOf[u]);
    if (size <= 1) {
      if (steps) steps.push({ k: "onlyUnit", max: K0.toString() });
      return K0;
    }
    const place = cohort5()[u];
    const v = K0.mul(Decimal.fromInt(size - place)).div(Decimal.fromInt(size - 1));
    if (steps) steps.push({ k: "rankScored", place, n: size, by: "污水处理率改善", value: shown(let1(u)), max: K0.toString(), result: v.toString() });
    return v;
  }
  function raw5(u, steps) {
    if (cmp(">", listAgg("count", in1[u], where10, u, undefined), ZERO) === true) {
      if (steps) steps.push({ k: "void", cond: "count(查实虚报 where 虚报指标 = 污水处理) > 0" });
      return ZERO;
    }
    return rule5(u, steps);
  }
  function score5(u, steps) {
    let v = raw5(u, steps);
    // never below 0 nor above 25 (the checker's ranges)
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  function reads5(u) {
    return [{ name: "查实虚报", value: shown(in1[u]) }, ((entries) => ({ name: "查实虚报", where: "虚报指标 = 污水处理", value: { k: "list", n: entries.length }, entries }))(keptEntries(in1[u], where11, u, undefined, undefined, undefined)), { name: "污水处理率改善", value: shownOrFailed(() => let1(u)), formula: "(污水处理率 - 上年污水处理率) / 上年污水处理率" }, { name: "污水处理率", label: "城镇污水集中处理率", value: shown(in2[u], true) }, { name: "上年污水处理率", value: shown(in6[u], true) }];
  }

  // ── item 6 "人均公园绿地面积（改善）" (section "工作实绩·改善", max 25) ──
  // "by rank of 公园绿地改善 desc, void if count(查实虚报 where 虚报指标 = 公园绿地) > 0"
  function rule6(u, steps) {
    const size = groupSize(groupOf[u]);
    if (size <= 1) {
      if (steps) steps.push({ k: "onlyUnit", max: K0.toString() });
      return K0;
    }
    const place = cohort6()[u];
    const v = K0.mul(Decimal.fromInt(size - place)).div(Decimal.fromInt(size - 1));
    if (steps) steps.push({ k: "rankScored", place, n: size, by: "公园绿地改善", value: shown(let2(u)), max: K0.toString(), result: v.toString() });
    return v;
  }
  function raw6(u, steps) {
    if (cmp(">", listAgg("count", in1[u], where12, u, undefined), ZERO) === true) {
      if (steps) steps.push({ k: "void", cond: "count(查实虚报 where 虚报指标 = 公园绿地) > 0" });
      return ZERO;
    }
    return rule6(u, steps);
  }
  function score6(u, steps) {
    let v = raw6(u, steps);
    // never below 0 nor above 25 (the checker's ranges)
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  function reads6(u) {
    return [{ name: "查实虚报", value: shown(in1[u]) }, ((entries) => ({ name: "查实虚报", where: "虚报指标 = 公园绿地", value: { k: "list", n: entries.length }, entries }))(keptEntries(in1[u], where13, u, undefined, undefined, undefined)), { name: "公园绿地改善", value: shownOrFailed(() => let2(u)), formula: "(人均公园绿地面积 - 上年人均公园绿地面积) / 上年人均公园绿地面积" }, { name: "人均公园绿地面积", label: "平方米", value: shown(in3[u]) }, { name: "上年人均公园绿地面积", value: shown(in7[u]) }];
  }

  // ── item 7 "万元GDP能耗（改善）" (section "工作实绩·改善", max 25) ──
  // "by rank of 能耗变化 asc, void if count(查实虚报 where 虚报指标 = 节能) > 0"
  function rule7(u, steps) {
    const size = groupSize(groupOf[u]);
    if (size <= 1) {
      if (steps) steps.push({ k: "onlyUnit", max: K0.toString() });
      return K0;
    }
    const place = cohort7()[u];
    const v = K0.mul(Decimal.fromInt(size - place)).div(Decimal.fromInt(size - 1));
    if (steps) steps.push({ k: "rankScored", place, n: size, by: "能耗变化", value: shown(let3(u)), max: K0.toString(), result: v.toString() });
    return v;
  }
  function raw7(u, steps) {
    if (cmp(">", listAgg("count", in1[u], where14, u, undefined), ZERO) === true) {
      if (steps) steps.push({ k: "void", cond: "count(查实虚报 where 虚报指标 = 节能) > 0" });
      return ZERO;
    }
    return rule7(u, steps);
  }
  function score7(u, steps) {
    let v = raw7(u, steps);
    // never below 0 nor above 25 (the checker's ranges)
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  function reads7(u) {
    return [{ name: "查实虚报", value: shown(in1[u]) }, ((entries) => ({ name: "查实虚报", where: "虚报指标 = 节能", value: { k: "list", n: entries.length }, entries }))(keptEntries(in1[u], where15, u, undefined, undefined, undefined)), { name: "能耗变化", value: shownOrFailed(() => let3(u)), formula: "(万元GDP能耗 - 上年万元GDP能耗) / 上年万元GDP能耗" }, { name: "万元GDP能耗", label: "吨标准煤／万元，越低越好", value: shown(in4[u]) }, { name: "上年万元GDP能耗", value: shown(in8[u]) }];
  }

  // ── item 8 "组织领导" (section "组织保障", max 25) ──
  // "{ 10 if 成立领导小组; 15 if 专人负责 }"
  function rule8(u, steps) {
    let sum = ZERO;
    const holds0 = in9[u] === true; // "成立领导小组"
    if (holds0) sum = sum.add(K1);
    if (steps) steps.push({ k: "line", points: holds0 ? K1.toString() : "10", deduct: false, cond: "成立领导小组", holds: holds0 });
    const holds1 = in10[u] === true; // "专人负责"
    if (holds1) sum = sum.add(K2);
    if (steps) steps.push({ k: "line", points: holds1 ? K2.toString() : "15", deduct: false, cond: "专人负责", holds: holds1 });
    if (steps) steps.push({ k: "sum", value: sum.toString() });
    return sum;
  }
  function raw8(u, steps) {
    return rule8(u, steps);
  }
  function score8(u, steps) {
    let v = raw8(u, steps);
    // never below 0 nor above 25 (the checker's ranges)
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  function reads8(u) {
    return [{ name: "成立领导小组", value: shown(in9[u]) }, { name: "专人负责", value: shown(in10[u]) }];
  }

  // ── item 9 "宣传发动" (section "组织保障", max 25) ──
  // "deduct 5 per 抽查问题数"
  function rule9(u, steps) {
    const count = num(in11[u]);
    const d = deduction(V4, count);
    const result = K0.sub(d);
    if (steps) steps.push({ k: "deduct", amounts: ["5"], count: count.toString(), countText: "抽查问题数", deduction: d.toString(), max: K0.toString(), result: result.toString() });
    return result;
  }
  function raw9(u, steps) {
    if (steps) return rule9(u, steps);
    const key = in11[u];
    let v = memo9.get(key);
    if (v === undefined) memo9.set(key, (v = rule9(u)));
    return v;
  }
  function score9(u, steps) {
    let v = raw9(u, steps);
    // never above 25 (the checker's ranges)
    if (v.sign() < 0) {
      if (steps) steps.push({ k: "notBelowZero", from: v.toString() });
      v = ZERO;
    }
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  function reads9(u) {
    return [{ name: "抽查问题数", label: "随机抽查发现的问题数", value: shown(in11[u]) }];
  }

  // ── item 10 "政策措施" (section "组织保障", max 25) ──
  // "{ 25 if 出台配套政策 }"
  function rule10(u, steps) {
    let sum = ZERO;
    const holds0 = in12[u] === true; // "出台配套政策"
    if (holds0) sum = sum.add(K0);
    if (steps) steps.push({ k: "line", points: holds0 ? K0.toString() : "25", deduct: false, cond: "出台配套政策", holds: holds0 });
    if (steps) steps.push({ k: "sum", value: sum.toString() });
    return sum;
  }
  function raw10(u, steps) {
    if (steps) return rule10(u, steps);
    const key = in12[u];
    let v = memo10.get(key);
    if (v === undefined) memo10.set(key, (v = rule10(u)));
    return v;
  }
  function score10(u, steps) {
    let v = raw10(u, steps);
    // never below 0 nor above 25 (the checker's ranges)
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  function reads10(u) {
    return [{ name: "出台配套政策", value: shown(in12[u]) }];
  }

  // ── item 11 "建设成效" (section "组织保障", max 25) ──
  // "建设成效评分"
  function rule11(u, steps) {
    const v = num(in13[u]);
    if (steps) steps.push({ k: "formula", text: "建设成效评分", value: v.toString() });
    return v;
  }
  function raw11(u, steps) {
    if (steps) return rule11(u, steps);
    const key = in13[u];
    let v = memo11.get(key);
    if (v === undefined) memo11.set(key, (v = rule11(u)));
    return v;
  }
  function score11(u, steps) {
    let v = raw11(u, steps);
    // never below 0 nor above 25 (the checker's ranges)
    const r = v.round(2);
    if (steps && !r.eq(v)) steps.push({ k: "rounded", places: 2, from: v.toString(), to: r.toString() });
    return r;
  }
  function reads11(u) {
    return [{ name: "建设成效评分", label: "和谐村庄（社区）建设成效，县领导小组办公室评分", value: shown(in13[u]) }];
  }

  // ── item 12 "健康度" (section "公众满意度", max 25) ──
  // "25 * 健康度满意率"
  function rule12(u, steps) {
    const v = num(mul(K0, in14[u]));
    if (steps) steps.push({ k: "formula", text: "25 * 健康度满意率", value: v.toString() });
    return v;
  }
  function raw12(u, steps) {
    if (steps) return rule12(u, steps);
    const key = in14[u];
    let v = memo12.get(key);
    if (v === undefined) memo12.set(key, (v = rule12(u)));
    return v;
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
  function reads12(u) {
    return [{ name: "健康度满意率", value: shown(in14[u], true) }];
  }

  // ── item 13 "舒适度" (section "公众满意度", max 25) ──
  // "25 * 舒适度满意率"
  function rule13(u, steps) {
    const v = num(mul(K0, in15[u]));
    if (steps) steps.push({ k: "formula", text: "25 * 舒适度满意率", value: v.toString() });
    return v;
  }
  function raw13(u, steps) {
    if (steps) return rule13(u, steps);
    const key = in15[u];
    let v = memo13.get(key);
    if (v === undefined) memo13.set(key, (v = rule13(u)));
    return v;
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
  function reads13(u) {
    return [{ name: "舒适度满意率", value: shown(in15[u], true) }];
  }

  // ── item 14 "便捷度" (section "公众满意度", max 25) ──
  // "25 * 便捷度满意率"
  function rule14(u, steps) {
    const v = num(mul(K0, in16[u]));
    if (steps) steps.push({ k: "formula", text: "25 * 便捷度满意率", value: v.toString() });
    return v;
  }
  function raw14(u, steps) {
    if (steps) return rule14(u, steps);
    const key = in16[u];
    let v = memo14.get(key);
    if (v === undefined) memo14.set(key, (v = rule14(u)));
    return v;
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
  function reads14(u) {
    return [{ name: "便捷度满意率", value: shown(in16[u], true) }];
  }

  // ── item 15 "安全度" (section "公众满意度", max 25) ──
  // "25 * 安全度满意率"
  function rule15(u, steps) {
    const v = num(mul(K0, in17[u]));
    if (steps) steps.push({ k: "formula", text: "25 * 安全度满意率", value: v.toString() });
    return v;
  }
  function raw15(u, steps) {
    if (steps) return rule15(u, steps);
    const key = in17[u];
    let v = memo15.get(key);
    if (v === undefined) memo15.set(key, (v = rule15(u)));
    return v;
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
  function reads15(u) {
    return [{ name: "安全度满意率", value: shown(in17[u], true) }];
  }

  // ── results: one unit's, built when asked for (with its trace when tracing) ──
  const itemScorers = [score0, score1, score2, score3, score4, score5, score6, score7, score8, score9, score10, score11, score12, score13, score14, score15];
  const itemReads = [reads0, reads1, reads2, reads3, reads4, reads5, reads6, reads7, reads8, reads9, reads10, reads11, reads12, reads13, reads14, reads15];
  const itemNotApplicable = [APPLIES, APPLIES, APPLIES, APPLIES, APPLIES, APPLIES, APPLIES, APPLIES, APPLIES, APPLIES, APPLIES, APPLIES, APPLIES, APPLIES, APPLIES, APPLIES];
  function itemResultOf(id, u, traced) {
    const it = V9[id];
    const r = it.section === undefined ? { label: it.label, score: scores[id][u], max: it.max } : { label: it.label, section: it.section, score: scores[id][u], max: it.max };
    if (itemNA[id][u]) r.notApplicable = true;
    if (traced) r.trace = itemTrace(id, u);
    return r;
  }
  function sectionResultOf(id, u) {
    const s = V10[id];
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
    return { rule: V9[id].rule, inputs: itemReads[id](u), steps };
  }
  function vetoesOf(u, steps) {
    let vetoes = NO_VETOES;
    return vetoes;
  }
  function gradeOf(u, steps) {
    return null;
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
    out.push({ k: "group", key: groups.keys[groupOf[u]], size: members[groupOf[u]].length });
    wholeSteps(out, combine1, u, { k: "section", label: "工作实绩·现状", parts: [part(scores[0][u], itemNA[0][u]), part(scores[1][u], itemNA[1][u]), part(scores[2][u], itemNA[2][u]), part(scores[3][u], itemNA[3][u])], score: part(sectionScores[1][u], sectionNA[1][u]) });
    wholeSteps(out, combine2, u, { k: "section", label: "工作实绩·改善", parts: [part(scores[4][u], itemNA[4][u]), part(scores[5][u], itemNA[5][u]), part(scores[6][u], itemNA[6][u]), part(scores[7][u], itemNA[7][u])], score: part(sectionScores[2][u], sectionNA[2][u]) });
    wholeSteps(out, combine0, u, { k: "section", label: "工作实绩", parts: [part(contributions[1][u], sectionNA[1][u]), part(contributions[2][u], sectionNA[2][u])], score: part(sectionScores[0][u], sectionNA[0][u]) });
    wholeSteps(out, combine3, u, { k: "section", label: "组织保障", parts: [part(scores[8][u], itemNA[8][u]), part(scores[9][u], itemNA[9][u]), part(scores[10][u], itemNA[10][u]), part(scores[11][u], itemNA[11][u])], score: part(sectionScores[3][u], sectionNA[3][u]) });
    wholeSteps(out, combine4, u, { k: "section", label: "公众满意度", parts: [part(scores[12][u], itemNA[12][u]), part(scores[13][u], itemNA[13][u]), part(scores[14][u], itemNA[14][u]), part(scores[15][u], itemNA[15][u])], score: part(sectionScores[4][u], sectionNA[4][u]) });
    const r = wholeSteps(out, combineTotal, u);
    const step = { k: "total", parts: [part(contributions[0][u], sectionNA[0][u]), part(contributions[3][u], sectionNA[3][u]), part(contributions[4][u], sectionNA[4][u])] };
    let running = r === null ? null : r;
    step.result = str(running);
    out.push(step);
    return out;
  }
  function unitResult(u) {
    const traced = tracing(u);
    const itemsTraced = traced && eligible[u] === 1;
    const items = [itemResultOf(0, u, itemsTraced), itemResultOf(1, u, itemsTraced), itemResultOf(2, u, itemsTraced), itemResultOf(3, u, itemsTraced), itemResultOf(4, u, itemsTraced), itemResultOf(5, u, itemsTraced), itemResultOf(6, u, itemsTraced), itemResultOf(7, u, itemsTraced), itemResultOf(8, u, itemsTraced), itemResultOf(9, u, itemsTraced), itemResultOf(10, u, itemsTraced), itemResultOf(11, u, itemsTraced), itemResultOf(12, u, itemsTraced), itemResultOf(13, u, itemsTraced), itemResultOf(14, u, itemsTraced), itemResultOf(15, u, itemsTraced)];
    const sections = [sectionResultOf(0, u), sectionResultOf(1, u), sectionResultOf(2, u), sectionResultOf(3, u), sectionResultOf(4, u)];
    const bonuses = [];
    const penalties = [];
    const steps = traced ? totalSteps(u) : undefined;
    const vetoes = eligible[u] ? (steps ? vetoesOf(u, steps) : vetoLists[u]) : NO_VETOES;
    if (steps) steps.push(placeStep(u));
    const grade = gradeOf(u, steps);
    const r = { id: ids[u], items, sections, bonuses, bonus: bonusTotals[u], penalties, penalty: penaltyTotals[u], total: totals[u], place: places[u], eligible: eligible[u] === 1, grade, vetoed: vetoes.length > 0, vetoes: [...vetoes], errors: errors.get(u) ?? [] };
    r.group = groups.keys[groupOf[u]];
    if (kinds[u] !== undefined) r.kind = kinds[u];
    if (steps) r.steps = steps;
    return r;
  }

  // ── a call's state: kept by its result, put in place for each of its units, let go ──
  let callLoaded = false; // a call is in progress, or a result's unit is being built
  let loadedFrom; // the state of the result whose units were read last, while it stays loaded
  let lettingGo = false; // a microtask will let it go
  function callState() {
    return [n, ids, kinds, errors, given, in0, in1, in2, in3, in4, in5, in6, in7, in8, in9, in10, in11, in12, in13, in14, in15, in16, in17, NONE, scores, itemNA, sectionScores, sectionNA, contributions, totals, bonusTotals, penaltyTotals, memo9, memo10, memo11, memo12, memo13, memo14, memo15, let0Cache, let1Cache, let2Cache, let3Cache, cohort0, cohort1, cohort2, cohort3, cohort4, cohort5, cohort6, cohort7, eligible, groups, groupOf, members, vetoed, vetoLists, places, gradeLines, grades, tracing];
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
    in5 = state[10];
    in6 = state[11];
    in7 = state[12];
    in8 = state[13];
    in9 = state[14];
    in10 = state[15];
    in11 = state[16];
    in12 = state[17];
    in13 = state[18];
    in14 = state[19];
    in15 = state[20];
    in16 = state[21];
    in17 = state[22];
    NONE = state[23];
    scores = state[24];
    itemNA = state[25];
    sectionScores = state[26];
    sectionNA = state[27];
    contributions = state[28];
    totals = state[29];
    bonusTotals = state[30];
    penaltyTotals = state[31];
    memo9 = state[32];
    memo10 = state[33];
    memo11 = state[34];
    memo12 = state[35];
    memo13 = state[36];
    memo14 = state[37];
    memo15 = state[38];
    let0Cache = state[39];
    let1Cache = state[40];
    let2Cache = state[41];
    let3Cache = state[42];
    cohort0 = state[43];
    cohort1 = state[44];
    cohort2 = state[45];
    cohort3 = state[46];
    cohort4 = state[47];
    cohort5 = state[48];
    cohort6 = state[49];
    cohort7 = state[50];
    eligible = state[51];
    groups = state[52];
    groupOf = state[53];
    members = state[54];
    vetoed = state[55];
    vetoLists = state[56];
    places = state[57];
    gradeLines = state[58];
    grades = state[59];
    tracing = state[60];
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
      in0 = column(table, "城镇化率");
      in1 = column(table, "查实虚报");
      in2 = column(table, "污水处理率");
      in3 = column(table, "人均公园绿地面积");
      in4 = column(table, "万元GDP能耗");
      in5 = column(table, "上年城镇化率");
      in6 = column(table, "上年污水处理率");
      in7 = column(table, "上年人均公园绿地面积");
      in8 = column(table, "上年万元GDP能耗");
      in9 = column(table, "成立领导小组");
      in10 = column(table, "专人负责");
      in11 = column(table, "抽查问题数");
      in12 = column(table, "出台配套政策");
      in13 = column(table, "建设成效评分");
      in14 = column(table, "健康度满意率");
      in15 = column(table, "舒适度满意率");
      in16 = column(table, "便捷度满意率");
      in17 = column(table, "安全度满意率");
      NONE = new Uint8Array(n); // never set: for the scores that always apply
      scores = [new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n)]; // by item id
      itemNA = [NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE];
      sectionScores = [new Array(n), new Array(n), new Array(n), new Array(n), new Array(n)];
      sectionNA = [NONE, NONE, NONE, NONE, NONE];
      contributions = [new Array(n), new Array(n), new Array(n), new Array(n), new Array(n)];
      totals = new Array(n).fill(null);
      bonusTotals = new Array(n).fill(ZERO);
      penaltyTotals = new Array(n).fill(ZERO);
      memo9 = new Memo(); // "宣传发动" by "抽查问题数"
      memo10 = new Memo(); // "政策措施" by "出台配套政策"
      memo11 = new Memo(); // "建设成效" by "建设成效评分"
      memo12 = new Memo(); // "健康度" by "健康度满意率"
      memo13 = new Memo(); // "舒适度" by "舒适度满意率"
      memo14 = new Memo(); // "便捷度" by "便捷度满意率"
      memo15 = new Memo(); // "安全度" by "安全度满意率"
      let0Cache = new Array(n).fill(UNSET); // "城镇化率改善", unit by unit, once worked out
      let1Cache = new Array(n).fill(UNSET); // "污水处理率改善", unit by unit, once worked out
      let2Cache = new Array(n).fill(UNSET); // "公园绿地改善", unit by unit, once worked out
      let3Cache = new Array(n).fill(UNSET); // "能耗变化", unit by unit, once worked out
      cohort0 = once(() => (given.values[0] !== undefined ? given.values[0] : cohort0Pass()));
      cohort1 = once(() => (given.values[1] !== undefined ? given.values[1] : cohort1Pass()));
      cohort2 = once(() => (given.values[2] !== undefined ? given.values[2] : cohort2Pass()));
      cohort3 = once(() => (given.values[3] !== undefined ? given.values[3] : cohort3Pass()));
      cohort4 = once(() => (given.values[4] !== undefined ? given.values[4] : cohort4Pass()));
      cohort5 = once(() => (given.values[5] !== undefined ? given.values[5] : cohort5Pass()));
      cohort6 = once(() => (given.values[6] !== undefined ? given.values[6] : cohort6Pass()));
      cohort7 = once(() => (given.values[7] !== undefined ? given.values[7] : cohort7Pass()));
      tracing = typeof options.trace === "function" ? options.trace : () => !!options.trace; // which units' results have their trace

      // ── who is assessed, and with whom ──
      eligible = new Uint8Array(n).fill(1);
      groups = groupUnits(n, eligible, (u) => guard(u, groupKeyOf));
      groupOf = groups.of;
      members = groups.members;
      if (options.cohortInputs) return cohortInputs();
      if (typeof given === "function") given = given(cohortInputs());

      // ── every score, each after the scores it reads ──
      for (let u = 0, col = scores[0]; u < n; u++) { // item "城镇化率（现状）"
        try { col[u] = score0(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[1]; u < n; u++) { // item "污水处理率（现状）"
        try { col[u] = score1(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[2]; u < n; u++) { // item "人均公园绿地面积（现状）"
        try { col[u] = score2(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[3]; u < n; u++) { // item "万元GDP能耗（现状）"
        try { col[u] = score3(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[4]; u < n; u++) { // item "城镇化率（改善）"
        try { col[u] = score4(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[5]; u < n; u++) { // item "污水处理率（改善）"
        try { col[u] = score5(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[6]; u < n; u++) { // item "人均公园绿地面积（改善）"
        try { col[u] = score6(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[7]; u < n; u++) { // item "万元GDP能耗（改善）"
        try { col[u] = score7(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[8]; u < n; u++) { // item "组织领导"
        try { col[u] = score8(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[9]; u < n; u++) { // item "宣传发动"
        try { col[u] = score9(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[10]; u < n; u++) { // item "政策措施"
        try { col[u] = score10(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[11]; u < n; u++) { // item "建设成效"
        try { col[u] = score11(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[12]; u < n; u++) { // item "健康度"
        try { col[u] = score12(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[13]; u < n; u++) { // item "舒适度"
        try { col[u] = score13(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[14]; u < n; u++) { // item "便捷度"
        try { col[u] = score14(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = scores[15]; u < n; u++) { // item "安全度"
        try { col[u] = score15(u); } catch (e) { col[u] = null; failed(errors, u, e); }
      }
      for (let u = 0, col = sectionScores[1]; u < n; u++) { // section "工作实绩·现状"
        col[u] = combine1(u);
      }
      for (let u = 0, col = sectionScores[2]; u < n; u++) { // section "工作实绩·改善"
        col[u] = combine2(u);
      }
      for (let u = 0, col = sectionScores[0]; u < n; u++) { // section "工作实绩"
        col[u] = combine0(u);
      }
      for (let u = 0, col = sectionScores[3]; u < n; u++) { // section "组织保障"
        col[u] = combine3(u);
      }
      for (let u = 0, col = sectionScores[4]; u < n; u++) { // section "公众满意度"
        col[u] = combine4(u);
      }

      // ── totals: the parts, bonuses added, penalties taken off, adjustments, the floor ──
      for (let u = 0; u < n; u++) {
        const r = combineTotal(u);
        let sum = r === null ? null : r;
        totals[u] = sum;
      }

      // ── vetoes, places, grades ──
      vetoed = new Uint8Array(n);
      vetoLists = new Array(n).fill(NO_VETOES);
      places = options.places === false ? new Array(n).fill(null) : placeUnits(groups, eligible, vetoed, totals, { vetoed: "last", ineligible: "unplaced" });
      gradeLines = new Int16Array(n).fill(-1); // the line that gave each ranked unit its grade
      grades = new Array(n);
      for (let u = 0; u < n; u++) grades[u] = gradeOf(u);

      const columns = { items: scores, itemsNA: itemNA, sections: sectionScores, sectionsNA: sectionNA, contributions, bonus: bonusTotals, penalty: penaltyTotals, totals, places, eligible, grades, vetoes: vetoLists };
      columns.groups = groups;
      return scoring({ n, ids, errors, columns, unitResult: resultReader(callState()) });
    } finally {
      leaveCall(outer);
    }
  };
}
