// The formulas drafters write (issue 12): penalties on the total and a floor, scores read by
// adjustments, named values and other items, formulas per list entry, expression points and
// per-occurrence deductions inside blocks, `if … then … else`, yes/no as 1/0 and as band keys,
// band thresholds from named values, progressive deductions, percentiles and top-k means.
// Numbers worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { compile, explainUnit, runExamples, translateKeywords, type Evaluation, type UnitResult } from '../index.js';
import { run, unit } from './testing/run.js';

const totals = (ev: Evaluation) => Object.fromEntries(ev.ids.map((id) => [id, unit(ev, id).total?.toString() ?? null]));
const item = (ev: Evaluation, id: string, label: string) => [...unit(ev, id).items, ...unit(ev, id).bonuses, ...unit(ev, id).penalties].find((i) => i.label === label)!.score?.toString() ?? null;
const errors = (src: string) => compile('c.assess', src).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

describe('penalties and the floor', () => {
  const src = `scheme "年度考核" total 100 floor 0
input { score : 0..100, notices : count "通报批评次数", accident : yes/no "发生安全事故" }
item "考核" max 100: score
penalty "通报批评": deduct 20 per notices
penalty "安全事故" max 30 {
  deduct 30 if accident
  deduct 5 per notices
}
`;
  it('take points off the total, below the sum of the items, not below the floor', () => {
    const ev = run(src, [
      { id: 'a', score: 90, notices: 0, accident: 'no' },
      // 90 − 20 − 5 = 65
      { id: 'b', score: 90, notices: 1, accident: 'no' },
      // 50 − 40 − min(30 + 10, 30) = −20 → the floor 0
      { id: 'c', score: 50, notices: 2, accident: 'yes' },
    ]);
    expect(totals(ev)).toEqual({ a: '90', b: '65', c: '0' });
    expect(item(ev, 'c', '通报批评')).toBe('40');
    expect(item(ev, 'c', '安全事故')).toBe('30');
    expect(unit(ev, 'c').penalty.toString()).toBe('70');
    const why = explainUnit(unit(ev, 'c'), 'zh');
    expect(why).toContain('减分 "通报批评"  −40');
    expect(why).toContain('总分 = 50 − 70（减分） = -20');
    expect(why).toContain('规则: { deduct 30 if accident; deduct 5 per notices }');
    expect(why).toContain('不低于最低分 0：-20 → 0');
    expect(explainUnit(unit(ev, 'b'), 'en')).toContain('total = 90 − 25 (penalties) = 65');
  });
  it('without a floor the total may go below 0', () => {
    const ev = run(src.replace(' floor 0', ''), [{ id: 'c', score: 50, notices: 2, accident: 'yes' }]);
    expect(totals(ev)).toEqual({ c: '-20' });
  });
  it('a penalty whose rule needs a max must declare one', () => {
    expect(errors('scheme "x" total 10\ninput { a : count, b : count }\nitem "i" max 10: a\npenalty "p": ratio a / b\n')).toEqual(['E0305']);
  });
});

describe('scores read by adjustments, named values and other items', () => {
  it('`total` in an adjustment is the total before it; items and sections can be read', () => {
    const src = `scheme "s" total 100
input { a : 0..60, b : 0..40 }
section "甲" max 60 {
  item "A" max 60: a
}
item "B" max 40: b
let base = section "甲" + item "B"
adjust total * (if total >= 90 then 1.1 else 1)
adjust total * (if item "A" = 60 then 1 else 0.9)
`;
    const ev = run(src, [
      // 60 + 35 = 95 → × 1.1 = 104.5; A = 60 → × 1
      { id: 'x', a: 60, b: 35 },
      // 50 + 30 = 80 → × 1 = 80; A = 50 → × 0.9 = 72
      { id: 'y', a: 50, b: 30 },
    ]);
    expect(totals(ev)).toEqual({ x: '104.5', y: '72' });
    const why = explainUnit(unit(ev, 'x'), 'en');
    expect(why).toContain('adjusted: × (if total >= 90 then 1.1 else 1) (1.1) = 104.5');
  });
  it('an item may read another item, in any order written', () => {
    const src = `scheme "s" total 20
input { a : 0..10 }
item "合计" max 10: item "基础" * 0.5 + 5
item "基础" max 10: a
`;
    const ev = run(src, [{ id: 'u', a: 8 }]);
    expect(item(ev, 'u', '合计')).toBe('9');
    expect(totals(ev)).toEqual({ u: '17' });
  });
  it('an item may read the sum of the bonuses, worked out before it', () => {
    const src = `scheme "s" total 20
input { a : 0..10, b : 0..10 }
item "奖励折算" max 10: bonus * 2
item "基础" max 10: a
bonus "加分" max 5: b
`;
    // bonus 4 → 8; 8 + 3 + 4 = 15. A bonus that does not apply reads as 0.
    const ev = run(src, [{ id: 'u', a: 3, b: 4 }]);
    expect(item(ev, 'u', '奖励折算')).toBe('8');
    expect(totals(ev)).toEqual({ u: '15' });
    const na = run(src.replace('max 5: b', 'max 5: b, not applicable if b > 5'), [{ id: 'v', a: 3, b: 9 }]);
    expect(item(na, 'v', '奖励折算')).toBe('0');
  });
  it('a named value that reads the total is fresh in each adjustment', () => {
    const src = `scheme "s" total 100
input { a : 0..100 }
item "A" max 100: a
let bonus_rate = if total >= 50 then 1.2 else 1
adjust total * bonus_rate
adjust total * bonus_rate
`;
    // 50 → × 1.2 = 60 → × 1.2 = 72; 40 → 40 → 40
    expect(totals(run(src, [{ id: 'u', a: 50 }, { id: 'v', a: 40 }]))).toEqual({ u: '72', v: '40' });
  });
  it('cycles are reported, through named values too', () => {
    expect(errors('scheme "x" total 20\ninput { a : 0..10 }\nitem "甲" max 10: min(a, item "乙")\nitem "乙" max 10: item "甲"\n')).toEqual(['E0113']);
    expect(errors('scheme "x" total 10\ninput { a : 0..10 }\nlet t = total / 10\nitem "甲" max 10: t\n')).toEqual(['E0113']);
    expect(errors('scheme "x" total 10\ninput { a : 0..10 }\nsection "S" max 10 {\n  item "甲" max 10: section "S" / 2\n}\n')).toEqual(['E0113']);
  });
  it('who is assessed cannot depend on a score', () => {
    expect(errors('scheme "x" total 10\ninput { a : 0..10 }\neligible if item "甲" > 0\nitem "甲" max 10: a\n')).toEqual(['E0114']);
  });
});

describe('formulas over list entries', () => {
  const src = `scheme "重点任务" total 30
input {
  targets : list of { base : number "基本分", goal : number "目标值", done : number "完成值", key : yes/no "重点" }
}
item "任务完成" max 30: sum(targets, base * min(done / goal, 1))
`;
  const rows = [{ id: 'u', targets: [ { base: 10, goal: 100, done: 80, key: 'yes' }, { base: 10, goal: 50, done: 60, key: 'no' }, { base: 10, goal: 20, done: 5, key: 'yes' } ] }];
  it('partial credit per target: Σ base × min(done / goal, 1)', () => {
    // 10 × 0.8 + 10 × 1 + 10 × 0.25 = 20.5
    expect(item(run(src, rows), 'u', '任务完成')).toBe('20.5');
  });
  it('max, min, avg per entry, and `where` before or after the formula', () => {
    const f = (formula: string) => item(run(src.replace('sum(targets, base * min(done / goal, 1))', formula), rows), 'u', '任务完成');
    expect(f('max(targets, done / goal) * 10')).toBe('12');
    expect(f('min(targets, done / goal) * 10')).toBe('2.5');
    expect(f('avg(targets, base) + 0')).toBe('10');
    expect(f('sum(targets, base * min(done / goal, 1) where key)')).toBe('10.5');
    expect(f('sum(targets where key, base * min(done / goal, 1))')).toBe('10.5');
    // a yes/no field counts as 1 or 0
    expect(f('sum(targets.key) * 10')).toBe('20');
    expect(f('count(targets where key) * 10')).toBe('20');
  });
  it('a band per entry', () => {
    const banded = src.replace('sum(targets, base * min(done / goal, 1))', 'sum(targets, bands done / goal { >= 1: base, >= 0.5: base / 2, else: 0 })');
    // 10 × … : 0.8 → 5, 1.2 → 10, 0.25 → 0
    expect(item(run(banded, rows), 'u', '任务完成')).toBe('15');
  });
});

describe('expressions where drafters write them', () => {
  it('points lines with expression points and per-occurrence deductions inside a block', () => {
    const src = `scheme "s" total 20
input { base : 0..10, late : count "迟报次数", ok : yes/no }
item "报送" max 20 {
  base * 2 if ok
  deduct 1, 2, 4 per late, max 10
}
`;
    const ev = run(src, [
      { id: 'a', base: 8, late: 0, ok: 'yes' },
      // 16 − (1 + 2 + 4) = 9
      { id: 'b', base: 8, late: 3, ok: 'yes' },
      // 16 − min(1 + 2 + 4 + 4 + 4, 10) = 6
      { id: 'c', base: 8, late: 5, ok: 'yes' },
    ]);
    expect(['a', 'b', 'c'].map((u) => item(ev, u, '报送'))).toEqual(['16', '9', '6']);
    const why = explainUnit(unit(ev, 'c'), 'zh');
    expect(why).toContain('得 base * 2 若 ok：是，16');
    expect(why).toContain('late = 5：扣 1 + 2 + 4 × 3 = 15，最多扣 10：扣 10');
  });
  it('progressive deductions from the max, a fraction paying its share of the next amount', () => {
    const src = 'scheme "s" total 10\ninput { late : number }\nitem "报送" max 10: deduct 1, 2, 4 per late\n';
    const ev = run(src, [{ id: 'a', late: 1 }, { id: 'b', late: 2 }, { id: 'c', late: 1.5 }, { id: 'd', late: 4 }]);
    // 10 − 1; 10 − 3; 10 − (1 + 0.5 × 2); 10 − (1 + 2 + 4 + 4) = −1 → 0
    expect(['a', 'b', 'c', 'd'].map((u) => item(ev, u, '报送'))).toEqual(['9', '7', '8', '0']);
    expect(explainUnit(unit(ev, 'b'), 'en')).toContain('late = 2: deduct 1 + 2 = 3; 10 − 3 = 7');
  });
  it('`if … then … else`, nested, in both keyword languages', () => {
    const src = 'scheme "s" total 10\ninput { a : number }\nitem "x" max 10: if a >= 90 then 10 else if a >= 60 then 6 else 0\n';
    const ev = run(src, [{ id: 'p', a: 95 }, { id: 'q', a: 70 }, { id: 'r', a: 10 }]);
    expect(totals(ev)).toEqual({ p: '10', q: '6', r: '0' });
    const zh = translateKeywords(src, 'zh');
    expect(zh).toContain('若 a >= 90 则 10 否则 若 a >= 60 则 6 否则 0');
    expect(totals(run(zh, [{ id: 'p', a: 95 }, { id: 'q', a: 70 }, { id: 'r', a: 10 }]))).toEqual({ p: '10', q: '6', r: '0' });
  });
  it('yes/no as 1 or 0 in arithmetic and sums across units, and as band keys', () => {
    const src = `scheme "s" total 20
input { org : yes/no, split : yes/no }
item "组织领导" max 10: 5 * org + 5 * split
item "分段" max 10: bands org { yes: 10, no: 2 }
let share = sum of org across units / cohort size
`;
    const ev = run(src + 'adjust total * (1 + share * 0)\n', [{ id: 'a', org: 'yes', split: 'no' }, { id: 'b', org: 'no', split: 'no' }]);
    expect(totals(ev)).toEqual({ a: '15', b: '2' });
  });
  it('band thresholds from named values and inputs', () => {
    const src = `scheme "s" total 10
input { funds : number, goal : number }
let stretch = goal * 1.2
item "到位资金" max 10: bands funds { >= stretch: 10, >= goal: 6, else: 0 }
`;
    const ev = run(src, [{ id: 'a', funds: 13, goal: 10 }, { id: 'b', funds: 10, goal: 10 }, { id: 'c', funds: 9, goal: 10 }]);
    expect(totals(ev)).toEqual({ a: '10', b: '6', c: '0' });
  });
  it('percentiles (interpolated, as spreadsheets do) and top-k means across units, within groups', () => {
    const src = `scheme "s" total 100
input { v : 0..100, area : 东 | 西 }
within area
item "A" max 100: v
let p80 = percentile 80 of v across units
let top2 = top 2 avg of v across units
grade {
  "前列" if total >= p80
  otherwise "一般"
}
adjust total * (1 + (p80 + top2) * 0)
`;
    const rows = [10, 20, 30, 40, 50].map((v, i) => ({ id: `e${i}`, v, area: '东' })).concat([{ id: 'w', v: 7, area: '西' }]);
    const ev = run(src, rows);
    // east: rank 0.8 × 4 = 3.2 → 40 + 0.2 × 10 = 42; only 50 is at or above it
    expect(Object.fromEntries(ev.ids.map((id) => [id, unit(ev, id).grade]))).toEqual({ e0: '一般', e1: '一般', e2: '一般', e3: '一般', e4: '前列', w: '前列' });
    const values = run(src.replace('total 100', 'total 300').replace('item "A" max 100: v', 'item "A" max 100: v\nitem "B" max 100: p80 + top2 * 0\nitem "C" max 100: top2'), rows);
    // top 2 of the east: (50 + 40) / 2 = 45; the west alone: 7
    expect([item(values, 'e0', 'B'), item(values, 'e0', 'C'), item(values, 'w', 'B'), item(values, 'w', 'C')]).toEqual(['42', '45', '7', '7']);
  });
});

describe('exact results and the rounding policy', () => {
  const thirds = `scheme "s" total 30
input { a : 0..3, b : 0..3, c : 0..3 }
item "A" max 10: 10 * a / 3
item "B" max 10: 10 * b / 3
item "C" max 10: 10 * c / 3
`;
  const row = [{ id: 'u', a: 1, b: 1, c: 1 }];
  it('divisions stay exact: three thirds of 10 add up to 10; a score that does not terminate is marked', () => {
    const ev = run(thirds, row);
    expect(item(ev, 'u', 'A')).toBe('3.3333333333…');
    expect(totals(ev)).toEqual({ u: '10' });
    expect(explainUnit(unit(ev, 'u'), 'en')).toContain('item "A"  3.3333333333… / 10');
  });
  it('`precision P` rounds each score, then adds; `precision P total only` adds, then rounds', () => {
    // each: 3.33 + 3.33 + 3.33 = 9.99; total only: 10/3 × 3 = 10
    expect(totals(run(thirds.replace('total 30', 'total 30 precision 2'), row))).toEqual({ u: '9.99' });
    const ev = run(thirds.replace('total 30', 'total 30 precision 2 total only'), [{ id: 'u', a: 1, b: 1, c: 2 }]);
    // 10/3 + 10/3 + 20/3 = 40/3 = 13.333… → 13.33
    expect(item(ev, 'u', 'C')).toBe('6.6666666667…');
    expect(totals(ev)).toEqual({ u: '13.33' });
    expect(explainUnit(unit(ev, 'u'), 'zh')).toContain('总分四舍五入保留 2 位小数（本方案只对总分取舍）：13.3333333333… → 13.33');
    expect(translateKeywords(thirds.replace('total 30', 'total 30 precision 2 total only'), 'zh')).toContain('精度 2 仅总分');
  });
  it('half-up is away from zero on negatives (四舍五入)', () => {
    const src = 'scheme "s" total 10 floor -100 precision 1 total only\ninput { a : number }\nitem "A" max 10: a\npenalty "P": 0.25 if a < 1\n';
    // 0 − 0.25 = −0.25 → −0.3
    expect(totals(run(src, [{ id: 'u', a: 0 }]))).toEqual({ u: '-0.3' });
  });
  it('an example states a score that does not terminate rounded to the places it writes', () => {
    const src = thirds + 'example "e" {\n  given { a: 1, b: 0, c: 0 }\n  expect item "A" = 3.33\n  expect item "A" = 3.3333333333\n}\n';
    const failures = (text: string) => runExamples(compile('c.assess', text).plan!).flatMap((o) => o.failures.map((d) => d.message.en));
    expect(failures(src)).toEqual([]);
    expect(failures(thirds + 'example "e" {\n  given { a: 1, b: 0, c: 0 }\n  expect item "A" = 3.34\n}\n')).toEqual([expect.stringContaining('3.3333333333…')]);
  });
});

// ── the entries a list aggregate counts, in the explanation ───────────
describe('explanations list the entries a list aggregate counted', () => {
  const src = `scheme "s" total 20
input {
  visits : list of { month : integer, days : integer }
  targets : list of { name : text, points : number, done : percent }
}
item "visits" max 10: deduct 2.5 per count(visits where days < 20)
item "targets" max 10: sum(targets, points * min(done, 1))
`;
  const visits = Array.from({ length: 25 }, (_, i) => ({ month: i + 1, days: i < 4 && i % 2 ? 22 : 15 }));
  const ev = run(src, [
    { id: 'a', visits: visits.slice(0, 4), targets: [{ name: 'roads', points: 4, done: 50 }, { name: 'water', points: 6, done: 120 }] },
    { id: 'b', visits, targets: [] },
  ]);
  it('each entry that counted, with its fields (percentages as percentages) and what it adds', () => {
    const zh = explainUnit(unit(ev, 'a'), 'zh');
    expect(zh).toContain(['  visits 中 days < 20 的 2 条：', '    第 1 条：month 1，days 15', '    第 3 条：month 3，days 15'].join('\n'));
    expect(zh).toContain(['  targets 逐条（每条计 points * min(done, 1)）：', '    第 1 条：name roads，points 4，done 50% → 2', '    第 2 条：name water，points 6，done 120% → 6'].join('\n'));
    const en = explainUnit(unit(ev, 'a'), 'en');
    expect(en).toContain('visits where days < 20: 2 entries\n    #1: month 1, days 15\n');
    expect(en).toContain('targets, entry by entry (each: points * min(done, 1)):\n    #1: name roads, points 4, done 50% → 2\n');
    expect(explainUnit(unit(ev, 'b'), 'en')).toContain('targets, entry by entry (each: points * min(done, 1)): none\n');
  });
  it('at most 20 entries are listed; the rest are counted', () => {
    const zh = explainUnit(unit(ev, 'b'), 'zh');
    expect(zh).toContain('visits 中 days < 20 的 23 条：');
    expect(zh).toContain('    第 22 条：month 22，days 15\n    …… 另 3 条\n');
    expect(zh).not.toContain('第 23 条');
  });
});
