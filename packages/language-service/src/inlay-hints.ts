// Inlay hints that show the points arithmetic where the checker does it: beside a section's
// max, the sum of its items' maxima; beside an item's max, its static range when that is not
// simply 0..max.
import { Decimal, type Ast, type Definition } from '@assess/core';
import { InlayHintKind, type InlayHint } from 'vscode-languageserver-types';
import type { FileContext } from './context.js';
import { rangeText } from './hover.js';
import { word } from './messages.js';

type Span = { start: number; end: number };

export function inlayHints(cx: FileContext, range: Span): InlayHint[] {
  const out: InlayHint[] = [];
  const hint = (at: number, label: string) => {
    if (at >= range.start && at <= range.end) out.push({ position: cx.positions.position(at), label, kind: InlayHintKind.Type, paddingLeft: true });
  };
  const defOf = (kind: 'section' | 'item' | 'bonus', node: { label: Ast.Str; span: Ast.Node['span'] }): Definition | undefined =>
    cx.model.ofKind(kind).find((d) => d.span.start === node.span.start && d.span.end === node.span.end);
  for (const s of cx.model.ast.sections) {
    const d = defOf('section', s);
    if (s.max && d?.itemsMax !== undefined) hint(s.max.span.end, `${word('items', cx.lang)} ${d.itemsMax}`);
    for (const it of s.items) itemHint(cx, it, defOf('item', it), hint);
  }
  for (const it of cx.model.ast.items) itemHint(cx, it, defOf('item', it), hint);
  for (const b of cx.model.ast.bonuses) itemHint(cx, b, defOf('bonus', b), hint);
  return out;
}

function itemHint(cx: FileContext, it: Ast.Item, d: Definition | undefined, hint: (at: number, label: string) => void) {
  if (!it.max || !d?.range || !d.max) return;
  const same = (a: string | null, b: string) => a !== null && Decimal.parse(a)?.eq(Decimal.parse(b)!) === true;
  if (same(d.range.low, '0') && same(d.range.high, d.max)) return;
  hint(it.max.span.end, `${word('range', cx.lang)} ${rangeText(d.range, cx.lang)}`);
}
