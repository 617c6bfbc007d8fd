// Syntax errors as diagnostics: what was expected, what was found, and advice for the
// slips drafters make most (a keyword glued to a name, a keyword used as a name, a label
// without quotes, a `{` never closed), with the edit that repairs each where there is one.
import type { IRecognitionException, IToken } from 'chevrotain';
import { listOr, type Text } from '../common/text.js';
import type { SyntaxAdvice } from '../diagnostics/catalog/index.js';
import { diag, label, replaceWith, type Diagnostic, type Fix } from '../diagnostics/diagnostic.js';
import { gluedKeyword, KEYWORDS, spelling } from './keywords.js';
import * as T from './lexer.js';

/** What the parser reported, as data (see the message provider in grammar.ts). */
interface ErrorFacts {
  expected: string[];
  found: string;
  foundType: string;
}

/** A recognition error of one declaration (`tokens`) → a diagnostic. */
export function syntaxDiagnostic(e: IRecognitionException, source: string, tokens: IToken[] = [], index?: ReadonlyMap<IToken, number>): Diagnostic {
  let facts: ErrorFacts;
  try {
    facts = JSON.parse(e.message) as ErrorFacts;
  } catch {
    facts = { expected: [], found: e.token.image, foundType: e.token.tokenType?.name ?? '' };
  }
  const t = e.token;
  const atEnd = t.tokenType?.name === 'EOF' || isNaN(t.startOffset);
  // The end of a declaration is just after its last token, not the end of the file.
  const last = tokens[tokens.length - 1];
  const endAt = last ? (last.endOffset ?? last.startOffset) + 1 : source.length;
  const span = atEnd ? { start: endAt, end: endAt } : { start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1 };
  const expected: Text = { en: describeExpected(facts.expected, 'en'), zh: describeExpected(facts.expected, 'zh') };
  const found: Text = atEnd ? { en: 'the end of the file', zh: '文件结尾' } : { en: `\`${facts.found}\``, zh: `\`${facts.found}\`` };
  const at = index ? (index.get(e.token) ?? -1) : tokens.indexOf(e.token);
  const previous = at > 0 ? tokens[at - 1] : atEnd ? last : undefined;
  // When the unexpected token starts a new line, the mistake is where the previous line stopped
  // (`deduct 1 per x,` then `}`): point just after the previous token.
  // Only for a closing bracket or the end: any other token may itself be the mistake.
  const closer = atEnd || t.tokenType === T.RBrace || t.tokenType === T.RParen || t.tokenType === T.RBracket;
  const afterPrevious = closer && previous && !isNaN(previous.startOffset) && (atEnd || source.slice((previous.endOffset ?? previous.startOffset) + 1, span.start).includes('\n'));
  const previousEnd = previous ? (previous.endOffset ?? previous.startOffset) + 1 : 0;
  const where = afterPrevious ? { start: previousEnd, end: previousEnd } : span;
  // A declaration where a block's line was expected: the block before it lacks its `}`.
  const declaration = ['Item', 'Section', 'Bonus', 'Penalty'].includes(facts.foundType);
  const open = facts.expected.includes('RBrace') ? unclosedBrace(tokens, atEnd ? tokens.length : Math.max(0, at), !declaration) : undefined;
  const advice = syntaxAdvice(facts, e, previous, declaration);
  return diag(
    'E0002',
    where,
    { expected, found, after: afterPrevious ? previous!.image : undefined, advice },
    {
      labels: open ? [label({ start: open.startOffset, end: open.startOffset + 1 }, 'this `{` is never closed', '这个 `{` 没有闭合')] : [],
      fixes: adviceFixes(advice, facts, e.token, previous, where),
    },
  );
}

/** Tokens that do not start a declaration, at the top level of a file. */
export function strayTokens(chunk: IToken[], source: string): Diagnostic {
  const t = chunk[0];
  return syntaxDiagnostic(
    { message: JSON.stringify({ expected: ['declaration'], found: t.image, foundType: t.tokenType.name }), token: t, name: 'MismatchedTokenException', resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] } } as IRecognitionException,
    source,
  );
}

/** The innermost `{` open before token `at` that no `}` closes before it (nor after it, with `after`). */
function unclosedBrace(tokens: IToken[], at: number, after: boolean): IToken | undefined {
  const stack: IToken[] = [];
  for (const t of tokens.slice(0, at)) {
    if (t.tokenType === T.LBrace) stack.push(t);
    else if (t.tokenType === T.RBrace) stack.pop();
  }
  // A `}` further on may close it: the mistake is then something else in the block.
  let depth = stack.length;
  if (after) for (const t of tokens.slice(at)) {
    if (t.tokenType === T.LBrace) depth++;
    else if (t.tokenType === T.RBrace && --depth < stack.length) stack.pop();
  }
  return stack[stack.length - 1];
}

const TOKEN_WORDS: Record<string, Text> = {
  Identifier: { en: 'a name', zh: '名称' },
  NumberLit: { en: 'a number', zh: '数字' },
  StringLit: { en: 'a quoted label', zh: '带引号的名称' },
  // A declaration is parsed on its own, so its "end of input" is where the next declaration starts.
  EOF: { en: 'the end of the declaration', zh: '声明结束' },
  declaration: { en: 'a declaration (`section`, `item`, `input`, `bonus`, `veto`, `grade`, `let`, `eligible`, `example`, …)', zh: '声明（`小节`、`输入`、`加分`、`否决`、`等级`、`设`、`参评条件`、`示例` 等）' },
  Comparison: { en: 'a comparison (`<`, `>=`, …)', zh: '比较符（`<`、`>=` 等）' },
  AggregateFn: { en: 'an aggregate (`sum`, `max`, …)', zh: '汇总函数（`合计`、`最大值` 等）' },
};

function describeToken(name: string, lang: 'en' | 'zh'): string {
  const w = TOKEN_WORDS[name];
  if (w) return w[lang];
  const spelled = spelling(name, lang);
  if (spelled) return `\`${spelled}\``;
  const tt = T.allTokens.find((x) => x.name === name);
  return (tt?.LABEL as string | undefined) ?? name;
}

function describeExpected(names: string[], lang: 'en' | 'zh'): string {
  const words = [...new Set(names.map((n) => describeToken(n, lang)))];
  if (words.length === 0) return lang === 'en' ? 'something else' : '其他内容';
  if (words.length > 6) {
    const shown = words.slice(0, 6).join(lang === 'en' ? ', ' : '、');
    return lang === 'en' ? `one of ${shown}, …` : `${shown} 等之一`;
  }
  return listOr(words, lang);
}

/** A name to offer instead of a keyword used as one. */
function alternativeName(keyword: string): string {
  return /[\u4e00-\u9fff]/.test(keyword) ? `${keyword}名称` : `${keyword}_name`;
}

/** Keywords a declaration's label follows. */
const LABELLED = new Set(['Scheme', 'Section', 'Item', 'Bonus', 'Penalty', 'Example']);

/** Advice for the syntax mistakes drafters make most. */
function syntaxAdvice(facts: ErrorFacts, e: IRecognitionException, previous: IToken | undefined, declaration: boolean): SyntaxAdvice | undefined {
  const rules = e.context?.ruleStack ?? [];
  const glued = (name: string): SyntaxAdvice | undefined => {
    const keyword = gluedKeyword(name);
    if (!keyword) return undefined;
    // After `指标`, `小节`, `加分` … comes a label, never a name: `指标项` is a longer word for the keyword.
    const spec = KEYWORDS.find((k) => k.zh.includes(keyword));
    return spec && LABELLED.has(spec.name) ? { k: 'longKeyword', name, keyword } : { k: 'glued', name, keyword, split: `${keyword} ${name.slice(keyword.length)}` };
  };
  if (facts.foundType === 'Identifier') {
    const g = glued(facts.found);
    if (g) return g;
  }
  if (previous?.tokenType === T.Identifier) {
    const g = glued(previous.image);
    if (g) return g;
  }
  if (facts.foundType === 'IfZero' && facts.expected.includes('If')) return { k: 'ifZero' };
  const keyword = KEYWORDS.find((k) => k.name === facts.foundType);
  const wantsName = facts.expected.includes('Identifier') || ((rules.includes('fieldList') || rules.includes('record')) && facts.expected.includes('RBrace'));
  if (keyword && wantsName) return { k: 'keywordAsName', found: facts.found, canonical: { en: keyword.en[0], zh: keyword.zh[0] }, alternative: alternativeName(facts.found) };
  if (facts.expected.includes('StringLit') && facts.foundType === 'Identifier' && (rules.includes('item') || rules.includes('section') || rules.includes('header'))) return { k: 'quoteLabel', name: facts.found };
  if (facts.expected.includes('RBrace') && facts.foundType === 'EOF') return { k: 'unclosed' };
  if (!declaration && (rules.includes('blockLine') || (rules.includes('itemBody') && facts.expected.includes('RBrace')))) return { k: 'blockLine' };
  return undefined;
}

/** The edit that carries out a piece of advice, where one edit can. */
function adviceFixes(advice: SyntaxAdvice | undefined, facts: ErrorFacts, found: IToken, previous: IToken | undefined, at: { start: number; end: number }): Fix[] {
  if (!advice) return [];
  const spanOf = (t: IToken) => ({ start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1 });
  switch (advice.k) {
    case 'glued':
    case 'longKeyword': {
      // The name the keyword is glued to: the token found, or the one before it.
      const t = found.image === advice.name ? found : previous?.image === advice.name ? previous : undefined;
      if (!t || isNaN(t.startOffset)) return [];
      const text = advice.k === 'glued' ? advice.split : advice.keyword;
      return [replaceWith(spanOf(t), text, { en: `Write \`${text}\``, zh: `改为 \`${text}\`` })];
    }
    case 'quoteLabel':
      if (isNaN(found.startOffset)) return [];
      return [replaceWith(spanOf(found), `"${facts.found}"`, { en: `Quote the label: "${facts.found}"`, zh: `给名称加引号："${facts.found}"` })];
    case 'unclosed':
      return [replaceWith({ start: at.start, end: at.start }, '\n}', { en: 'Add the missing `}`', zh: '补上缺少的 `}`' })];
    default:
      return [];
  }
}
