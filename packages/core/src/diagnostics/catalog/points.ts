// E03xx and W03xx: the points do not add up, or a rule cannot do what it says.
import type { Text } from '../../common/text.js';
import { error, q, warning, type NoArgs } from './entry.js';

export const points = {
  E0301: error<{ section: string; sum: string; max: string; parts: string; withSections?: boolean }>({
    en: (a) => `the ${a.withSections ? 'items and sections' : 'items'} of section "${a.section}" add up to ${a.sum}, but the section's max is ${a.max}`,
    zh: (a) => `小节 "${a.section}" 各${a.withSections ? '指标与子小节' : '指标'}满分合计 ${a.sum}，与小节满分 ${a.max} 不符`,
    hint: (a) => ({ en: a.parts, zh: a.parts }),
  }),
  E0302: error<{ sum: string; total: string; parts: string }>({
    en: (a) => `the sections add up to ${a.sum}, but the scheme's total is ${a.total}`,
    zh: (a) => `各小节满分合计 ${a.sum}，与方案总分 ${a.total} 不符`,
    hint: (a) => ({ en: a.parts, zh: a.parts }),
  }),
  E0303: error<{ sum: string; parts: string }>({
    en: (a) => `the section weights add up to ${a.sum}, not 100%`,
    zh: (a) => `各小节权重合计 ${a.sum}，不是 100%`,
    hint: (a) => ({ en: a.parts, zh: a.parts }),
  }),
  E0304: error<NoArgs>({
    en: () => 'some sections have a weight and others do not',
    zh: () => '部分小节设了权重，部分没有',
    hint: () => ({ en: 'give every section a weight, or none', zh: '要么每个小节都设权重，要么都不设' }),
  }),
  E0305: error<{ what: Text; bonus?: boolean }>({
    en: (a) => (a.bonus ? `${a.what.en} needs a max: its rule has no highest value` : `${a.what.en} needs a max`),
    zh: (a) => (a.bonus ? `${a.what.zh} 需要设满分：其规则没有最高值` : `${a.what.zh} 需要设满分`),
    hint: (a) =>
      a.bonus
        ? { en: 'write `max N` after the label, or end the rule with `cap N`', zh: '请在名称后写 `满分 N`，或在规则末尾加 `封顶 N`' }
        : { en: 'write `max N` after the label', zh: '请在名称后写 `满分 N`' },
  }),
  E0307: error<NoArgs>({
    en: () => 'a linear scale needs its points in increasing order',
    zh: () => '线性计分的各点须按从小到大排列',
  }),
  E0308: error<{ what: Text }>({
    en: (a) => `a grade block may have only one ${a.what.en} line`,
    zh: (a) => `等级块中只能有一行 ${a.what.zh}`,
  }),
  E0309: error<{ what: Text }>({
    en: (a) => `${a.what.en} must be more than 0`,
    zh: (a) => `${a.what.zh} 必须大于 0`,
  }),
  E0310: error<{ max: string; places: number }>({
    en: (a) => `the max ${a.max} has more decimal places than the scores are rounded to (${a.places})`,
    zh: (a) => `满分 ${a.max} 的小数位数多于计分精度（${a.places} 位）`,
    hint: () => ({ en: 'raise the precision, or give a max with fewer decimal places', zh: '请提高精度，或改用小数位数更少的满分' }),
  }),
  E0311: error<{ what: Text }>({
    en: (a) => `${a.what.en} cannot read values across units: who is assessed, and in which group, is settled before any of them`,
    zh: (a) => `${a.what.zh} 不能使用全体单位的汇总值或排名：参评与分组要先于它们确定`,
    hint: () => ({ en: 'use the unit’s own inputs here', zh: '此处请只用本单位自己的数据' }),
  }),
  E0312: error<{ quota: string }>({
    en: (a) => `a grade quota must be a whole number of units or a percentage of the units assessed, not ${a.quota}`,
    zh: (a) => `等级名额应为单位个数（整数）或参评单位数的百分比，不能是 ${a.quota}`,
    hint: () => ({ en: 'for example `, max 20%` or `, max 3`', zh: '例如 `，最多 20%` 或 `，最多 3`' }),
  }),
  W0301: warning<{ item: string; max: string; high: string }>({
    en: (a) => `item "${a.item}" can never reach its max ${a.max} (at most ${a.high})`,
    zh: (a) => `指标 "${a.item}" 永远达不到满分 ${a.max}（最多 ${a.high}）`,
    hint: () => ({ en: 'check the rule, or lower the max', zh: '请检查规则，或降低满分' }),
  }),
  W0302: warning<{ what: 'fire' | 'apply'; left: string; range: string }>({
    en: (a) => `this ${a.what === 'apply' ? 'grade line' : 'rule'} can never ${a.what}`,
    zh: (a) => (a.what === 'apply' ? '这一等级条件永远不会适用' : '这条规则永远不会生效'),
    hint: (a) => ({ en: `${q(a.left)} is always within ${a.range}`, zh: `${q(a.left)} 的取值总在 ${a.range} 之内` }),
  }),
  W0303: warning<{ name: string }>({
    en: (a) => `input ${q(a.name)} is never used`,
    zh: (a) => `输入 ${q(a.name)} 没有被使用`,
    hint: () => ({ en: 'remove it, or use it in a rule', zh: '删除它，或在规则中使用它' }),
  }),
  W0304: warning<NoArgs>({
    en: () => 'the scheme has vetoes but its grade block has no `veto` line, so a vetoed unit gets no grade',
    zh: () => '方案设有一票否决，但等级块中没有 `否决` 行，被否决的单位将没有等级',
    hint: () => ({ en: 'add a line such as `veto "不予命名"`', zh: '加一行，如 `否决 "不予命名"`' }),
  }),
  W0305: warning<NoArgs>({
    en: () => 'no grade line matches some totals, so those units get no grade',
    zh: () => '部分总分没有对应的等级行，这些单位将没有等级',
    hint: () => ({ en: 'end the grade block with `otherwise "…"`', zh: '在等级块末尾加 `否则 "…"`' }),
  }),
  W0306: warning<{ name: string }>({
    en: (a) => `the named value ${q(a.name)} (\`let\`) is never used`,
    zh: (a) => `命名值 ${q(a.name)}（\`设\`）没有被使用`,
    hint: () => ({ en: 'remove it, or use it in a rule', zh: '删除它，或在规则中使用它' }),
  }),
};
