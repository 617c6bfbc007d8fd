// Every rule kind, by the AST's name for it.
import type * as A from '../ast/ast.js';
import { deduct } from './deduct.js';
import { formula } from './formula.js';
import { points } from './points.js';
import { rankPoints } from './rank-points.js';
import { rankScored } from './rank-scored.js';
import { ratio } from './ratio.js';
import type { RuleKind } from './rule.js';
import { tiers } from './tiers.js';

export type { CheckContext, Clause, ClauseName, LowerContext, RuleKind, Scope, TierInfo } from './rule.js';
export { CLAUSE_NAMES } from './rule.js';

type Registry = { [K in A.Rule['kind']]: RuleKind<Extract<A.Rule, { kind: K }>> };

export const RULES: Registry = {
  Points: points,
  Deduct: deduct,
  Ratio: ratio,
  RankPoints: rankPoints,
  RankScored: rankScored,
  Tiers: tiers,
  Formula: formula,
};

/** The rule kind of a rule (typed loosely: a registry lookup by a union's tag). */
export function ruleKind(r: A.Rule): RuleKind {
  return RULES[r.kind] as unknown as RuleKind;
}
