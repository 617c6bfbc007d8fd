// E06xx: a unit's numbers cannot be computed.
import { error, q } from './entry.js';

export const evaluation = {
  E0601: error<{ unit: string; expr: string }>({
    en: (a) => `unit ${q(a.unit)}: division by zero in ${q(a.expr)}`,
    zh: (a) => `单位 ${q(a.unit)}：${q(a.expr)} 中除数为零`,
  }),
  E0602: error<{ unit: string; item: string }>({
    en: (a) => `unit ${q(a.unit)}: the target of ${q(a.item)} is 0, and the scheme does not say what that scores`,
    zh: (a) => `单位 ${q(a.unit)}：${q(a.item)} 的目标值为 0，方案未规定此时如何计分`,
    hint: () => ({ en: 'add `, if zero N` to the ratio', zh: '请在比例规则后加 `, 为零时 N`' }),
  }),
};
