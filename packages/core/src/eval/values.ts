// Values during evaluation. The operations every backend shares on them (comparisons,
// aggregates, ranks) are in @assess/runtime, which compiled schemes import too.
import { Decimal } from '../common/decimal.js';
import type { Rec, Value } from '../data/validate.js';
import type { Entry, Shown } from './steps.js';

export { aggregate, compare, competitionRanks } from '@assess/runtime';

/** A value during evaluation: a data value, or a list of values (`honors.level`). */
export type V = Value | V[];

export function shown(v: V): Shown {
  if (v === undefined) return { k: 'absent' };
  if (v instanceof Decimal) return { k: 'num', v: v.toString() };
  if (typeof v === 'boolean') return { k: 'bool', v };
  if (typeof v === 'string') return { k: 'text', v };
  return { k: 'list', n: v.length };
}

/** A list entry's scalar fields, for a trace. */
export function entryOf(rec: Rec): Entry {
  return Object.keys(rec)
    .filter((k) => rec[k] !== undefined && !Array.isArray(rec[k]))
    .map((k) => [k, shown(rec[k])]);
}
