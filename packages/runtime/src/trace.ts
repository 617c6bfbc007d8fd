// Values as traces show them (plain JSON: numbers as exact decimal text).
import { Decimal } from './decimal.js';
import type { V } from './ops.js';
import type { Rec } from './table.js';

/**
 * A value as a trace shows it. `percent`: a percentage, shown as one (86%, not 0.86).
 * `failed`: the value could not be computed (see the unit's errors); `notApplicable`: a score of
 * the unit that does not apply to it.
 */
export type Shown = { k: 'num'; v: string; percent?: true } | { k: 'bool'; v: boolean } | { k: 'text'; v: string } | { k: 'absent' } | { k: 'list'; n: number } | { k: 'failed' } | { k: 'notApplicable' };

/** A list entry as a trace shows it: its scalar fields, in declaration order. */
export type Entry = [field: string, value: Shown][];

export function shown(v: V, percent?: boolean): Shown {
  if (v === undefined) return { k: 'absent' };
  if (v instanceof Decimal) return percent ? { k: 'num', v: v.toString(), percent: true } : { k: 'num', v: v.toString() };
  if (typeof v === 'boolean') return { k: 'bool', v };
  if (typeof v === 'string') return { k: 'text', v };
  return { k: 'list', n: v.length };
}

/** A score of the unit a rule read: its value, or that it does not apply, or that it failed. */
export function scoreShown(score: Decimal | null | undefined, notApplicable: unknown): Shown {
  if (notApplicable) return { k: 'notApplicable' };
  return score === null || score === undefined ? { k: 'failed' } : shown(score);
}

/** A list entry that an aggregate counted: its place in the list (from 1), its fields, and its value when the aggregate takes one. */
export interface KeptEntry {
  at: number;
  entry: Entry;
  value?: Shown;
}

/** A list entry's scalar fields, for a trace (`percent`: the fields that are percentages). */
export function entryOf(rec: Rec, percent?: readonly string[]): Entry {
  return Object.keys(rec)
    .filter((k) => rec[k] !== undefined && !Array.isArray(rec[k]))
    .map((k) => [k, shown(rec[k], percent?.includes(k))]);
}
