// The Prettier parser: source text → the core parser's syntax tree (CST), wrapped in a root
// node that the printer understands. A file with syntax errors is refused: Prettier must never
// print a tree that error recovery patched up.
import { isToken, parse, type Diagnostic, type Parsed, type SyntaxElement, type SyntaxNode, type SyntaxToken } from '@assess/core';

/** The syntax tree's token and node types, under the printer's short names. */
export type Tok = SyntaxToken;
export type CNode = SyntaxNode;
export type Elem = SyntaxElement;
export const isTok = isToken;

/** The root handed to the printer. `comments` is deliberately not a property: we attach them ourselves. */
export interface AssessRoot {
  type: 'AssessFile';
  text: string;
  cst: CNode;
  tokens: Tok[];
  commentTokens: Tok[];
  start: number;
  end: number;
}

/**
 * The diagnostics that stop the formatter: everything the lexer and the parser report
 * (unknown characters, syntax errors, nesting limit) and a file too large to read.
 * Errors found later (a clause that does not go with its rule, a second `input` block, …)
 * leave a complete syntax tree, so such a file is still formatted.
 */
export function syntaxErrors(parsed: Parsed): Diagnostic[] {
  const fromSyntax = new Set(parsed.syntax.diagnostics);
  return parsed.diagnostics.filter((d) => d.severity === 'error' && (fromSyntax.has(d) || d.code === 'E0005' || d.code === 'E0006'));
}

/** A Prettier-style error: a SyntaxError with `loc` (1-based line and column), and our diagnostics. */
export class AssessSyntaxError extends SyntaxError {
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
  diagnostics: Diagnostic[];
  constructor(text: string, diagnostics: Diagnostic[]) {
    const d = diagnostics[0];
    const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more syntax error${diagnostics.length > 2 ? 's' : ''})` : '';
    const hint = d.hint ? `; ${d.hint.en}` : '';
    super(`${d.code}: ${d.message.en}${hint}${more}`);
    this.name = 'SyntaxError';
    this.diagnostics = diagnostics;
    this.loc = { start: position(text, d.span.start), end: position(text, Math.max(d.span.start, d.span.end)) };
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}

export function parseAssess(text: string, options?: { filepath?: string }): AssessRoot {
  const parsed = parse(text, options?.filepath);
  const errors = syntaxErrors(parsed);
  if (errors.length > 0) throw new AssessSyntaxError(text, errors);
  const { syntax } = parsed;
  return {
    type: 'AssessFile',
    text,
    cst: syntax.root,
    tokens: syntax.tokens,
    commentTokens: syntax.comments,
    start: 0,
    end: text.length,
  };
}
