// The language a file is written in: the spelling most of its keywords use. Completion offers
// keywords in it, and hover reads rules as sentences in it.
import { isChineseSpelling, KEYWORDS, type Lang, type SyntaxToken } from '@assess/core';

const KEYWORD_NAMES = new Set(KEYWORDS.map((k) => k.name));

const known = new WeakMap<readonly SyntaxToken[], Lang | undefined>();

/** `zh` when more keyword tokens are spelled in Chinese than in English; undefined when the file has no keyword yet. */
export function fileLanguage(tokens: readonly SyntaxToken[]): Lang | undefined {
  // Every request asks about the same compiled file until the next edit: count once.
  if (known.has(tokens)) return known.get(tokens);
  const lang = countLanguage(tokens);
  known.set(tokens, lang);
  return lang;
}

function countLanguage(tokens: readonly SyntaxToken[]): Lang | undefined {
  let zh = 0;
  let en = 0;
  for (const t of tokens) {
    if (!KEYWORD_NAMES.has(t.tokenType.name)) continue;
    if (isChineseSpelling(t.image)) zh++;
    else en++;
  }
  if (zh === 0 && en === 0) return undefined;
  return zh > en ? 'zh' : 'en';
}

/** Is this token a keyword (of the table), as opposed to a name, number, label or punctuation? */
export function isKeywordToken(t: SyntaxToken): boolean {
  return KEYWORD_NAMES.has(t.tokenType.name);
}
