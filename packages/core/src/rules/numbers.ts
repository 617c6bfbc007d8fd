// Number literals of the AST as exact decimals.
import type * as A from '../ast/ast.js';
import { Decimal } from '../common/decimal.js';

export function dec(n: A.Num | undefined): Decimal {
  return (n && Decimal.parse(n.value)) ?? Decimal.ZERO;
}
