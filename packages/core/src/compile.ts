// The whole pipeline, one pass per line:
//   source → tokens → syntax tree → AST → checked scheme → (evaluation | formatting)
import { tokenize } from './tokens.js';
import { parseTokens, LIMITS, type SyntaxTree } from './syntax.js';
import { buildAst } from './ast-builder.js';
import type * as A from './ast.js';
import { diag, type Diagnostic } from './diagnostics.js';

export interface Parsed {
  syntax: SyntaxTree;
  ast: A.Scheme;
  diagnostics: Diagnostic[];
}

/** Source text → AST, with every syntax diagnostic. Never throws. */
export function parse(source: string, file?: string): Parsed {
  if (source.length > LIMITS.maxSourceChars) {
    const syntax = parseTokens('', tokenize(''));
    const ast = buildAst(syntax, file).ast;
    return { syntax, ast, diagnostics: [diag('E0005', { start: 0, end: 0, file }, { size: source.length, limit: LIMITS.maxSourceChars })] };
  }
  const tokens = tokenize(source);
  const syntax = parseTokens(source, tokens);
  const { ast, diagnostics } = buildAst(syntax, file);
  return { syntax, ast, diagnostics: withFile([...syntax.diagnostics, ...diagnostics], file) };
}

function withFile(ds: Diagnostic[], file: string | undefined): Diagnostic[] {
  if (file) for (const d of ds) d.span.file ??= file;
  return ds;
}
