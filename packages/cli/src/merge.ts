// A cohort scored in parts (see parts.ts) put together: what the parts give, here made into
// what scoring the whole cohort at once makes of it. Cohort values (ranks, values across
// units, the highest raw score under `cap … prorata`) are worked out from what each part's
// units give, group by group, exactly as a scorer's own pass over the cohort does (the same
// runtime functions, `competitionRanks` and `cohortNumber`, over the same values in the same
// order); places from every part's totals; grades that read places from which units each
// grade line holds for (`gradeByPlace`, as a scorer's pass).
// No threads here: the tests put parts together in one process.
import type { Plan } from '@assess/core';
import { cohortNumber, competitionRanks, DATA_LIMITS, Decimal, descendingOrder, gradeByPlace, groupUnits, percentShares, placesOfSortedParts, placeTotals, placeUnits, quotaOf, scoresFromWire, scoresToWire, type GradeLine, type Groups, type PlaceTotals, type Problem, type ScoreColumns, type ScoresOnWire, type UnitTable } from '@assess/runtime';
import type { CohortInputs, GivenToScorer } from './scorer-from.js';

/** A part's groups (`within X`): each unit's, and their keys. */
export interface PartGroups {
  of: Uint32Array;
  keys: string[];
}

/**
 * What a part gives for a cohort value (a compiled scorer's `cohortInputs`): unit by unit, or
 * for the highest raw score under `cap … prorata`, its own highest, group by group (of its groups).
 */
export interface CohortInput {
  values: ScoresOnWire;
  /** Whether each unit counts (aggregates: the units where `where` holds). */
  counted?: Uint8Array;
}

/**
 * What a part gives before its cohort values are known (and, should another part's rows have
 * errors, its own ids and warnings, to be said with them: `PartFound`).
 */
export interface PartInputs extends PartFound {
  cohort: CohortInput[];
  groups: PartGroups;
  eligible: Uint8Array;
}

/** A cohort value as a part is given it: a rank per unit, any other value by group key. */
export type GivenValue = { ranks: Int32Array } | { keys: string[]; values: ScoresOnWire };

/** What a part is given: its cohort values, and how many units each group has (by key). */
export interface PartGiven {
  values: GivenValue[];
  sizes: { keys: string[]; counts: Int32Array };
}

/** What a part gives once scored. */
export interface PartScored {
  n: number;
  /** Its ids' hashes (runtime `idHash`), sorted. */
  ids: Float64Array;
  /** Its totals: as places read them (worked out here, on the part's thread), and exactly. */
  keys: Float64Array;
  identifies: Uint8Array;
  totals: ScoresOnWire;
  eligible: Uint8Array;
  vetoed: Uint8Array;
  groups?: PartGroups;
  /**
   * Where every unit of the part is ranked by a total its key tells apart (no groups, none
   * vetoed or not assessed, every total a score): its units in descending order of their keys,
   * and their keys in that order, sorted on the part's thread (`descendingOrder`), so that
   * placing every part's units merges them.
   */
  ranked?: { order: Uint32Array; sorted: Float64Array };
  /** Its warnings (a part with errors is not scored: `PartFound`). */
  problems: PartProblems;
}

/** What a part gives when its rows have errors: it is not scored. */
export interface PartFound {
  n: number;
  ids: Float64Array;
  problems: PartProblems;
}

/**
 * A part's problems, rows its own: every row's, as its table's builder found them in order (a
 * field the scheme does not declare where the part first has it, wrong values, ids the part's
 * rows share); for each percentage field, what its column says of shares written as fractions
 * (`percentShares`: a warning only the column of every part together can give).
 */
export interface PartProblems {
  rows: Problem[];
  shares: ReturnType<typeof percentShares>[];
}

/** What a part's table and problems give for the problems of every part put together. */
export function partProblems(plan: Pick<Plan.Plan, 'inputs'>, table: UnitTable, problems: readonly Problem[]): PartProblems {
  const shares = plan.inputs.flatMap((f) => (f.type.k === 'percent' ? [percentShares(f.name, table.columns.get(f.name)!, table.ids)] : []));
  return { rows: problems.filter((p) => p.code !== 'W0502'), shares };
}

/** Whether the parts' problems can be put together as one thread finds them: not where there are too many units for one table. */
export const mergeable = (p: PartProblems): boolean => !p.rows.some((r) => r.code === 'E0507');

/**
 * Every part's problems as one thread gives them, rows counted over every part: in the order of
 * the rows, each undeclared field once, where a unit first has it, and the repeats of ids that
 * rows of different parts share (`across`) before their rows' other problems; then, field by
 * field, the shares of a percentage field, where no part has a value over 1% (at the first
 * part's first).
 */
export function problemsOfParts(parts: readonly { n: number; problems: PartProblems }[], across: Across = { repeats: [], ids: new Set() }): Problem[] {
  const starts = partStarts(parts);
  // A row without an id is named by its number (`#12`), which a part counts from its own first row.
  const withoutId = parts.map((p) => new Set(p.problems.rows.flatMap((r) => (r.code === 'E0504' ? [r.row] : []))));
  const counted = (w: Problem, i: number): Problem => {
    const row = w.row + starts[i];
    if (w.code === 'E0503') return { ...w, row, first: w.first + starts[i] };
    if ('unit' in w && withoutId[i].has(w.row)) return { ...w, row, unit: `#${row + 1}` };
    return { ...w, row };
  };
  const seen = new Set<string>();
  const out: Problem[] = [];
  parts.forEach((p, i) => {
    for (const w of p.problems.rows) {
      if (w.code === 'W0501' && seen.has(w.field)) continue;
      if (w.code === 'W0501') seen.add(w.field);
      // (An id other parts have too: its repeats are `across`'s.)
      if (w.code === 'E0503' && across.ids.has(w.id)) continue;
      out.push(counted(w, i));
    }
  });
  if (across.repeats.length > 0) {
    // Each repeat where reading its row reports it: after the rows before, before the row's other
    // problems (a stable sort keeps the rest in their order).
    out.push(...across.repeats);
    out.sort((a, b) => a.row - b.row || (a.code === 'E0503' ? 0 : 1) - (b.code === 'E0503' ? 0 : 1));
  }
  const fields = parts[0]?.problems.shares.length ?? 0;
  for (let f = 0; f < fields; f++) {
    if (parts.some((p) => p.problems.shares[f].over)) continue;
    const i = parts.findIndex((p) => p.problems.shares[f].first);
    if (i >= 0) out.push(counted(parts[i].problems.shares[f].first!, i));
  }
  return out;
}

/**
 * What a part's scoring gives for placing every part's units together (copies: the part's
 * columns are still needed for its lines); `ids`: its table's ids' hashes, sorted (on each
 * part's thread, so that ids two parts share are found by merging).
 */
export function partScored(s: { n: number; columns: ScoreColumns }, ids: Float64Array, problems: PartProblems): PartScored {
  const col = s.columns;
  const groups = col.groups && { of: col.groups.of.slice(), keys: col.groups.keys };
  const { key: keys, identifies } = placeTotals(col.totals);
  // (A loop: `Uint8Array.from` with a function took 60 ms for 500,000 units.)
  const vetoed = new Uint8Array(s.n);
  let ranked = !groups;
  for (let u = 0; u < s.n; u++)
    if (col.vetoes[u].length > 0) {
      vetoed[u] = 1;
      ranked = false;
    } else if (!col.eligible[u] || identifies[u] === 0) ranked = false;
  return { n: s.n, ids, keys, identifies, totals: scoresToWire(col.totals), eligible: col.eligible.slice(), vetoed, groups, ranked: ranked ? descendingOrder(keys) : undefined, problems };
}

/** The places of a part's units (−1: none), where its results are read from. */
export function placeInto(s: { n: number; columns: ScoreColumns }, places: Int32Array): void {
  const col = s.columns.places;
  for (let u = 0; u < s.n; u++) col[u] = places[u] < 0 ? null : places[u];
}

/** A compiled scorer's `cohortInputs()` as a part hands it over. */
export function inputsToWire(r: CohortInputs, found: PartFound): PartInputs {
  const cohort = r.cohort.map((c) => ({ values: scoresToWire(c.values), counted: c.counted }));
  return { ...found, cohort, groups: { of: r.groups.of, keys: r.groups.keys }, eligible: r.eligible };
}

/** What a part is given, as its scorer's `options.cohort` takes it. */
export function givenFromWire(given: PartGiven): GivenToScorer {
  const values = given.values.map((g) => {
    if ('ranks' in g) return Array.from(g.ranks);
    const values = scoresFromWire(g.values);
    return new Map(g.keys.map((k, i) => [k, values[i]]));
  });
  return { values, sizes: new Map(given.sizes.keys.map((k, i) => [k, given.sizes.counts[i]])) };
}

/** Each part's cohort values and groups' sizes, worked out over every part's units together. */
export function cohortOfParts(plan: Plan.Plan, parts: readonly PartInputs[]): PartGiven[] {
  const n = parts.reduce((sum, p) => sum + p.n, 0);
  const eligible = concat(parts.map((p) => p.eligible), new Uint8Array(n));
  const groups = groupsOfParts(plan, parts, n, eligible);
  const offsets = partStarts(parts);
  const perPart: GivenValue[][] = parts.map(() => []);
  const sizes = { keys: groups.keys, counts: Int32Array.from(groups.members.slice(0, groups.keys.length), (units) => units.length) };
  for (const c of plan.cohort) {
    if (c.k === 'prorataMax') {
      // Each part gave its groups' highest: the highest of these, group by group.
      const top = new Map<string, Decimal>();
      for (const p of parts) {
        const tops = scoresFromWire(p.cohort[c.id].values);
        p.groups.keys.forEach((k, g) => {
          const was = top.get(k);
          if (was === undefined || tops[g]!.gt(was)) top.set(k, tops[g]!);
        });
      }
      const given: GivenValue = { keys: groups.keys, values: scoresToWire(groups.keys.map((k) => top.get(k) ?? Decimal.ZERO)) };
      for (const list of perPart) list.push(given);
      continue;
    }
    const values: (Decimal | null)[] = parts.flatMap((p) => scoresFromWire(p.cohort[c.id].values));
    if (c.k === 'rank') {
      // As a scorer's pass: every unit assessed, group by group, its value (0 for the others).
      const ranks = new Int32Array(n);
      for (const units of groups.members) {
        const r = competitionRanks(units.map((u) => values[u]!), c.dir);
        units.forEach((u, i) => (ranks[u] = r[i]));
      }
      parts.forEach((p, i) => perPart[i].push({ ranks: ranks.slice(offsets[i], offsets[i] + p.n) }));
      continue;
    }
    const counted = concat(parts.map((p) => p.cohort[c.id].counted!), new Uint8Array(n));
    const byGroup = groups.members.map((units) => {
      const vs: Decimal[] = [];
      let count = 0;
      for (const u of units) {
        if (!counted[u]) continue;
        count++;
        if (values[u] !== null) vs.push(values[u]!);
      }
      return cohortNumber(c.k === 'percentile' ? { k: c.k, p: Decimal.parse(c.p)! } : c, vs, count);
    });
    const given: GivenValue = { keys: groups.keys, values: scoresToWire(byGroup.slice(0, groups.keys.length)) };
    for (const list of perPart) list.push(given);
  }
  return perPart.map((values) => ({ values, sizes }));
}

/**
 * Every unit's place (−1: none), the parts' units in order, as one run would place them; why not,
 * when the parts cannot be put together as they are.
 */
export function placeParts(plan: Plan.Plan, parts: readonly PartScored[]): Int32Array | string {
  const n = parts.reduce((sum, p) => sum + p.n, 0);
  if (n === 0) return 'no units';
  if (n > DATA_LIMITS.maxUnits) return 'too many units';
  // Every unit ranked in one group: the parts' sorted keys merged.
  if (!plan.within && parts.every((p) => p.ranked)) return placesOfSortedParts(parts.map((p) => p.ranked!));
  const { eligible, vetoed, key } = joined(parts, n);
  // The exact totals are read only where doubles cannot tell them apart: a part's as needed.
  const starts = partStarts(parts);
  const exact: (Decimal | null)[][] = [];
  const totals: PlaceTotals = {
    key,
    identifies: concat(parts.map((p) => p.identifies), new Uint8Array(n)),
    exact: (u) => {
      let i = parts.length - 1;
      while (starts[i] > u) i--;
      return (exact[i] ??= scoresFromWire(parts[i].totals))[u - starts[i]]!;
    },
  };
  const groups = groupsOfParts(plan, parts, n, eligible);
  const places = placeUnits(groups, eligible, vetoed, totals, plan.places);
  const out = new Int32Array(n);
  for (let u = 0; u < n; u++) out[u] = places[u] ?? -1;
  return out;
}

/**
 * The grade lines of every part's units (−1: none), where grade lines read places or have quotas:
 * each group's units ranked (assessed, not vetoed, with a total) given their lines as a scorer's
 * pass gives them (`gradeByPlace`, quotas taken in order of place and worked out from the whole
 * group's size), from `places` (every unit's, −1: none) and which units each line holds for in
 * each part (`PlacedGrading.holds`, null: `otherwise`). (Not the quota decisions, which only
 * explanations show: the parts' results have none.)
 */
export function gradesOfParts(plan: Plan.Plan, parts: readonly PartScored[], places: Int32Array, holds: readonly (Uint8Array | null)[][]): Int16Array {
  const n = parts.reduce((sum, p) => sum + p.n, 0);
  const { eligible, vetoed, key } = joined(parts, n);
  const lines = (plan.grades ?? []).filter((l) => l.k === 'if' || l.k === 'otherwise');
  const holding = lines.map((_, i) => (holds[0]?.[i] ? concat(holds.map((h) => h[i]!), new Uint8Array(n)) : null));
  const lineOf = new Int16Array(n).fill(-1);
  for (const units of groupsOfParts(plan, parts, n, eligible).members) {
    // (NaN, no total, is the one key not equal to itself.)
    const ranked = units.filter((u) => !vetoed[u] && key[u] === key[u]);
    const gradeLines: GradeLine[] = lines.map((l, i) => {
      if (l.k !== 'if') return { label: l.label, otherwise: true };
      const q = l.quota;
      const quota = q && { quota: quotaOf(q, units.length), quotaText: q.text };
      return { label: l.label, holds: (u: number) => holding[i]![u] === 1, ...quota };
    });
    gradeByPlace(ranked, (u) => places[u], gradeLines, lineOf);
  }
  return lineOf;
}

/**
 * `placeParts` run once over two made-up parts of UNITS units (ties, units not assessed, units
 * vetoed, groups where the scheme has them), so that its code is compiled before the real parts
 * come: over a million units it runs once, cold, on the critical path (measured 352 ms cold and
 * 187–227 ms after this, which takes 10–30 ms while the parts read and the main thread waits).
 * Whether the made-up units were placed.
 */
export function warmUpPlaces(plan: Plan.Plan): boolean {
  const UNITS = 10_000;
  const part = (p: number): PartScored => {
    const keys = new Float64Array(UNITS);
    const ids = new Float64Array(UNITS);
    const eligible = new Uint8Array(UNITS).fill(1);
    const vetoed = new Uint8Array(UNITS);
    const of = new Uint32Array(UNITS);
    for (let u = 0; u < UNITS; u++) {
      keys[u] = ((u * 7919 + p * 13) % 997) / 10;
      ids[u] = p * UNITS + u;
      if (u % 50 === 0) vetoed[u] = 1;
      if (u % 70 === 0) eligible[u] = 0;
      of[u] = u % 3;
    }
    const groups = plan.within ? { of, keys: ['a', 'b', 'c'] } : undefined;
    return { n: UNITS, ids, keys, identifies: new Uint8Array(UNITS).fill(1), totals: scoresToWire([]), eligible, vetoed, groups, problems: { rows: [], shares: [] } };
  };
  // And where every unit is ranked in one group: the parts' keys merged (see `PartScored.ranked`).
  const ranked = (p: number): PartScored => {
    const keys = Float64Array.from({ length: UNITS }, (_, u) => ((u * 7919 + p * 13) % 997) / 10);
    return { ...part(p), keys, eligible: new Uint8Array(UNITS).fill(1), vetoed: new Uint8Array(UNITS), groups: undefined, ranked: descendingOrder(keys) };
  };
  return typeof placeParts(plan, [part(0), part(1)]) !== 'string' && (plan.within !== undefined || typeof placeParts(plan, [ranked(0), ranked(1)]) !== 'string');
}

/** Where each part's units start among every part's units. */
export function partStarts(parts: readonly { n: number }[]): number[] {
  let at = 0;
  return parts.map((p) => (at += p.n) - p.n);
}

/** The arrays one after the other, into `out`. */
function concat<A extends Uint8Array | Float64Array>(arrays: readonly A[], out: A): A {
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/** Every part's units (n in all) one after the other: whether each is assessed, is vetoed, and its total as places read it (NaN: none). */
function joined(parts: readonly PartScored[], n: number): { eligible: Uint8Array; vetoed: Uint8Array; key: Float64Array } {
  return {
    eligible: concat(parts.map((p) => p.eligible), new Uint8Array(n)),
    vetoed: concat(parts.map((p) => p.vetoed), new Uint8Array(n)),
    key: concat(parts.map((p) => p.keys), new Float64Array(n)),
  };
}

/** The hashes (sorted) that two or more of the parts' sorted id hashes have (ids a part repeats are among its own problems). */
export function sharedHashes(sorted: readonly Float64Array[]): Float64Array {
  const shared: number[] = [];
  const at = sorted.map(() => 0);
  for (;;) {
    // The smallest hash not yet passed, and in how many parts it is.
    let least = Infinity;
    for (let p = 0; p < sorted.length; p++) if (at[p] < sorted[p].length && sorted[p][at[p]] < least) least = sorted[p][at[p]];
    if (least === Infinity) break;
    let parts = 0;
    for (let p = 0; p < sorted.length; p++) {
      if (sorted[p][at[p]] !== least) continue;
      parts++;
      while (sorted[p][at[p]] === least) at[p]++;
    }
    if (parts > 1) shared.push(least);
  }
  return Float64Array.from(shared);
}

/** Ids that rows of different parts share: an E0503 for each row but the first that has one, and the ids. */
export interface Across {
  repeats: Problem[];
  ids: Set<string>;
}

/**
 * Where the rows of different parts have the same id: an E0503 for each row but the first that
 * has it, as one thread reports it (each part's rows and ids with one of the shared hashes,
 * counted over every part); and those ids (the parts' own E0503s for them name a later first).
 */
export function repeatsAcrossParts(found: readonly { rows: Int32Array; ids: string[] }[], starts: readonly number[]): Across {
  const rowsOf = new Map<string, { parts: Set<number>; rows: number[] }>();
  found.forEach((f, p) =>
    f.ids.forEach((id, k) => {
      const e = rowsOf.get(id) ?? { parts: new Set<number>(), rows: [] };
      e.parts.add(p);
      e.rows.push(f.rows[k] + starts[p]);
      rowsOf.set(id, e);
    }),
  );
  const repeats: Problem[] = [];
  const ids = new Set<string>();
  for (const [id, e] of rowsOf) {
    // (The same hash of different ids, or an id in one part only: none.)
    if (e.parts.size < 2) continue;
    ids.add(id);
    const [first, ...later] = e.rows.sort((a, b) => a - b);
    for (const row of later) repeats.push({ code: 'E0503', row, id, first });
  }
  return { repeats, ids };
}

/** The groups (`within X`) of every part's units together: each unit's key, as its part's groups have it. */
function groupsOfParts(plan: Plan.Plan, parts: readonly { n: number; groups?: PartGroups }[], n: number, eligible: Uint8Array): Groups {
  if (!plan.within) return groupUnits(n, eligible);
  const keyOf: string[] = new Array(n);
  const starts = partStarts(parts);
  parts.forEach((p, i) => {
    const { of, keys } = p.groups!;
    for (let u = 0; u < p.n; u++) keyOf[starts[i] + u] = keys[of[u]];
  });
  return groupUnits(n, eligible, (u) => keyOf[u]);
}
