// Hover: what a name, a label or a keyword under the cursor means. An input shows its type,
// label and whether it may be absent; an item its max, static range and rule read as a
// sentence in the file's language; a section its max and the sum of its items' maxima; a
// keyword its meaning in both languages.
import { KEYWORDS, ruleSentence, type Definition, type Lang, type SyntaxToken } from '@assess/core';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { FileContext } from './context.js';
import { isKeywordToken } from './file-language.js';
import { KEYWORD_MEANINGS_ZH } from './keyword-meanings.js';
import { md, quoted } from './markdown.js';
import { word } from './messages.js';
import { tokenAt } from './tokens.js';

export function hover(cx: FileContext, offset: number): Hover | null {
  const at = cx.model.nodeAt(offset);
  if (at.definition) {
    const span = at.reference?.span ?? at.definition.nameSpan;
    return { contents: { kind: MarkupKind.Markdown, value: describe(cx, at.definition) }, range: cx.positions.range(span) };
  }
  const tok = tokenAt(cx.compiled.parsed.syntax.tokens, offset);
  if (tok && isKeywordToken(tok)) return { contents: { kind: MarkupKind.Markdown, value: keyword(tok) }, range: cx.positions.range({ start: tok.startOffset, end: tok.endOffset! + 1 }) };
  return null;
}

function keyword(tok: SyntaxToken): string {
  const k = KEYWORDS.find((x) => x.name === tok.tokenType.name)!;
  const spellings = (xs: string[]) => xs.map((s) => `\`${s}\``).join(' / ');
  return [`**${spellings(k.en)}** · **${spellings(k.zh)}**`, '', k.meaning, '', KEYWORD_MEANINGS_ZH[k.name] ?? ''].join('\n').trimEnd();
}

function describe(cx: FileContext, d: Definition): string {
  const lang = cx.lang;
  const parent = d.parent === undefined ? undefined : cx.model.definitions[d.parent];
  const lines: string[] = [];
  const head = (what: string, name: string) => lines.push(`${name} — ${what}`);
  switch (d.kind) {
    case 'input':
    case 'entryField': {
      head(d.kind === 'entryField' && parent ? `${word('entryField', lang)} **${md(parent.name)}**` : word('input', lang), `**${md(d.name)}**`);
      if (d.label) lines.push('', quoted(d.label));
      lines.push('', `${word('type', lang)}: \`${d.type?.[lang] ?? '?'}\` · ${word(d.optional ? 'optional' : 'required', lang)}`);
      break;
    }
    case 'let':
      head(word('let', lang), `**${md(d.name)}**`);
      if (d.type) lines.push('', `${word('type', lang)}: \`${d.type[lang]}\``);
      break;
    case 'item':
    case 'bonus':
    case 'penalty':
      head(word(d.kind, lang), `**${quoted(d.name)}**`);
      lines.push('', points(d, lang));
      if (d.item) lines.push('', md(ruleSentence(cx.model, d.item, cx.fileLang)));
      break;
    case 'section': {
      head(word('section', lang), `**${quoted(d.name)}**`);
      const facts = [d.max && `${word('max', lang)} ${d.max}`, d.itemsMax && `${word('itemsSum', lang)} ${d.itemsMax}`, d.weight && `${word('weight', lang)} ${d.weight}`].filter(Boolean);
      lines.push('', facts.join(' · '));
      break;
    }
    case 'member': {
      const of = `**${md(parent?.name ?? '?')}**`;
      head(lang === 'zh' ? `${of} ${word('member', lang)}` : `${word('member', lang)} ${of}`, `**${md(d.name)}**`);
      break;
    }
    case 'import':
      head(word('import', lang), `**${md(d.name)}**`);
      if (d.label) lines.push('', `\`${d.label}\``);
      break;
    default:
      head(word(d.kind, lang), `**${LABELLED.has(d.kind) ? quoted(d.name) : md(d.name)}**`);
      if (d.label) lines.push('', quoted(d.label));
  }
  return lines.join('\n');
}

const LABELLED = new Set(['grade', 'veto']);

/** `max 5 · possible scores 0..5`. */
function points(d: Definition, lang: Lang): string {
  const parts: string[] = [];
  if (d.max) parts.push(`${word('max', lang)} ${d.max}`);
  if (d.range) parts.push(`${word('range', lang)} ${rangeText(d.range, lang)}`);
  return parts.join(' · ');
}

export function rangeText(r: { low: string; high: string | null }, lang: Lang): string {
  if (r.high !== null) return `${r.low}..${r.high}`;
  return lang === 'zh' ? `${r.low}..（${word('unbounded', lang)}）` : `${r.low}.. (${word('unbounded', lang)})`;
}
