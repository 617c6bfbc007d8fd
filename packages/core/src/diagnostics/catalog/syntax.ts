// E00xx: the text could not be read as a scheme.
import type { Text } from '../../common/text.js';
import { error, q, type NoArgs } from './entry.js';

/** Advice a syntax error can carry, each a known drafting slip. */
export type SyntaxAdvice =
  /** `每少报次数` read as one name: the keyword `每` glued to the name (`split`: `每 少报次数`, the message's and the fix's text). */
  | { k: 'glued'; name: string; keyword: string; split: string }
  /** `指标项 "报送"`: a longer word for a keyword that a label follows (`指标`), which no space would mend. */
  | { k: 'longKeyword'; name: string; keyword: string }
  /** `if zero` read as the ratio keyword, where the author meant `if` and a name `zero`. */
  | { k: 'ifZero' }
  /** A keyword written where a name goes. */
  | { k: 'keywordAsName'; found: string; canonical: Text; alternative: string }
  /** A label written without quotes. */
  | { k: 'quoteLabel'; name: string }
  /** A `{` that nothing closes. */
  | { k: 'unclosed' }
  /** A line of a `{ … }` block that is none of the lines a block holds. */
  | { k: 'blockLine' };

function advice(a: SyntaxAdvice): Text {
  switch (a.k) {
    case 'glued':
      return { en: `${q(a.name)} reads as one name; put a space after the keyword: ${q(a.split)}`, zh: `${q(a.name)} 被当成了一个名称；请在关键字后加空格：${q(a.split)}` };
    case 'longKeyword':
      return { en: `${q(a.name)} is not a keyword; write ${q(a.keyword)}`, zh: `${q(a.name)} 不是关键字；请写作 ${q(a.keyword)}` };
    case 'ifZero':
      return { en: '`if zero` is read as one keyword (a ratio’s fallback); give the input another name than `zero`', zh: '`if zero` 是一个关键字（比例的目标值为零时）；请给该输入换一个名称，不要用 `zero`' };
    case 'keywordAsName':
      return {
        en: `${q(a.found)} is a keyword${a.found === a.canonical.en ? '' : ` (${q(a.canonical.en)})`} and cannot be a name; choose another name, such as ${q(a.alternative)}`,
        zh: `${q(a.found)} 是关键字${a.found === a.canonical.zh ? '' : `（${q(a.canonical.zh)}）`}，不能用作名称；请换一个名称，如 ${q(a.alternative)}`,
      };
    case 'quoteLabel':
      return { en: `labels are quoted: "${a.name}"`, zh: `名称需加引号："${a.name}"` };
    case 'unclosed':
      return { en: 'a `{` is never closed; add `}`', zh: '有 `{` 没有闭合，请补上 `}`' };
    case 'blockLine':
      return {
        en: 'each line of a `{ … }` block is `N if condition`, `deduct N if condition` (N may be a formula), `deduct K per X [, max D]`, or `cap N`, `round N`, `void if condition`, `not applicable if condition`; for one formula for the whole item write `item "x" max M: formula`',
        zh: '`{ … }` 中每行可写 `N 若 条件`、`扣 N 若 条件`（N 可为计算式）、`每 X 扣 K [, 最多 D]`，或 `封顶 N`、`四舍五入 N`、`作废 若 条件`、`不适用 若 条件`；整项只用一个计算式请写 `指标 "x" 满分 M: 计算式`',
      };
  }
}

export const syntax = {
  E0001: error<{ text: string; halfWidth?: string }>({
    en: (a) => `unexpected character ${q(a.text)}`,
    zh: (a) => `无法识别的字符 ${q(a.text)}`,
    hint: (a) =>
      a.halfWidth
        ? { en: `use the half-width ${q(a.halfWidth)}`, zh: `请改用半角的 ${q(a.halfWidth)}` }
        : { en: 'remove it, or put it inside a quoted label', zh: '删除它，或者把它放进带引号的名称里' },
  }),
  E0002: error<{ expected: Text; found: Text; after?: string; advice?: SyntaxAdvice }>({
    en: (a) => (a.after === undefined ? `expected ${a.expected.en}, found ${a.found.en}` : `expected ${a.expected.en} after ${q(a.after)}, found ${a.found.en}`),
    zh: (a) => (a.after === undefined ? `这里应为 ${a.expected.zh}，实际是 ${a.found.zh}` : `${q(a.after)} 之后应为 ${a.expected.zh}，实际是 ${a.found.zh}`),
    hint: (a) => (a.advice ? advice(a.advice) : undefined),
  }),
  E0004: error({
    en: () => 'a scheme starts with `scheme "name" total N`',
    zh: () => '方案文件应以 `方案 "名称" 总分 N` 开头',
  }),
  E0005: error<{ size: number; limit: number }>({
    en: (a) => `the file is too large (${a.size} characters; the limit is ${a.limit})`,
    zh: (a) => `文件过大（${a.size} 个字符，上限 ${a.limit}）`,
  }),
  E0006: error<{ limit: number }>({
    en: (a) => `nesting is too deep (more than ${a.limit} levels)`,
    zh: (a) => `嵌套层数过多（超过 ${a.limit} 层）`,
  }),
  E0007: error<{ name: string; member?: boolean }>({
    en: (a) => (a.member ? `${q(a.name)} is listed twice` : `${q(a.name)} is defined twice`),
    zh: (a) => (a.member ? `${q(a.name)} 重复列出` : `${q(a.name)} 重复定义`),
    hint: (a) => (a.member ? { en: 'keep one', zh: '保留一个即可' } : { en: 'give one of them another name', zh: '请给其中一个换个名字' }),
  }),
  E0008: error<{ what: Text }>({
    en: (a) => `there is more than one ${a.what.en} block`,
    zh: (a) => `出现了多个 ${a.what.zh} 块`,
    hint: () => ({ en: 'merge them into one', zh: '请合并为一个' }),
  }),
  E0009: error<{ clause: Text; rule: Text }>({
    en: (a) => `${a.clause.en} does not go with ${a.rule.en}`,
    zh: (a) => `${a.clause.zh} 不能用于${a.rule.zh}`,
  }),
  E0010: error<NoArgs>({
    en: () => 'rank points need `first N, step N`',
    zh: () => '名次计分需要写明 `第一名 N, 每名 N`',
    hint: () => ({ en: 'for example `rank r, first 40, step 5`', zh: '例如 `名次 r, 第一名 40, 每名 5`' }),
  }),
  E0011: error<NoArgs>({
    en: () => 'a tier table needs at least one tier such as `city 3`',
    zh: () => '档次表至少需要一个档次，如 `市级 3`',
  }),
  E0013: error<{ label: string }>({
    en: (a) => `the label ${q(a.label)} is not closed: a label ends with a quote on the same line`,
    zh: (a) => `名称 ${q(a.label)} 缺少结尾的引号：名称须在同一行内用引号括起来`,
    hint: (a) => ({ en: `write "${a.label}"`, zh: `写成 "${a.label}"` }),
  }),
  E0014: error<{ label: string }>({
    en: (a) => `this label holds quotes: ${q(a.label)}`,
    zh: (a) => `名称中含有引号：${q(a.label)}`,
    hint: () => ({ en: 'a label is in "…"; quotes inside it are written “…”', zh: '名称用 "…" 括起，名称里的引号请写成“…”' }),
  }),
  E0015: error<{ code: string; name: Text }>({
    en: (a) => `an invisible character that changes the direction of the text around it: ${a.code} (${a.name.en})`,
    zh: (a) => `改变周围文字方向的不可见字符：${a.code}（${a.name.zh}）`,
    hint: () => ({ en: 'it makes the line look other than what it says; remove it', zh: '它会让这一行看起来与实际所写的不同；请删除' }),
  }),
  E0012: error<{ clause: Text }>({
    en: (a) => `${a.clause.en} is given twice in this rule`,
    zh: (a) => `该规则中 ${a.clause.zh} 出现了两次`,
    hint: () => ({ en: 'keep one', zh: '保留一个即可' }),
  }),
};
