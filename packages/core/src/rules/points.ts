// Points lines in a `{ … }` block: `N if cond`, `deduct N if cond` (N any number-valued
// expression) and `deduct K per X [, max D]`; the sum of the lines. In a penalty every line
// counts as points taken off, however it is written.
import type * as A from '../ast/ast.js';
import { Decimal } from '../common/decimal.js';
import { Interval } from '../common/interval.js';
import type * as P from '../ir/plan.js';
import { checkDeduction } from './deduct.js';
import type { RuleKind } from './rule.js';

type Points = Extract<A.Rule, { kind: 'Points' }>;

const ZERO = new Interval(Decimal.ZERO, Decimal.ZERO);

export const points: RuleKind<Points> = {
  kind: 'Points',
  name: { en: 'a conditional line', zh: '条件得分' },
  clauses: {},
  check(r, cx, item) {
    const penalty = item.kind === 'Penalty';
    let sum = ZERO;
    for (const line of r.lines) {
      let range: Interval;
      if (line.kind === 'Per') {
        const d = checkDeduction(cx, line.amounts, line.count, line.max);
        // No occurrence costs nothing: 0 is always possible.
        range = penalty ? d.join(ZERO) : d.neg().join(ZERO);
      } else {
        cx.expectBool(line.cond, cx.expr(line.cond), { en: 'a points line', zh: '得分条件' });
        cx.neverFires(line.cond, line.span);
        const t = cx.expr(line.points);
        cx.expectNum(line.points, t, { en: 'the points of a line', zh: '得分值' });
        const p = t.k === 'num' ? t.range : Interval.ANY;
        // A line that does not hold adds 0.
        range = (line.deduct && !penalty ? p.neg() : p).join(ZERO);
      }
      sum = sum.add(range);
    }
    return sum;
  },
  lower: (r, cx) => ({
    k: 'points',
    lines: r.lines.map((l): P.Line => {
      if (l.kind === 'Per') return { k: 'per', amounts: l.amounts.map((a) => cx.dec(a)), count: cx.cond(l.count), ...(l.max ? { most: cx.dec(l.max) } : {}), span: l.span };
      return { k: 'when', points: cx.cond(l.points), deduct: l.deduct, cond: cx.cond(l.cond), span: l.span };
    }),
    span: r.span,
  }),
  reads: (r) => r.lines.flatMap((l) => (l.kind === 'Per' ? [l.count] : [l.points, l.cond])),
};
