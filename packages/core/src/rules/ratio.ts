// Ratio: `ratio done / target [, if zero Z]`: M × done / target, held within 0..M; a target
// of 0 scores Z, or fails the unit when the scheme does not say.
import type * as A from '../ast/ast.js';
import { Decimal } from '../common/decimal.js';
import { Interval } from '../common/interval.js';
import type { RuleKind } from './rule.js';

type Ratio = Extract<A.Rule, { kind: 'Ratio' }>;

export const ratio: RuleKind<Ratio> = {
  kind: 'Ratio',
  name: { en: 'a ratio', zh: '比例规则' },
  clauses: {
    IfZero: (r, c) => {
      if (c.name === 'IfZero') r.ifZero = c.value;
    },
  },
  scaled: true,
  check(r, cx, _item, max) {
    cx.expectNum(r.done, cx.expr(r.done), { en: '`ratio`', zh: '`比例`' });
    cx.expectNum(r.target, cx.expr(r.target), { en: '`ratio`', zh: '`比例`' });
    // The quotient is held within 0..M by the rule itself; a target of 0 scores Z as it is.
    const quotient = new Interval(Decimal.ZERO, max ?? null);
    if (!r.ifZero) return quotient;
    const z = cx.expr(r.ifZero);
    cx.expectNum(r.ifZero, z, { en: '`if zero`', zh: '`为零时`' });
    return z.k === 'num' ? quotient.join(z.range) : Interval.ANY;
  },
  lower: (r, cx) => ({ k: 'ratio', done: cx.expr(r.done), target: cx.expr(r.target), ...(r.ifZero ? { ifZero: cx.expr(r.ifZero) } : {}), span: r.span }),
  reads: (r) => [r.done, r.target, ...(r.ifZero ? [r.ifZero] : [])],
};
