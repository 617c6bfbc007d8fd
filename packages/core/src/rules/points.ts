// Conditional points: lines `N if cond` and `deduct N if cond`; the sum of the lines that hold.
import type * as A from '../ast/ast.js';
import { Decimal } from '../common/decimal.js';
import { Interval } from '../common/interval.js';
import { dec } from './numbers.js';
import type { RuleKind } from './rule.js';

type Points = Extract<A.Rule, { kind: 'Points' }>;

export const points: RuleKind<Points> = {
  kind: 'Points',
  name: { en: 'a conditional line', zh: '条件得分' },
  clauses: {},
  check(r, cx) {
    let lo = Decimal.ZERO;
    let hi = Decimal.ZERO;
    for (const line of r.lines) {
      cx.expectBool(line.cond, cx.expr(line.cond), { en: 'a points line', zh: '得分条件' });
      cx.neverFires(line.cond, line.span);
      const p = dec(line.points);
      if (line.deduct) lo = lo.sub(p);
      else hi = hi.add(p);
    }
    return new Interval(lo, hi);
  },
  lower: (r, cx) => ({ k: 'points', lines: r.lines.map((l) => ({ points: cx.dec(l.points), deduct: l.deduct, cond: cx.cond(l.cond), span: l.span })), span: r.span }),
  reads: (r) => r.lines.map((l) => l.cond),
};
