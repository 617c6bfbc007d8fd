// Rank-scored: `by rank of X desc` (按排名): M × (n − place) / (n − 1) for a place among n
// units (best M, worst 0); a unit alone gets M. The places are a cohort value.
import type * as A from '../ast/ast.js';
import { Decimal } from '../common/decimal.js';
import { Interval } from '../common/interval.js';
import type { RuleKind } from './rule.js';

type RankScored = Extract<A.Rule, { kind: 'RankScored' }>;

export const rankScored: RuleKind<RankScored> = {
  kind: 'RankScored',
  name: { en: '`by rank of`', zh: '`按排名`' },
  clauses: {},
  scaled: true,
  check(r, cx, _item, max) {
    cx.expectNum(r.by, cx.expr(r.by), { en: '`by rank of`', zh: '`按排名`' });
    return new Interval(Decimal.ZERO, max ?? null);
  },
  lower: (r, cx) => ({ k: 'rankScored', by: cx.cond(r.by), place: cx.rank(r.by, r.dir), span: r.span }),
  reads: (r) => [r.by],
};
