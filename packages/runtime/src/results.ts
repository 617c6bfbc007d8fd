// What scoring gives for each unit: the interpreter of @assess/core and compiled modules give
// results of this one shape. `S` is a trace step, `D` a diagnostic (core types them precisely).
import type { Decimal } from './decimal.js';
import type { KeptEntry, Shown } from './trace.js';

/**
 * An input, named value or score a rule read, with this unit's value; for a list read
 * through `where` or a per-entry formula (`count(记录 where 天数 < 20)`, `sum(目标, 基本分 * 完成率)`),
 * the entries that counted (`where`: the condition as written), each with its value when the
 * aggregate takes one.
 */
export interface TraceInput {
  name: string;
  label?: string;
  value: Shown;
  formula?: string;
  where?: string;
  /** What each entry adds, as written (`基本分`, `基本分 * min(完成率, 1)`). */
  each?: string;
  entries?: KeptEntry[];
  /** A score the rule read (of this unit, or of an imported scheme), not an input. */
  score?: true;
}

export interface ItemTrace<S = unknown> {
  /** The rule as written in the scheme (one line, without comments). */
  rule: string;
  /** The inputs, named values and imported scores the rule read, with this unit's values (a named value with its formula). */
  inputs: TraceInput[];
  /** How the score came about, step by step. */
  steps: S[];
}

export interface ItemResult<S = unknown> {
  label: string;
  section?: string;
  /** null when the score could not be computed (see the unit's errors) or the item does not apply. A penalty's score is the points it takes off. */
  score: Decimal | null;
  /** null for a penalty without a limit. */
  max: Decimal | null;
  /** `not applicable if` held (or the unit is not assessed): not scored, never a 0. */
  notApplicable?: true;
  trace?: ItemTrace<S>;
}

export interface SectionResult {
  label: string;
  /** The section that holds it. */
  parent?: string;
  score: Decimal | null;
  max: Decimal;
  weight?: Decimal;
  /** What the section adds to its parent (the total, or the section that holds it): differs from score when weighted. */
  contribution: Decimal | null;
  /** None of its parts applies. */
  notApplicable?: true;
}

export interface UnitResult<S = unknown, D = unknown> {
  id: string;
  kind?: string;
  items: ItemResult<S>[];
  sections: SectionResult[];
  bonuses: ItemResult<S>[];
  bonus: Decimal;
  penalties: ItemResult<S>[];
  /** The points the penalties take off. */
  penalty: Decimal;
  total: Decimal | null;
  /** The final place (ties share the best place), or null when the unit has none. */
  place: number | null;
  /** The unit's group (`within X`). */
  group?: string;
  /** Whether the unit is assessed (`eligible if`); an ineligible unit has no scores. */
  eligible: boolean;
  grade: string | null;
  vetoed: boolean;
  vetoes: string[];
  errors: D[];
  /** How the total, the vetoes and the grade came about. */
  steps?: S[];
}
