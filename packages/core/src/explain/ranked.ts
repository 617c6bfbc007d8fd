// Results in place order, as tables and workbooks list them.
import { inPlaceOrder } from '@assess/runtime';
import type { UnitResult } from '../eval/evaluate.js';

/** Units in place order: shared places keep data order; units without a place come last. */
export function ranked<R extends Pick<UnitResult, 'place'>>(units: readonly R[]): R[] {
  return rankedOrder(units.length, (i) => units[i].place).map((i) => units[i]);
}

/** The indexes of `n` units in place order (as `ranked` orders them), from each one's place. */
export function rankedOrder(n: number, place: (i: number) => number | null): number[] {
  const placed: number[] = [];
  const unplaced: number[] = [];
  for (let i = 0; i < n; i++) (place(i) === null ? unplaced : placed).push(i);
  // (Counted into place order, as quotas take units: data order among equal places.)
  return [...inPlaceOrder(placed, (i) => place(i)!), ...unplaced];
}
