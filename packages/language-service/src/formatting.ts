// Formatting with the Prettier plugin's printer, through `prettier/standalone` (no Node API).
// A file with syntax errors is left alone. A range is formatted by whole top-level
// declarations: the declarations it touches are replaced by their canonical layout.
import { parse, type SyntaxNode } from '@assess/core';
import { format } from 'prettier/standalone';
import plugin, { defaultOptions, syntaxErrors } from 'prettier-plugin-assess';
import type { TextEdit } from 'vscode-languageserver-types';
import type { FileContext } from './context.js';

type Span = { start: number; end: number };

/** The canonical layout (docs/formatting.md), whatever options the editor sends. */
async function canonical(text: string): Promise<string> {
  return format(text, { parser: 'assess', ...defaultOptions, useTabs: false, endOfLine: 'lf', plugins: [plugin] });
}

export async function formatDocument(cx: FileContext): Promise<TextEdit[]> {
  if (syntaxErrors(cx.compiled.parsed).length > 0) return [];
  const source = cx.compiled.source;
  return minimalEdit(cx, source, { start: 0, end: source.length }, await canonical(source));
}

export async function formatRange(cx: FileContext, range: Span): Promise<TextEdit[]> {
  if (syntaxErrors(cx.compiled.parsed).length > 0) return [];
  const source = cx.compiled.source;
  // Read before waiting: the next edit's parse recycles this syntax tree.
  const before = declarationSpans(cx.compiled.parsed.syntax.root);
  const formatted = await canonical(source);
  const after = declarationSpans(parse(formatted).syntax.root);
  // The printer keeps every declaration, in order; anything else is a bug of ours: format nothing.
  if (before.length !== after.length) return [];
  const touched = before.map((s, i) => i).filter((i) => before[i].start <= range.end && range.start <= before[i].end);
  if (touched.length === 0) return [];
  const [first, last] = [touched[0], touched[touched.length - 1]];
  return minimalEdit(cx, source, { start: before[first].start, end: before[last].end }, formatted.slice(after[first].start, after[last].end));
}

/** The spans of the header and the top-level declarations, in order. */
function declarationSpans(root: SyntaxNode): Span[] {
  const nodes = [...(root.children.header ?? []), ...(root.children.declaration ?? [])] as SyntaxNode[];
  return nodes
    .filter((n) => n.location && n.location.endOffset !== undefined)
    .map((n) => ({ start: n.location!.startOffset, end: n.location!.endOffset! + 1 }))
    .sort((a, b) => a.start - b.start);
}

/** Replace `span` of the source by `text`, as one edit of only what differs (so the cursor keeps its place). */
function minimalEdit(cx: FileContext, source: string, span: Span, text: string): TextEdit[] {
  const old = source.slice(span.start, span.end);
  if (old === text) return [];
  let pre = 0;
  while (pre < old.length && pre < text.length && old[pre] === text[pre]) pre++;
  let suf = 0;
  while (suf < old.length - pre && suf < text.length - pre && old[old.length - 1 - suf] === text[text.length - 1 - suf]) suf++;
  return [{ range: cx.positions.range({ start: span.start + pre, end: span.end - suf }), newText: text.slice(pre, text.length - suf) }];
}
