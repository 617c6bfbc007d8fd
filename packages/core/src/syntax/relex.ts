// Lexing a file again after an edit, without lexing all of it. No token spans a line break
// (labels, comments and phrases like `by rank of` stay on one line; whitespace is skipped), so
// only the lines the edit touched are lexed again; the tokens (and comments and lexer
// diagnostics) before them are kept as they are, and those after them are kept and moved by
// the change in length and in lines (their columns do not change: they start on lines after
// the edit) — in place: the previous token lists are not to be read afterwards.
import type { IToken } from 'chevrotain';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { tokenize, type Tokens } from './lexer.js';

/** The tokens of `text`, from the tokens of `old` (the same file before an edit). */
export function relex(old: string, previous: Tokens, text: string): Tokens {
  const { start, oldEnd, delta } = editedLines(old, text);
  const slice = text.slice(start, oldEnd + delta);
  const middle = tokenize(slice);
  // Lines: the slice's first line is the file's line `firstLine`; after it, lines moved by the edit's change in line breaks.
  const firstLine = lineBreaks(text, 0, start) + 1;
  const lines = lineBreaks(slice, 0, slice.length) - lineBreaks(old, start, oldEnd);
  const tokenAt = (t: IToken) => t.startOffset;
  const fresh = (t: IToken, by: number) => moveToken(t, by, firstLine - 1);
  const moved = (t: IToken, by: number) => moveToken(t, by, lines);
  return {
    tokens: splice(previous.tokens, middle.tokens, start, oldEnd, delta, tokenAt, fresh, moved),
    comments: splice(previous.comments, middle.comments, start, oldEnd, delta, tokenAt, fresh, moved),
    diagnostics: splice(previous.diagnostics, middle.diagnostics, start, oldEnd, delta, (d) => d.span.start, moveDiagnostic, moveDiagnostic),
  };
}

function lineBreaks(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** The lines an edit touched: from the start of the first to the line break after the last (in the old text), and the change in length. */
function editedLines(old: string, text: string): { start: number; oldEnd: number; delta: number } {
  const shortest = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < shortest && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const lineEnd = old.indexOf('\n', old.length - suffix);
  // (lastIndexOf with a negative start still looks at offset 0.)
  const start = prefix === 0 ? 0 : old.lastIndexOf('\n', prefix - 1) + 1;
  return { start, oldEnd: lineEnd < 0 ? old.length : lineEnd, delta: text.length - old.length };
}

/** The old list with what was in [start, oldEnd) replaced by the fresh items (lexed from `start`), and what followed moved by `delta`. */
function splice<T>(old: T[], fresh: T[], start: number, oldEnd: number, delta: number, at: (x: T) => number, place: (x: T, by: number) => void, move: (x: T, by: number) => void): T[] {
  const tail = old.slice(firstAtOrAfter(old, oldEnd, at));
  for (const x of fresh) place(x, start);
  for (const x of tail) move(x, delta);
  return old.slice(0, firstAtOrAfter(old, start, at)).concat(fresh, tail);
}

/** The index of the first item (in offset order) at or after `offset`. */
function firstAtOrAfter<T>(list: T[], offset: number, at: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(list[mid]) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function moveToken(t: IToken, by: number, lines: number): void {
  t.startOffset += by;
  if (t.endOffset !== undefined) t.endOffset += by;
  if (t.startLine !== undefined) t.startLine += lines;
  if (t.endLine !== undefined) t.endLine += lines;
}

function moveDiagnostic(d: Diagnostic, by: number): void {
  const spans = new Set<Span>([d.span, ...d.labels.map((l) => l.span), ...d.fixes.flatMap((f) => f.edits.map((e) => e.span))]);
  for (const s of spans) {
    s.start += by;
    s.end += by;
  }
}
