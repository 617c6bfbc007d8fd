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
import type { SyntaxReuse } from './reuse.js';
import type { SyntaxNode, SyntaxTree } from './tree.js';

/** Limits that keep a hostile file from exhausting the stack or memory. */
export const LIMITS = { maxSourceChars: 2_000_000, maxNesting: 64 };

/** Keywords that start a declaration at the top level of a file. */
const DECLARATION_START = new Set<TokenType>([K.Scheme, K.Use, K.Unit, K.Input, K.Let, K.Section, K.Item, K.Bonus, K.Veto, K.Grade, K.Adjust, K.Example]);
/** Of those, the ones that never appear nested, so they start a declaration even after an unclosed `{`. */
const ALWAYS_TOP_LEVEL = new Set<TokenType>([K.Scheme, K.Use, K.Input, K.Adjust, K.Example]);

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
  if (ty === K.Item || ty === K.Section || ty === K.Bonus) {
    const after = tokens[i + 2]?.tokenType;
    if (ty === K.Bonus && next !== T.StringLit) return true;
    return next === T.StringLit && after !== K.Max && after !== K.Weight && after !== T.Colon && after !== T.LBrace;
  }
  return false;
}

/**
 * Tokens → syntax tree, with every syntax error as a diagnostic. Never throws. With `reuse`
 * (an editor's file), declarations whose text did not change since the last parse are not
 * parsed again.
 */
export function parseTokens(source: string, tokens: T.Tokens, reuse?: SyntaxReuse): SyntaxTree {
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
  reuse?.begin();
  for (const chunk of declarationChunks(tokens.tokens)) {
    const first = chunk[0].tokenType;
    if (!DECLARATION_START.has(first)) {
      diagnostics.push(strayTokens(chunk, source));
      continue;
    }
    const node = reuse?.take(source, chunk) ?? parseChunk(source, chunk, diagnostics, reuse);
    root.children[first === K.Scheme ? 'header' : 'declaration']!.push(node);
  }
  return tree;
}

/** Parse one top-level declaration, adding its syntax errors to `diagnostics`. */
function parseChunk(source: string, chunk: IToken[], diagnostics: Diagnostic[], reuse?: SyntaxReuse): SyntaxNode {
  parser.input = chunk;
  const node = (chunk[0].tokenType === K.Scheme ? parser.header() : parser.declaration()) as SyntaxNode;
  // "Expected the end of the declaration" after another error in the same declaration is
  // where recovery gave up, not a second mistake of the author's.
  const errors = parser.errors.filter((e, i) => i === 0 || e.name !== 'NotAllInputParsedException');
  for (const e of errors) diagnostics.push(syntaxDiagnostic(e, source, chunk));
  reuse?.parsed();
  if (errors.length === 0) reuse?.keep(source, chunk, node);
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

