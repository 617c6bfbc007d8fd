// E02xx: a value of the wrong type.
import type { Text } from '../../common/text.js';
import { error, q, type NoArgs } from './entry.js';

/** Advice a type error can carry. */
export type TypeAdvice =
  /** A yes/no used as points. */
  | { k: 'pointsLine' }
  /** A number used as a condition. */
  | { k: 'compare'; expr: string }
  /** A list of records where numbers were wanted. */
  | { k: 'pickField'; expr: string }
  /** Number bands over a yes/no. */
  | { k: 'yesNoBands' };

function advice(a: TypeAdvice): Text {
  switch (a.k) {
    case 'pointsLine':
      return { en: 'a yes/no is not a number: write points with `N if condition`', zh: '是否值不是数值：请写成 `N 若 条件`' };
    case 'compare':
      return { en: `compare it: \`${a.expr} > 0\``, zh: `请写成比较：\`${a.expr} > 0\`` };
    case 'pickField':
      return { en: `pick a field: \`${a.expr}.field\`, or give a formula for each entry: \`sum(${a.expr}, formula)\``, zh: `请取字段：\`${a.expr}.字段\`，或写出每条的计算式：\`合计(${a.expr}, 计算式)\`` };
    case 'yesNoBands':
      return { en: 'a yes/no has two bands: `bands x { yes: 10, no: 0 }`', zh: '是否值只分两段：`分段 x { 是: 10, 否: 0 }`' };
  }
}

export const types = {
  E0201: error<{ what: Text; expected: Text; expr: string; actual: Text; advice?: TypeAdvice }>({
    en: (a) => `${a.what.en} needs ${a.expected.en}, but ${q(a.expr)} is ${a.actual.en}`,
    zh: (a) => `${a.what.zh} 需要${a.expected.zh}，但 ${q(a.expr)} 是${a.actual.zh}`,
    hint: (a) => (a.advice ? advice(a.advice) : undefined),
  }),
  E0202: error<{ left: Text; right: Text }>({
    en: (a) => `cannot compare ${a.left.en} with ${a.right.en}`,
    zh: (a) => `不能比较${a.left.zh}与${a.right.zh}`,
  }),
  E0203: error<{ name: string }>({
    en: (a) => `${q(a.name)} may be absent (it is optional); say what counts when it is not submitted`,
    zh: (a) => `${q(a.name)} 是可选字段，可能未填报；请写明未填报时按多少计`,
    hint: (a) => ({ en: `write \`${a.name} ?? 0\` (not submitted is not the same as 0)`, zh: `写成 \`${a.name} ?? 0\`（未填报不等于 0）` }),
  }),
  E0204: error<{ fn: string; expr: string; actual: Text }>({
    en: (a) => `${q(a.fn)} works over a list, but ${q(a.expr)} is ${a.actual.en}`,
    zh: (a) => `${q(a.fn)} 只能用于列表，但 ${q(a.expr)} 是${a.actual.zh}`,
  }),
  E0210: error<{ fn: string; expr: string; projected: boolean }>({
    en: (a) => `${q(a.fn)} over a list takes the list and, at most, a formula for each entry; ${q(a.expr)} is one argument too many`,
    zh: (a) => `对列表求 ${q(a.fn)} 只需列表和（可选的）每条的计算式；${q(a.expr)} 是多余的参数`,
    hint: (a) =>
      a.projected
        ? { en: 'a list of one field (`list.field`) takes no formula: write `sum(list, formula)` to compute per entry, or add the other value outside: `sum(list.field) + x`', zh: '取了字段的列表（`列表.字段`）不再带计算式：要逐条计算请写 `合计(列表, 计算式)`，要加上其他值请写在外面：`合计(列表.字段) + x`' }
        : { en: 'to add another value, write it outside: `sum(list, formula) + x`', zh: '要加上其他值，请写在外面：`合计(列表, 计算式) + x`' },
  }),
  E0211: error<{ then: Text; else: Text }>({
    en: (a) => `the two branches of \`if … then … else\` must be the same kind of value, but one is ${a.then.en} and the other ${a.else.en}`,
    zh: (a) => `\`若 … 则 … 否则\` 的两个分支须是同一类值，但一个是${a.then.zh}，另一个是${a.else.zh}`,
  }),
  E0212: error<{ name: string; known: boolean }>({
    en: (a) => `a band of numbers needs a comparison, but ${q(a.name)} is a bare name`,
    zh: (a) => `数值分段需要比较式，但 ${q(a.name)} 只是一个名称`,
    hint: (a) =>
      a.known
        ? { en: `compare with it: \`>= ${a.name}: …\`, \`< ${a.name}: …\``, zh: `请与它比较：\`>= ${a.name}: …\`、\`< ${a.name}: …\`` }
        : { en: `a band of numbers reads \`>= 90: …\` or \`< 目标值: …\`; names as keys are for choices (\`bands level { city: 3 }\`)`, zh: `数值分段写作 \`>= 90: …\` 或 \`< 目标值: …\`；名称作分段只用于枚举值（\`分段 级别 { 市级: 3 }\`）` },
  }),
  E0213: error<{ what: Text; value: string; range: Text }>({
    en: (a) => `${a.what.en} must be ${a.range.en}, not ${a.value}`,
    zh: (a) => `${a.what.zh} 须为${a.range.zh}，不能是 ${a.value}`,
  }),
  E0205: error<{ low: string; high: string }>({
    en: (a) => `the range ${a.low}..${a.high} is empty`,
    zh: (a) => `范围 ${a.low}..${a.high} 为空`,
  }),
  E0206: error<NoArgs>({
    en: () => '`round` takes a value and a number of places (a whole number from 0 to 20): `round(x, 2)`',
    zh: () => '`四舍五入` 需要数值和小数位数（0 到 20 的整数）：`四舍五入(x, 2)`',
  }),
  E0207: error<{ expr: string }>({
    en: (a) => `\`ratio\` needs a division \`done / target\`, but ${q(a.expr)} is not a division`,
    zh: (a) => `\`比例\` 需要写成除法 \`完成值 / 目标值\`，但 ${q(a.expr)} 不是除法`,
  }),
  E0208: error<{ what: Text }>({
    en: (a) => `${a.what.en} can only be read in grade lines`,
    zh: (a) => `${a.what.zh} 只能在等级条件中使用`,
  }),
  E0209: error<{ op: string }>({
    en: (a) => `${q(a.op)} needs numbers: choices have no order`,
    zh: (a) => `${q(a.op)} 只能比较数值：枚举值没有大小之分`,
    hint: () => ({ en: 'use `=` or `!=`, or a tier table to turn choices into points', zh: '请用 `=` 或 `!=`，或用档次表把枚举值换算成分数' }),
  }),
};
