// Deduction: `deduct K per X [, max D]` (每 X 扣 K): M − K·X, the deduction at most D, floored
// at 0. Progressive with several amounts (`deduct 1, 2, 4 per X`: the first occurrence 1, the
// second 2, each later one 4). In a penalty the value is the deduction itself.
import type * as A from '../ast/ast.js';
import { Decimal } from '../common/decimal.js';
import { deduction } from '@assess/runtime';
import { Interval } from '../common/interval.js';
import { diag } from '../diagnostics/diagnostic.js';
import { dec } from './numbers.js';
import type { CheckContext, RuleKind } from './rule.js';

type Deduct = Extract<A.Rule, { kind: 'Deduct' }>;

/** The range of what `count` occurrences cost, at most `most`: shared with a block's `deduct … per` lines. */
export function checkDeduction(cx: CheckContext, amounts: A.Num[], count: A.Expr, most: A.Num | undefined): Interval {
  const t = cx.expr(count);
  cx.expectNum(count, t, { en: '`deduct … per`', zh: '`每 … 扣`' });
  for (const a of amounts) if (dec(a).sign() <= 0) cx.report(diag('E0309', a.span, { what: { en: 'a deduction', zh: '扣分' } }));
  const ks = amounts.map(dec);
  const range = t.k === 'num' ? t.range : Interval.ANY;
  let hi = range.hi ? deduction(ks, range.hi) : null;
  let lo = range.lo ? deduction(ks, range.lo) : Decimal.ZERO;
  // `max D` caps the smallest deduction too.
  if (most) {
    const d = dec(most);
    hi = hi ? Decimal.min(hi, d) : d;
    lo = Decimal.min(lo, d);
  }
  return new Interval(lo, hi);
}

export const deduct: RuleKind<Deduct> = {
  kind: 'Deduct',
  name: { en: 'a deduction', zh: '扣分规则' },
  clauses: {
    Max: (r, c) => {
      if (c.name === 'Max') r.max = c.value;
    },
  },
  check(r, cx, item, max) {
    const d = checkDeduction(cx, r.amounts, r.count, r.max);
    if (item.kind === 'Penalty') return d;
    if (!max) return Interval.ANY;
    return new Interval(d.hi ? max.sub(d.hi) : null, d.lo ? max.sub(d.lo) : max);
  },
  // No occurrences: nothing deducted (in a penalty, the deduction is the score).
  whenAbsent: (_r, item, max) => (item.kind === 'Penalty' || !max ? Decimal.ZERO : max),
  lower: (r, cx) => ({ k: 'deduct', amounts: r.amounts.map((a) => cx.dec(a)), count: cx.cond(r.count), ...(r.max ? { most: cx.dec(r.max) } : {}), span: r.span }),
  reads: (r) => [r.count],
};
