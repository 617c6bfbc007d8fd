// Operations on exact decimals that every backend shares: comparisons, aggregates (within a
// unit's list or across the cohort) and competition ranking. The interpreter and compiled
// modules both call these, so they cannot disagree.
import { Decimal } from './decimal.js';

export type AggregateFn = 'sum' | 'avg' | 'min' | 'max' | 'median' | 'count';
export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** Whether `op` holds for a three-way comparison result `c` (−1, 0 or 1). */
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

/** The mean of the k highest values (or their sum, min, max); fewer than k: all of them. */
export function topK(fn: AggregateFn, values: Decimal[], k: number): Decimal {
  const s = [...values].sort((a, b) => b.cmp(a)).slice(0, k);
  return aggregate(fn, s);
}

/** A value across units that is one number per group: an aggregate (of the `top` highest values only, when given), or a percentile (p in 0..1). */
export type CohortNumber = { k: 'aggregate'; fn: AggregateFn; top?: number } | { k: 'percentile'; p: Decimal };

/**
 * A group's value across units from the values of its units that count (those `where` holds
 * for and whose value is a number) and how many count: what the interpreter, a compiled
 * scorer's pass and a cohort scored in parts each work out.
 */
export function cohortNumber(c: CohortNumber, values: Decimal[], count: number): Decimal {
  if (c.k === 'percentile') return percentile(values, c.p);
  if (c.fn === 'count') return Decimal.fromInt(count);
  return c.top !== undefined ? topK(c.fn, values, c.top) : aggregate(c.fn, values);
}

/**
 * The p-th percentile (p in 0..1) of values, as spreadsheets' PERCENTILE.INC: the value at
 * rank p·(n − 1) of the sorted values, interpolated between its neighbours (exactly); empty gives 0.
 */
export function percentile(values: Decimal[], p: Decimal): Decimal {
  if (values.length === 0) return Decimal.ZERO;
  const s = [...values].sort((a, b) => a.cmp(b));
  const rank = p.mul(Decimal.fromInt(s.length - 1));
  const lo = rank.floor();
  const i = Number(lo.toString());
  if (i >= s.length - 1) return s[s.length - 1];
  const frac = rank.sub(lo);
  return frac.isZero() ? s[i] : s[i].add(s[i + 1].sub(s[i]).mul(frac));
}

/**
 * What \`count\` occurrences cost when the n-th costs \`amounts[n - 1]\` and the last amount
 * repeats: \`deduct 1, 2, 4 per x\` makes 3 occurrences cost 1 + 2 + 4 = 7 and 5 cost 15.
 * A fractional count pays that fraction of the next occurrence's amount (1.5 → 1 + 0.5 × 2);
 * with one amount this is amount × count. A count below 0 costs nothing.
 */
export function deduction(amounts: readonly Decimal[], count: Decimal): Decimal {
  if (count.sign() <= 0) return Decimal.ZERO;
  if (amounts.length === 1) return amounts[0].mul(count);
  const whole = count.floor();
  const n = whole.lt(Decimal.fromInt(amounts.length)) ? Number(whole.toString()) : amounts.length;
  let sum = Decimal.ZERO;
  for (let i = 0; i < n; i++) sum = sum.add(amounts[i]);
  const last = amounts[amounts.length - 1];
  // Occurrences past the listed amounts cost the last one each; then the fraction of the next.
  sum = sum.add(last.mul(whole.sub(Decimal.fromInt(n))));
  const next = n < amounts.length ? amounts[n] : last;
  return sum.add(next.mul(count.sub(whole)));
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
