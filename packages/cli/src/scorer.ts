// `assess run` scores with the scheme compiled to JavaScript (@assess/compiler), run on the
// runtime this program already has: the same code `assess compile` writes, several times
// faster than the interpreter on a large cohort. The differential tests of the compiler hold
// it to the interpreter, digit for digit.
import { compileModule } from '@assess/compiler';
import type { Plan } from '@assess/core';
import { scorerFrom, type Scorer } from './scorer-from.js';

export type { Scorer } from './scorer-from.js';

const sources = new WeakMap<Plan.Plan, string>();

/**
 * The plan compiled to the body of a function of the runtime (what `scorerFrom` takes); once
 * per plan (a run in parts that goes back to one thread has compiled it already).
 */
export function scorerSource(plan: Plan.Plan): string {
  let js = sources.get(plan);
  if (js === undefined) sources.set(plan, (js = compileModule(plan, { form: 'function' }).js));
  return js;
}

/** The plan's scorer. */
export const scorer = (plan: Plan.Plan): Scorer => scorerFrom(scorerSource(plan));
