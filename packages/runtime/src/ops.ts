// What modules compiled from schemes call: the operations of the language on values that
// may be absent, each exactly as the interpreter of @assess/core does it (the differential
// tests of @assess/compiler hold them to that), and evaluation failures as diagnostics.
import { aggregate, compare, type AggregateFn, type CompareOp } from './cohort.js';
import { Decimal } from './decimal.js';
import type { FieldType, Problem, Rec, Value } from './table.js';
import { foundText } from './values.js';

/** A value during evaluation: a data value, or a list of values (`honors.level`). */
export type V = Value | V[];

/** An expression's value with the list entry in scope (`where` conditions). */
export type EntryFn = (u: number, rec: Rec | undefined) => V;

const ZERO = Decimal.ZERO;
const isDec = (v: unknown): v is Decimal => v instanceof Decimal;

/** A number-valued expression's value: absent reads as 0. */
export const num = (v: V): Decimal => (isDec(v) ? v : ZERO);

export const add = (a: V, b: V): V => (isDec(a) && isDec(b) ? a.add(b) : undefined);
export const sub = (a: V, b: V): V => (isDec(a) && isDec(b) ? a.sub(b) : undefined);
export const mul = (a: V, b: V): V => (isDec(a) && isDec(b) ? a.mul(b) : undefined);
export const neg = (a: V): V => (isDec(a) ? a.neg() : undefined);
export const round = (a: V, places: number): V => (isDec(a) ? a.round(places) : undefined);
/** A yes/no read as a number: 1 for yes, 0 for no (absent stays absent). */
export const num01 = (v: V): V => (v === true ? Decimal.ONE : v === false ? ZERO : undefined);

/** `a op b`: numbers compare by value; anything else only for (in)equality. */
export function cmp(op: CompareOp, a: V, b: V): boolean {
  if (isDec(a) && isDec(b)) return compare(op, a.cmp(b));
  if (op === '==') return a === b;
  if (op === '!=') return a !== b;
  return false;
}

/** Whether a number holds against a band's bound (a number, or a named value that may be absent). */
export const holds = (op: CompareOp, a: V, bound: V): boolean => isDec(a) && isDec(bound) && compare(op, a.cmp(bound));

/** `x.field`: of a record, or of every entry of a list. */
export function field(v: V, name: string): V {
  if (Array.isArray(v)) return (v as Rec[]).map((x) => (x && typeof x === 'object' && !isDec(x) ? x[name] : undefined));
  if (v && typeof v === 'object' && !isDec(v)) return (v as unknown as Rec)[name];
  return undefined;
}

/**
 * An aggregate over a list, of the entries `where` keeps: of one field of each (`name`), of a
 * formula worked out for each (`value`), or of the entries themselves.
 */
export function listAgg(fn: AggregateFn, list: V, where: EntryFn | undefined, u: number, name: string | undefined, value?: EntryFn): Decimal {
  const entries = Array.isArray(list) ? list : [];
  const kept = where ? (entries as Rec[]).filter((rec) => where(u, rec) === true) : (entries as V[]);
  if (fn === 'count') return Decimal.fromInt(kept.length);
  const raw = value ? (kept as Rec[]).map((rec) => value(u, rec)) : name !== undefined ? (kept as Rec[]).map((rec) => rec[name]) : kept;
  return aggregate(fn, raw.filter(isDec));
}

/** `min(a, b, …)` / `max(a, b, …)`: absent when any argument is. */
export const minmax = (fn: 'min' | 'max', values: V[]): V => (values.every(isDec) ? aggregate(fn, values as Decimal[]) : undefined);

/** `linear x from a -> b to c -> d …`: piecewise linear between the points, flat outside them. */
export function linear(v: V, pts: readonly { x: Decimal; y: Decimal }[]): Decimal {
  if (!isDec(v) || pts.length === 0) return ZERO;
  if (v.lte(pts[0].x)) return pts[0].y;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    if (v.lte(b.x)) return a.y.add(v.sub(a.x).mul(b.y.sub(a.y)).div(b.x.sub(a.x)));
  }
  return pts[pts.length - 1].y;
}

/** A tier table's points for an entry or a value (0 for a member without points). */
export const tierPoints = (points: ReadonlyMap<string, Decimal>, member: V): Decimal => (typeof member === 'string' ? (points.get(member) ?? ZERO) : ZERO);

/** Of entries sharing a key, only the one with the most points (the first of equals). */
export function bestPer(entries: Rec[], key: string, pointsOf: (rec: Rec) => Decimal): Rec[] {
  return bestPerInto(entries, key, pointsOf, [], []);
}

/**
 * `bestPer` into arrays the caller keeps for reuse (`keys` and `best` are emptied first and
 * `best` is returned; a long list still gets a new array).
 */
export function bestPerInto(entries: Rec[], key: string, pointsOf: (rec: Rec) => Decimal, keys: string[], best: Rec[]): Rec[] {
  if (entries.length <= 8) return bestPerFew(entries, key, pointsOf, keys, best);
  const byKey = new Map<string, Rec>();
  for (const e of entries) {
    const k = keyOf(e[key]);
    const cur = byKey.get(k);
    if (!cur || pointsOf(e).gt(pointsOf(cur))) byKey.set(k, e);
  }
  return [...byKey.values()];
}

const keyOf = (raw: Value): string => (typeof raw === 'string' ? raw : isDec(raw) ? raw.toString() : String(raw));

/** `bestPer` for a few entries (most units' lists): the same result, without a Map. */
function bestPerFew(entries: Rec[], key: string, pointsOf: (rec: Rec) => Decimal, keys: string[], best: Rec[]): Rec[] {
  keys.length = 0;
  best.length = 0;
  for (const e of entries) {
    const k = keyOf(e[key]);
    const at = keys.indexOf(k);
    if (at < 0) {
      keys.push(k);
      best.push(e);
    } else if (pointsOf(e).gt(pointsOf(best[at]))) best[at] = e;
  }
  return best;
}

// ── failures ─────────────────────────────────────────────────────────
/** A message with holes: text, or the index of a value to put in its place. */
export type Template = (string | number)[];

/** Where a unit's number can fail, with the words of its diagnostic (holes: the unit's id). */
export interface FailureSite {
  code: string;
  span: { start: number; end: number; file?: string };
  en: Template;
  zh: Template;
  hint?: { en: Template; zh: Template };
}

export interface Diagnostic {
  code: string;
  severity: 'error' | 'warning';
  span: { start: number; end: number; file?: string };
  message: { en: string; zh: string };
  labels: never[];
  hint?: { en: string; zh: string };
  fixes: never[];
}

/** The value of a hole: the same in both languages, or words in each. */
export type HoleValue = string | { en: string; zh: string };

export const fill = (t: Template, values: readonly HoleValue[], lang: 'en' | 'zh'): string =>
  t.map((p) => (typeof p === 'number' ? (typeof values[p] === 'string' ? values[p] : (values[p] as { en: string; zh: string })[lang]) : p)).join('');

/** A diagnostic from a site's words and the values of its holes. */
export function diagnostic(site: FailureSite, values: readonly HoleValue[], severity: 'error' | 'warning' = 'error'): Diagnostic {
  const message = { en: fill(site.en, values, 'en'), zh: fill(site.zh, values, 'zh') };
  const d: Diagnostic = { code: site.code, severity, span: { ...site.span }, message, labels: [], fixes: [] };
  if (site.hint) d.hint = { en: fill(site.hint.en, values, 'en'), zh: fill(site.hint.zh, values, 'zh') };
  return d;
}

/** A unit's number cannot be computed (division by zero, a ratio whose target is 0). */
export class Failure {
  constructor(readonly diagnostic: Diagnostic) {}
}

/** `a / k` for a number k written in the scheme, not zero (the division cannot fail). */
export const divBy = (a: V, k: Decimal): V => (isDec(a) ? a.div(k) : undefined);
/** n for a number written as 10^n (`10`, `100`, `1000`: a division by it moves the point n places), else undefined. */
export const pointShift = (text: string): number | undefined => (/^10+$/.test(text) ? text.length - 1 : undefined);
/** `a / 10^places` (`/ 100` in a scheme): the point moves. */
export const divPow10 = (a: V, places: number): V => (isDec(a) ? a.divPow10(places) : undefined);

/** `a / b`, exact; a zero divisor fails the unit. */
export function div(a: V, b: V, site: FailureSite, unit: string): V {
  if (!isDec(a) || !isDec(b)) return undefined;
  if (b.isZero()) throw new Failure(diagnostic(site, [unit]));
  return a.div(b);
}

// ── data problems ────────────────────────────────────────────────────
/** The words of every data problem, by code (a compiled module carries them from the catalog). */
export type ProblemWords = Record<Problem['code'], FailureSite & { severity: 'error' | 'warning' }>;

/**
 * A validation problem as a diagnostic, at `span` (where the row is, when known).
 * `expected` words what a field expects (the compiled module knows each field's words).
 */
export function problemDiagnostic(p: Problem, words: ProblemWords, expected: (t: FieldType | 'record') => HoleValue, span: FailureSite['span']): Diagnostic {
  const w = { ...words[p.code], span };
  switch (p.code) {
    case 'E0501':
      return diagnostic(w, [p.unit, p.field, expected(p.expected), foundText(p.found)], w.severity);
    case 'E0502':
      return diagnostic(w, [p.unit, p.field, expected(p.expected)], w.severity);
    case 'E0503':
      return diagnostic(w, [p.id, String(p.first + 1), String(p.row + 1)], w.severity);
    case 'E0504':
    case 'E0505':
      return diagnostic(w, [String(p.row + 1)], w.severity);
    case 'E0507':
      return diagnostic(w, [String(p.count), String(p.limit)], w.severity);
    case 'W0501':
      return diagnostic(w, [p.field, p.unit], w.severity);
    case 'W0502':
      return diagnostic(w, [p.field, p.unit, p.found, p.asPercent], w.severity);
  }
}
