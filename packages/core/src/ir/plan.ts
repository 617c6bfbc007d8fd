// The plan: a checked scheme with every decision taken, the one thing backends read
// (the interpreter, code generators, explanations).
//
// - Plain data: a JSON round-trip gives an equal plan (a Web Worker can post it, a test can
//   snapshot it). No object identity: items, sections, lets and cohort values have ids
//   (their index in their list).
// - Constants are exact decimals, written as canonical decimal text (`"0.4"`, `"150000000"`).
// - No name is left to resolve: an expression reads an input column, a field of the list
//   entry in scope, a let by id, a cohort value by id, or a score by id.
// - Division is exact (a third stays a third); rounding happens only where the scheme says
//   (`precision`, `round P`), and multiplication still comes first (`M × done / target`).
// - Lets come in dependency order; cohort values (ranks, aggregates across units, the
//   highest raw score under `cap … prorata`) are named nodes, so that a code generator can
//   compute each in one pass over the cohort.
// - Every node keeps its source span (for traces and source maps), and the text a trace
//   quotes (a rule, a condition) as written.
import type * as R from '@assess/runtime';
import type { Span } from '../diagnostics/diagnostic.js';

/** An exact decimal as canonical text: no exponent, no trailing fraction zeros, no `-0`. */
export type Dec = string;

/** Version 3: traces read the entries a list aggregate counts (`Read` of kind `entries`). */
export const PLAN_VERSION = 3;

export interface Plan {
  version: typeof PLAN_VERSION;
  /** The file the scheme came from (spans are offsets into it). */
  file?: string;
  name: string;
  total: Dec;
  /**
   * `precision P`: every score (item, section, bonus, adjusted total) rounded half-up to P
   * places (`each`), or only the total (`total`). Without it every score is exact.
   */
  precision?: { places: number; of: 'each' | 'total' };
  /** Declared unit kinds (`unit 乡镇 "乡镇", 街道 "街道"`). */
  unitKinds: string[];
  /** The kinds' labels (`"乡镇"`), when they have them: a data file's column so headed holds the units' ids. */
  unitLabels?: string[];
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
  /** Penalties (ids), in the order written: points taken off the total. */
  penalties: number[];
  /** Every item and section, each after the scores it reads (a section after its parts). */
  order: Step[];
  /** The lowest total a unit can have (after penalties and adjustments), when declared. */
  floor?: Dec;
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

/** One score to compute, for every unit. */
export interface Step {
  k: 'item' | 'section';
  id: number;
}

/** After the units that are ranked (sharing one place among themselves), or without a place. */
export type Placing = 'last' | 'unplaced';

// ── data ────────────────────────────────────────────────────────────
/** A field's type, and a declared range (bounds as decimals and as written): @assess/runtime's, whose validator reads them. */
export type FieldType = R.FieldType<Field>;
export type Bounds = R.Bounds;

export interface Field {
  name: string;
  label?: string;
  type: FieldType;
  optional: boolean;
  span: Span;
}

// ── expressions ─────────────────────────────────────────────────────
export type { AggregateFn, CompareOp } from '@assess/runtime';
import type { AggregateFn, CompareOp } from '@assess/runtime';

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
  /** The unit's total so far: in an adjustment, the total before it; in grade lines and vetoes, the final total. */
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
  /** `l / r`, exact (a fraction when it does not terminate); a zero divisor fails the unit. */
  | { k: 'div'; l: Expr; r: Expr; text: string }
  | { k: 'logic'; op: 'and' | 'or'; l: Expr; r: Expr }
  | { k: 'cmp'; op: CompareOp; l: Expr; r: Expr }
  /** `if c then a else b`. */
  | { k: 'if'; c: Expr; then: Expr; else: Expr }
  /** A yes/no read as a number: 1 for yes, 0 for no. */
  | { k: 'num01'; x: Expr }
  /** `l ?? r`: l, or r when l is absent. */
  | { k: 'coalesce'; l: Expr; r: Expr }
  /** `x.field`: the field of a record, or of every entry of a list (`honors.level`). */
  | { k: 'field'; of: Expr; field: string }
  /**
   * An aggregate over a list, empty → 0: of a field (`sum(items.amount)`), of a formula per
   * entry (`sum(targets, base * min(done / goal, 1))`, `value`, read with the entry in scope),
   * or of the entries (`count(honors where …)`).
   */
  | { k: 'listAgg'; fn: AggregateFn; list: Expr; field?: string; value?: Expr; where?: Expr }
  /** `min(a, b, …)` / `max(a, b, …)`. */
  | { k: 'minmax'; fn: 'min' | 'max'; args: Expr[] }
  | { k: 'round'; x: Expr; places: number }
  /** A cohort value (see `Plan.cohort`): a rank is read per unit, an aggregate is one number. */
  | { k: 'cohort'; id: number }
  | { k: 'bands'; subject: Expr; bands: Band[] }
  | { k: 'linear'; subject: Expr; points: { x: Dec; y: Dec }[] }
);

export interface Band {
  /** `< 60` (the threshold may be a named value), a member of a choice, yes/no, or `otherwise`. */
  test: { k: 'cmp'; op: CompareOp; v: Expr } | { k: 'is'; v: string | boolean } | { k: 'else' };
  points: Expr;
}

export interface Let {
  id: number;
  name: string;
  expr: Expr;
  /** The formula as written, for traces. */
  text: string;
  /** It reads the unit's total (directly or through lets): computed afresh each time, since the total changes as adjustments apply. */
  readsTotal?: true;
  span: Span;
}

/** A value over the whole cohort. */
export type CohortValue = { id: number; span: Span } & (
  /** Each unit's place by a value (competition ranking: ties share the best place, 1, 2, 2, 4). */
  | { k: 'rank'; by: Expr; dir: 'asc' | 'desc' }
  /** One number over every unit (optionally those where `where` holds); `top`: of the K highest values only. */
  | { k: 'aggregate'; fn: AggregateFn; value: Expr; where?: Expr; top?: number }
  /** The p-th percentile of a value over every unit (p in 0..1), interpolated between neighbours as spreadsheets' PERCENTILE.INC does. */
  | { k: 'percentile'; p: Dec; value: Expr; where?: Expr }
  /** The highest raw score of an item in the cohort (for `cap N prorata`). */
  | { k: 'prorataMax'; item: number }
);

// ── scoring ─────────────────────────────────────────────────────────
/** What holding a raw score within 0..M can never change (see `Item.proved`). */
export interface Proved {
  notBelowZero?: true;
  atMostMax?: true;
}

/** A condition with its text as written, for traces. */
export interface Cond {
  expr: Expr;
  text: string;
  /** The expression is a percentage input: its value is shown as a percentage. */
  percent?: true;
}

export interface Item {
  id: number;
  /** A penalty's score is the points it takes off the total. */
  kind: 'item' | 'bonus' | 'penalty';
  label: string;
  /** The section it belongs to (id), for items of a section. */
  section?: number;
  /** M: the score is held within 0..M. None for a penalty without a limit. */
  max?: Dec;
  /**
   * What holding the rule's raw value within 0..M can never change, as the checker's static
   * ranges prove (`notBelowZero`: it is never below 0; `atMostMax`: never above M). A compiled
   * module leaves those comparisons out; the interpreter, the reference, makes them all the
   * same, so that the differential tests of the compiler would show a range that is not sound.
   */
  proved?: Proved;
  rule: Rule;
  /** `void if …`: the item scores 0 when one holds. */
  voids: Cond[];
  /** `not applicable if …`: the item is not scored for a unit where one holds. */
  notApplicable: Cond[];
  /** `cap N` (min(raw, N)) or `cap N prorata` (every unit scaled by N / the cohort's highest raw score, a cohort value). */
  cap?: { value: Dec; prorata?: { cohort: number } };
  /** Decimal places the score is rounded to (half-up): its `round P`, or the scheme's precision for each score. */
  places?: number;
  /**
   * The one input whose value alone decides the rule's raw value (`ir/reads-only.ts`): backends
   * may work the rule out once per distinct value of it (runtime `Memo`). Not the `void if`
   * conditions, which are worked out per unit.
   */
  readsOnly?: string;
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
  | { k: 'import'; expr: Expr; text: string }
  /** A score of this unit (`item "x"`, `section "y"`, `bonus`): shown with its value, or as not applying, or as failed. */
  | { k: 'score'; of: Extract<Expr, { k: 'itemScore' | 'sectionScore' | 'bonusTotal' }>; text: string }
  /** The entries a list aggregate counts (with a condition or a per-entry formula): the list and the condition as written. */
  | { k: 'entries'; agg: Extract<Expr, { k: 'listAgg' }>; list: string; where?: string; each?: string; percent?: string[] };

export type Rule = { span: Span } & (
  /** Lines `N if cond`, `deduct N if cond` and `deduct K per X`: the sum of the lines. In a penalty every line counts as points taken off. */
  | { k: 'points'; lines: Line[] }
  /** `deduct K per X [, max D]`: M − min(deduction, D); in a penalty, min(deduction, D). */
  | { k: 'deduct'; amounts: Dec[]; count: Cond; most?: Dec }
  /** `ratio done / target [, if zero Z]`: M × done / target, within 0..M. */
  | { k: 'ratio'; done: Expr; target: Expr; ifZero?: Expr }
  /** `rank R, first F, step S`: max(0, F − S·(R − 1)). */
  | { k: 'rankPoints'; rank: Expr; first: Dec; step: Dec }
  /** `by rank of X desc`: M × (n − place) / (n − 1); one unit alone gets M. */
  | { k: 'rankScored'; by: Cond; place: number }
  /** A tier table over an enum value, or over the entries of a list (filtered, then summed). */
  | { k: 'tiers'; source: Cond; tiers: { member: string; points: Dec }[]; list?: { field: string; filters: Filter[] } }
  /** Any number-valued expression. */
  | { k: 'formula'; expr: Cond }
);

/**
 * A line of a points block: `N if cond` (N an expression), or a deduction per occurrence. With
 * several amounts (`deduct 1, 2, 4 per X`) the n-th occurrence costs the n-th amount, the last
 * repeating; a fractional count pays its fraction of the next amount.
 */
export type Line = { span: Span } & ({ k: 'when'; points: Cond; deduct: boolean; cond: Cond } | { k: 'per'; amounts: Dec[]; count: Cond; most?: Dec });

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
