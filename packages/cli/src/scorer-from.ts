// A scheme compiled to JavaScript (see scorer.ts), made into a scorer on the runtime this
// program already has. Apart from the compiler, so that a thread given the compiled code (a
// part of a run) need not load it.
import type { UnitResult } from '@assess/core';
import * as runtime from '@assess/runtime';
import type { Scoring, UnitTable } from '@assess/runtime';

export interface Scorer {
  /**
   * `cohort`: the cohort values, given (a part of a cohort scored in parts); `cohortInputs`:
   * return what each cohort value is taken over instead of scoring (see parts.ts and merge.ts).
   */
  scoreTable(table: UnitTable, options?: { cohort?: unknown[]; cohortInputs?: boolean }): Scoring<UnitResult>;
}

/** The scorer of `js`, as `scorerSource` wrote it. (Names and labels are only string literals in the code: see the compiler.) */
export function scorerFrom(js: string): Scorer {
  return new Function('runtime', js)(runtime) as Scorer;
}
