// Document symbols (the model's outline: sections → items with their max) and folding ranges
// (blocks between braces, multi-line declarations, runs of comment lines).
import { spelling, type OutlineSymbol, type SyntaxNode } from '@assess/core';
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import type { FileContext } from './context.js';
import { word } from './messages.js';

const SYMBOL_KIND: Record<OutlineSymbol['kind'], SymbolKind> = {
  inputs: SymbolKind.Struct,
  input: SymbolKind.Field,
  entryField: SymbolKind.Field,
  let: SymbolKind.Variable,
  section: SymbolKind.Class,
  item: SymbolKind.Property,
  bonus: SymbolKind.Event,
  penalty: SymbolKind.Event,
  veto: SymbolKind.Boolean,
  grades: SymbolKind.Enum,
  grade: SymbolKind.EnumMember,
  example: SymbolKind.Method,
  import: SymbolKind.Module,
  member: SymbolKind.EnumMember,
  unitKind: SymbolKind.EnumMember,
};

/** Block symbols are named by their keyword, in the file's language. */
const BLOCK_KEYWORD: Partial<Record<OutlineSymbol['kind'], string>> = { inputs: 'Input', grades: 'Grade' };

export function documentSymbols(cx: FileContext): DocumentSymbol[] {
  const convert = (s: OutlineSymbol): DocumentSymbol => {
    const keyword = BLOCK_KEYWORD[s.kind];
    return {
      name: (keyword && spelling(keyword, cx.fileLang)) || s.name || '?',
      detail: s.detail === undefined ? undefined : `${word('max', cx.lang)} ${s.detail}`,
      kind: SYMBOL_KIND[s.kind],
      range: cx.positions.range(s.span),
      selectionRange: cx.positions.range(s.nameSpan),
      children: s.children.map(convert),
    };
  };
  return cx.model.outline().map(convert);
}

export function foldingRanges(cx: FileContext): FoldingRange[] {
  const { tokens, comments, root } = cx.compiled.parsed.syntax;
  const line = (offset: number) => cx.positions.position(offset).line;
  const out: FoldingRange[] = [];
  const starts = new Set<number>();
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind) => {
    if (endLine <= startLine || starts.has(startLine)) return;
    starts.add(startLine);
    out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  // Braces: fold up to the line before the closing one, which stays visible.
  const open: number[] = [];
  for (const t of tokens) {
    if (t.tokenType.name === 'LBrace') open.push(t.startOffset);
    else if (t.tokenType.name === 'RBrace' && open.length > 0) add(line(open.pop()!), line(t.startOffset) - 1);
  }
  // A declaration written over several lines without braces (a long bonus).
  const declarations = [...(root.children.header ?? []), ...(root.children.declaration ?? [])] as SyntaxNode[];
  for (const d of declarations) if (d.location?.endOffset !== undefined) add(line(d.location.startOffset), line(d.location.endOffset));
  // Comment lines that follow each other.
  let run: { first: number; last: number } | undefined;
  for (const c of comments) {
    const l = line(c.startOffset);
    if (run && l === run.last + 1) run.last = l;
    else {
      if (run) add(run.first, run.last, FoldingRangeKind.Comment);
      run = { first: l, last: l };
    }
  }
  if (run) add(run.first, run.last, FoldingRangeKind.Comment);
  return out.sort((a, b) => a.startLine - b.startLine);
}
