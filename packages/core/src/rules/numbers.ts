// Number literals of the AST as exact decimals.
import type * as A from '../ast/ast.js';
import { Decimal } from '../common/decimal.js';

export function dec(n: A.Num | undefined): Decimal {
  return (n && Decimal.parse(n.value)) ?? Decimal.ZERO;
}

/** Most decimal places a scheme may round to. */
export const MAX_PLACES = 20;

/** Decimal places as written (`precision 2`, `round 1`, `round(x, 2)`): a whole number 0..20, else undefined. */
export function placesOf(n: A.Num | undefined): number | undefined {
  if (!n) return undefined;
  const p = Number(n.value);
  return Number.isSafeInteger(p) && p >= 0 && p <= MAX_PLACES && !n.text.endsWith('%') ? p : undefined;
}
