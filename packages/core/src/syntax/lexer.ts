// Pass 1: source text → tokens (Chevrotain token types built from the keyword table).
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { DIRECTION_CONTROLS } from '../common/text.js';
import { diag, replaceWith, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isChineseSpelling, KEYWORDS, type KeywordSpec } from './keywords.js';

/** Characters allowed in identifiers besides ASCII letters, digits and `_`: CJK. */
const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const ID_START = `A-Za-z_${CJK}`;
const ID_PART = `A-Za-z0-9_${CJK}`;

export const Identifier = createToken({
  name: 'Identifier',
  pattern: new RegExp(`[${ID_START}][${ID_PART}]*`),
  label: 'a name',
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const NOT_ID_PART = `(?![${ID_PART}])`;

function spellingPattern(spellings: string[]): RegExp {
  // Longest first, so that 最大值 wins over 最大. Spaces inside English phrases match any
  // whitespace; an English spelling must end at a word boundary (`if zero_count` is `if` + a name).
  const alts = [...spellings]
    .sort((a, b) => b.length - a.length)
    .map((s) => {
      const body = escapeRegExp(s).replace(/ /g, '[ \\t]+');
      return isChineseSpelling(s) ? body : body + NOT_ID_PART;
    });
  return new RegExp(alts.join('|'));
}

/** Keyword tokens ordered so that a spelling that extends another's (每名 / 每) is tried first. */
function lexingOrder(specs: KeywordSpec[]): KeywordSpec[] {
  const spellings = (k: KeywordSpec) => [...k.en, ...k.zh];
  const extendsOther = (a: KeywordSpec, b: KeywordSpec) =>
    spellings(a).some((x) => spellings(b).some((y) => x !== y && x.startsWith(y)));
  const out: KeywordSpec[] = [];
  for (const k of specs) {
    const at = out.findIndex((o) => extendsOther(k, o));
    if (at < 0) out.push(k);
    else out.splice(at, 0, k);
  }
  return out;
}

/** Category of every keyword token. */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });
/** Category of the aggregate function keywords. */
export const AggregateFn = createToken({ name: 'AggregateFn', pattern: Lexer.NA });
const AGGREGATES = new Set(['Max', 'Min', 'Sum', 'Avg', 'Median', 'Count']);

export const kw: Record<string, TokenType> = {};
for (const k of KEYWORDS) {
  kw[k.name] = createToken({
    name: k.name,
    pattern: spellingPattern([...k.en, ...k.zh]),
    longer_alt: Identifier,
    categories: AGGREGATES.has(k.name) ? [Keyword, AggregateFn] : [Keyword],
    label: `\`${k.en[0]}\``,
  });
}

// Comments are kept in their own group so the formatter can put them back.
export const Comment = createToken({ name: 'Comment', pattern: /[#＃][^\n\r]*/, group: 'comments' });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\u3000\ufeff]+/, group: Lexer.SKIPPED });

/** 12, 1.5, 5000万, 1.5亿, 40%, 12.5% */
export const NumberLit = createToken({
  name: 'NumberLit',
  pattern: /\d+(?:\.\d+)?(?:万|亿)?%?/,
  label: 'a number',
});
/** "…", “…” or ＂…＂ (no newlines inside). */
export const StringLit = createToken({
  name: 'StringLit',
  pattern: /"[^"\n\r]*"|“[^”\n\r]*”|＂[^＂\n\r]*＂/,
  label: 'a quoted label',
});
/** A label whose closing quote is missing: read as a label (so parsing goes on), reported by `tokenize`. */
export const UnclosedLabel = createToken({
  name: 'UnclosedLabel',
  pattern: /"[^"\n\r]*|“[^”\n\r]*|＂[^＂\n\r]*/,
  categories: [StringLit],
  label: 'a quoted label',
});

export const Arrow = createToken({ name: 'Arrow', pattern: /->|→/, label: '`->`' });
export const QQ = createToken({ name: 'QQ', pattern: /\?\?/, label: '`??`' });
export const DotDot = createToken({ name: 'DotDot', pattern: /\.\./, label: '`..`' });
export const Dot = createToken({ name: 'Dot', pattern: /\./, label: '`.`' });
export const Comparison = createToken({ name: 'Comparison', pattern: Lexer.NA });
export const Le = createToken({ name: 'Le', pattern: /<=|≤|＜＝/, categories: [Comparison], label: '`<=`' });
export const Ge = createToken({ name: 'Ge', pattern: />=|≥|＞＝/, categories: [Comparison], label: '`>=`' });
export const Ne = createToken({ name: 'Ne', pattern: /!=|≠|<>|！＝/, categories: [Comparison], label: '`!=`' });
export const EqEq = createToken({ name: 'EqEq', pattern: /==|＝＝/, categories: [Comparison], label: '`==`' });
export const Lt = createToken({ name: 'Lt', pattern: /<|＜/, categories: [Comparison], label: '`<`' });
export const Gt = createToken({ name: 'Gt', pattern: />|＞/, categories: [Comparison], label: '`>`' });
export const Equals = createToken({ name: 'Equals', pattern: /=|＝/, label: '`=`' });
export const Plus = createToken({ name: 'Plus', pattern: /\+|＋/, label: '`+`' });
export const Minus = createToken({ name: 'Minus', pattern: /-|－/, label: '`-`' });
export const Star = createToken({ name: 'Star', pattern: /\*|×|＊/, label: '`*`' });
export const Slash = createToken({ name: 'Slash', pattern: /\/|÷|／/, label: '`/`' });
export const Pipe = createToken({ name: 'Pipe', pattern: /\|/, label: '`|`' });
export const Colon = createToken({ name: 'Colon', pattern: /:|：/, label: '`:`' });
export const Comma = createToken({ name: 'Comma', pattern: /,|，|、/, label: '`,`' });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{|｛/, label: '`{`' });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}|｝/, label: '`}`' });
export const LParen = createToken({ name: 'LParen', pattern: /\(|（/, label: '`(`' });
export const RParen = createToken({ name: 'RParen', pattern: /\)|）/, label: '`)`' });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[|［/, label: '`[`' });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]|］/, label: '`]`' });

const keywordTokens = lexingOrder(KEYWORDS).map((k) => kw[k.name]);

/** Order matters: longer and more specific patterns first. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  Keyword,
  AggregateFn,
  Comparison,
  ...keywordTokens,
  Identifier,
  NumberLit,
  StringLit,
  UnclosedLabel,
  Arrow,
  QQ,
  DotDot,
  Dot,
  Le,
  Ge,
  Ne,
  EqEq,
  Lt,
  Gt,
  Equals,
  Plus,
  Minus,
  Star,
  Slash,
  Pipe,
  Colon,
  Comma,
  LBrace,
  RBrace,
  LParen,
  RParen,
  LBracket,
  RBracket,
];

const lexer = new Lexer(allTokens, {
  positionTracking: 'full',
  ensureOptimizations: false,
  skipValidations: true,
});

export interface Tokens {
  tokens: IToken[];
  /** Comments, kept out of the token stream (the formatter puts them back). */
  comments: IToken[];
  diagnostics: Diagnostic[];
}

/** Source text → tokens (comments kept aside), with a diagnostic per unknown character run. */
export function tokenize(source: string): Tokens {
  const result = lexer.tokenize(source);
  const escaped = escapedQuotes(result.tokens, source);
  const read = escaped.spans.length ? escaped.tokens : result.tokens;
  const unclosed = read.filter((t) => t.tokenType === UnclosedLabel).map((t) => unclosedLabel(t, source));
  const tokens = quotedLabels(unclosed.length ? closeLabels(read, unclosed, source) : read, source);
  const diagnostics = [...escaped.diagnostics, ...tokens.diagnostics, ...unclosed.map((u) => u.diagnostic)];
  diagnostics.push(...bidiControls(source));
  // (A backslash of a quote written `\"` inside a label is that, E0014, not an unknown character.)
  const inEscaped = (at: number) => escaped.spans.some((s) => at > s.start && at < s.end);
  diagnostics.push(...result.errors.filter((e) => !inEscaped(e.offset)).flatMap((e) => {
    const text = source.substr(e.offset, e.length);
    // (A direction control outside a label or a comment is that, E0015, not an unknown character.)
    if (ONLY_DIRECTION_CONTROLS.test(text)) return [];
    const halfWidth = fullWidthHint(text.charAt(0));
    const span = { start: e.offset, end: e.offset + Math.max(1, e.length) };
    return diag('E0001', span, { text, halfWidth }, { fixes: halfWidth && text.length === 1 ? [replaceWith(span, halfWidth, { en: `Use the half-width \`${halfWidth}\``, zh: `改用半角的 \`${halfWidth}\`` })] : [] });
  }));
  diagnostics.sort((a, b) => a.span.start - b.span.start);
  return { tokens: tokens.tokens, comments: result.groups.comments ?? [], diagnostics };
}

/** The names of the characters that change the direction of text (`DIRECTION_CONTROLS`). */
const BIDI_NAMES = new Map<string, { en: string; zh: string }>([
  ['\u202a', { en: 'left-to-right embedding', zh: '从左到右嵌入' }],
  ['\u202b', { en: 'right-to-left embedding', zh: '从右到左嵌入' }],
  ['\u202c', { en: 'pop directional formatting', zh: '结束方向格式' }],
  ['\u202d', { en: 'left-to-right override', zh: '从左到右覆盖' }],
  ['\u202e', { en: 'right-to-left override', zh: '从右到左覆盖' }],
  ['\u2066', { en: 'left-to-right isolate', zh: '从左到右隔离' }],
  ['\u2067', { en: 'right-to-left isolate', zh: '从右到左隔离' }],
  ['\u2068', { en: 'first strong isolate', zh: '首个强字符隔离' }],
  ['\u2069', { en: 'pop directional isolate', zh: '结束方向隔离' }],
]);

const A_DIRECTION_CONTROL = new RegExp(`[${DIRECTION_CONTROLS}]`, 'g');
const ONLY_DIRECTION_CONTROLS = new RegExp(`^[${DIRECTION_CONTROLS}]+$`);

/**
 * Each direction control in the source, wherever it is (a label, a comment): it can make a line
 * of a scheme look other than what it says (a "Trojan source"), in an editor as on paper, which a
 * scheme whose point is arithmetic anyone can read must not allow. The fix removes it.
 */
function bidiControls(source: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of source.matchAll(A_DIRECTION_CONTROL)) {
    const i = m.index;
    const name = BIDI_NAMES.get(m[0])!;
    const span = { start: i, end: i + 1 };
    const code = `U+${source.charCodeAt(i).toString(16).toUpperCase()}`;
    out.push(diag('E0015', span, { code, name }, { fixes: [replaceWith(span, '', { en: `Remove the ${code}`, zh: `删除 ${code}` })] }));
  }
  return out;
}

/** A label without its closing quote: where the quote probably goes (before ` max`, `:` or `{`, else at the line's end). */
function unclosedLabel(t: IToken, source: string): { token: IToken; at: number; diagnostic: Diagnostic } {
  const start = t.startOffset;
  const end = (t.endOffset ?? start) + 1;
  const close = t.image[0] === '“' ? '”' : t.image[0];
  const m = /\s+(max|满分|最多|weight|权重|if|若)(?![A-Za-z0-9_\u3400-\u9fff])|\s*[:：{｛]/.exec(t.image.slice(1));
  const at = m ? start + 1 + m.index : end;
  const label = source.slice(start + 1, at).trim();
  const diagnostic = diag('E0013', { start, end: at }, { label }, { fixes: [replaceWith({ start: at, end: at }, close, { en: `Close the label after \`${label}\``, zh: `在 \`${label}\` 之后补上引号` })] });
  return { token: t, at, diagnostic };
}

/** End each unclosed label where its quote probably goes, and read the rest of its line as tokens again. */
function closeLabels(tokens: IToken[], unclosed: { token: IToken; at: number }[], source: string): IToken[] {
  const out: IToken[] = [];
  for (const t of tokens) {
    const u = unclosed.find((x) => x.token === t);
    if (!u) {
      out.push(t);
      continue;
    }
    const end = (t.endOffset ?? t.startOffset) + 1;
    out.push({ ...t, image: source.slice(t.startOffset, u.at), endOffset: u.at - 1 });
    for (const r of lexer.tokenize(source.slice(u.at, end)).tokens) out.push({ ...r, startOffset: r.startOffset + u.at, endOffset: (r.endOffset ?? r.startOffset) + u.at });
  }
  return out;
}

/** The fix of E0014, a label that holds quotes (written without a backslash, or with one). */
const INNER_QUOTES = { en: 'Write the inner quotes as “…”', zh: '名称中的引号改为“…”' };

/**
 * `"关于"三公"经费"`: a label that holds ASCII quotes reads as a label, a name and a label. Such a
 * run of tokens written without spaces is read as the one label it was meant to be, and reported
 * with the fix: quotes inside a label are written “…”.
 */
function quotedLabels(tokens: IToken[], source: string): { tokens: IToken[]; diagnostics: Diagnostic[] } {
  const out: IToken[] = [];
  const diagnostics: Diagnostic[] = [];
  const adjacent = (a: IToken, b: IToken | undefined) => !!b && (a.endOffset ?? a.startOffset) + 1 === b.startOffset;
  const plain = (t: IToken | undefined) => !!t && t.tokenType === StringLit && t.image[0] === '"';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let j = i;
    while (plain(tokens[j]) && adjacent(tokens[j], tokens[j + 1]) && (tokens[j + 1].tokenType === Identifier || tokens[j + 1].tokenType === NumberLit) && adjacent(tokens[j + 1], tokens[j + 2]) && plain(tokens[j + 2])) j += 2;
    if (j === i) {
      out.push(t);
      continue;
    }
    const last = tokens[j];
    const end = (last.endOffset ?? last.startOffset) + 1;
    const image = source.slice(t.startOffset, end);
    out.push({ ...t, image, endOffset: end - 1, endLine: last.endLine, endColumn: last.endColumn });
    // The quotes inside: the end of each label but the last and the start of each but the first.
    const inner = tokens.slice(i, j + 1).filter((x) => x.tokenType === StringLit);
    const edits = inner.flatMap((x, k) => [
      ...(k > 0 ? [{ span: { start: x.startOffset, end: x.startOffset + 1 }, text: '”' }] : []),
      ...(k < inner.length - 1 ? [{ span: { start: x.endOffset!, end: x.endOffset! + 1 }, text: '“' }] : []),
    ]);
    diagnostics.push(diag('E0014', { start: t.startOffset, end }, { label: image.slice(1, -1) }, { fixes: [{ title: INNER_QUOTES, edits }] }));
    i = j;
  }
  return { tokens: out, diagnostics };
}

/**
 * `"关于\"三公\"经费"`: quotes inside a label written with backslashes, as in a program (labels
 * have no escapes). The first `\"` ends the label for the lexer, and the rest of it reads as a
 * name, an unknown `\` and another label. Where a label ends in `\"` and the line goes on to a
 * `"` with no backslash before it, with the backslashed quotes inside in pairs, that is read as
 * the one label it was meant to be, and reported with the fix: quotes inside a label are written
 * “…”. (A label that does end in a backslash, `"C:\"`, is left as it is.)
 */
function escapedQuotes(tokens: IToken[], source: string): { tokens: IToken[]; spans: { start: number; end: number }[]; diagnostics: Diagnostic[] } {
  const spans: { start: number; end: number }[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const t of tokens) {
    if (t.tokenType !== StringLit || t.image[0] !== '"' || !t.image.endsWith('\\"') || t.image.length < 3) continue;
    if (spans.length && t.startOffset < spans[spans.length - 1].end) continue;
    // The label's end: the next quote on the line with no backslash before it.
    let close = -1;
    for (let i = (t.endOffset ?? t.startOffset) + 1; i < source.length && source[i] !== '\n' && source[i] !== '\r'; i++) {
      if (source[i] === '"' && source[i - 1] !== '\\') {
        close = i;
        break;
      }
    }
    if (close < 0) continue;
    const quotes = [...source.slice(t.startOffset + 1, close).matchAll(/\\"/g)].map((m) => t.startOffset + 1 + m.index);
    if (quotes.length % 2 !== 0) continue;
    const span = { start: t.startOffset, end: close + 1 };
    spans.push(span);
    const edits = quotes.map((at, k) => ({ span: { start: at, end: at + 2 }, text: k % 2 === 0 ? '“' : '”' }));
    diagnostics.push(diag('E0014', span, { label: source.slice(span.start + 1, close) }, { fixes: [{ title: INNER_QUOTES, edits }] }));
  }
  if (!spans.length) return { tokens, spans, diagnostics };
  // Each such label one token; what the lexer made of its inside, gone.
  const out: IToken[] = [];
  for (const t of tokens) {
    const span = spans.find((s) => t.startOffset >= s.start && t.startOffset < s.end);
    if (!span) out.push(t);
    else if (t.startOffset === span.start) out.push({ ...t, image: source.slice(span.start, span.end), endOffset: span.end - 1, endColumn: (t.startColumn ?? 1) + (span.end - span.start) - 1 });
  }
  return { tokens: out, spans, diagnostics };
}

/**
 * Full-width punctuation the lexer does not read, and its half-width twin. (`，：（）＜＝…` are read as they are.)
 * Only twins the language reads: `；`, `＠` and `＄` have none (a `;` would be unread too).
 */
function fullWidthHint(ch: string): string | undefined {
  const table: Record<string, string> = { '【': '[', '】': ']', '！': '!', '？': '?' };
  return table[ch];
}

