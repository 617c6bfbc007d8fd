// What scoring gives for each unit: the interpreter of @assess/core and compiled modules give
// results of this one shape. `S` is a trace step, `D` a diagnostic (core types them precisely).
import type { Decimal } from './decimal.js';
import type { Shown } from './trace.js';

export interface ItemTrace<S = unknown> {
  /** The rule as written in the scheme (one line, without comments). */
  rule: string;
  /** The inputs and named values the rule read, with this unit's values. */
  inputs: { name: string; label?: string; value: Shown }[];
  /** How the score came about, step by step. */
  steps: S[];
}

export interface ItemResult<S = unknown> {
  label: string;
  section?: string;
  /** null when the score could not be computed (see the unit's errors). */
  score: Decimal | null;
  max: Decimal;
  trace?: ItemTrace<S>;
}

export interface SectionResult {
  label: string;
  score: Decimal | null;
  max: Decimal;
  weight?: Decimal;
  /** What the section adds to the total (differs from score when weighted). */
  contribution: Decimal | null;
}

export interface UnitResult<S = unknown, D = unknown> {
  id: string;
  kind?: string;
  items: ItemResult<S>[];
  sections: SectionResult[];
  bonuses: ItemResult<S>[];
  bonus: Decimal;
  total: Decimal | null;
  grade: string | null;
  vetoed: boolean;
  vetoes: string[];
  errors: D[];
  /** How the total, the vetoes and the grade came about. */
  steps?: S[];
}
