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
    if (r.ifZero) cx.expectNum(r.ifZero, cx.expr(r.ifZero), { en: '`if zero`', zh: '`为零时`' });
    return new Interval(Decimal.ZERO, max ?? null);
  },
  lower: (r, cx) => ({ k: 'ratio', done: cx.expr(r.done), target: cx.expr(r.target), ...(r.ifZero ? { ifZero: cx.expr(r.ifZero) } : {}), span: r.span }),
  reads: (r) => [r.done, r.target, ...(r.ifZero ? [r.ifZero] : [])],
};
