// Who is assessed with whom: `within X` splits a cohort into groups of units with the same X,
// each ranked, aggregated and placed on its own. Without `within` every unit is in one group.
import { Decimal } from './decimal.js';

export interface Groups {
  /** Each unit's group (an index into `keys` and `members`). */
  of: Uint32Array;
  /** Each group's key: the value of `within X`, as text. */
  keys: string[];
  /** The units assessed (eligible) in each group, in data order. */
  members: number[][];
}

/** A group key as text: the value of `within X` for a unit (absent, or a list, is the empty key). */
export function groupKey(v: unknown): string {
  if (v instanceof Decimal) return v.toString();
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  return '';
}

/** The groups of n units, in the order their keys first appear; `key` gives a unit's value of `within X`. */
export function groupUnits(n: number, eligible: ArrayLike<unknown>, key?: (u: number) => unknown): Groups {
  if (!key) return oneGroup(n, eligible);
  const keys: string[] = [];
  const index = new Map<string, number>();
  const of = new Uint32Array(n);
  for (let u = 0; u < n; u++) {
    const k = key ? groupKey(key(u)) : '';
    let g = index.get(k);
    if (g === undefined) {
      index.set(k, (g = keys.length));
      keys.push(k);
    }
    of[u] = g;
  }
  const members: number[][] = keys.map(() => []);
  for (let u = 0; u < n; u++) if (eligible[u]) members[of[u]].push(u);
  // An empty cohort still has its one (empty) group.
  if (keys.length === 0) members.push([]);
  return { of, keys, members };
}

/** Without `within`: one group of every unit (an empty cohort still has its one, empty, group). */
function oneGroup(n: number, eligible: ArrayLike<unknown>): Groups {
  let count = 0;
  for (let u = 0; u < n; u++) if (eligible[u]) count++;
  // Sized once: a million units are a million numbers, not half as many again.
  const members: number[] = new Array(count);
  for (let u = 0, k = 0; u < n; u++) if (eligible[u]) members[k++] = u;
  return { of: new Uint32Array(n), keys: n > 0 ? [''] : [], members: [members] };
}
