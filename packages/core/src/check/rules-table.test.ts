// The rules table's model and the sentences it is made of: each rule as a 考核细则表 writes it,
// sections as headings, bonuses, vetoes and grades at the end, in the scheme's own language.
// (Every seed example's whole table is a golden file beside it: examples/*/rules-table.md.)
import { describe, expect, it } from 'vitest';
import { compile, rulesTable, ruleSentence, schemeLanguage } from '../index.js';

const model = (source: string) => compile('s.assess', source).model;
const sentence = (source: string, label: string, lang: 'zh' | 'en' = 'zh') => {
  const m = model(source);
  return ruleSentence(m, m.ofKind('item', 'bonus', 'penalty').find((d) => d.name === label)!.item!, lang);
};

const TOWNS = `方案 "镇考核" 总分 20
输入 {
  少报次数 : 次数 "进展情况、年终总结等材料少报次数"
  审批不全笔数 : 次数
  场地面积 : 数值
  组织体系 : 是否 "建立健全组织领导和工作体系"
  执行率 : 百分比 "预算支出执行率"
  荣誉 : 列表 { 项目 : 文本, 级别 : 市级 | 省级 | 国家级, 年度 : 整数, 佐证 : 文本 可选 }
  受处分人数 : 次数
}
小节 "定性考核" 满分 20 {
  指标 "材料报送" 满分 5：每 少报次数 扣 1
  指标 "支出审批" 满分 3：每 审批不全笔数 扣 0.5，最多 2
  指标 "组织领导" 满分 2 { 2 若 组织体系 }
  指标 "场地" 满分 5 { 5 若 场地面积 >= 50 }
  指标 "预算执行" 满分 5：比例 执行率 / 95%
}
加分 "项目加分"：荣誉 需 佐证，其中 年度 = 2024，同一 项目 取最高，市级 3，省级 6，国家级 10，封顶 10 按比例
一票否决 "所属人员受到处分" 若 受处分人数 > 0
等级 {
  一票否决 "不予命名"
  "规范化单位" 若 总分 >= 18
  否则 "继续努力"
}
`;

describe('rule sentences', () => {
  it('a deduction per occurrence is read by what is counted: 少报，每次扣 1 分，扣完为止', () => {
    expect(sentence(TOWNS, '材料报送')).toBe('进展情况、年终总结等材料少报，每次扣 1 分，扣完为止。');
    expect(sentence(TOWNS, '支出审批')).toBe('审批不全，每笔扣 0.5 分，最多扣 2 分。');
  });
  it('conditions in words: a yes/no by its label, comparisons, ratios', () => {
    expect(sentence(TOWNS, '组织领导')).toBe('建立健全组织领导和工作体系的，得 2 分。');
    expect(sentence(TOWNS, '场地')).toBe('场地面积达到 50 的，得 5 分。');
    expect(sentence(TOWNS, '预算执行')).toBe('“预算支出执行率”达到 95% 的得 5 分，未达到的按比例计分。');
  });
  it('tiers: each entry, evidence, the year, the highest level per project, the cap scaled in proportion', () => {
    expect(sentence(TOWNS, '项目加分')).toBe('每项市级 3 分、省级 6 分、国家级 10 分，须有佐证，限年度为 2024，同一项目按最高等次计，累计超过 10 分的，最高者计 10 分，其余按比例折算。');
  });
  it('bands as ranges, linear scales with their ends', () => {
    const s = `scheme "s" total 20\ninput { sales : number, growth : percent }\nitem "a" max 10: bands sales { < 10: 0, < 20: 5, else: 10 }\nitem "b" max 10: linear growth from 0 -> 0 to 30% -> 10\n`;
    expect(sentence(s, 'a')).toBe('sales低于 10 的得 0 分，10 至 20 的得 5 分，20 及以上的得 10 分。');
    expect(sentence(s, 'b')).toBe('growth不超过 0 的得 0 分，达到 30% 的得 10 分，其间按比例计分。');
    expect(sentence(s, 'a', 'en')).toBe('0 points below 10, 5 points from 10 to below 20, 10 points from 20 up.');
  });
});

describe('rule sentences over lists and named values', () => {
  const LISTS = `方案 "指导员考核" 总分 20
输入 {
  驻村记录 : 列表 { 月份 : 整数, 天数 : 整数 }
  请假记录 : 列表 { 天数 : 整数, 审批 : 乡镇党委 | 县农指办 }
  目标 : 列表 { 基本分 : 数值, 完成率 : 百分比 }
  户籍人口 : 整数
}
设 完成分 = sum(目标, 基本分 * min(完成率, 1))
设 系数 = 1 + bands 户籍人口 { < 1000: 0, < 3000: 0.02, 否则: 0.04 }
指标 "驻村时间" 满分 10：每 count(驻村记录 where 天数 < 20) 扣 2.5
指标 "请销假" 满分 6：每 count(请假记录 where 天数 > 2 且 审批 = 乡镇党委) 扣 2
指标 "目标" 满分 4：完成分
`;
  const lets = () => rulesTable(model(LISTS)).groups.find((g) => g.heading === '计算口径')!.rows.map((r) => r.rule);
  it('a deduction per entry of a list counted where a condition holds: 驻村记录中天数低于 20 的，每条扣 2.5 分', () => {
    expect(sentence(LISTS, '驻村时间')).toBe('驻村记录中天数低于 20 的，每条扣 2.5 分，扣完为止。');
    expect(sentence(LISTS, '请销假')).toBe('请假记录中天数超过 2 且审批为乡镇党委的，每条扣 2 分，扣完为止。');
  });
  it('a shortfall below a number, one at a time: 台账中完整的条数不足 8 条的，每少 1 条扣 3 分', () => {
    const s = `方案 "s" 总分 30\n输入 { 台账 : 列表 { 完整 : 是否 }, 学习次数 : 次数 "集中学习次数" }\n指标 "台账" 满分 24：每 (8 - count(台账 where 完整)) 扣 3\n指标 "学习" 满分 6：每 (12 - 学习次数) 扣 0.5\n`;
    expect(sentence(s, '台账')).toBe('台账中完整的条数不足 8 条的，每少 1 条扣 3 分，扣完为止。');
    expect(sentence(s, '学习')).toBe('“集中学习次数”不足 12 次的，每少 1 次扣 0.5 分，扣完为止。');
  });
  it('named values in words: a sum over a list, a value capped by min, bands as ranges taken', () => {
    expect(lets()).toEqual(['完成分 = 目标中各条基本分 × 完成率（超过 1 按 1 计）的合计', '系数 = 1 + （户籍人口低于 1000 的取 0，1000 至 3000 的取 0.02，3000 及以上的取 0.04）']);
  });
});

describe('the rules table', () => {
  it('sections as headings with their points, bonuses, vetoes and grades at the end', () => {
    const t = rulesTable(model(TOWNS));
    expect(t.lang).toBe('zh');
    expect(t.header).toEqual(['考核项目', '分值', '考核内容及评分标准']);
    expect(t.notes).toEqual(['满分 20 分。']);
    expect(t.groups.map((g) => g.heading)).toEqual(['一、定性考核（20 分）', '加分项目', '一票否决', '等级评定（自上而下依次判定）']);
    expect(t.groups[0].rows.map((r) => [r.item, r.points])).toEqual([
      ['材料报送', '5'],
      ['支出审批', '3'],
      ['组织领导', '2'],
      ['场地', '5'],
      ['预算执行', '5'],
    ]);
    expect(t.groups[2].rows).toEqual([{ item: '所属人员受到处分', points: '—', rule: '有受处分的，实行一票否决。' }]);
    expect(t.groups[3].rows.map((r) => `${r.item}：${r.rule}`)).toEqual(['不予命名：被一票否决的。', '规范化单位：总分达到 18 分。', '继续努力：其余。']);
  });
  it('is in the language of the scheme’s words, not of its keywords; English when they are English', () => {
    const zhWords = `scheme "村考核" total 10\ninput { a : yes/no }\nitem "组织" max 10 { 10 if a }\n`;
    expect(schemeLanguage(model(zhWords))).toBe('zh');
    const en = rulesTable(model(`scheme "Villages" total 10\ninput { a : yes/no "a plan adopted" }\nsection "Work" weight 100% {\n  item "plan" max 10 { 10 if a }\n}\n`));
    expect(en.lang).toBe('en');
    expect(en.header).toEqual(['item', 'points', 'what is assessed and how it is scored']);
    expect(en.groups.map((g) => [g.heading, g.rows.map((r) => r.rule)])).toEqual([['1. Work (weight 100%)', ['10 points if a plan adopted.']]]);
  });
  it('keeps a label’s own numbering, numbers nested sections (一)', () => {
    const t = rulesTable(model(`scheme "s" total 10\ninput { a : yes/no }\nsection "一、大项" max 10 {\n  section "小项" max 10 {\n    item "x" max 10 { 10 if a }\n  }\n}\n`));
    expect(t.groups.map((g) => [g.heading, g.depth])).toEqual([
      ['一、大项（10 分）', 0],
      ['（一）小项（10 分）', 1],
    ]);
  });
});
