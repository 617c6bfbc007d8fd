// The same answers for editors that speak in offsets (UTF-16 code units, as the core does)
// rather than LSP lines and characters: the browser studio's CodeMirror. Diagnostics carry
// their quick fixes (the core's `fixes`, as the LSP code actions offer them), and tokens their
// class for highlighting, read from the lexer's own tokens (a keyword is what the lexer took
// for one, by the keyword table).
import type { SyntaxToken } from '@assess/core';
import { inThisFile, type FileContext } from './context.js';
import { fileDiagnostics, messageText } from './diagnostics.js';
import { isKeywordToken } from './file-language.js';
import { tokenEnd } from './tokens.js';

export interface OffsetEdit {
  from: number;
  to: number;
  insert: string;
}

export interface OffsetDiagnostic {
  code: string;
  severity: 'error' | 'warning';
  from: number;
  to: number;
  /** In the service's language, the hint on its own line. */
  message: string;
  /** Quick fixes: each a title and the edits (in this file) that make it. */
  fixes: { title: string; edits: OffsetEdit[] }[];
}

export function offsetDiagnostics(cx: FileContext): OffsetDiagnostic[] {
  return fileDiagnostics(cx).map((d) => ({
    code: d.code,
    severity: d.severity,
    from: d.span.start,
    to: Math.max(d.span.start, d.span.end),
    message: messageText(cx, d),
    fixes: d.fixes.map((f) => ({ title: f.title[cx.lang], edits: f.edits.filter((e) => inThisFile(cx, e.span)).map((e) => ({ from: e.span.start, to: e.span.end, insert: e.text })) })),
  }));
}

export type TokenClass = 'keyword' | 'name' | 'label' | 'number' | 'comment' | 'operator';

export interface ClassifiedToken {
  from: number;
  to: number;
  cls: TokenClass;
}

const CLASS_BY_TYPE: Record<string, TokenClass> = { Identifier: 'name', StringLit: 'label', UnclosedLabel: 'label', NumberLit: 'number', Comment: 'comment' };

/** Every token and comment of the file with its class, in order. */
export function tokenClasses(cx: FileContext): ClassifiedToken[] {
  const { tokens, comments } = cx.compiled.parsed.syntax;
  const classify = (t: SyntaxToken): ClassifiedToken => ({ from: t.startOffset, to: tokenEnd(t), cls: isKeywordToken(t) ? 'keyword' : (CLASS_BY_TYPE[t.tokenType.name] ?? 'operator') });
  return [...tokens, ...comments].map(classify).sort((a, b) => a.from - b.from);
}
