// The TextMate grammar, generated from the keyword table (KEYWORDS), so that highlighting
// follows the lexer: a maximal run of name characters is a keyword only when it is exactly one
// of a keyword's spellings (`少报次数` is a name, though it contains `次数`); English phrases
// (`by rank of`) allow any spaces or tabs between their words, as in the lexer.
import { KEYWORDS, type KeywordSpec } from '@assess/core';

/** Name characters besides ASCII letters, digits and `_` (the lexer's CJK ranges), in Oniguruma syntax. */
const CJK = '\\x{3400}-\\x{4dbf}\\x{4e00}-\\x{9fff}\\x{f900}-\\x{faff}';
const ID_START = `A-Za-z_${CJK}`;
const ID_PART = `A-Za-z0-9_${CJK}`;

/** How each keyword is coloured: types, word operators, yes/no, aggregates; the rest are keywords proper. */
const CATEGORY: Record<string, string> = {
  YesNoType: 'storage.type',
  IntegerType: 'storage.type',
  NumberType: 'storage.type',
  PercentType: 'storage.type',
  TextType: 'storage.type',
  List: 'storage.type',
  Count: 'storage.type',
  Optional: 'storage.modifier',
  And: 'keyword.operator.word',
  Or: 'keyword.operator.word',
  Not: 'keyword.operator.word',
  Yes: 'constant.language',
  No: 'constant.language',
  Sum: 'support.function',
  Avg: 'support.function',
  Median: 'support.function',
  Min: 'support.function',
  Round: 'support.function',
};

/** The scope of a keyword (every scope a keyword can have is in `KEYWORD_SCOPES`). */
export function keywordScope(k: KeywordSpec): string {
  return `${CATEGORY[k.name] ?? 'keyword.control'}.assess`;
}

export const KEYWORD_SCOPES = new Set(KEYWORDS.map(keywordScope));

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** One spelling as the lexer matches it: spaces inside a phrase are any run of spaces and tabs. */
function spellingRegex(s: string): string {
  return escape(s).replace(/ /g, '[ \\t]+');
}

interface Pattern {
  name?: string;
  match: string;
}

/**
 * One pattern per scope, for the spellings of one length class: phrases (with a space or a
 * `/`) come first, so that `by rank of` and `yes/no` win over `by` and `yes` at the same place.
 */
function keywordPatterns(): Pattern[] {
  const phrase = (s: string) => /[ /]/.test(s);
  const out: Pattern[] = [];
  for (const phrases of [true, false]) {
    const byScope = new Map<string, string[]>();
    for (const k of KEYWORDS) {
      const spellings = [...k.en, ...k.zh].filter((s) => phrase(s) === phrases);
      if (spellings.length > 0) byScope.set(keywordScope(k), [...(byScope.get(keywordScope(k)) ?? []), ...spellings]);
    }
    for (const [name, spellings] of byScope) {
      const alts = spellings.sort((a, b) => b.length - a.length).map(spellingRegex);
      out.push({ name, match: `(?:${alts.join('|')})(?![${ID_PART}])` });
    }
  }
  return out;
}

const NUMBER = '\\d+(?:\\.\\d+)?(?:万|亿)?%?';
/** A name that is not exactly a keyword. */
const NAME_NOT_KEYWORD = `(?!(?:${KEYWORDS.flatMap((k) => [...k.en, ...k.zh]).sort((a, b) => b.length - a.length).map(spellingRegex).join('|')})(?![${ID_PART}]))[${ID_START}][${ID_PART}]*`;
/** Where the lexer closes a label whose closing quote is missing: before ` max`, ` if`, … or `:` or `{` (lexer.ts, unclosedLabel). */
const UNCLOSED_STOP = `\\s+(?:max|满分|最多|weight|权重|if|若)(?![A-Za-z0-9_\\x{3400}-\\x{9fff}])|\\s*[:：{｛]`;

export interface Grammar {
  scopeName: string;
  name: string;
  fileTypes: string[];
  patterns: Pattern[];
}

export function textMateGrammar(): Grammar {
  return {
    scopeName: 'source.assess',
    name: 'Assess',
    fileTypes: ['assess'],
    // Order matters only between patterns that match at the same place: the first wins.
    patterns: [
      { name: 'comment.line.number-sign.assess', match: '[#＃].*$' },
      // `"关于"三公"经费"`: labels and names written without spaces read as one label (the lexer's quotedLabels).
      { name: 'string.quoted.double.assess', match: `"[^"\\n\\r]*"(?:(?:${NAME_NOT_KEYWORD}|${NUMBER})"[^"\\n\\r]*")+` },
      { name: 'string.quoted.double.assess', match: '"[^"\\n\\r]*"|＂[^＂\\n\\r]*＂' },
      { name: 'string.quoted.other.assess', match: '“[^”\\n\\r]*”' },
      // A label whose closing quote is missing ends where the lexer closes it (unclosedLabel).
      { name: 'string.quoted.other.unclosed.assess', match: ['"', '“', '＂'].map((q) => `${q}(?:(?!${UNCLOSED_STOP})[^${q === '“' ? '”' : q}\\n\\r])*`).join('|') },
      { name: 'constant.numeric.assess', match: NUMBER },
      ...keywordPatterns(),
      // A run of name characters that is not exactly a keyword is one name.
      { name: 'variable.other.assess', match: `[${ID_START}][${ID_PART}]*` },
      { name: 'keyword.operator.assess', match: '->|→|\\?\\?|\\.\\.|<=|≤|＜＝|>=|≥|＞＝|!=|≠|<>|！＝|==|＝＝|<|＜|>|＞|=|＝|\\+|＋|-|－|\\*|×|＊|/|÷|／|\\|' },
      { name: 'punctuation.separator.assess', match: '[:：,，、.]' },
      { name: 'punctuation.section.assess', match: '[{｛}｝\\[［\\]］(（)）]' },
    ],
  };
}
