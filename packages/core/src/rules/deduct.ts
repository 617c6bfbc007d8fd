// Deduction: `deduct K per X [, max D]` (每 X 扣 K): M − K·X, the deduction at most D, floored at 0.
import type * as A from '../ast/ast.js';
import { Decimal } from '../common/decimal.js';
import { Interval } from '../common/interval.js';
import { dec } from './numbers.js';
import type { RuleKind } from './rule.js';

type Deduct = Extract<A.Rule, { kind: 'Deduct' }>;

export const deduct: RuleKind<Deduct> = {
  kind: 'Deduct',
  name: { en: 'a deduction', zh: '扣分规则' },
  clauses: {
    Max: (r, c) => {
      if (c.name === 'Max') r.max = c.value;
    },
  },
  check(r, cx, _item, max) {
    const t = cx.expr(r.count);
    cx.expectNum(r.count, t, { en: '`deduct … per`', zh: '`每 … 扣`' });
    if (!max) return Interval.ANY;
    const k = dec(r.amount);
    const range = t.k === 'num' ? t.range : Interval.ANY;
    let most = range.hi ? k.mul(range.hi) : null;
    if (r.max) most = most ? Decimal.min(most, dec(r.max)) : dec(r.max);
    let least = range.lo && range.lo.sign() > 0 ? k.mul(range.lo) : Decimal.ZERO;
    // `max D` caps the smallest deduction too.
    if (r.max) least = Decimal.min(least, dec(r.max));
    return new Interval(most ? max.sub(most) : null, max.sub(least));
  },
  lower: (r, cx) => ({ k: 'deduct', per: cx.dec(r.amount), count: cx.cond(r.count), ...(r.max ? { most: cx.dec(r.max) } : {}), span: r.span }),
  reads: (r) => [r.count],
};
