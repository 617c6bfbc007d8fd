// A formula: any number-valued expression (`dept_score`, `6 * ratio / max of ratio across units`).
// Followed by tiers or filters it is the source of a tier table; followed by `first`/`step`
// it is the rank of rank points.
import type * as A from '../ast/ast.js';
import { Interval } from '../common/interval.js';
import type { RuleKind } from './rule.js';

type Formula = Extract<A.Rule, { kind: 'Formula' }>;

const zero = (span: A.Node['span']): A.Num => ({ kind: 'Num', text: '0', value: '0', span });

export const formula: RuleKind<Formula> = {
  kind: 'Formula',
  name: { en: 'a formula', zh: '公式' },
  clauses: {},
  becomes(r, clause) {
    if (clause === 'With' || clause === 'Where' || clause === 'BestPer' || clause === 'Tier') return { kind: 'Tiers', source: r.expr, filters: [], tiers: [], span: r.span };
    // `rank by x desc, first 40, step 5`: the cohort rank feeds rank points.
    if (clause === 'First' || clause === 'Step') return { kind: 'RankPoints', rank: r.expr, first: zero(r.expr.span), step: zero(r.expr.span), span: r.span };
    return undefined;
  },
  check(r, cx, item) {
    const t = cx.expr(r.expr);
    const bonus = item.kind === 'Bonus';
    cx.expectNum(r.expr, t, { en: `${bonus ? 'bonus' : 'item'} "${item.label.text}"`, zh: `${bonus ? '加分' : '指标'} "${item.label.text}"` });
    return t.k === 'num' ? t.range : Interval.ANY;
  },
  lower: (r, cx) => ({ k: 'formula', expr: cx.cond(r.expr), span: r.span }),
  reads: (r) => [r.expr],
};
