// The abstract syntax tree: what a scheme means, without how it was spelled.
// A scheme written with Chinese keywords has exactly the same AST as its English twin.
// Plain data (JSON-serialisable); every node carries its span.
import type { Span } from '../diagnostics/diagnostic.js';

export interface Node {
  span: Span;
}

export interface Str extends Node {
  kind: 'Str';
  text: string;
}
export interface Ident extends Node {
  kind: 'Ident';
  name: string;
}
/** A number as written (`1.5亿`, `40%`) and its exact decimal value (`150000000`, `0.4`). */
export interface Num extends Node {
  kind: 'Num';
  text: string;
  value: string;
}

export interface Scheme extends Node {
  kind: 'Scheme';
  name?: Str;
  total?: Num;
  precision?: Num;
  uses: Use[];
  units: UnitKind[];
  inputs: Field[];
  lets: Let[];
  sections: Section[];
  /** Items written outside any section. */
  items: Item[];
  bonuses: Item[];
  vetoes: Veto[];
  grades?: GradeBlock;
  adjusts: Adjust[];
  examples: Example[];
  /** `eligible if C`: who is assessed. */
  eligible?: { cond: Expr; span: Span };
  /** `within X`: cohort rules and places run within the groups of X. */
  within?: { key: Expr; span: Span };
  /** `place: vetoed last, ineligible unplaced`. */
  places?: { vetoed?: Placing; ineligible?: Placing; span: Span };
}

/** Where units outside the ranking go: after the others, or without a place. */
export type Placing = 'last' | 'unplaced';

export interface Use extends Node {
  kind: 'Use';
  path: Str;
  alias: Ident;
}
export interface UnitKind extends Node {
  kind: 'UnitKind';
  name: Ident;
  label?: Str;
}

// ── input ───────────────────────────────────────────────────────────
export interface Field extends Node {
  kind: 'Field';
  name: Ident;
  type: TypeExpr;
  label?: Str;
  optional: boolean;
}
export interface Range extends Node {
  low: Num;
  high: Num;
}
export type TypeExpr =
  | ({ kind: 'YesNoType' } & Node)
  | ({ kind: 'CountType' } & Node)
  | ({ kind: 'IntegerType'; range?: Range } & Node)
  | ({ kind: 'NumberType'; range?: Range } & Node)
  | ({ kind: 'PercentType' } & Node)
  | ({ kind: 'TextType' } & Node)
  | ({ kind: 'GradeType' } & Node)
  | ({ kind: 'EnumType'; members: Ident[] } & Node)
  | ({ kind: 'ListType'; fields: Field[] } & Node);

// ── scoring ─────────────────────────────────────────────────────────
export interface Let extends Node {
  kind: 'Let';
  name: Ident;
  value: Expr;
}

export interface Section extends Node {
  kind: 'Section';
  label: Str;
  max?: Num;
  /** Its weight within its parent (the scheme, or the section that holds it). */
  weight?: Num;
  items: Item[];
  /** Sections within this one. */
  sections: Section[];
  lets: Let[];
}

/** An item of a section, or a bonus block (same shape). */
export interface Item extends Node {
  kind: 'Item' | 'Bonus';
  label: Str;
  max?: Num;
  rule: Rule;
  cap?: Cap;
  round?: Num;
  voids: Expr[];
  /** `not applicable if C`: the item is not scored for a unit where C holds. */
  notApplicable: Expr[];
}
export interface Cap extends Node {
  value: Num;
  prorata: boolean;
}

export interface PointsLine extends Node {
  points: Num;
  deduct: boolean;
  cond: Expr;
}

export type Filter =
  | ({ kind: 'With'; field: Ident } & Node)
  | ({ kind: 'Where'; cond: Expr } & Node)
  | ({ kind: 'BestPer'; field: Ident } & Node);

export interface Tier extends Node {
  member: Ident;
  points: Num;
}

export type Rule =
  | ({ kind: 'Points'; lines: PointsLine[] } & Node)
  | ({ kind: 'Deduct'; amount: Num; count: Expr; max?: Num } & Node)
  | ({ kind: 'Ratio'; done: Expr; target: Expr; ifZero?: Expr } & Node)
  | ({ kind: 'RankPoints'; rank: Expr; first: Num; step: Num } & Node)
  | ({ kind: 'RankScored'; by: Expr; dir: Direction } & Node)
  | ({ kind: 'Tiers'; source?: Expr; filters: Filter[]; tiers: Tier[] } & Node)
  | ({ kind: 'Formula'; expr: Expr } & Node);

export type Direction = 'desc' | 'asc';

export interface Veto extends Node {
  kind: 'Veto';
  reason: Str;
  cond: Expr;
}

export interface GradeBlock extends Node {
  kind: 'GradeBlock';
  lines: GradeLine[];
}
export type GradeLine =
  | ({ kind: 'VetoGrade'; label: Str } & Node)
  | ({ kind: 'IfGrade'; label: Str; cond: Expr; quota?: Num } & Node)
  | ({ kind: 'IneligibleGrade'; label: Str } & Node)
  | ({ kind: 'OtherwiseGrade'; label: Str } & Node);

export interface Adjust extends Node {
  kind: 'Adjust';
  factor: Expr;
}

// ── expressions ─────────────────────────────────────────────────────
export type BinaryOp = '+' | '-' | '*' | '/' | '??' | 'and' | 'or' | '==' | '!=' | '<' | '<=' | '>' | '>=';
export type AggregateName = 'sum' | 'avg' | 'min' | 'max' | 'median' | 'count';

export type Expr =
  | Num
  | Str
  | ({ kind: 'Bool'; value: boolean } & Node)
  | ({ kind: 'Name'; name: string } & Node)
  | ({ kind: 'TotalRef' } & Node)
  | ({ kind: 'UnitRef' } & Node)
  /** The unit's final place (grade lines). */
  | ({ kind: 'PlaceRef' } & Node)
  /** How many units are assessed (in the unit's group). */
  | ({ kind: 'CohortSizeRef' } & Node)
  | ({ kind: 'Binary'; op: BinaryOp; left: Expr; right: Expr } & Node)
  | ({ kind: 'Neg'; operand: Expr } & Node)
  | ({ kind: 'Not'; operand: Expr } & Node)
  | ({ kind: 'Member'; object: Expr; field: Ident } & Node)
  /** `agri.item "x"`, `agri.section "y"`: a score of an imported scheme. */
  | ({ kind: 'ImportScore'; object: Expr; target: 'item' | 'section'; label: Str } & Node)
  | ({ kind: 'Call'; fn: AggregateName | 'round'; args: Expr[]; where?: Expr } & Node)
  | ({ kind: 'Cohort'; fn: AggregateName; value: Expr; where?: Expr } & Node)
  | ({ kind: 'CohortRank'; by: Expr; dir: Direction } & Node)
  | ({ kind: 'Bands'; subject: Expr; bands: Band[] } & Node)
  | ({ kind: 'Linear'; subject: Expr; points: LinearPoint[] } & Node)
  | ({ kind: 'ScoreRef'; target: 'item' | 'section' | 'bonus'; label?: Str } & Node)
  | ({ kind: 'Error' } & Node);

export type BandTest =
  | ({ kind: 'Compare'; op: '<' | '<=' | '>' | '>=' | '==' | '!='; value: Num } & Node)
  | ({ kind: 'Member'; member: Ident } & Node)
  | ({ kind: 'Else' } & Node);
export interface Band extends Node {
  test: BandTest;
  points: Expr;
}
export interface LinearPoint extends Node {
  x: Num;
  y: Num;
}

// ── examples ────────────────────────────────────────────────────────
export interface Example extends Node {
  kind: 'Example';
  label: Str;
  given?: RecordValue;
  units: { name: Str; data: RecordValue; span: Span }[];
  expects: Expect[];
}
export type Value = Num | Str | ({ kind: 'Bool'; value: boolean } & Node) | ({ kind: 'Symbol'; name: string } & Node) | ListValue | RecordValue;
export interface ListValue extends Node {
  kind: 'ListValue';
  items: Value[];
}
export interface RecordValue extends Node {
  kind: 'RecordValue';
  fields: { key: Ident; value: Value }[];
}
export interface Expect extends Node {
  kind: 'Expect';
  unit?: Str;
  target: 'item' | 'section' | 'bonus' | 'total' | 'grade' | 'place' | 'veto' | 'noVeto' | 'ineligible' | 'eligible';
  label?: Str;
  value?: Value;
}

/** A copy of the tree without positions, for comparing two trees. */
export function stripSpans<T>(node: T): T {
  return JSON.parse(JSON.stringify(node, (k, v) => (k === 'span' ? undefined : v))) as T;
}

/** The source text an expression was written as, for messages. */
export function exprText(e: Expr, source?: string): string {
  if (source !== undefined && e.span.end > e.span.start && e.span.end <= source.length) return source.slice(e.span.start, e.span.end);
  switch (e.kind) {
    case 'Num':
      return e.text;
    case 'Str':
      return `"${e.text}"`;
    case 'Name':
      return e.name;
    case 'Member':
      return `${exprText(e.object)}.${e.field.name}`;
    case 'Binary':
      return `${exprText(e.left)} ${e.op} ${exprText(e.right)}`;
    default:
      return e.kind;
  }
}
