// The bilingual keyword table: the single source of truth for the lexer, the docs table,
// syntax-error wording, keyword translation and editor highlighting.
//
// Every keyword is one token type with several spellings, English and Chinese. The parser
// only sees token types, so a scheme written with Chinese keywords parses to exactly the
// same tree as its English twin.

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
  { name: 'Rank', en: ['rank'], zh: ['排名'], meaning: 'rank points; a rank in the cohort (`rank by`)' },
  { name: 'Place', en: ['place'], zh: ['名次', '位次'], meaning: 'the unit’s final place (grade lines); how vetoed and ineligible units are placed; rank points' },
  { name: 'CohortSize', en: ['cohort size'], zh: ['参评单位数', '参评数'], meaning: 'how many units are assessed (in the unit’s group)' },
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
  { name: 'Veto', en: ['veto', 'vetoed'], zh: ['一票否决', '否决'], meaning: 'one-vote veto' },
  { name: 'Eligible', en: ['eligible'], zh: ['参评条件', '参评'], meaning: 'who is assessed: `eligible if …`' },
  { name: 'Ineligible', en: ['ineligible'], zh: ['不参评'], meaning: 'units that are not assessed (grade line, places)' },
  { name: 'Within', en: ['within'], zh: ['分组'], meaning: 'cohort rules and places run within groups' },
  { name: 'Last', en: ['last'], zh: ['排后'], meaning: 'placed after the others' },
  { name: 'Unplaced', en: ['unplaced'], zh: ['不排名'], meaning: 'left without a place' },
  { name: 'NotApplicable', en: ['not applicable'], zh: ['不适用'], meaning: 'the item is not scored for the unit; its section is scored on the items that apply' },
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

/** Is this token one of the keyword spellings written in Chinese? */
export function isChineseSpelling(image: string): boolean {
  return /[\u3400-\u9fff]/.test(image);
}

/** Canonical spelling of a keyword token in the given language. */
export function spelling(tokenName: string, lang: 'en' | 'zh'): string | undefined {
  const k = KEYWORDS.find((x) => x.name === tokenName);
  return k ? k[lang][0] : undefined;
}

/** Every Chinese spelling, longest first. */
const ZH_SPELLINGS = KEYWORDS.flatMap((k) => k.zh).sort((a, b) => b.length - a.length);

/** The Chinese keyword a name starts with, as in `每少报次数` (每 + 少报次数). */
export function gluedKeyword(name: string): string | undefined {
  if (!/^[\u4e00-\u9fff]/.test(name)) return undefined;
  return ZH_SPELLINGS.find((s) => name.startsWith(s) && name.length > s.length);
}

/**
 * Split a name that swallowed keywords, as in `每少报次数扣1` → `每 少报次数 扣 1`, when the
 * split finds a known name in it. Undefined when it does not read that way.
 */
export function splitGlued(name: string, known: string[]): string | undefined {
  const names = [...known].sort((a, b) => b.length - a.length);
  const parts: string[] = [];
  let rest = '';
  let foundName = false;
  let foundKeyword = false;
  for (let i = 0; i < name.length; ) {
    const n = names.find((x) => x.length > 0 && name.startsWith(x, i));
    const k = n ? undefined : ZH_SPELLINGS.find((x) => name.startsWith(x, i));
    const d = n || k ? undefined : /^\d+(\.\d+)?/.exec(name.slice(i))?.[0];
    const piece = n ?? k ?? d;
    if (piece) {
      if (rest) parts.push(rest);
      rest = '';
      parts.push(piece);
      foundName ||= !!n;
      foundKeyword ||= !!k;
      i += piece.length;
    } else rest += name[i++];
  }
  if (rest) parts.push(rest);
  return foundName && foundKeyword && parts.length > 1 ? parts.join(' ') : undefined;
}
