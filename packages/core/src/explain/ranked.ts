// Results in place order, as tables and workbooks list them.
import type { UnitResult } from '../eval/evaluate.js';

/** Units in place order: shared places keep data order; units without a place come last. */
export function ranked<R extends Pick<UnitResult, 'place'>>(units: readonly R[]): R[] {
  return rankedOrder(units.length, (i) => units[i].place).map((i) => units[i]);
}

/** The indexes of `n` units in place order (as `ranked` orders them), from each one's place. */
export function rankedOrder(n: number, place: (i: number) => number | null): number[] {
  const key = (i: number) => place(i) ?? Number.POSITIVE_INFINITY;
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
}
