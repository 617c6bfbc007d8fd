// Pass 1: source text → tokens.
//
// Every keyword is one token type with several spellings, English and Chinese.
// The parser only sees token types, so a scheme written with Chinese keywords
// parses to exactly the same tree as its English twin.
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import type { Diagnostic } from './diagnostics.js';
import { diag } from './diagnostics.js';

/** Characters allowed in identifiers besides ASCII letters, digits and `_`: CJK. */
const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const ID_START = `A-Za-z_${CJK}`;
const ID_PART = `A-Za-z0-9_${CJK}`;

export const Identifier = createToken({
  name: 'Identifier',
  pattern: new RegExp(`[${ID_START}][${ID_PART}]*`),
  label: 'a name',
});

export interface KeywordSpec {
  /** Token name, also the key used by the keyword table in the docs. */
  name: string;
  /** English spellings; the first is canonical. May contain spaces (`by rank of`). */
  en: string[];
  /** Chinese spellings; the first is canonical. */
  zh: string[];
  /** What the keyword means, for the reference table. */
  meaning: string;
}

/** The bilingual keyword table: the single source of truth (docs are generated from it). */
export const KEYWORDS: KeywordSpec[] = [
  { name: 'Scheme', en: ['scheme'], zh: ['方案'], meaning: 'starts a scheme' },
  { name: 'Total', en: ['total'], zh: ['总分'], meaning: 'the scheme total; the unit total in expressions' },
  { name: 'Precision', en: ['precision'], zh: ['精度'], meaning: 'decimal places of every score' },
  { name: 'Unit', en: ['unit'], zh: ['单位'], meaning: 'unit kinds; a unit of a cohort example; the unit kind in expressions' },
  { name: 'Input', en: ['input'], zh: ['输入'], meaning: 'the input block' },
  { name: 'Section', en: ['section'], zh: ['小节'], meaning: 'a section of items' },
  { name: 'Item', en: ['item'], zh: ['指标'], meaning: 'a scored item' },
  { name: 'Max', en: ['max'], zh: ['满分', '最多', '最大值', '最大'], meaning: 'maximum points; cap of a deduction; the max aggregate' },
  { name: 'Min', en: ['min'], zh: ['最小值', '最小'], meaning: 'the min aggregate' },
  { name: 'Sum', en: ['sum'], zh: ['合计', '求和'], meaning: 'the sum aggregate' },
  { name: 'Avg', en: ['avg'], zh: ['平均值', '平均'], meaning: 'the average aggregate' },
  { name: 'Median', en: ['median'], zh: ['中位数'], meaning: 'the median aggregate' },
  { name: 'Count', en: ['count'], zh: ['次数', '计数'], meaning: 'a non-negative whole number (type); the count aggregate' },
  { name: 'Weight', en: ['weight'], zh: ['权重'], meaning: 'a section’s weight in the total' },
  { name: 'IfZero', en: ['if zero'], zh: ['为零时'], meaning: 'what a ratio scores when its denominator is 0' },
  { name: 'If', en: ['if'], zh: ['若', '如果'], meaning: 'condition' },
  { name: 'Otherwise', en: ['otherwise', 'else'], zh: ['否则', '其他'], meaning: 'the fallback line of a grade or band' },
  { name: 'Deduct', en: ['deduct'], zh: ['扣'], meaning: 'a deduction' },
  { name: 'Per', en: ['per'], zh: ['每'], meaning: 'deduction per occurrence' },
  { name: 'Ratio', en: ['ratio'], zh: ['比例', '比率'], meaning: 'points in proportion to completion' },
  { name: 'ByRankOf', en: ['by rank of'], zh: ['按排名'], meaning: 'points by place in the cohort (best M, worst 0)' },
  { name: 'Rank', en: ['rank'], zh: ['名次', '排名'], meaning: 'rank points; a place in the cohort' },
  { name: 'First', en: ['first'], zh: ['第一名', '首位'], meaning: 'points of the first place' },
  { name: 'Step', en: ['step'], zh: ['每名', '递减'], meaning: 'points lost per place' },
  { name: 'By', en: ['by'], zh: ['按'], meaning: 'what a rank is taken by' },
  { name: 'Desc', en: ['desc'], zh: ['降序', '从高到低'], meaning: 'higher is better' },
  { name: 'Asc', en: ['asc'], zh: ['升序', '从低到高'], meaning: 'lower is better' },
  { name: 'Bands', en: ['bands'], zh: ['分段'], meaning: 'segmented (step) scoring' },
  { name: 'Linear', en: ['linear'], zh: ['线性'], meaning: 'piecewise-linear scoring' },
  { name: 'From', en: ['from'], zh: ['从'], meaning: 'first point of a linear scale' },
  { name: 'To', en: ['to'], zh: ['到', '至'], meaning: 'next point of a linear scale' },
  { name: 'Cap', en: ['cap'], zh: ['封顶'], meaning: 'upper limit' },
  { name: 'Prorata', en: ['prorata'], zh: ['按比例'], meaning: 'scale every unit when the cohort exceeds the cap' },
  { name: 'Bonus', en: ['bonus'], zh: ['加分'], meaning: 'points on top of the sections' },
  { name: 'BestPer', en: ['best per'], zh: ['同一'], meaning: 'count entries sharing a key once, at the highest' },
  { name: 'Highest', en: ['highest'], zh: ['取最高'], meaning: 'optional closing word of `best per`' },
  { name: 'With', en: ['with'], zh: ['需有', '需'], meaning: 'entries lacking the field are dropped' },
  { name: 'Where', en: ['where'], zh: ['其中', '满足'], meaning: 'filter' },
  { name: 'Across', en: ['across units'], zh: ['全体单位', '各单位'], meaning: 'over every unit of the run' },
  { name: 'Of', en: ['of'], zh: ['的'], meaning: 'connects an aggregate with its value' },
  { name: 'Veto', en: ['veto'], zh: ['一票否决', '否决'], meaning: 'one-vote veto' },
  { name: 'Grade', en: ['grade'], zh: ['等级'], meaning: 'grades; an input holding a grade' },
  { name: 'Void', en: ['void'], zh: ['作废'], meaning: 'the item scores 0 when the condition holds' },
  { name: 'Adjust', en: ['adjust'], zh: ['调整'], meaning: 'a coefficient applied to the total' },
  { name: 'Let', en: ['let'], zh: ['设'], meaning: 'a named value' },
  { name: 'Use', en: ['use'], zh: ['引用'], meaning: 'import another scheme' },
  { name: 'As', en: ['as'], zh: ['为'], meaning: 'name of an imported scheme' },
  { name: 'Example', en: ['example'], zh: ['示例'], meaning: 'an example (a test)' },
  { name: 'Given', en: ['given'], zh: ['给定'], meaning: 'the data of a one-unit example' },
  { name: 'Expect', en: ['expect'], zh: ['预期'], meaning: 'an expectation' },
  { name: 'YesNoType', en: ['yes/no'], zh: ['是否'], meaning: 'the yes/no type' },
  { name: 'Yes', en: ['yes'], zh: ['是'], meaning: 'yes' },
  { name: 'No', en: ['no'], zh: ['否'], meaning: 'no' },
  { name: 'IntegerType', en: ['integer'], zh: ['整数'], meaning: 'a whole number (type)' },
  { name: 'NumberType', en: ['number'], zh: ['数值'], meaning: 'a decimal number (type)' },
  { name: 'PercentType', en: ['percent'], zh: ['百分比'], meaning: 'a percentage (type)' },
  { name: 'TextType', en: ['text'], zh: ['文本'], meaning: 'free text (type)' },
  { name: 'List', en: ['list'], zh: ['列表'], meaning: 'a list of records (type)' },
  { name: 'Optional', en: ['optional'], zh: ['可选'], meaning: 'the field may be absent' },
  { name: 'And', en: ['and'], zh: ['并且', '且'], meaning: 'both' },
  { name: 'Or', en: ['or'], zh: ['或者', '或'], meaning: 'either' },
  { name: 'Not', en: ['not'], zh: ['非'], meaning: 'negation' },
  { name: 'Round', en: ['round'], zh: ['四舍五入'], meaning: 'round half-up to N places' },
];

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
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n\r]*/, group: 'comments' });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\u3000\ufeff]+/, group: Lexer.SKIPPED });

/** 12, 1.5, 5000万, 1.5亿, 40%, 12.5% */
export const NumberLit = createToken({
  name: 'NumberLit',
  pattern: /\d+(?:\.\d+)?(?:万|亿)?%?/,
  label: 'a number',
});
/** "…" or “…” (no newlines inside). */
export const StringLit = createToken({
  name: 'StringLit',
  pattern: /"[^"\n\r]*"|“[^”\n\r]*”/,
  label: 'a quoted label',
});

export const Arrow = createToken({ name: 'Arrow', pattern: /->|→/, label: '`->`' });
export const QQ = createToken({ name: 'QQ', pattern: /\?\?/, label: '`??`' });
export const DotDot = createToken({ name: 'DotDot', pattern: /\.\./, label: '`..`' });
export const Dot = createToken({ name: 'Dot', pattern: /\./, label: '`.`' });
export const Comparison = createToken({ name: 'Comparison', pattern: Lexer.NA });
export const Le = createToken({ name: 'Le', pattern: /<=|≤/, categories: [Comparison], label: '`<=`' });
export const Ge = createToken({ name: 'Ge', pattern: />=|≥/, categories: [Comparison], label: '`>=`' });
export const Ne = createToken({ name: 'Ne', pattern: /!=|≠|<>/, categories: [Comparison], label: '`!=`' });
export const EqEq = createToken({ name: 'EqEq', pattern: /==/, categories: [Comparison], label: '`==`' });
export const Lt = createToken({ name: 'Lt', pattern: /</, categories: [Comparison], label: '`<`' });
export const Gt = createToken({ name: 'Gt', pattern: />/, categories: [Comparison], label: '`>`' });
export const Equals = createToken({ name: 'Equals', pattern: /=/, label: '`=`' });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, label: '`+`' });
export const Minus = createToken({ name: 'Minus', pattern: /-/, label: '`-`' });
export const Star = createToken({ name: 'Star', pattern: /\*|×/, label: '`*`' });
export const Slash = createToken({ name: 'Slash', pattern: /\/|÷/, label: '`/`' });
export const Pipe = createToken({ name: 'Pipe', pattern: /\|/, label: '`|`' });
export const Colon = createToken({ name: 'Colon', pattern: /:|：/, label: '`:`' });
export const Comma = createToken({ name: 'Comma', pattern: /,|，|、/, label: '`,`' });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/, label: '`{`' });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/, label: '`}`' });
export const LParen = createToken({ name: 'LParen', pattern: /\(|（/, label: '`(`' });
export const RParen = createToken({ name: 'RParen', pattern: /\)|）/, label: '`)`' });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, label: '`[`' });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/, label: '`]`' });

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
  comments: IToken[];
  diagnostics: Diagnostic[];
}

/** Source text → tokens (comments kept aside), with a diagnostic per unknown character run. */
export function tokenize(source: string): Tokens {
  const result = lexer.tokenize(source);
  const diagnostics = result.errors.map((e) => {
    const text = source.substr(e.offset, e.length);
    const ch = text.charAt(0);
    return diag('E0001', { start: e.offset, end: e.offset + Math.max(1, e.length) }, { text, hint: fullWidthHint(ch) });
  });
  return { tokens: result.tokens, comments: result.groups.comments ?? [], diagnostics };
}

function fullWidthHint(ch: string): string | undefined {
  const table: Record<string, string> = { '＂': '"', '＃': '#', '＝': '=', '＞': '>', '＜': '<', '＋': '+', '－': '-', '【': '[', '】': ']', '｛': '{', '｝': '}' };
  return table[ch];
}

/** Is this token one of the keyword spellings written in Chinese? */
export function isChineseSpelling(image: string): boolean {
  return /[\u3400-\u9fff]/.test(image);
}

/** Canonical spelling of a keyword token in the given language. */
export function spelling(tokenName: string, lang: 'en' | 'zh'): string | undefined {
  const k = KEYWORDS.find((x) => x.name === tokenName);
  return k ? k[lang][0] : undefined;
}
