// Deductions per occurrence, flat or progressive: the one definition the checker (for
// ranges) and every backend use.
import { Decimal } from './decimal.js';

/**
 * What `count` occurrences cost when the n-th costs `amounts[n - 1]` and the last amount
 * repeats: `deduct 1, 2, 4 per x` makes 3 occurrences cost 1 + 2 + 4 = 7 and 5 cost 15.
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
  const beyond = whole.sub(Decimal.fromInt(n));
  sum = sum.add(last.mul(beyond));
  const next = n < amounts.length ? amounts[n] : last;
  return sum.add(next.mul(count.sub(whole)));
}
