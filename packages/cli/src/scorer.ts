// `assess run` scores with the scheme compiled to JavaScript (@assess/compiler), run on the
// runtime this program already has: the same code `assess compile` writes, several times
// faster than the interpreter on a large cohort. The differential tests of the compiler hold
// it to the interpreter, digit for digit.
import { compileModule } from '@assess/compiler';
import type { Plan, UnitResult } from '@assess/core';
import * as runtime from '@assess/runtime';
import type { Scoring, UnitTable } from '@assess/runtime';

export interface Scorer {
  scoreTable(table: UnitTable): Scoring<UnitResult>;
}

/** The plan's scorer. (Names and labels are only string literals in the code: see the compiler.) */
export function scorer(plan: Plan.Plan): Scorer {
  const { js } = compileModule(plan, { form: 'function' });
  return new Function('runtime', js)(runtime) as Scorer;
}
