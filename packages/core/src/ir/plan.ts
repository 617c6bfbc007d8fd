// The plan: a checked scheme with every decision taken, the one thing backends read
// (the interpreter, code generators, explanations).
//
// - Plain data: a JSON round-trip gives an equal plan (a Web Worker can post it, a test can
//   snapshot it). No object identity: items, sections, lets and cohort values have ids
//   (their index in their list).
// - Constants are exact decimals, written as canonical decimal text (`"0.4"`, `"150000000"`).
// - No name is left to resolve: an expression reads an input column, a field of the list
//   entry in scope, a let by id, a cohort value by id, or a score by id.
// - Division is explicit, with the places it is carried to, and multiplication comes first
//   (`M × done / target`, never `M × (done / target)`).
// - Lets come in dependency order; cohort values (ranks, aggregates across units, the
//   highest raw score under `cap … prorata`) are named nodes, so that a code generator can
//   compute each in one pass over the cohort.
// - Every node keeps its source span (for traces and source maps), and the text a trace
//   quotes (a rule, a condition) as written.
import type { Span } from '../diagnostics/diagnostic.js';

/** An exact decimal as canonical text: no exponent, no trailing fraction zeros, no `-0`. */
export type Dec = string;

export const PLAN_VERSION = 1;

export interface Plan {
  version: typeof PLAN_VERSION;
  /** The file the scheme came from (spans are offsets into it). */
  file?: string;
  name: string;
  total: Dec;
  /** Decimal places of every score, when the scheme declares `precision`. */
  precision?: number;
  /** Declared unit kinds (`unit 乡镇 "乡镇", 街道 "街道"`). */
  unitKinds: string[];
  /** Every grade label, in the order of the grade block. */
  gradeLabels: string[];
  /** What one unit's data holds: this scheme's inputs, then imported schemes' that it does not declare. */
  inputs: Field[];
  /** Named values, each after the lets it reads. */
  lets: Let[];
  /** Values over the whole cohort. */
  cohort: CohortValue[];
  /** Every item and bonus; an item's id is its index here. */
  items: Item[];
  /** Every section, parents before the sections they hold; a section's id is its index here. */
  sections: Section[];
  /** The sections at the top level (ids), in the order written. */
  topSections: number[];
  /** Items written outside any section (ids), in the order written. */
  topItems: number[];
  /** Bonuses (ids), in the order written. */
  bonuses: number[];
  /** `adjust total * factor`, applied in order. */
  adjusts: Adjust[];
  vetoes: Veto[];
  grades?: Grade[];
  /** Imported schemes (`use "x.assess" as alias`), each scored on the same data. */
  imports: Import[];
  examples: Example[];
  /** `eligible if C`: units where C does not hold are not assessed (they leave the cohort). */
  eligible?: Cond;
  /** `within X`: cohort values, places and grade quotas are taken within each group of units with the same X. */
  within?: Cond;
  /** Where vetoed and ineligible units are placed. */
  places: { vetoed: Placing; ineligible: Placing };
}

/** After the units that are ranked (sharing one place among themselves), or without a place. */
export type Placing = 'last' | 'unplaced';

// ── data ────────────────────────────────────────────────────────────
export type FieldType =
  | { k: 'yesno' }
  | { k: 'count' }
  | { k: 'integer'; range?: Bounds }
  | { k: 'number'; range?: Bounds }
  | { k: 'percent' }
  | { k: 'text' }
  | { k: 'grade' }
  | { k: 'enum'; members: string[] }
  | { k: 'list'; fields: Field[] };

/** A declared range, with its bounds as written (for messages) and as decimals. */
export interface Bounds {
  low: Dec;
  high: Dec;
  lowText: string;
  highText: string;
}

export interface Field {
  name: string;
  label?: string;
  type: FieldType;
  optional: boolean;
  span: Span;
}

// ── expressions ─────────────────────────────────────────────────────
export type AggregateFn = 'sum' | 'avg' | 'min' | 'max' | 'median' | 'count';
export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** An expression. Values are numbers (exact decimals), yes/no, text, lists of entries, or absent. */
export type Expr = { span: Span } & (
  | { k: 'num'; v: Dec }
  | { k: 'text'; v: string }
  | { k: 'bool'; v: boolean }
  /** The unit's value of an input (absent when not submitted). */
  | { k: 'input'; field: string }
  /** A field of the list entry in scope (inside `where`). */
  | { k: 'entry'; field: string }
  | { k: 'let'; id: number }
  /** The unit's kind. */
  | { k: 'unitKind' }
  /** The unit's total (grade lines). */
  | { k: 'total' }
  /** The unit's final place (grade lines). */
  | { k: 'place' }
  /** How many units are assessed in the unit's group. */
  | { k: 'cohortSize' }
  | { k: 'itemScore'; id: number }
  | { k: 'sectionScore'; id: number }
  /** The sum of every bonus. */
  | { k: 'bonusTotal' }
  /** The total of an imported scheme for this unit. */
  | { k: 'importTotal'; alias: string }
  /** A score of an imported scheme for this unit (the id of the item or section in its plan). */
  | { k: 'importScore'; alias: string; target: 'item' | 'section'; id: number; label: string }
  | { k: 'neg'; x: Expr }
  | { k: 'not'; x: Expr }
  | { k: 'arith'; op: '+' | '-' | '*'; l: Expr; r: Expr }
  /** `l / r`, carried to `places` decimal places (half-up); a zero divisor fails the unit. */
  | { k: 'div'; l: Expr; r: Expr; places: number; text: string }
  | { k: 'logic'; op: 'and' | 'or'; l: Expr; r: Expr }
  | { k: 'cmp'; op: CompareOp; l: Expr; r: Expr }
  /** `l ?? r`: l, or r when l is absent. */
  | { k: 'coalesce'; l: Expr; r: Expr }
  /** `x.field`: the field of a record, or of every entry of a list (`honors.level`). */
  | { k: 'field'; of: Expr; field: string }
  /** An aggregate over a list (`count(honors where …)`, `sum(items.amount)`), empty → 0. */
  | { k: 'listAgg'; fn: AggregateFn; list: Expr; field?: string; where?: Expr }
  /** `min(a, b, …)` / `max(a, b, …)`. */
  | { k: 'minmax'; fn: 'min' | 'max'; args: Expr[] }
  | { k: 'round'; x: Expr; places: number }
  /** A cohort value (see `Plan.cohort`): a rank is read per unit, an aggregate is one number. */
  | { k: 'cohort'; id: number }
  | { k: 'bands'; subject: Expr; bands: Band[] }
  | { k: 'linear'; subject: Expr; points: { x: Dec; y: Dec }[]; places: number }
);

export interface Band {
  test: { k: 'cmp'; op: CompareOp; v: Dec } | { k: 'is'; v: string } | { k: 'else' };
  points: Expr;
}

export interface Let {
  id: number;
  name: string;
  expr: Expr;
  /** The formula as written, for traces. */
  text: string;
  span: Span;
}

/** A value over the whole cohort. */
export type CohortValue = { id: number; span: Span } & (
  /** Each unit's place by a value (competition ranking: ties share the best place, 1, 2, 2, 4). */
  | { k: 'rank'; by: Expr; dir: 'asc' | 'desc' }
  /** One number over every unit (optionally those where `where` holds). */
  | { k: 'aggregate'; fn: AggregateFn; value: Expr; where?: Expr }
  /** The highest raw score of an item in the cohort (for `cap N prorata`). */
  | { k: 'prorataMax'; item: number }
);

// ── scoring ─────────────────────────────────────────────────────────
/** A condition with its text as written, for traces. */
export interface Cond {
  expr: Expr;
  text: string;
  /** The expression is a percentage input: its value is shown as a percentage. */
  percent?: true;
}

export interface Item {
  id: number;
  kind: 'item' | 'bonus';
  label: string;
  /** The section it belongs to (id), for items of a section. */
  section?: number;
  /** M: the score is held within 0..M. */
  max: Dec;
  rule: Rule;
  /** `void if …`: the item scores 0 when one holds. */
  voids: Cond[];
  /** `not applicable if …`: the item is not scored for a unit where one holds. */
  notApplicable: Cond[];
  /** `cap N` (min(raw, N)) or `cap N prorata` (every unit scaled by N / the cohort's highest raw score, a cohort value). */
  cap?: { value: Dec; prorata?: { cohort: number; places: number } };
  /** Decimal places the score is rounded to (half-up), when declared. */
  places?: number;
  /** The rule as written, without comments. */
  text: string;
  /** The inputs and lets the rule reads, directly or through lets (for traces). */
  reads: Read[];
  span: Span;
}

/** What a rule reads, for the trace: an input (a percentage shown as one), a named value, an imported score. */
export type Read =
  | { k: 'input'; field: string; label?: string; percent?: true }
  | { k: 'let'; id: number }
  | { k: 'import'; expr: Expr; text: string };

export type Rule = { span: Span } & (
  /** Lines `N if cond` / `deduct N if cond`: the sum of the lines that hold. */
  | { k: 'points'; lines: { points: Dec; deduct: boolean; cond: Cond; span: Span }[] }
  /** `deduct K per X [, max D]`: M − min(K·X, D). */
  | { k: 'deduct'; per: Dec; count: Cond; most?: Dec }
  /** `ratio done / target [, if zero Z]`: M × done / target, within 0..M. */
  | { k: 'ratio'; done: Expr; target: Expr; ifZero?: Expr; places: number }
  /** `rank R, first F, step S`: max(0, F − S·(R − 1)). */
  | { k: 'rankPoints'; rank: Expr; first: Dec; step: Dec }
  /** `by rank of X desc`: M × (n − place) / (n − 1); one unit alone gets M. */
  | { k: 'rankScored'; by: Cond; place: number; places: number }
  /** A tier table over an enum value, or over the entries of a list (filtered, then summed). */
  | { k: 'tiers'; source: Cond; tiers: { member: string; points: Dec }[]; list?: { field: string; filters: Filter[] } }
  /** Any number-valued expression. */
  | { k: 'formula'; expr: Cond }
);

export type Filter = { span: Span } & ({ k: 'with'; field: string } | { k: 'where'; cond: Cond } | { k: 'bestPer'; field: string });

export interface Section {
  id: number;
  label: string;
  /** The section that holds it (id); none for a section at the top level. */
  parent?: number;
  /** Its own scale: its max, or the sum of its parts' maxima (100 when its parts are weighted). */
  scale: Dec;
  /** Its weight in its parent (0.4 for 40%), when its parent's parts are weighted. */
  weight?: Dec;
  /** The weight as written (`40%`), for traces. */
  weightText?: string;
  items: number[];
  /** The sections it holds (ids). */
  sections: number[];
  /** Its parts are sections with weights (the score is their weighted sum, out of `scale`). */
  weighted: boolean;
  /** Places a weighted contribution (score × weight × total / scale) is divided to. */
  places: number;
  span: Span;
}

export interface Adjust {
  factor: Cond;
  span: Span;
}

export interface Veto {
  reason: string;
  cond: Cond;
  span: Span;
}

export type Grade = { label: string; span: Span } & ({ k: 'veto' } | { k: 'ineligible' } | { k: 'if'; cond: Cond; quota?: Quota } | { k: 'otherwise' });

/** At most `count` units, or `share` of the units assessed (rounded down), taken by place. */
export interface Quota {
  count?: number;
  share?: Dec;
  text: string;
}

export interface Import {
  alias: string;
  plan: Plan;
}

// ── examples ────────────────────────────────────────────────────────
export interface Example {
  label: string;
  /** One row per unit, as a data file would give it (numbers keep their text: `85%`). */
  rows: { id: string; data: Record<string, unknown>; span: Span }[];
  /** The unit an `expect` without a unit name is about. */
  defaultUnit?: string;
  expects: Expect[];
  span: Span;
}

export interface Expect {
  unit?: string;
  target: 'item' | 'section' | 'bonus' | 'total' | 'grade' | 'place' | 'veto' | 'noVeto' | 'ineligible' | 'eligible';
  label?: string;
  /** The expected number, or grade, as written and as a value. */
  value?: { text: string; num?: Dec; str?: string };
  span: Span;
}
