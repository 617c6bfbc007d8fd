// Places and quota grades: what a cohort's ranking gives each unit.
//
// A unit's place is its rank by total, highest first; ties share the best place (1, 2, 2, 4).
// A grade line with a quota (`"优秀" if total >= 90, max 20%`) takes the units whose condition
// holds in order of place, as long as the quota allows; units tied at the boundary that would
// take it past the quota are all left out (the quota is never exceeded), and go on to the
// lines below.
import { Decimal } from './decimal.js';
import type { Groups } from './groups.js';

/**
 * A cohort's totals as places read them: each unit's total as the nearest double (NaN: no
 * total), whether that double tells it apart from every other (`numberIdentifies`: scores do),
 * and the exact total, read only to order totals whose doubles are equal while one of them does
 * not tell itself apart. A cohort scored in parts hands these over instead of its totals.
 */
export interface PlaceTotals {
  key: Float64Array;
  identifies: Uint8Array;
  exact(u: number): Decimal;
}

/** The place keys of `totals`. */
export function placeTotals(totals: readonly (Decimal | null)[]): PlaceTotals {
  const n = totals.length;
  const key = new Float64Array(n);
  const identifies = new Uint8Array(n);
  for (let u = 0; u < n; u++) {
    const t = totals[u];
    if (t === null) key[u] = NaN;
    else {
      key[u] = t.toNumber();
      if (t.numberIdentifies()) identifies[u] = 1;
    }
  }
  return { key, identifies, exact: (u) => totals[u]! };
}

/**
 * Each unit's place by its total, highest first, numbered from `first` (ties share the best
 * place: one more than the number of units with a higher total), into `places`.
 */
export function competitionPlaces(units: number[], totals: PlaceTotals, first: number, places: (number | null)[]): void {
  const n = units.length;
  // Ordered by the totals as doubles, which never run against the totals' order (a higher
  // double is a higher total), without comparing decimals; doubles that are equal while their
  // totals are not (they differ past the 15th digit or so) are then put in order exactly.
  // Where a total's double tells it apart from the others' (`numberIdentifies`: scores do),
  // equal doubles are equal totals, found without reading the totals again out of order.
  // Every unit of the cohort (units come in data order, each once): the keys as they are.
  const every = n === totals.key.length && (n === 0 || (units[0] === 0 && units[n - 1] === n - 1));
  const key = every ? totals.key : new Float64Array(n);
  const identifies = every ? totals.identifies : new Uint8Array(n);
  if (!every)
    for (let i = 0; i < n; i++) {
      key[i] = totals.key[units[i]];
      identifies[i] = totals.identifies[units[i]];
    }
  const { order, sorted } = descendingOrder(key);
  const exact = totals.exact;
  // Each run of equal doubles: one place when its totals are equal, else placed exactly.
  for (let i = 0; i < n; ) {
    let j = i + 1;
    let identified = identifies[order[i]] === 1;
    for (; j < n && sorted[j] === sorted[i]; j++) if (identifies[order[j]] === 0) identified = false;
    if (j - i === 1 || identified || sameTotals(order, i, j, units, exact)) for (let k = i; k < j; k++) places[units[order[k]]] = first + i;
    else {
      const run = [...order.subarray(i, j)].map((k) => units[k]).sort((a, b) => exact(b).cmp(exact(a)));
      run.forEach((u, k) => (places[u] = k > 0 && exact(run[k - 1]).eq(exact(u)) ? places[run[k - 1]] : first + i + k));
    }
    i = j;
  }
}

/** Whether the units at positions from..to−1 of `order` all have the same total. */
function sameTotals(order: Uint32Array, from: number, to: number, units: number[], exact: (u: number) => Decimal): boolean {
  const head = exact(units[order[from]]);
  for (let k = from + 1; k < to; k++) {
    const t = exact(units[order[k]]);
    // (Equal totals are often one shared object: no need to look inside it.)
    if (t !== head && !t.eq(head)) return false;
  }
  return true;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Positions 0..n−1 in descending order of `key` (equal keys in ascending position), and the
 * keys in that order, as places are worked out (a part of a cohort scored in parts sorts its own
 * units' keys on its own thread: see `placesOfSortedParts`). For many keys: a stable radix sort
 * of the high 32 bits of the doubles, 16 at a time, each key and its high word moved along with
 * its position (so that every pass reads in order); then each run of equal high words (values
 * within about a millionth of each other: almost always one value) put in order by the whole key.
 */
export function descendingOrder(key: Float64Array): { order: Uint32Array; sorted: Float64Array } {
  const n = key.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 4096) {
    order.sort((a, b) => key[b] - key[a] || a - b);
    return { order, sorted: Float64Array.from(order, (i) => key[i]) };
  }
  const words = new Uint32Array(key.buffer, key.byteOffset, 2 * n);
  const H = LITTLE_ENDIAN ? 1 : 0;
  // The high 32 bits of each key, made to order as the keys do, descending: a negative key's
  // bits as they are, a positive key's with every bit but the sign flipped.
  let hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + H];
    hi[i] = h >>> 31 === 1 ? h : (h ^ 0x7fffffff) >>> 0;
  }
  let sorted = key.slice();
  let next = new Uint32Array(n);
  let nextHi = new Uint32Array(n);
  let nextKey = new Float64Array(n);
  const counts = new Uint32Array(65536);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(hi[k] >>> shift) & 0xffff]++;
    for (let d = 0, at = 0; d < 65536; d++) {
      const c = counts[d];
      counts[d] = at;
      at += c;
    }
    for (let k = 0; k < n; k++) {
      const to = counts[(hi[k] >>> shift) & 0xffff]++;
      next[to] = order[k];
      nextHi[to] = hi[k];
      nextKey[to] = sorted[k];
    }
    [order, next, hi, nextHi, sorted, nextKey] = [next, order, nextHi, hi, nextKey, sorted];
  }
  for (let i = 0; i < n; ) {
    const h = hi[i];
    let j = i + 1;
    let same = true;
    for (; j < n && hi[j] === h; j++) if (sorted[j] !== sorted[i]) same = false;
    if (!same) {
      const at = Array.from({ length: j - i }, (_, k) => i + k).sort((a, b) => sorted[b] - sorted[a] || order[a] - order[b]);
      const o = at.map((k) => order[k]);
      const v = at.map((k) => sorted[k]);
      for (let k = 0; k < o.length; k++) {
        order[i + k] = o[k];
        sorted[i + k] = v[k];
      }
    }
    i = j;
  }
  return { order, sorted };
}

/**
 * Every unit's place (the parts' units one after the other), for a cohort of one group whose
 * every unit is ranked by a total its key tells apart from every other (`numberIdentifies`),
 * from each part's units in descending order of their keys and these keys (`descendingOrder`):
 * the parts' orders merged, and placed as `competitionPlaces` places them (equal keys are equal
 * totals and share the best place), without sorting every unit's key again.
 */
export function placesOfSortedParts(parts: readonly { order: Uint32Array; sorted: Float64Array }[]): Int32Array {
  // Every unit in descending order of its key (its position among every part's units beside
  // it), one part merged in after the other (of equal keys, the earlier part's first).
  let keys = new Float64Array(0);
  let units = new Uint32Array(0);
  let start = 0;
  for (const { order, sorted } of parts) {
    const n = keys.length + order.length;
    const mergedKeys = new Float64Array(n);
    const mergedUnits = new Uint32Array(n);
    let a = 0;
    let b = 0;
    for (let r = 0; r < n; r++) {
      if (b === order.length || (a < keys.length && keys[a] >= sorted[b])) {
        mergedKeys[r] = keys[a];
        mergedUnits[r] = units[a++];
      } else {
        mergedKeys[r] = sorted[b];
        mergedUnits[r] = start + order[b++];
      }
    }
    keys = mergedKeys;
    units = mergedUnits;
    start += order.length;
  }
  const places = new Int32Array(keys.length);
  let place = 0;
  for (let r = 0; r < keys.length; r++) {
    if (r === 0 || keys[r] !== keys[r - 1]) place = r + 1;
    places[units[r]] = place;
  }
  return places;
}

/** Where vetoed and ineligible units are placed: after the units ranked, or nowhere. */
export interface Placing {
  vetoed: 'last' | 'unplaced';
  ineligible: 'last' | 'unplaced';
}

/**
 * Every unit's final place within its group (null: none): units with a total, neither vetoed nor
 * ineligible, ranked by total; then vetoed units ranked among themselves, and ineligible units
 * sharing the place after everyone, where the scheme places them.
 */
export function placeUnits(groups: Groups, eligible: ArrayLike<unknown>, vetoed: ArrayLike<unknown>, totals: readonly (Decimal | null)[] | PlaceTotals, placing: Placing): (number | null)[] {
  const n = groups.of.length;
  const places: (number | null)[] = new Array(n).fill(null);
  const t = Array.isArray(totals) ? placeTotals(totals) : (totals as PlaceTotals);
  // (NaN, no total, is the one key not equal to itself.)
  const key = t.key;
  // Each group's units assessed, placed; what comes after them.
  const after = groups.members.map((units) => {
    // Most often every unit is ranked: then no copy of the group.
    const ranks = (u: number) => !vetoed[u] && key[u] === key[u];
    const ranked = units.every(ranks) ? units : units.filter(ranks);
    competitionPlaces(ranked, t, 1, places);
    if (placing.vetoed === 'unplaced') return ranked.length + 1;
    const last = units.filter((u) => vetoed[u] && key[u] === key[u]);
    competitionPlaces(last, t, ranked.length + 1, places);
    return ranked.length + last.length + 1;
  });
  if (placing.ineligible === 'last') for (let u = 0; u < n; u++) if (!eligible[u]) places[u] = after[groups.of[u]];
  return places;
}

export interface GradeLine {
  label: string;
  /** Every unit gets it (`otherwise`). */
  otherwise?: boolean;
  /** Whether the line's condition holds for a unit (undefined: it could not be computed). */
  holds?: (u: number) => boolean | undefined;
  /** At most this many units (already worked out from a share of the cohort). */
  quota?: number;
  quotaText?: string;
}

export interface QuotaDecision {
  line: number;
  place: number;
  quota: number;
  admitted: boolean;
}

/**
 * The grade line of each of `units` (ranked units of one group), line by line, quotas taken by
 * place: `lineOf[u]` is the index of the line that graded unit u (left as it was when none did),
 * and `quotas`, where given (what explanations show), gets the quota lines whose condition held
 * for a unit, and whether it was within the quota (only for the units that met one). No object
 * per unit: a million units cost two passes.
 */
export function gradeByPlace(units: number[], place: (u: number) => number, lines: GradeLine[], lineOf: Int16Array | Int32Array, quotas?: Map<number, QuotaDecision[]>): void {
  const decide = (u: number, d: QuotaDecision) => {
    if (!quotas) return;
    const list = quotas.get(u);
    if (list) list.push(d);
    else quotas.set(u, [d]);
  };
  // Without a quota, each unit gets the first line that holds for it, whatever the others get.
  if (lines.every((l) => l.quota === undefined)) {
    for (const u of units)
      for (let i = 0; i < lines.length; i++)
        if (lines[i].otherwise || lines[i].holds!(u) === true) {
          lineOf[u] = i;
          break;
        }
    return;
  }
  // Quotas are taken by place.
  let pending = inPlaceOrder(units, place);
  let most = 0;
  for (const u of units) if (u > most) most = u;
  for (let i = 0; i < lines.length && pending.length > 0; i++) {
    const line = lines[i];
    if (line.quota === undefined) {
      // Each unit still pending gets the line's grade or stays pending: one pass.
      const rest: number[] = [];
      for (const u of pending) {
        if (line.otherwise || line.holds!(u) === true) lineOf[u] = i;
        else rest.push(u);
      }
      pending = rest;
      continue;
    }
    const holding = line.otherwise ? pending : pending.filter((u) => line.holds!(u) === true);
    // (Marks by unit number: a set of a million numbers took most of the time of a quota line.)
    const graded = new Uint8Array(most + 1);
    let taken = 0;
    let open = true;
    for (let k = 0; k < holding.length; ) {
      const p = place(holding[k]);
      let end = k;
      while (end < holding.length && place(holding[end]) === p) end++;
      const admitted = open && taken + (end - k) <= line.quota;
      if (admitted) taken += end - k;
      else open = false;
      for (let t = k; t < end; t++) {
        const u = holding[t];
        decide(u, { line: i, place: p, quota: line.quota, admitted });
        if (admitted) {
          lineOf[u] = i;
          graded[u] = 1;
        }
      }
      k = end;
    }
    if (taken > 0) pending = pending.filter((u) => graded[u] === 0);
  }
}

/** How many units a quota line takes in a group of `size` units: its count, or its share of the group rounded down. */
export function quotaOf(quota: { count?: number; share?: string }, size: number): number {
  return quota.count ?? Number(Decimal.parse(quota.share!)!.mul(Decimal.fromInt(size)).floor().toString());
}

/**
 * Units in order of place, and of data (unit number) among equal places. Places are whole numbers
 * from 1, at most a few more than the units: counted into order (a million units: a comparison
 * sort took most of a second); anything else is sorted by comparison.
 */
export function inPlaceOrder(units: readonly number[], place: (u: number) => number): number[] {
  const places = new Int32Array(units.length);
  let most = 0;
  let ascending = true;
  for (let k = 0; k < units.length; k++) {
    const p = place(units[k]);
    if (!(Number.isInteger(p) && p >= 1 && p <= 2 * units.length + 16)) return byComparison(units, place);
    places[k] = p;
    if (p > most) most = p;
    if (k > 0 && units[k] <= units[k - 1]) ascending = false;
  }
  if (!ascending) return byComparison(units, place);
  // (Units in data order, counted into place order: equal places keep data order.)
  const next = new Int32Array(most + 2);
  for (let k = 0; k < units.length; k++) next[places[k] + 1]++;
  for (let p = 1; p <= most; p++) next[p] += next[p - 1];
  const out: number[] = new Array(units.length);
  for (let k = 0; k < units.length; k++) out[next[places[k]]++] = units[k];
  return out;
}

const byComparison = (units: readonly number[], place: (u: number) => number) => [...units].sort((a, b) => place(a) - place(b) || a - b);
