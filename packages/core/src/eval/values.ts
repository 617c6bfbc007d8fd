// Values during evaluation, and the operations every backend shares on them.
import type { AggregateFn, CompareOp } from '../ir/plan.js';
import { Decimal } from '../common/decimal.js';
import type { Rec, Value } from '../data/validate.js';
import type { Entry, Shown } from './steps.js';

/** A value during evaluation: a data value, or a list of values (`honors.level`). */
export type V = Value | V[];

export function shown(v: V, percent?: boolean): Shown {
  if (v === undefined) return { k: 'absent' };
  if (v instanceof Decimal) return percent ? { k: 'num', v: v.toString(), percent: true } : { k: 'num', v: v.toString() };
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

export function compare(op: CompareOp, c: number): boolean {
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    case '==':
      return c === 0;
    case '!=':
      return c !== 0;
  }
}

/** sum, avg, min, max, median, count of exact decimals; an empty list gives 0. */
export function aggregate(fn: AggregateFn, values: Decimal[]): Decimal {
  if (fn === 'count') return Decimal.fromInt(values.length);
  if (values.length === 0) return Decimal.ZERO;
  switch (fn) {
    case 'sum':
      return values.reduce((a, b) => a.add(b), Decimal.ZERO);
    case 'avg':
      return values.reduce((a, b) => a.add(b), Decimal.ZERO).div(Decimal.fromInt(values.length));
    case 'min':
      return values.reduce((a, b) => Decimal.min(a, b));
    case 'max':
      return values.reduce((a, b) => Decimal.max(a, b));
    case 'median': {
      const s = [...values].sort((a, b) => a.cmp(b));
      const mid = s.length >> 1;
      return s.length % 2 ? s[mid] : s[mid - 1].add(s[mid]).div(Decimal.fromInt(2));
    }
  }
}

/** Competition ranking of values: ties share the best place (1, 2, 2, 4). */
export function competitionRanks(values: Decimal[], dir: 'asc' | 'desc'): number[] {
  const order = values.map((_, i) => i).sort((a, b) => (dir === 'desc' ? values[b].cmp(values[a]) : values[a].cmp(values[b])));
  const ranks: number[] = new Array(values.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    ranks[i] = k > 0 && values[order[k - 1]].eq(values[i]) ? ranks[order[k - 1]] : k + 1;
  }
  return ranks;
}
