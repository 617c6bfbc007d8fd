// What every rule kind provides. A rule kind lives in one file of this folder: which clauses
// may follow its head (and what each does), how it is type-checked and what range its raw
// value has, and how it is lowered into the plan. The syntax that introduces its head is in
// the grammar; its evaluation and its explanation read the plan (eval/rules.ts,
// explain/steps.ts). docs/architecture.md has the recipe for adding one.
import type * as A from '../ast/ast.js';
import type { Decimal } from '../common/decimal.js';
import type { Interval } from '../common/interval.js';
import type { Text } from '../common/text.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type * as P from '../ir/plan.js';
import type { FieldInfo, Ty } from '../types/types.js';

/** A clause after a rule's head (`, max 5`, `, with evidence`, `, city 3`, …), as the AST builder read it. */
export type Clause = { span: Span } & (
  | { name: 'With' | 'BestPer'; field: A.Ident }
  | { name: 'Where'; cond: A.Expr }
  | { name: 'Max' | 'First' | 'Step'; value: A.Num }
  | { name: 'IfZero'; value: A.Expr }
  | { name: 'Tier'; tier: A.Tier }
);
export type ClauseName = Clause['name'];

/** How messages name each clause. */
export const CLAUSE_NAMES: Record<ClauseName | 'Cap' | 'Round' | 'Void', Text> = {
  With: { en: '`with`', zh: '`需`' },
  Where: { en: '`where`', zh: '`其中`' },
  BestPer: { en: '`best per`', zh: '`同一`' },
  Max: { en: '`max`', zh: '`最多`' },
  First: { en: '`first`', zh: '`第一名`' },
  Step: { en: '`step`', zh: '`每名`' },
  IfZero: { en: '`if zero`', zh: '`为零时`' },
  Tier: { en: 'a tier (`city 3`)', zh: '档次（`市级 3`）' },
  Cap: { en: '`cap`', zh: '`封顶`' },
  Round: { en: '`round`', zh: '`四舍五入`' },
  Void: { en: '`void if`', zh: '`作废 若`' },
};

/** Where list-entry fields can be named, and whether scores can be read. */
export interface Scope {
  /** Fields of the list entry in scope (inside `where`). */
  fields?: Map<string, FieldInfo>;
  /** The list whose entries are in scope (a definition id of the semantic model). */
  list?: number;
  /** The unit's place can be read (grade lines). */
  place?: boolean;
}

/** What a rule kind's check may ask of the checker. */
export interface CheckContext {
  /** Type an expression (and resolve its names). */
  expr(e: A.Expr, scope?: Scope): Ty;
  expectNum(e: A.Expr, t: Ty, what: Text): void;
  expectBool(e: A.Expr, t: Ty, what: Text): void;
  /** Warn about a condition that the static ranges say can never hold. */
  neverFires(cond: A.Expr, span: Span): void;
  report(d: Diagnostic): void;
  /** An expression's text as written. */
  text(e: A.Expr): string;
  /** The declared inputs by name. */
  readonly inputs: ReadonlyMap<string, FieldInfo>;
  /** Every enum member declared anywhere. */
  enumMembers(): string[];
  /** `member` names a member of the enum type `t` (reported when not). */
  checkMember(member: A.Ident, t: Extract<Ty, { k: 'enum' } | { k: 'unitKind' }>): void;
  /** A name the checker made up (the source of a tier table the author left implicit) refers to an input. */
  resolveImplicit(e: A.Expr, field: FieldInfo): void;
  /** List-entry fields a filter names (`with evidence`, `best per project`) are in scope. */
  referField(field: A.Ident, fields: Map<string, FieldInfo>): boolean;
  /** Record what a tier table reads. */
  setTiers(rule: A.Rule, info: TierInfo): void;
  /** A scope for a list's entries (its definition id comes from the list expression). */
  entryScope(list: A.Expr, fields: Map<string, FieldInfo>, span: Span): Scope;
}

export interface TierInfo {
  /** The list or enum the tiers read; synthesised when the author left it out. */
  source: A.Expr;
  /** For a list source: the enum field of each entry that picks the tier. */
  enumField?: string;
  isList: boolean;
}

/** What a rule kind's lowering may ask of the lowering pass. */
export interface LowerContext {
  expr(e: A.Expr): P.Expr;
  /** An expression with its text as written, for traces. */
  cond(e: A.Expr): P.Cond;
  dec(n: A.Num): P.Dec;
  /** The cohort value of each unit's place by `by` (shared by every rule that ranks by the same expression). */
  rank(by: A.Expr, dir: A.Direction): number;
  tiers(rule: A.Rule): TierInfo | undefined;
}

export interface RuleKind<R extends A.Rule = A.Rule> {
  kind: R['kind'];
  /** How messages name a rule of this kind. */
  name: Text;
  /** The clauses that may follow the head, and how each fills in the rule. */
  clauses: Partial<Record<ClauseName, (rule: R, clause: Clause) => void>>;
  /** Its value is a share of the item's max (`ratio`, `by rank of`): the item must declare one, even as a bonus or penalty. */
  scaled?: true;
  /** Clauses that may be given more than once. */
  repeatable?: ClauseName[];
  /** A rule this head becomes when a clause it does not take follows (`x, city 3` makes `x` a tier table's source). */
  becomes?(rule: R, clause: ClauseName): A.Rule | undefined;
  /** What is still missing once every clause is read (`rank r` without `first`, `step`). */
  incomplete?(rule: R, at: { head: Span; rule: Span }, seen: Set<ClauseName>): Diagnostic | undefined;
  /** Type-check the rule; the range of its raw value, before it is held within 0..M. */
  check(rule: R, cx: CheckContext, item: A.Item, max: Decimal | undefined): Interval;
  /**
   * Its raw value when what it reads is absent: a score of the unit that failed or does not
   * apply is read as nothing, and an expression made of it as nothing too, which a number
   * reads as 0 (`deduct 1 per item "x"` then deducts nothing: M). Without this, 0.
   */
  whenAbsent?(rule: R, item: A.Item, max: Decimal | undefined): Decimal;
  /** The rule in the plan. */
  lower(rule: R, cx: LowerContext, item: A.Item): P.Rule;
  /** The expressions the rule reads (for a trace's inputs). */
  reads(rule: R, tiers: TierInfo | undefined): A.Expr[];
}
