// Cohorts as real schemes define them: every unit's final place, grades with quotas, who is
// assessed, groups assessed separately in one run, nested sections and weights, and items that
// do not apply. Numbers worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { compile, explainUnit, runExamples, translateKeywords, unitJson, type Evaluation, type UnitResult } from '../index.js';
import { run, unit } from './testing/run.js';

const by = <T>(ev: Evaluation, f: (r: UnitResult) => T) => Object.fromEntries(ev.ids.map((id) => [id, f(unit(ev, id))]));
const scoreRows = (scores: Record<string, number>, extra: Record<string, Record<string, unknown>> = {}) => Object.entries(scores).map(([id, score]) => ({ id, score, ...extra[id] }));

const SCORE = `scheme "s" total 100
input { score : 0..100, deficit : yes/no optional }
item "得分" max 100: score
`;

describe('places', () => {
  it('every result has its place by total; ties share the best place (1, 2, 2, 4)', () => {
    const ev = run(SCORE, scoreRows({ a: 90, b: 85, c: 85, d: 70 }));
    expect(by(ev, (r) => r.place)).toEqual({ a: 1, b: 2, c: 2, d: 4 });
  });
  it('vetoed units are placed after the others by default, or left unplaced', () => {
    const vetoed = SCORE + 'veto "赤字" if deficit ?? no\n';
    const rows = scoreRows({ a: 95, b: 90, c: 80 }, { a: { deficit: 'yes' } });
    expect(by(run(vetoed, rows), (r) => r.place)).toEqual({ a: 3, b: 1, c: 2 });
    expect(by(run(vetoed + 'place: vetoed unplaced\n', rows), (r) => r.place)).toEqual({ a: null, b: 1, c: 2 });
  });
  it('`place` and the cohort size can be read in grade lines: the top three, the upper half', () => {
    const src = SCORE + 'grade {\n  "前三名" if place <= 3\n  "上半" if place <= cohort size / 2\n  otherwise "其他"\n}\n';
    const ev = run(src, scoreRows({ a: 90, b: 85, c: 85, d: 80, e: 70, f: 60, g: 50, h: 40 }));
    // places 1, 2, 2, 4, 5, 6, 7, 8; the upper half of 8 units is places 1..4
    expect(by(ev, (r) => r.grade)).toEqual({ a: '前三名', b: '前三名', c: '前三名', d: '上半', e: '其他', f: '其他', g: '其他', h: '其他' });
    expect(explainUnit(unit(ev, 'd'), 'zh')).toContain('按总分排第 4 名，共 8 个参评单位');
  });
});

describe('quota grades', () => {
  const src = SCORE + 'grade {\n  "优秀" if total >= 85, max 40%\n  "良好" if total >= 80\n  otherwise "合格"\n}\n';
  it('a quota takes units by place; a tie at the boundary that would pass it is left out whole', () => {
    // 5 units: 40% of 5 = 2 places. Places 1 (95), 2 (92), 2 (92), 4 (90), 5 (85): the two tied at
    // place 2 would make 3, so only the first is 优秀; the others that qualify fall to 良好.
    const ev = run(src, scoreRows({ a: 95, b: 92, c: 92, d: 90, e: 85 }));
    expect(by(ev, (r) => r.grade)).toEqual({ a: '优秀', b: '良好', c: '良好', d: '良好', e: '良好' });
    const why = explainUnit(unit(ev, 'b'), 'en');
    expect(why).toContain('"优秀" takes at most 2 units (40% of 5): place 2 is past it');
    expect(explainUnit(unit(ev, 'a'), 'zh')).toContain('"优秀" 名额 2 个（5 个参评单位的 40%）：第 1 名在名额之内');
  });
  it('a quota can be a number of units; units that do not meet the line never take its places', () => {
    const three = SCORE + 'grade {\n  "优秀" if total >= 85, max 3\n  otherwise "合格"\n}\n';
    const ev = run(three, scoreRows({ a: 95, b: 92, c: 92, d: 90, e: 70 }));
    expect(by(ev, (r) => r.grade)).toEqual({ a: '优秀', b: '优秀', c: '优秀', d: '合格', e: '合格' });
  });
  it('the share is rounded down: 20% of 22 units is 4', () => {
    const twenty = SCORE + 'grade {\n  "优秀" if total >= 0, max 20%\n  otherwise "合格"\n}\n';
    const scores = Object.fromEntries(Array.from({ length: 22 }, (_, i) => [`u${String(i).padStart(2, '0')}`, 100 - i]));
    const ev = run(twenty, scoreRows(scores));
    expect(Object.values(by(ev, (r) => r.grade)).filter((g) => g === '优秀')).toHaveLength(4);
  });
});

describe('eligibility', () => {
  const src = `scheme "s" total 90
input { self : 0..100 "自评得分", value : number, bonus_raw : 0..20 }
eligible if self >= 85
item "排名分" max 90: by rank of value desc
bonus "加分": bonus_raw, cap 10 prorata
grade {
  ineligible "未申报"
  "优秀" if total >= 90
  otherwise "合格"
}
example "one not assessed" {
  unit "甲" { self: 90, value: 10, bonus_raw: 20 }
  unit "乙" { self: 80, value: 99, bonus_raw: 0 }
  expect "乙" ineligible
  expect "甲" not ineligible
  expect "甲" place = 1
  expect "甲" total = 100
}
`;
  const rows = [
    { id: 'a', self: 90, value: 10, bonus_raw: 4 },
    { id: 'b', self: 95, value: 20, bonus_raw: 16 },
    { id: 'c', self: 80, value: 99, bonus_raw: 20 },
  ];
  it('ineligible units leave the cohort: rankings and prorata maxima are over the units assessed', () => {
    const ev = run(src, rows);
    // a and b are ranked (n = 2): b first 90, a last 0. Prorata over 4 and 16: 16 > 10, so ×10/16.
    expect(by(ev, (r) => r.items[0].score?.toString() ?? null)).toEqual({ a: '0', b: '90', c: null });
    expect(by(ev, (r) => r.bonus.toString())).toEqual({ a: '2.5', b: '10', c: '0' });
    expect(by(ev, (r) => r.place)).toEqual({ a: 2, b: 1, c: null });
  });
  it('an ineligible unit has no scores, says why, and gets the `ineligible` grade line', () => {
    const c = unit(run(src, rows), 'c');
    expect(c).toMatchObject({ eligible: false, total: null, grade: '未申报', place: null });
    expect(c.items[0].notApplicable).toBe(true);
    expect(explainUnit(c, 'en')).toContain('not assessed: self >= 85 does not hold');
    expect(explainUnit(c, 'zh')).toContain('c：不参评，等级 "未申报"');
  });
  it('examples can expect who is assessed, and places', () => {
    const c = compile('c.assess', src);
    expect(runExamples(c.plan!).map((o) => [o.passed, o.failures.map((f) => f.message.en)])).toEqual([[true, []]]);
  });
});

describe('groups', () => {
  const src = `scheme "s" total 100
unit city "城市", town "乡镇"
input { value : number, extra : 0..30 }
within unit
item "排名分" max 60: by rank of value desc
item "领先" max 40: 40 * value / max of value across units
bonus "加分": extra, cap 10 prorata
grade {
  "优秀" if place <= 1
  otherwise "合格"
}
`;
  const rows = [
    { id: 'c1', unit: 'city', value: 100, extra: 20 },
    { id: 'c2', unit: 'city', value: 50, extra: 5 },
    { id: 't1', unit: 'town', value: 10, extra: 8 },
    { id: 't2', unit: 'town', value: 5, extra: 4 },
    { id: 't3', unit: 'town', value: 1, extra: 0 },
  ];
  it('rankings, aggregates across units, prorata and places are taken within each group', () => {
    const ev = run(src, rows);
    // cities: c1 first of 2 (60), c2 last (0); towns: t1 60, t2 30, t3 0
    expect(by(ev, (r) => r.items[0].score!.toString())).toEqual({ c1: '60', c2: '0', t1: '60', t2: '30', t3: '0' });
    // the leader of each group gets 40: c2 = 40 × 50 / 100 = 20; t2 = 40 × 5 / 10 = 20; t3 = 4
    expect(by(ev, (r) => r.items[1].score!.toString())).toEqual({ c1: '40', c2: '20', t1: '40', t2: '20', t3: '4' });
    // cities' raw bonus 20 > 10: scaled by 10/20; towns' highest is 8: unchanged
    expect(by(ev, (r) => r.bonus.toString())).toEqual({ c1: '10', c2: '2.5', t1: '8', t2: '4', t3: '0' });
    expect(by(ev, (r) => r.place)).toEqual({ c1: 1, c2: 2, t1: 1, t2: 2, t3: 3 });
    expect(by(ev, (r) => r.grade)).toEqual({ c1: '优秀', c2: '合格', t1: '优秀', t2: '合格', t3: '合格' });
    expect(unit(ev, 't2').group).toBe('town');
    expect(explainUnit(unit(ev, 't2'), 'zh')).toContain('在“town”组内考核（3 个单位）');
  });
});

describe('nested sections and weights', () => {
  const src = `scheme "s" total 100
input { a : 0..100, b : 0..100, c : 0..100 }
section "工作实绩" weight 60% {
  section "现状" weight 40% {
    item "a" max 100: a
  }
  section "改善" weight 60% {
    item "b" max 100: b
  }
}
section "组织保障" weight 40% {
  item "c" max 100: c
}
`;
  it('weights nest: 60% × (40% status + 60% improvement) + 40%', () => {
    const ev = run(src, [{ id: 'u', a: 50, b: 80, c: 70 }]);
    const u = unit(ev, 'u');
    // 工作实绩 (out of 100) = 50 × 40% + 80 × 60% = 20 + 48 = 68; total = 68 × 60% + 70 × 40% = 40.8 + 28 = 68.8
    expect(u.sections.map((s) => [s.label, s.parent ?? null, s.score?.toString(), s.contribution?.toString()])).toEqual([
      ['工作实绩', null, '68', '40.8'],
      ['现状', '工作实绩', '50', '20'],
      ['改善', '工作实绩', '80', '48'],
      ['组织保障', null, '70', '28'],
    ]);
    expect(u.total?.toString()).toBe('68.8');
    expect(explainUnit(u, 'en')).toContain('weighted: 80 / 100 × 60% × 100 = 48');
  });
  it('unweighted sections add up at every level', () => {
    const plain = `scheme "s" total 60
input { x : yes/no, y : count, z : 0..20 }
section "基础" max 40 {
  section "制度" max 20 { item "制度建设" max 20 { 20 if x } }
  section "台账" max 20 { item "台账管理" max 20: deduct 5 per y }
}
section "业务" max 20 { item "业务" max 20: z }
`;
    const u = unit(run(plain, [{ id: 'u', x: 'yes', y: 1, z: 12 }]), 'u');
    expect(u.sections.map((s) => s.score?.toString())).toEqual(['35', '20', '15', '12']);
    expect(u.total?.toString()).toBe('47');
  });
});

describe('items that do not apply', () => {
  const src = `scheme "s" total 20
input { a : 0..5, b : 0..5, c : 0..10, no_a : yes/no, no_b : yes/no }
section "甲" max 10 {
  item "a" max 5: a, not applicable if no_a
  item "b" max 5: b, not applicable if no_b
}
section "乙" max 10 {
  item "c" max 10: c
}
`;
  it('an item that does not apply leaves the section’s denominator: the others are scaled to its max', () => {
    const ev = run(src, [
      { id: 'both', a: 3, b: 4, c: 6, no_a: 'no', no_b: 'no' },
      { id: 'only_b', a: 3, b: 4, c: 6, no_a: 'yes', no_b: 'no' },
      { id: 'none', a: 3, b: 4, c: 6, no_a: 'yes', no_b: 'yes' },
    ]);
    // both: 3 + 4 = 7; total 13. only b: 4 of 5 applicable points → 4 × 10 / 5 = 8; total 14.
    // none: 甲 does not apply at all; the total is 乙's 6 of 10, scaled to 20 → 12.
    expect(by(ev, (r) => r.sections[0].score?.toString() ?? 'n/a')).toEqual({ both: '7', only_b: '8', none: 'n/a' });
    expect(by(ev, (r) => r.total!.toString())).toEqual({ both: '13', only_b: '14', none: '12' });
    const onlyB = unit(ev, 'only_b');
    expect(onlyB.items[0]).toMatchObject({ label: 'a', score: null, notApplicable: true });
    expect(explainUnit(onlyB, 'zh')).toContain('不适用：no_a 成立，本项不计分');
    expect(explainUnit(onlyB, 'zh')).toContain('不适用项不计入：适用项满分 5，得 4，按 10 分折算：4 × 10 / 5 = 8');
    expect(unit(ev, 'none').sections[0].notApplicable).toBe(true);
  });
  it('a unit none of whose parts applies is still scored: its total is its bonuses, and it is placed and graded', () => {
    const src = `scheme "s" total 10
input { a : 0..10, skip : yes/no, extra : 0..5 }
item "a" max 10: a, not applicable if skip
bonus "b" max 5: extra
grade {
  "有" if total > 0
  otherwise "无"
}
`;
    const ev = run(src, [
      { id: 'x', a: 6, skip: 'no', extra: 1 },
      { id: 'y', a: 6, skip: 'yes', extra: 2 },
    ]);
    expect(by(ev, (r) => r.total?.toString() ?? null)).toEqual({ x: '7', y: '2' });
    expect(by(ev, (r) => [r.place, r.grade])).toEqual({ x: [1, '有'], y: [2, '有'] });
    expect(unit(ev, 'y').errors).toEqual([]);
  });
  it('a weighted part that does not apply: the weights of the others count as 100%', () => {
    const weighted = `scheme "s" total 100
input { a : 0..100, b : 0..100, skip : yes/no }
section "甲" weight 40% { item "a" max 100: a, not applicable if skip }
section "乙" weight 60% { item "b" max 100: b }
`;
    const ev = run(weighted, [
      { id: 'all', a: 100, b: 50, skip: 'no' },
      { id: 'part', a: 100, b: 50, skip: 'yes' },
    ]);
    // all: 40 + 30 = 70. part: 乙 alone, 30 of its 60% → 30 / 0.6 = 50.
    expect(by(ev, (r) => r.total!.toString())).toEqual({ all: '70', part: '50' });
    expect(explainUnit(unit(ev, 'part'), 'en')).toContain("parts that do not apply are left out: the others' weights (60%) count as 100%: 30 / 0.6 = 50");
  });
});

describe('in Chinese keywords', () => {
  it('every construct reads the same with Chinese keywords (参评条件, 分组, 名次, 最多, 不适用, nested 小节)', () => {
    const src = `scheme "s" total 100
unit city "城市", town "乡镇"
input { self : 0..100, a : 0..100, b : 0..100, skip : yes/no, report : yes/no }
eligible if self >= 60
within unit
place: vetoed unplaced, ineligible last
section "实绩" weight 60% {
  section "现状" weight 40% { item "a" max 100: by rank of a desc }
  section "改善" weight 60% { item "b" max 100: b, not applicable if skip }
}
section "保障" weight 40% { item "c" max 100: 100 * a / max of a across units }
veto "v" if not report
grade {
  veto "否决"
  ineligible "未申报"
  "优秀" if total >= 50 and place <= cohort size, max 50%
  otherwise "合格"
}
`;
    const zh = translateKeywords(src, 'zh');
    expect(zh).toContain('参评条件 若 self >= 60');
    expect(zh).toContain('分组 单位');
    expect(zh).toContain('名次: 一票否决 不排名, 不参评 排后');
    expect(zh).toContain('名次 <= 参评单位数, 满分 50%');
    expect(zh).toContain('不适用 若 skip');
    const rows = [
      { id: 'c1', unit: 'city', self: 90, a: 80, b: 70, skip: 'no', report: 'yes' },
      { id: 'c2', unit: 'city', self: 50, a: 99, b: 99, skip: 'no', report: 'yes' },
      { id: 'c3', unit: 'city', self: 70, a: 40, b: 10, skip: 'yes', report: 'yes' },
      { id: 't1', unit: 'town', self: 95, a: 20, b: 50, skip: 'no', report: 'no' },
      { id: 't2', unit: 'town', self: 95, a: 10, b: 60, skip: 'no', report: 'yes' },
    ];
    const json = (s: string) => run(s, rows).units.map((u) => unitJson(u));
    expect(json(zh)).toEqual(json(src));
    expect(json(src).map((u) => [u.id, u.place, u.grade])).toEqual([
      ['c1', 1, '优秀'],
      ['c2', 3, '未申报'],
      ['c3', 2, '合格'],
      ['t1', null, '否决'],
      // towns: t1 is vetoed (unplaced); t2 = 0 × 40% + 60 × 60% = 36 → 21.6, plus 100 × 10 / 20 = 50 → 20: 41.6 < 50
      ['t2', 1, '合格'],
    ]);
  });
});
