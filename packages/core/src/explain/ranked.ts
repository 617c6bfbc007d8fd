// Results in place order, as tables and workbooks list them.
import type { UnitResult } from '../eval/evaluate.js';

/** Units in place order: shared places keep data order; units without a place come last. */
export function ranked<R extends Pick<UnitResult, 'place'>>(units: readonly R[]): R[] {
  const key = (r: R) => r.place ?? Number.POSITIVE_INFINITY;
  return [...units].sort((a, b) => key(a) - key(b));
}
