// The frame every compiled scorer shares: failures recorded against units, values computed
// once, and the result object (the shape of @assess/core's Evaluation, plus score columns).
import { Decimal } from './decimal.js';
import { Failure, type Diagnostic, type EntryFn, type V } from './ops.js';
import { entryOf, shown, type KeptEntry, type Shown } from './trace.js';
import type { Groups } from './groups.js';
import type { QuotaDecision } from './places.js';
import type { Rec, UnitTable, Value } from './table.js';

/** Marks a per-unit cache entry not computed yet. */
export const UNSET: unique symbol = Symbol('unset');

const EMPTY: Value[] = [];

/** A table's column (an empty one for a field the table does not have). */
export const column = (table: UnitTable, field: string): readonly Value[] => table.columns.get(field) ?? EMPTY;

/** A value computed on first use; a failure is kept and raised to every later reader. */
export function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  let failure: Failure | undefined;
  return () => {
    if (failure) throw failure;
    if (!done) {
      try {
        value = f();
      } catch (e) {
        if (e instanceof Failure) failure = e;
        throw e;
      }
      done = true;
    }
    return value;
  };
}

/** Record a unit's failure (once: the same failure reached twice is one). */
export function recordFailure(errors: Map<number, Diagnostic[]>, u: number, d: Diagnostic): void {
  const list = errors.get(u) ?? [];
  if (!list.some((x) => x.code === d.code && x.span.start === d.span.start && x.message.en === d.message.en)) list.push(d);
  errors.set(u, list);
}

/** f(u), or undefined when it fails (the failure is recorded against the unit). */
export function guarded<T>(errors: Map<number, Diagnostic[]>, u: number, f: (u: number) => T): T | undefined {
  try {
    return f(u);
  } catch (e) {
    failed(errors, u, e);
    return undefined;
  }
}

/** Record what a unit's number threw, when it is a failure (anything else is a bug: thrown on). */
export function failed(errors: Map<number, Diagnostic[]>, u: number, e: unknown): void {
  if (!(e instanceof Failure)) throw e;
  recordFailure(errors, u, e.diagnostic);
}

/** No veto fired (shared: most units' list). */
export const NO_VETOES: readonly string[] = Object.freeze([]);

/**
 * The entries of a list an aggregate counts (those where `where` holds, every one without it),
 * each with what it adds (`value`: a per-entry formula; `field`: a field), for a trace.
 */
export function keptEntries(list: V, where: EntryFn | undefined, u: number, field?: string, value?: EntryFn, percent?: readonly string[]): KeptEntry[] {
  const out: KeptEntry[] = [];
  if (!Array.isArray(list)) return out;
  (list as Rec[]).forEach((rec, i) => {
    let holds: boolean;
    try {
      holds = !where || where(u, rec) === true;
    } catch {
      holds = false;
    }
    if (!holds) return;
    const kept: KeptEntry = { at: i + 1, entry: entryOf(rec, percent) };
    if (value) kept.value = shownOrFailed(() => value(u, rec));
    else if (field !== undefined) kept.value = shown(rec[field], percent?.includes(field));
    out.push(kept);
  });
  return out;
}

/** A value as a trace shows it, or `failed`. */
export function shownOrFailed(f: () => V): Shown {
  try {
    return shown(f());
  } catch {
    return { k: 'failed' };
  }
}

/** The same diagnostic reached twice (a cohort value read by every unit) is reported once. */
export function dedupe<D extends Pick<Diagnostic, 'code' | 'span' | 'message'>>(ds: D[]): D[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = `${d.code}:${d.span.file}:${d.span.start}:${d.span.end}:${d.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type Score = Decimal | null;

/** The sum of the scores that apply to unit u (the bonuses, the penalties); null when one of them failed. */
export function sumApplicable(cols: readonly Score[][], na: readonly Uint8Array[], u: number): Score {
  let sum = Decimal.ZERO;
  for (let i = 0; i < cols.length; i++) {
    if (na[i][u]) continue;
    const v = cols[i][u];
    if (v === null) return null;
    sum = sum.add(v);
  }
  return sum;
}

/** Every unit's numbers, by item, section and unit: what a compiled scorer works out before any result object. */
export interface ScoreColumns {
  /** By item id (the plan's order), then unit; null when the score failed or the item does not apply. */
  items: Score[][];
  /** 1 where an item does not apply to a unit (or the unit is not assessed). */
  itemsNA: Uint8Array[];
  /** By section id, then unit. */
  sections: Score[][];
  /** 1 where none of a section's parts applies (and for every unit not assessed: see `eligible`). */
  sectionsNA: Uint8Array[];
  /** What each section adds to its parent (the total, or the section that holds it). */
  contributions: Score[][];
  bonus: Decimal[];
  penalty: Decimal[];
  totals: Score[];
  /** Each unit's final place (null: none). */
  places: (number | null)[];
  /** The groups (`within X`), when the scheme has them: each unit's group and their keys. */
  groups?: Groups;
  /** 1 where the unit is assessed (`eligible if`). */
  eligible: Uint8Array;
  grades: (string | null)[];
  vetoes: readonly string[][];
}

/** What a compiled scorer hands to `scoring`: its columns, failures, and how to build a unit's result. */
export interface ScorerOutput<U> {
  n: number;
  ids: string[];
  errors: Map<number, Diagnostic[]>;
  columns: ScoreColumns;
  unitResult: (u: number) => U;
  grading?: PlacedGrading;
}

/**
 * Grades that read places (a grade line's `place`, or its quota), of a cohort scored without its
 * places (`places: false`): the caller works the places out (over every part of a cohort scored
 * in parts), puts them in `columns.places`, and gives the grades back as the whole cohort's.
 */
export interface PlacedGrading {
  /**
   * For each grade line with a condition, in order, which units it holds for (1), among those
   * ranked (assessed, not vetoed, with a total); null for `otherwise`. Undefined when a
   * condition failed for a unit (then its failure is among the errors).
   */
  holds(): (Uint8Array | null)[] | undefined;
  /**
   * The grades, from each unit's grade line (−1: none); and the quota decisions (see
   * `gradeByPlace`), which only explanations show (a cohort scored without traces need not give them).
   */
  grade(lineOf: Int16Array, quotas?: ReadonlyMap<number, QuotaDecision[]>): void;
}

/** What a compiled scorer returns: the interpreter's Evaluation, plus the score columns. */
export interface Scoring<U> {
  n: number;
  ids: string[];
  /** Every unit's result, in data order (built on first access). */
  readonly units: U[];
  unit(i: number): U;
  /** Unit i's result, built and not kept (for writing a million results one by one). */
  build(i: number): U;
  total(i: number): Score;
  /** Data problems (from `score`) and evaluation failures, each once. */
  diagnostics: Diagnostic[];
  /** Every unit's numbers, for writing results without building objects. */
  columns: ScoreColumns;
  /** Where the grades read places and `places: false` left both to the caller. */
  grading?: PlacedGrading;
}

export function scoring<U>(c: ScorerOutput<U>): Scoring<U> {
  const diagnostics = dedupe([...c.errors.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, ds]) => ds));
  // Units are built lazily so that a million-unit run need not hold a million result objects.
  const cache = new Map<number, U>();
  let built: U[] | undefined;
  const s: Scoring<U> = {
    n: c.n,
    ids: c.ids,
    get units() {
      built ??= Array.from({ length: c.n }, (_, i) => s.unit(i));
      return built;
    },
    unit(i) {
      let r = cache.get(i);
      if (r === undefined) cache.set(i, (r = c.unitResult(i)));
      return r;
    },
    build: (i) => c.unitResult(i),
    total: (i) => c.columns.totals[i],
    diagnostics,
    columns: c.columns,
    grading: c.grading,
  };
  return s;
}

const NO_COLUMNS: ScoreColumns = { items: [], itemsNA: [], sections: [], sectionsNA: [], contributions: [], bonus: [], penalty: [], totals: [], places: [], eligible: new Uint8Array(0), grades: [], vetoes: [] };

/** The result of rows that did not validate: no units, only the diagnostics. */
export function rejected<U>(diagnostics: Diagnostic[]): Scoring<U> {
  return { ...scoring<U>({ n: 0, ids: [], errors: new Map(), columns: NO_COLUMNS, unitResult: () => undefined as U }), diagnostics };
}
