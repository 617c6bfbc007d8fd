// Finding tokens around a cursor in the syntax tree's token list (sorted by offset).
import type { SyntaxToken } from '@assess/core';

/** One past a token's last character. */
export const tokenEnd = (t: SyntaxToken): number => (t.endOffset ?? t.startOffset) + 1;

/** The index of the last token that starts before `offset`, or -1. */
export function tokenBefore(tokens: readonly SyntaxToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].startOffset < offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The token under a cursor (a cursor just after a token's last character is on it). */
export function tokenAt(tokens: readonly SyntaxToken[], offset: number): SyntaxToken | undefined {
  const i = tokenBefore(tokens, offset + 1);
  const t = tokens[i];
  return t && offset <= tokenEnd(t) ? t : undefined;
}
