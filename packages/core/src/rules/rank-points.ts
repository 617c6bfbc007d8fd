// Rank points: `rank R, first F, step S` (第一名得 F 分，每降一名扣 S 分): max(0, F − S·(R − 1)).
import type * as A from '../ast/ast.js';
import { Decimal } from '../common/decimal.js';
import { Interval } from '../common/interval.js';
import { diag } from '../diagnostics/diagnostic.js';
import { dec } from './numbers.js';
import type { RuleKind } from './rule.js';

type RankPoints = Extract<A.Rule, { kind: 'RankPoints' }>;

export const rankPoints: RuleKind<RankPoints> = {
  kind: 'RankPoints',
  name: { en: 'rank points', zh: '名次计分' },
  clauses: {
    First: (r, c) => {
      if (c.name === 'First') r.first = c.value;
    },
    Step: (r, c) => {
      if (c.name === 'Step') r.step = c.value;
    },
  },
  incomplete: (_r, at, seen) => (seen.has('First') && seen.has('Step') ? undefined : diag('E0010', at.head, {})),
  check(r, cx) {
    const t = cx.expr(r.rank);
    cx.expectNum(r.rank, t, { en: '`rank`', zh: '`名次`' });
    const first = dec(r.first);
    const step = dec(r.step);
    const range = t.k === 'num' ? t.range : Interval.ANY;
    const worst = range.hi ? Decimal.max(Decimal.ZERO, first.sub(step.mul(range.hi.sub(Decimal.ONE)))) : Decimal.ZERO;
    // A rank below 1 (a `count` may be 0) scores above `first`.
    const best = range.lo ? Decimal.max(first, first.sub(step.mul(range.lo.sub(Decimal.ONE)))) : null;
    return new Interval(worst, best);
  },
  // A rank of 0: `first` and one step more.
  whenAbsent: (r) => Decimal.max(Decimal.ZERO, dec(r.first).add(dec(r.step))),
  lower: (r, cx) => ({ k: 'rankPoints', rank: cx.expr(r.rank), first: cx.dec(r.first), step: cx.dec(r.step), span: r.span }),
  reads: (r) => [r.rank],
};
