// Pass 2: tokens → syntax tree. Never throws.
//
// The syntax tree keeps every token, so the formatter can print keywords in the language
// they were written in. Error recovery is on, and each top-level declaration is parsed on
// its own: one run reports every syntax error.
import type { IToken, TokenType } from 'chevrotain';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { strayTokens, syntaxDiagnostic } from './errors.js';
import { parser } from './grammar.js';
import * as T from './lexer.js';
import { kw as K } from './lexer.js';
import { memoryOf, type Memory } from './recycle.js';
import type { SyntaxReuse } from './reuse.js';
import { LIMITS, type SyntaxNode, type SyntaxTree } from './tree.js';

export { LIMITS } from './tree.js';

/** Keywords that start a declaration at the top level of a file. */
const DECLARATION_START = new Set<TokenType>([K.Scheme, K.Use, K.Unit, K.Input, K.Let, K.Section, K.Item, K.Bonus, K.Penalty, K.Veto, K.Grade, K.Adjust, K.Example, K.Eligible, K.Within, K.Place]);
/** Of those, the ones that never appear nested, so they start a declaration even after an unclosed `{`. */
const ALWAYS_TOP_LEVEL = new Set<TokenType>([K.Scheme, K.Use, K.Input, K.Adjust, K.Example, K.Eligible, K.Within]);

/**
 * Split the tokens into top-level declarations, so that a mistake in one declaration
 * never hides the errors of the next: each chunk is parsed (and recovered) on its own.
 */
function declarationChunks(tokens: IToken[]): IToken[][] {
  const chunks: IToken[][] = [];
  let current: IToken[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const ty = t.tokenType;
    const starts = (depth === 0 && DECLARATION_START.has(ty) && !readsAsExpression(tokens, i)) || ALWAYS_TOP_LEVEL.has(ty);
    if (starts && current.length > 0) {
      chunks.push(current);
      current = [];
      depth = 0;
    }
    current.push(t);
    if (ty === T.LBrace) depth++;
    else if (ty === T.RBrace) depth = Math.max(0, depth - 1);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * `unit`, `item "x"`, `section "x"` and `bonus` are also expressions (`veto "v" if unit = 街道`,
 * `adjust total * bands unit {…}`): there they do not start a declaration.
 */
function readsAsExpression(tokens: IToken[], i: number): boolean {
  const ty = tokens[i].tokenType;
  const next = tokens[i + 1]?.tokenType;
  if (ty === K.Unit) return next !== T.Identifier;
  // `place: vetoed last` is a declaration; `place <= 3` and `place r, first 40, step 5` are not.
  if (ty === K.Place) return next !== T.Colon;
  // `place: vetoed last`: `vetoed` here says where vetoed units go.
  if (ty === K.Veto) return next === K.Last || next === K.Unplaced;
  if (ty === K.Item || ty === K.Section || ty === K.Bonus) {
    const after = tokens[i + 2]?.tokenType;
    if (ty === K.Bonus && next !== T.StringLit) return true;
    return next === T.StringLit && after !== K.Max && after !== K.Weight && after !== T.Colon && after !== T.LBrace;
  }
  return false;
}

/**
 * Tokens → syntax tree, with every syntax error as a diagnostic. Never throws. With `reuse`
 * (an edited file), declarations whose text did not change since the last parse are not
 * parsed again (syntax/recycle.ts).
 */
export function parseTokens(source: string, tokens: T.Tokens, reuse?: SyntaxReuse): SyntaxTree {
  const memory = reuse && memoryOf(reuse);
  const diagnostics = [...tokens.diagnostics];
  const first = tokens.tokens[0];
  const last = tokens.tokens[tokens.tokens.length - 1];
  const location = first && last ? { startOffset: first.startOffset, endOffset: last.endOffset ?? last.startOffset } : undefined;
  const root: SyntaxNode = { name: 'scheme', children: { header: [], declaration: [] }, location };
  const tree: SyntaxTree = { root, tokens: tokens.tokens, comments: tokens.comments, diagnostics };
  const tooDeep = nestingTooDeep(tokens.tokens);
  if (tooDeep) {
    diagnostics.push(diag('E0006', { start: tooDeep.startOffset, end: tooDeep.endOffset! + 1 }, { limit: LIMITS.maxNesting }));
    return tree;
  }
  memory?.begin();
  for (const chunk of declarationChunks(tokens.tokens)) {
    const first = chunk[0].tokenType;
    if (!DECLARATION_START.has(first)) {
      diagnostics.push(strayTokens(chunk, source));
      continue;
    }
    let node: SyntaxNode | undefined;
    try {
      node = memory?.take(source, chunk) ?? parseChunk(source, chunk, diagnostics, memory);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      // Deeper than the parser's stack, where brackets do not show it: a chain of hundreds of
      // `if … else if …`. The file is too deeply nested, as above.
      diagnostics.push(diag('E0006', { start: chunk[0].startOffset, end: chunk[0].endOffset! + 1 }, { limit: LIMITS.maxNesting }));
      root.children.header = [];
      root.children.declaration = [];
      return tree;
    }
    // (Without recovery, a declaration with an error has no tree.)
    if (node) root.children[first === K.Scheme ? 'header' : 'declaration']!.push(node);
  }
  return tree;
}

/** Declarations longer than this (in tokens) are parsed without recovery (see `parseChunk`). */
const MAX_RECOVERED_TOKENS = 50_000;

/** The tokens of a file: with `reuse`, only the lines changed since its last parse are lexed. */
export function lex(source: string, reuse?: SyntaxReuse): T.Tokens {
  return reuse ? memoryOf(reuse).tokenize(source) : T.tokenize(source);
}

/** The line (counted from the chunk's first) of an offset in a chunk's text, by binary search. */
function lineIndex(source: string, chunk: IToken[]): (offset: number) => number {
  const from = chunk[0]?.startOffset ?? 0;
  const last = chunk[chunk.length - 1];
  const to = Math.min(source.length, (last?.endOffset ?? from) + 2);
  const breaks: number[] = [];
  for (let i = source.indexOf('\n', from); i >= 0 && i < to; i = source.indexOf('\n', i + 1)) breaks.push(i);
  return (offset) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Parse one top-level declaration, adding its syntax errors to `diagnostics`. */
function parseChunk(source: string, chunk: IToken[], diagnostics: Diagnostic[], memory?: Memory): SyntaxNode | undefined {
  parser.input = chunk;
  // A declaration of tens of thousands of tokens (text pasted by mistake, most likely) is parsed
  // without recovery, up to its first error: recovering from each of thousands of errors costs
  // the parser a search of the grammar every time (a megabyte of such text took a minute).
  (parser as unknown as { recoveryEnabled: boolean }).recoveryEnabled = chunk.length <= MAX_RECOVERED_TOKENS;
  const node = (chunk[0].tokenType === K.Scheme ? parser.header() : parser.declaration()) as SyntaxNode | undefined;
  // "Expected the end of the declaration" after another error in the same declaration is
  // where recovery gave up, not a second mistake of the author's.
  const errors = parser.errors.filter((e, i) => i === 0 || e.name !== 'NotAllInputParsedException');
  // Nor is a second error on the line of the one before: recovery resumed inside the same mistake.
  // (Recovery can make thousands on one line of garbage: each is placed among the chunk's tokens
  // and lines by a lookup, not a search along the line.)
  const index = errors.length > 1 ? new Map(chunk.map((t, i) => [t, i])) : undefined;
  const lineOf = errors.length > 1 ? lineIndex(source, chunk) : () => 0;
  let previous: Diagnostic | undefined;
  for (const e of errors) {
    const d = syntaxDiagnostic(e, source, chunk, index);
    if (previous && lineOf(previous.span.start) === lineOf(d.span.start)) continue;
    diagnostics.push((previous = d));
  }
  memory?.parsed();
  if (errors.length === 0 && node) memory?.keep(source, chunk, node);
  return node;
}

/** The first token at which brackets or prefix operators nest deeper than the limit. */
function nestingTooDeep(tokens: IToken[]): IToken | undefined {
  let depth = 0;
  let prefixRun = 0;
  for (const t of tokens) {
    const ty = t.tokenType;
    if (ty === T.LParen || ty === T.LBrace || ty === T.LBracket) depth++;
    else if (ty === T.RParen || ty === T.RBrace || ty === T.RBracket) depth = Math.max(0, depth - 1);
    prefixRun = ty === T.Minus || ty === K.Not ? prefixRun + 1 : 0;
    if (depth > LIMITS.maxNesting || prefixRun > LIMITS.maxNesting) return t;
  }
  return undefined;
}

