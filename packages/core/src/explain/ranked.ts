// Results in place order, as tables and workbooks list them.
import { inPlaceOrder } from '@assess/runtime';
import type { UnitResult } from '../eval/evaluate.js';

/**
 * Units in place order: where the scheme places units within groups, group by group (the groups
 * in the order their first units come), as a notice of results lists them; shared places keep
 * data order; units without a place come last.
 */
export function ranked<R extends Pick<UnitResult, 'place' | 'group'>>(units: readonly R[]): R[] {
  return rankedOrder(
    units.length,
    (i) => units[i].place,
    (i) => units[i].group,
  ).map((i) => units[i]);
}

/** The indexes of `n` units in place order (as `ranked` orders them), from each one's place and group. */
export function rankedOrder(n: number, place: (i: number) => number | null, group?: (i: number) => string | undefined): number[] {
  const byGroup = new Map<string | undefined, number[]>();
  const unplaced: number[] = [];
  for (let i = 0; i < n; i++) {
    if (place(i) === null) {
      unplaced.push(i);
      continue;
    }
    const key = group?.(i);
    let members = byGroup.get(key);
    if (!members) byGroup.set(key, (members = []));
    members.push(i);
  }
  // (Counted into place order, as quotas take units: data order among equal places.)
  return [...[...byGroup.values()].flatMap((members) => inPlaceOrder(members, (i) => place(i)!)), ...unplaced];
}
