// A scheme compiled to JavaScript (see scorer.ts), made into a scorer on the runtime this
// program already has. Apart from the compiler, so that a thread given the compiled code (a
// part of a run) need not load it.
import type { UnitResult } from '@assess/core';
import * as runtime from '@assess/runtime';
import type { Decimal, Scoring, UnitTable } from '@assess/runtime';

/**
 * What each cohort value is taken over, unit by unit (a compiled scorer's `cohortInputs`; see
 * merge.ts); for the highest raw score under `cap … prorata`, the part's highest, by group.
 */
export interface CohortInputs {
  cohort: { values: (Decimal | null)[]; counted?: Uint8Array }[];
  groups: { of: Uint32Array; keys: string[] };
  eligible: Uint8Array;
}

/** A part's cohort values (a rank per unit, any other value by group key) and groups' sizes (by key), as a compiled scorer's `options.cohort` takes them. */
export interface GivenToScorer {
  values: unknown[];
  sizes?: Map<string, number>;
}

export interface Scorer {
  /** For a part of a cohort scored in parts (parts.ts, merge.ts): what each cohort value is taken over, instead of scores. */
  scoreTable(table: UnitTable, options: { cohortInputs: true }): CohortInputs;
  /**
   * `cohort`: the cohort values, given (a part of a cohort scored in parts), or a function that
   * is given what they are taken over before the part is scored, and returns them.
   */
  scoreTable(table: UnitTable, options?: { cohort?: GivenToScorer | ((inputs: CohortInputs) => GivenToScorer); places?: false }): Scoring<UnitResult>;
}

/** The scorer of `js`, as `scorerSource` wrote it. (Names and labels are only string literals in the code: see the compiler.) */
export function scorerFrom(js: string): Scorer {
  return new Function('runtime', js)(runtime) as Scorer;
}
