// The frame every compiled scorer shares: failures recorded against units, values computed
// once, and the result object (the shape of @assess/core's Evaluation, plus score columns).
import { Decimal } from './decimal.js';
import { Failure, type Diagnostic } from './ops.js';
import { shown, type Shown } from './trace.js';
import type { UnitTable, Value } from './table.js';

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

/** A value as a trace shows it, or `failed`. */
export function shownOrFailed(f: () => Value): Shown {
  try {
    return shown(f());
  } catch {
    return { k: 'failed' };
  }
}

/** An item's result, with its trace when one is asked for. */
export function itemResult<R extends object>(r: R, trace: false | (() => unknown)): R {
  if (trace) (r as R & { trace: unknown }).trace = trace();
  return r;
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

export interface ScoreColumns<U> {
  n: number;
  ids: string[];
  errors: Map<number, Diagnostic[]>;
  totals: Score[];
  bonusTotals: Decimal[];
  /** By item id (the plan's order), then unit. */
  scores: Score[][];
  sectionScores: Score[][];
  contributions: Score[][];
  grades: (string | null)[];
  vetoLists: string[][];
  unitResult: (u: number) => U;
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
  /** Scores by item id, section id and unit, for writing results without building objects. */
  columns: { items: Score[][]; sections: Score[][]; contributions: Score[][]; bonus: Decimal[]; totals: Score[]; grades: (string | null)[]; vetoes: string[][] };
}

export function scoring<U>(c: ScoreColumns<U>): Scoring<U> {
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
    total: (i) => c.totals[i],
    diagnostics,
    columns: { items: c.scores, sections: c.sectionScores, contributions: c.contributions, bonus: c.bonusTotals, totals: c.totals, grades: c.grades, vetoes: c.vetoLists },
  };
  return s;
}

/** The result of rows that did not validate: no units, only the diagnostics. */
export function rejected<U>(diagnostics: Diagnostic[]): Scoring<U> {
  return { ...scoring<U>({ n: 0, ids: [], errors: new Map(), totals: [], bonusTotals: [], scores: [], sectionScores: [], contributions: [], grades: [], vetoLists: [], unitResult: () => undefined as U }), diagnostics };
}
