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
  | { k: 'pickField'; expr: string };

function advice(a: TypeAdvice): Text {
  switch (a.k) {
    case 'pointsLine':
      return { en: 'a yes/no is not a number: write points with `N if condition`', zh: '是否值不是数值：请写成 `N 若 条件`' };
    case 'compare':
      return { en: `compare it: \`${a.expr} > 0\``, zh: `请写成比较：\`${a.expr} > 0\`` };
    case 'pickField':
      return { en: `pick a field: \`${a.expr}.field\``, zh: `请取字段：\`${a.expr}.字段\`` };
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
  E0210: error<{ fn: string; expr: string }>({
    en: (a) => `${q(a.fn)} over a list takes the list alone; ${q(a.expr)} is one argument too many`,
    zh: (a) => `对列表求 ${q(a.fn)} 只需列表本身；${q(a.expr)} 是多余的参数`,
  }),
  E0205: error<{ low: string; high: string }>({
    en: (a) => `the range ${a.low}..${a.high} is empty`,
    zh: (a) => `范围 ${a.low}..${a.high} 为空`,
  }),
  E0206: error<NoArgs>({
    en: () => '`round` takes a value and a number of places: `round(x, 2)`',
    zh: () => '`四舍五入` 需要数值和小数位数：`四舍五入(x, 2)`',
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
