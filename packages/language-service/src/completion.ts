// Completion, from the tokens before the cursor and the semantic model:
// - inside a quoted label after `item`, `section`, `bonus` (an `expect` or an `item "…"`
//   reference), `expect veto`, `expect grade =` or a comparison with a grade: those labels;
// - after `.`: the fields of a list's entries;
// - where an enum member is expected (after `=` with an enum, in a tier table, in `bands`):
//   its members; the unit kinds after `unit =`;
// - elsewhere: the list-entry fields in scope (`where`, `with`, `best per`), inputs, lets,
//   imports, and keywords and snippets in the language the file is written in.
import { KEYWORDS, type Ast, type Definition, type DefinitionKind, type Lang, type SyntaxToken, type Ty } from '@assess/core';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { FileContext } from './context.js';
import { SNIPPETS } from './snippets.js';
import { tokenBefore, tokenEnd } from './tokens.js';

type Span = { start: number; end: number };

/** Sort groups: what the context asks for first, keywords and snippets last. */
const RANK = { expected: '0', entryField: '1', name: '2', keyword: '3', snippet: '4' } as const;

const KIND: Partial<Record<DefinitionKind, CompletionItemKind>> = {
  input: CompletionItemKind.Field,
  entryField: CompletionItemKind.Field,
  let: CompletionItemKind.Variable,
  import: CompletionItemKind.Module,
  member: CompletionItemKind.EnumMember,
  unitKind: CompletionItemKind.EnumMember,
  section: CompletionItemKind.Class,
  item: CompletionItemKind.Value,
  bonus: CompletionItemKind.Value,
  veto: CompletionItemKind.Value,
  grade: CompletionItemKind.Constant,
};

const isTok = (t: SyntaxToken | undefined, ...names: string[]) => !!t && names.includes(t.tokenType.name);

export function completion(cx: FileContext, offset: number): CompletionItem[] {
  const { tokens, comments } = cx.compiled.parsed.syntax;
  if (comments.some((c) => c.startOffset < offset && offset <= tokenEnd(c))) return [];
  const label = openLabel(cx, offset);
  if (label) return labelItems(cx, tokens, label);
  let i = tokenBefore(tokens, offset);
  let replace: Span = { start: offset, end: offset };
  const word = tokens[i];
  if (word && tokenEnd(word) === offset && /^[\p{L}_]/u.test(word.image)) {
    replace = { start: word.startOffset, end: offset };
    i--;
  } else if (word && tokenEnd(word) === offset && isTok(word, 'NumberLit')) return [];
  const range = cx.positions.range(replace);
  const prev = tokens[i];
  if (isTok(prev, 'Dot')) return fieldsOf(cx, tokens[i - 1]).map((d) => defItem(d, range, RANK.expected, cx.lang));
  const expected = expectedMembers(cx, tokens, i, offset);
  if (expected.length > 0 && isTok(prev, 'Equals', 'EqEq', 'Ne')) return expected.map((m) => plainItem(m, CompletionItemKind.EnumMember, range, RANK.expected));
  const scope = cx.model.entryScopeAt(offset) ?? (prev ? cx.model.entryScopeAt(prev.startOffset) : undefined);
  return [
    ...expected.map((m) => plainItem(m, CompletionItemKind.EnumMember, range, RANK.expected)),
    ...(scope ? entryFields(cx, scope).map((d) => defItem(d, range, RANK.entryField, cx.lang)) : []),
    ...cx.model.ofKind('input', 'let', 'import').map((d) => defItem(d, range, RANK.name, cx.lang)),
    ...keywordItems(cx, range),
    ...snippetItems(cx, range),
  ];
}

// ── labels ──────────────────────────────────────────────────────────
interface OpenLabel {
  /** The opening quote. */
  quote: number;
  /** What a chosen label replaces (the text between the quotes, or up to the cursor). */
  replace: Span;
  /** The closing quote to add when the label is not closed yet. */
  close: string;
}

const CLOSING: Record<string, string> = { '"': '"', '“': '”', '＂': '＂' };

/** The quoted label the cursor is in: a complete one, or one whose closing quote is not written yet. */
function openLabel(cx: FileContext, offset: number): OpenLabel | undefined {
  const { tokens } = cx.compiled.parsed.syntax;
  const t = tokens[tokenBefore(tokens, offset)];
  if (isTok(t, 'StringLit') && offset <= t.endOffset!) return { quote: t.startOffset, replace: { start: t.startOffset + 1, end: t.endOffset! }, close: '' };
  if (isTok(t, 'UnclosedLabel') && offset <= tokenEnd(t)) return { quote: t.startOffset, replace: { start: t.startOffset + 1, end: tokenEnd(t) }, close: CLOSING[t.image[0]] ?? '"' };
  return undefined;
}

function labelItems(cx: FileContext, tokens: readonly SyntaxToken[], label: OpenLabel): CompletionItem[] {
  const kind = labelKind(cx, tokens, tokenBefore(tokens, label.quote));
  if (!kind) return [];
  const range = cx.positions.range(label.replace);
  return cx.model.ofKind(kind).map((d) => ({ ...defItem(d, range, RANK.expected, cx.lang), textEdit: { range, newText: d.name + label.close } }));
}

/** What kind of label a quote opened after token `i` names, if it names one. */
function labelKind(cx: FileContext, tokens: readonly SyntaxToken[], i: number): DefinitionKind | undefined {
  const [p, pp, ppp] = [tokens[i], tokens[i - 1], tokens[i - 2]];
  if (isTok(p, 'Item', 'Section', 'Bonus')) {
    // A declaration starts its line; a reference or an expectation follows something on it.
    const inLine = !!pp && (isTok(pp, 'Expect') || !/[\r\n]/.test(cx.compiled.source.slice(tokenEnd(pp), p.startOffset)));
    return inLine ? (p.tokenType.name.toLowerCase() as DefinitionKind) : undefined;
  }
  if (isTok(p, 'Veto') && isTok(pp, 'Expect')) return 'veto';
  if (isTok(p, 'Equals') && isTok(pp, 'Grade') && isTok(ppp, 'Expect')) return 'grade';
  if (isTok(p, 'Equals', 'EqEq', 'Ne') && pp && definitionOf(cx, pp)?.ty?.k === 'grade') return 'grade';
  return undefined;
}

// ── names ───────────────────────────────────────────────────────────
/** The definition a name token refers to; by its name when the checker could not read it (`honors.` being typed). */
function definitionOf(cx: FileContext, t: SyntaxToken): Definition | undefined {
  const ref = cx.model.referenceAt(t.startOffset);
  if (ref) return cx.model.definitions[ref.target];
  return cx.model.definitionAt(t.startOffset) ?? cx.model.ofKind('input', 'let', 'import').find((d) => d.name === t.image);
}

function entryFields(cx: FileContext, list: Definition): Definition[] {
  return cx.model.ofKind('entryField').filter((f) => f.parent === list.id);
}

/** After `x.`: the fields of x's entries (a list input, or a list-entry field that is a list itself). */
function fieldsOf(cx: FileContext, t: SyntaxToken | undefined): Definition[] {
  const def = t && definitionOf(cx, t);
  return def ? entryFields(cx, def) : [];
}

/** Enum members the cursor's position asks for. */
function expectedMembers(cx: FileContext, tokens: readonly SyntaxToken[], i: number, offset: number): string[] {
  const prev = tokens[i];
  if (isTok(prev, 'Equals', 'EqEq', 'Ne') && tokens[i - 1]) {
    const left = tokens[i - 1];
    if (isTok(left, 'Unit')) return cx.model.ofKind('unitKind').map((d) => d.name);
    const ty = definitionOf(cx, left)?.ty;
    return ty ? membersOf(ty) : [];
  }
  for (const node of [...cx.model.nodeAt(offset).nodes].reverse()) {
    if ((node as Ast.Expr).kind === 'Bands') {
      const ty = cx.model.typeOf((node as Extract<Ast.Expr, { kind: 'Bands' }>).subject);
      if (ty) return membersOf(ty);
    }
    const rule = (node as Ast.Item).rule;
    // A tier of the table, not a `with`, `where` or `best per` clause of it.
    const inFilter = isTok(prev, 'With', 'Where', 'BestPer') || (rule?.kind === 'Tiers' && rule.filters.some((f) => f.span.start <= offset && offset <= f.span.end));
    if (rule?.kind === 'Tiers' && rule.source && !inFilter) {
      const ty = cx.model.typeOf(rule.source);
      if (ty) return membersOf(ty);
    }
  }
  return [];
}

/** The members of an enum, or of the enum fields of a list's entries (a tier table over a list). */
function membersOf(ty: Ty): string[] {
  if (ty.k === 'enum' || ty.k === 'unitKind') return ty.members;
  if (ty.k === 'list' && ty.elem.k === 'record') return [...ty.elem.fields.values()].flatMap((f) => membersOf(f.type));
  return [];
}

// ── items ───────────────────────────────────────────────────────────
function defItem(d: Definition, range: Range, rank: string, lang: Lang): CompletionItem {
  const detail = d.label ?? d.type?.[lang] ?? d.max;
  return { label: d.name, kind: KIND[d.kind], detail, sortText: rank + d.name, textEdit: { range, newText: d.name } };
}

function plainItem(label: string, kind: CompletionItemKind, range: Range, rank: string): CompletionItem {
  return { label, kind, sortText: rank + label, textEdit: { range, newText: label } };
}

function keywordItems(cx: FileContext, range: Range): CompletionItem[] {
  const lang = cx.fileLang;
  const other = lang === 'zh' ? 'en' : 'zh';
  return KEYWORDS.map((k) => ({
    label: k[lang][0],
    kind: CompletionItemKind.Keyword,
    detail: `${k[other][0]} — ${k.meaning}`,
    sortText: RANK.keyword + k[lang][0],
    textEdit: { range, newText: k[lang][0] },
  }));
}

function snippetItems(cx: FileContext, range: Range): CompletionItem[] {
  const lang = cx.fileLang;
  return SNIPPETS.map((s) => ({
    label: snippetLabel(s.body[lang]),
    kind: CompletionItemKind.Snippet,
    detail: s.description[cx.lang],
    filterText: s.prefix[lang],
    sortText: RANK.snippet + s.prefix[lang],
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: s.body[lang] },
  }));
}

/** `每 ${1:次数} 扣 ${2:1}` → `每 … 扣 …` (the first line). */
export function snippetLabel(body: string): string {
  return body.split('\n')[0].replace(/\$\{\d+:[^}]*\}|\$\d+/g, '…').trim();
}
