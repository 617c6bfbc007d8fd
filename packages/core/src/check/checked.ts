// The checked scheme: the AST with every name resolved, every expression typed and every
// score's max and range known. What lowering reads (tools read the semantic model in it).
import type * as A from '../ast/ast.js';
import type { Decimal } from '../common/decimal.js';
import type { TierInfo } from '../rules/index.js';
import type { SemanticModel } from './model.js';
import type { FieldInfo, Proved, Ref, ScoreRange, Ty } from '../types/types.js';

/** A scheme with its names resolved and its points checked: what lowering reads. */
export interface CheckedScheme {
  ast: A.Scheme;
  file?: string;
  /** The scheme's text, for traces that quote rules as written. */
  source?: string;
  model: SemanticModel;
  /** Declared inputs, then those of imported schemes that this scheme does not declare. */
  inputs: FieldInfo[];
  unitKinds: string[];
  gradeLabels: string[];
  /** Lets in an order where each comes after what it reads. */
  lets: A.Let[];
  refs: Map<A.Expr, Ref>;
  types: Map<A.Expr, Ty>;
  tiers: Map<A.Rule, TierInfo>;
  /** The effective max of each item and bonus (bonus: its max, or its cap). */
  maxOf: Map<A.Item, Decimal>;
  /** The scale of each section (its max, or the sum of its items' maxima). */
  scaleOf: Map<A.Section, Decimal>;
  itemRanges: Map<A.Item, ScoreRange>;
  /** What the static ranges prove of each item's raw value. */
  proved: Map<A.Item, Proved>;
  sectionRanges: Map<A.Section, ScoreRange>;
  totalRange: { low: Decimal; high: Decimal | null };
  /** Checked imported schemes, by alias. */
  imports: Map<string, CheckedScheme>;
  weighted: boolean;
  /** `precision P`: P places, for each score or for the total only. */
  precision?: { places: number; totalOnly: boolean };
  /** Every item, bonus, penalty and section, each after the scores it reads. */
  order: (A.Item | A.Section)[];
  /** Lets that read the unit's total (directly or through lets). */
  readsTotal: Set<A.Let>;
  /** Yes/no expressions read as numbers (1 for yes, 0 for no). */
  asNumber: Set<A.Expr>;
}
