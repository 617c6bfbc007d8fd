// The meaning of every rule kind, and every worked number of the language sketch
// (../shared/design/language-sketch.md), run end to end: source → compile → validate → evaluate.
import { describe, expect, it } from 'vitest';
import { compile, evaluate, explainStep, explainUnit, memoryHost, validateUnits, Decimal, type Evaluation, type SourceHost, type Step, type UnitResult } from '../index.js';

// ── helpers ─────────────────────────────────────────────────────────
function schemeOf(src: string, host?: SourceHost, file = 't.assess') {
  const c = compile(file, src, host);
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.code} ${d.message.en}`)).toEqual([]);
  return c.plan!;
}

/** Compile, validate (no data errors allowed) and evaluate with traces. */
function run(src: string, rows: Record<string, unknown>[], host?: SourceHost): Evaluation {
  const scheme = schemeOf(src, host);
  const { table, diagnostics } = validateUnits(scheme, rows, { file: 'data.json' });
  expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.message.en)).toEqual([]);
  return evaluate(scheme, table, { trace: true });
}

function unit(ev: Evaluation, id: string): UnitResult {
  const i = ev.ids.indexOf(id);
  expect(i, `unit ${id}`).toBeGreaterThanOrEqual(0);
  return ev.unit(i);
}
const str = (d: Decimal | null | undefined) => (d === null || d === undefined ? d : d.toString());
/** The score of an item (or bonus) of a unit, as exact decimal text. */
function item(ev: Evaluation, id: string, label: string): string | null | undefined {
  const r = unit(ev, id);
  const found = [...r.items, ...r.bonuses].find((x) => x.label === label);
  expect(found, `item ${label}`).toBeDefined();
  return str(found!.score);
}
const total = (ev: Evaluation, id: string) => str(unit(ev, id).total);
const steps = (r: { trace?: { steps: Step[] } }) => r.trace!.steps.map((s) => explainStep(s).en).join('\n');
const unitSteps = (r: UnitResult) => r.steps!.map((s) => explainStep(s).en).join('\n');

/** One unit per value of `field`, ids u0, u1, …; the other fields come from `base`. */
function rowsOf(field: string, values: unknown[], base: Record<string, unknown> = {}) {
  return values.map((v, i) => ({ id: `u${i}`, ...base, [field]: v }));
}

// ── conditional points ──────────────────────────────────────────────
describe('conditional points', () => {
  const src = `scheme "s" total 5
input { a : yes/no  b : yes/no  c : yes/no }
item "组织领导" max 5 {
  2 if a
  3 if b
  deduct 1 if c
}`;
  it('sums the lines whose condition holds', () => {
    const ev = run(src, [
      { id: 'none', a: 'no', b: 'no', c: 'no' },
      { id: 'a', a: 'yes', b: 'no', c: 'no' },
      { id: 'b', a: 'no', b: 'yes', c: 'no' },
      { id: 'ab', a: 'yes', b: 'yes', c: 'no' },
      { id: 'abc', a: 'yes', b: 'yes', c: 'yes' },
      { id: 'ac', a: 'yes', b: 'no', c: 'yes' },
    ]);
    expect(item(ev, 'none', '组织领导')).toBe('0');
    expect(item(ev, 'a', '组织领导')).toBe('2');
    expect(item(ev, 'b', '组织领导')).toBe('3');
    expect(item(ev, 'ab', '组织领导')).toBe('5');
    expect(item(ev, 'abc', '组织领导')).toBe('4');
    expect(item(ev, 'ac', '组织领导')).toBe('1');
  });
  it('holds the sum within 0..M', () => {
    const over = `scheme "s" total 4
input { a : yes/no  b : yes/no  c : yes/no }
item "x" max 4 {
  3 if a
  3 if b
  deduct 5 if c
}`;
    const ev = run(over, [
      { id: 'ab', a: true, b: true, c: false },
      { id: 'c', a: false, b: false, c: true },
      { id: 'ac', a: true, b: false, c: true },
    ]);
    expect(item(ev, 'ab', 'x')).toBe('4'); // 6, at most M
    expect(item(ev, 'c', 'x')).toBe('0'); // −5, not below 0
    expect(item(ev, 'ac', 'x')).toBe('0'); // 3 − 5
  });
});

// ── deduction ───────────────────────────────────────────────────────
describe('deduction: M − K·X, floored at 0', () => {
  const src = `scheme "s" total 5
input { missing_reports : count }
item "材料报送" max 5: deduct 1 per missing_reports`;
  it('deduct 1 per missing_reports with M = 5: 0 → 5', () => {
    expect(item(run(src, [{ id: 'a', missing_reports: 0 }]), 'a', '材料报送')).toBe('5');
  });
  it('deduct 1 per missing_reports with M = 5: 2 → 3', () => {
    expect(item(run(src, [{ id: 'a', missing_reports: 2 }]), 'a', '材料报送')).toBe('3');
  });
  it('deduct 1 per missing_reports with M = 5: 7 → 0', () => {
    expect(item(run(src, [{ id: 'a', missing_reports: 7 }]), 'a', '材料报送')).toBe('0');
  });
  it('every count from 0 to 10 gives max(0, 5 − X)', () => {
    const ev = run(src, rowsOf('missing_reports', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    for (let x = 0; x <= 10; x++) expect(item(ev, `u${x}`, '材料报送')).toBe(String(Math.max(0, 5 - x)));
  });
  it('deduct K per X with a fractional K', () => {
    const ev = run(
      `scheme "s" total 5
input { n : count }
item "x" max 5: deduct 0.5 per n`,
      rowsOf('n', [0, 3, 9, 10, 11]),
    );
    expect(['u0', 'u1', 'u2', 'u3', 'u4'].map((u) => item(ev, u, 'x'))).toEqual(['5', '3.5', '0.5', '0', '0']);
  });
  it('`max D` caps the deduction at D', () => {
    const ev = run(
      `scheme "s" total 5
input { missing_reports : count }
item "材料报送" max 5: deduct 1 per missing_reports, max 3`,
      rowsOf('missing_reports', [0, 2, 3, 7, 100]),
    );
    expect(['u0', 'u1', 'u2', 'u3', 'u4'].map((u) => item(ev, u, '材料报送'))).toEqual(['5', '3', '2', '2', '2']);
    expect(steps(unit(ev, 'u3').items[0])).toContain('at most 3');
  });
  it('`per X deduct K` and the Chinese `每 X 扣 K` mean the same', () => {
    const en = `scheme "s" total 5
input { missing_reports : count }
item "材料报送" max 5: per missing_reports deduct 1`;
    const zh = `方案 "s" 总分 5
输入 { 少报次数 : 次数 }
指标 "材料报送" 满分 5: 每 少报次数 扣 1`;
    expect(['u0', 'u1', 'u2'].map((u) => item(run(en, rowsOf('missing_reports', [0, 2, 7])), u, '材料报送'))).toEqual(['5', '3', '0']);
    expect(['u0', 'u1', 'u2'].map((u) => item(run(zh, rowsOf('少报次数', [0, 2, 7])), u, '材料报送'))).toEqual(['5', '3', '0']);
  });
  it('the trace shows M − K × X', () => {
    const ev = run(src, [{ id: 'a', missing_reports: 2 }]);
    const it0 = unit(ev, 'a').items[0];
    expect(it0.trace!.rule).toBe('deduct 1 per missing_reports');
    expect(it0.trace!.inputs).toEqual([{ name: 'missing_reports', value: { k: 'num', v: '2' } }]);
    expect(steps(it0)).toContain('5 − 1 × 2');
  });
});

// ── ratio ───────────────────────────────────────────────────────────
describe('ratio: M · clamp(done / target, 0, 1)', () => {
  const src = `scheme "s" total 40
input { done : number  target : number }
item "部门完成" max 40: ratio done / target`;
  it('department completion 72 of 90 with M = 40 → 32', () => {
    expect(item(run(src, [{ id: 'a', done: 72, target: 90 }]), 'a', '部门完成')).toBe('32');
  });
  it('is clamped to 0..M at both ends', () => {
    const ev = run(src, [
      { id: 'over', done: 120, target: 90 },
      { id: 'neg', done: -5, target: 90 },
      { id: 'half', done: 45, target: 90 },
      { id: 'third', done: 1, target: 3 },
    ]);
    expect(item(ev, 'over', '部门完成')).toBe('40');
    expect(item(ev, 'neg', '部门完成')).toBe('0');
    expect(item(ev, 'half', '部门完成')).toBe('20');
    // Divisions are exact: 40 × 1 / 3 does not terminate, and is shown to 10 places, marked.
    expect(item(ev, 'third', '部门完成')).toBe('13.3333333333…');
    expect(unit(ev, 'third').items[0].score!.mul(Decimal.fromInt(3)).toString()).toBe('40');
  });
  it('a target of 0 is an error E0602 for that unit only', () => {
    const ev = run(src, [
      { id: 'zero', done: 5, target: 0 },
      { id: 'ok', done: 72, target: 90 },
    ]);
    const z = unit(ev, 'zero');
    expect(z.items[0].score).toBeNull();
    expect(z.total).toBeNull();
    expect(z.errors.map((d) => d.code)).toEqual(['E0602']);
    expect(z.errors[0].message.en).toContain('zero');
    expect(z.errors[0].message.en).toContain('部门完成');
    expect(ev.diagnostics.map((d) => d.code)).toEqual(['E0602']);
    expect(item(ev, 'ok', '部门完成')).toBe('32');
    expect(unit(ev, 'ok').errors).toEqual([]);
  });
  it('`if zero Z` says what a target of 0 scores', () => {
    const ev = run(
      `scheme "s" total 40
input { done : number  target : number }
item "部门完成" max 40: ratio done / target, if zero 40`,
      [
        { id: 'zero', done: 0, target: 0 },
        { id: 'ok', done: 72, target: 90 },
      ],
    );
    expect(ev.diagnostics).toEqual([]);
    expect(item(ev, 'zero', '部门完成')).toBe('40');
    expect(item(ev, 'ok', '部门完成')).toBe('32');
    expect(steps(unit(ev, 'zero').items[0])).toContain('target is 0');
  });
});

// ── rank points ─────────────────────────────────────────────────────
describe('rank points: max(0, first − step·(R − 1))', () => {
  const src = `scheme "s" total 40
input { r : integer 1..100 }
item "名次" max 40: rank r, first 40, step 5`;
  it('rank 3 with first 40, step 5 → 30', () => {
    expect(item(run(src, [{ id: 'a', r: 3 }]), 'a', '名次')).toBe('30');
  });
  it('rank 10 → 0', () => {
    expect(item(run(src, [{ id: 'a', r: 10 }]), 'a', '名次')).toBe('0');
  });
  it('rank 1 → first; rank 9 → 0; rank 8 → 5', () => {
    const ev = run(src, rowsOf('r', [1, 8, 9]));
    expect(['u0', 'u1', 'u2'].map((u) => item(ev, u, '名次'))).toEqual(['40', '5', '0']);
  });
  it('the rank may be computed: `rank by X desc, first 40, step 5`', () => {
    const ev = run(
      `scheme "s" total 40
input { value : number }
item "名次" max 40: rank by value desc, first 40, step 5`,
      rowsOf('value', [10, 30, 20, 30, 5]),
    );
    // places: 30 → 1, 30 → 1, 20 → 3, 10 → 4, 5 → 5
    expect(['u0', 'u1', 'u2', 'u3', 'u4'].map((u) => item(ev, u, '名次'))).toEqual(['25', '40', '30', '40', '20']);
  });
});

// ── cohort rank (the `rank by` expression) ──────────────────────────
describe('cohort rank: competition ranking (1, 2, 2, 4)', () => {
  it('`rank by X desc` is the place, ties sharing the best place', () => {
    const ev = run(
      `scheme "s" total 100
input { value : number }
item "place" max 100: rank by value desc`,
      rowsOf('value', [50, 40, 40, 30]),
    );
    expect(['u0', 'u1', 'u2', 'u3'].map((u) => item(ev, u, 'place'))).toEqual(['1', '2', '2', '4']);
  });
  it('`rank by X asc`: lower is better', () => {
    const ev = run(
      `scheme "s" total 100
input { value : number }
item "place" max 100: rank by value asc`,
      rowsOf('value', [50, 40, 40, 30, 60]),
    );
    expect(['u0', 'u1', 'u2', 'u3', 'u4'].map((u) => item(ev, u, 'place'))).toEqual(['4', '2', '2', '1', '5']);
  });
  it('ranks by an expression', () => {
    const ev = run(
      `scheme "s" total 100
input { sales : number  sales_last : number }
item "place" max 100: rank by sales - sales_last desc`,
      [
        { id: 'a', sales: 100, sales_last: 90 }, // +10
        { id: 'b', sales: 50, sales_last: 20 }, // +30
        { id: 'c', sales: 80, sales_last: 60 }, // +20
      ],
    );
    expect(['a', 'b', 'c'].map((u) => item(ev, u, 'place'))).toEqual(['3', '1', '2']);
  });
});

// ── rank-scored ─────────────────────────────────────────────────────
describe('rank-scored: M·(n − r)/(n − 1)', () => {
  const src = `scheme "s" total 40
input { value : number }
item "现状" max 40: by rank of value desc`;
  it('values 50, 40, 30 with M = 40 → 40, 20, 0', () => {
    const ev = run(src, rowsOf('value', [50, 40, 30]));
    expect(['u0', 'u1', 'u2'].map((u) => item(ev, u, '现状'))).toEqual(['40', '20', '0']);
  });
  it('the same in any data order', () => {
    const ev = run(src, rowsOf('value', [30, 50, 40]));
    expect(['u0', 'u1', 'u2'].map((u) => item(ev, u, '现状'))).toEqual(['0', '40', '20']);
  });
  it('ties share the best place (competition ranking 1, 2, 2, 4)', () => {
    const ev = run(
      `scheme "s" total 30
input { value : number }
item "现状" max 30: by rank of value desc`,
      rowsOf('value', [50, 40, 40, 30]),
    );
    // 30·(4−1)/3, 30·(4−2)/3 twice, 30·(4−4)/3
    expect(['u0', 'u1', 'u2', 'u3'].map((u) => item(ev, u, '现状'))).toEqual(['30', '20', '20', '0']);
  });
  it('a unit alone gets M', () => {
    expect(item(run(src, [{ id: 'only', value: 1 }]), 'only', '现状')).toBe('40');
  });
  it('all tied: everyone is first and gets M', () => {
    const ev = run(src, rowsOf('value', [7, 7, 7]));
    expect(['u0', 'u1', 'u2'].map((u) => item(ev, u, '现状'))).toEqual(['40', '40', '40']);
  });
  it('asc: lower is better', () => {
    const ev = run(
      `scheme "s" total 40
input { value : number }
item "现状" max 40: by rank of value asc`,
      rowsOf('value', [50, 40, 30]),
    );
    expect(['u0', 'u1', 'u2'].map((u) => item(ev, u, '现状'))).toEqual(['0', '20', '40']);
  });
  it('the Chinese spelling 按排名 … 降序', () => {
    const ev = run(
      `方案 "s" 总分 40
输入 { 值 : 数值 }
指标 "现状" 满分 40: 按排名 值 降序`,
      rowsOf('值', [50, 40, 30]),
    );
    expect(['u0', 'u1', 'u2'].map((u) => item(ev, u, '现状'))).toEqual(['40', '20', '0']);
  });
});

// ── tier tables, best per key, evidence ─────────────────────────────
describe('tier tables', () => {
  const honours = `scheme "s" total 100
input {
  honors : list of {
    project  : text
    level    : district | city | province | national
    evidence : text optional
  }
}
bonus "项目加分" max 20: honors, best per project, district 1, city 3, province 6, national 10`;
  const four = [
    { project: 'bridge', level: 'city' },
    { project: 'bridge', level: 'province' },
    { project: 'road', level: 'district' },
    { project: 'road', level: 'district' },
  ];
  it('honours {bridge city, bridge province, road district, road district} → 7 (best per project), not 11', () => {
    const ev = run(honours, [{ id: 'a', honors: four }]);
    expect(item(ev, 'a', '项目加分')).toBe('7');
    expect(str(unit(ev, 'a').bonus)).toBe('7');
  });
  it('without `best per`, every entry counts: 11', () => {
    const ev = run(honours.replace('best per project, ', ''), [{ id: 'a', honors: four }]);
    expect(item(ev, 'a', '项目加分')).toBe('11');
  });
  it('the trace says which entries were not counted', () => {
    const ev = run(honours, [{ id: 'a', honors: four }]);
    const s = steps(unit(ev, 'a').bonuses[0]);
    expect(s).toContain('not counted');
    expect(s).toContain('sum 7');
  });
  it('the source may be left out when one input fits the tiers', () => {
    const ev = run(
      `scheme "s" total 100
input { honors : list of { project : text, level : district | city | province | national } }
bonus "项目加分" max 20: district 1, city 3, province 6, national 10`,
      [{ id: 'a', honors: four }],
    );
    expect(item(ev, 'a', '项目加分')).toBe('11');
  });
  it('`with evidence` drops entries without the field, and the trace says so', () => {
    const ev = run(
      `scheme "s" total 100
input { honors : list of { project : text, level : district | city | province | national, evidence : text optional } }
bonus "项目加分" max 20: honors with evidence, best per project, district 1, city 3, province 6, national 10`,
      [
        {
          id: 'a',
          honors: [
            { project: 'bridge', level: 'national' }, // no evidence: dropped
            { project: 'bridge', level: 'city', evidence: 'doc 1' },
            { project: 'road', level: 'province', evidence: '' }, // empty: not submitted
            { project: 'school', level: 'district', evidence: 'doc 2' },
          ],
        },
      ],
    );
    expect(item(ev, 'a', '项目加分')).toBe('4');
    const s = steps(unit(ev, 'a').bonuses[0]);
    expect(s).toContain('dropped');
    expect(s).toContain('no evidence');
  });
  it('`where` keeps the entries for which the condition holds', () => {
    const ev = run(
      `scheme "s" total 100
input { honors : list of { project : text, level : district | city | province | national, year : integer } }
bonus "项目加分" max 20: honors where year >= 2024, city 3, province 6`,
      [
        {
          id: 'a',
          honors: [
            { project: 'p', level: 'province', year: 2023 },
            { project: 'q', level: 'city', year: 2024 },
            { project: 'r', level: 'province', year: 2025 },
          ],
        },
      ],
    );
    expect(item(ev, 'a', '项目加分')).toBe('9');
  });
  it('an enum value scores its tier; a member without a tier scores 0', () => {
    const src = `scheme "s" total 10
input { level : district | city | province | national }
item "级别" max 10: level, city 3, province 6, national 10`;
    const ev = run(src, rowsOf('level', ['district', 'city', 'province', 'national']));
    expect(['u0', 'u1', 'u2', 'u3'].map((u) => item(ev, u, '级别'))).toEqual(['0', '3', '6', '10']);
  });
  it('an empty list scores 0', () => {
    expect(item(run(honours, [{ id: 'a', honors: [] }]), 'a', '项目加分')).toBe('0');
  });
});

// ── cap and cap prorata ─────────────────────────────────────────────
describe('cap and cap prorata', () => {
  const prorata = `scheme "s" total 100
input { raw : number }
bonus "项目加分": raw, cap 10 prorata`;
  it('cap 10 prorata over raw 16, 8, 4 → 10, 5, 2.5', () => {
    const ev = run(prorata, rowsOf('raw', [16, 8, 4]));
    expect(['u0', 'u1', 'u2'].map((u) => item(ev, u, '项目加分'))).toEqual(['10', '5', '2.5']);
    expect(steps(unit(ev, 'u1').bonuses[0])).toContain('8 × 10 / 16 = 5');
  });
  it('cap 10 prorata over raw 9, 8, 4 → unchanged', () => {
    const ev = run(prorata, rowsOf('raw', [9, 8, 4]));
    expect(['u0', 'u1', 'u2'].map((u) => item(ev, u, '项目加分'))).toEqual(['9', '8', '4']);
    expect(steps(unit(ev, 'u0').bonuses[0])).toContain('no scaling');
  });
  it('r_max exactly the cap: unchanged', () => {
    const ev = run(prorata, rowsOf('raw', [10, 8, 4]));
    expect(['u0', 'u1', 'u2'].map((u) => item(ev, u, '项目加分'))).toEqual(['10', '8', '4']);
  });
  it('cap prorata over tier points from the honours lists (the sketch bonus)', () => {
    const src = `scheme "s" total 100
input { honors : list of { project : text, level : district | city | province | national, evidence : text optional } }
bonus "项目加分" max 20: honors with evidence, best per project,
  district 1, city 3, province 6, national 10, cap 10 prorata`;
    const h = (level: string, project: string) => ({ project, level, evidence: 'doc' });
    const ev = run(src, [
      { id: 'A', honors: [h('national', 'a'), h('province', 'b')] }, // 16
      { id: 'B', honors: [h('province', 'a'), h('district', 'b'), h('district', 'c')] }, // 8
      { id: 'C', honors: [h('city', 'a'), h('district', 'b')] }, // 4
    ]);
    expect(['A', 'B', 'C'].map((u) => item(ev, u, '项目加分'))).toEqual(['10', '5', '2.5']);
  });
  it('a plain cap is per unit: min(raw, cap)', () => {
    const ev = run(
      `scheme "s" total 100
input { raw : number }
bonus "项目加分": raw, cap 10`,
      rowsOf('raw', [16, 8, 4]),
    );
    expect(['u0', 'u1', 'u2'].map((u) => item(ev, u, '项目加分'))).toEqual(['10', '8', '4']);
  });
});

// ── exact decimals ──────────────────────────────────────────────────
describe('exact decimals', () => {
  it('a total of exactly 85 built from 0.1-steps passes `total >= 85` and gets the grade', () => {
    // As binary floats these parts sum to 84.99999999999999.
    const parts = [9.3, 10.3, 23.2, 29.4, 12.8];
    expect(parts.reduce((a, b) => a + b, 0)).toBeLessThan(85);
    const ev = run(
      `scheme "s" total 100
input { a : 0..20  b : 0..20  c : 0..30  d : 0..30  e : 0..20 }
item "a" max 20: a
item "b" max 20: b
item "c" max 30: c
item "d" max 30: d
bonus "e" max 20: e
grade {
  "规范化单位" if total >= 85
  otherwise "下年重新考评"
}`,
      [{ id: 'x', a: 9.3, b: 10.3, c: 23.2, d: 29.4, e: 12.8 }],
    );
    expect(total(ev, 'x')).toBe('85');
    expect(unit(ev, 'x').total!.gte(Decimal.parse('85')!)).toBe(true);
    expect(unit(ev, 'x').grade).toBe('规范化单位');
  });
  it('850 steps of 0.1 from a list sum to exactly 85', () => {
    let float = 0;
    for (let i = 0; i < 850; i++) float += 0.1;
    expect(float).toBeLessThan(85); // 84.99999999999945 as binary floats
    const ev = run(
      `scheme "s" total 100
input { steps : list of { v : number } }
item "steps" max 100: sum(steps.v)
grade {
  "规范化单位" if total >= 85
  otherwise "下年重新考评"
}`,
      [
        { id: 'x', steps: Array.from({ length: 850 }, () => ({ v: 0.1 })) },
        { id: 'y', steps: Array.from({ length: 849 }, () => ({ v: '0.1' })) },
      ],
    );
    expect(total(ev, 'x')).toBe('85');
    expect(unit(ev, 'x').grade).toBe('规范化单位');
    expect(total(ev, 'y')).toBe('84.9');
    expect(unit(ev, 'y').grade).toBe('下年重新考评');
  });
  it('850 × 0.1 from a count is exactly 85', () => {
    const ev = run(
      `scheme "s" total 100
input { n : count }
item "steps" max 100: n * 0.1
grade {
  "规范化单位" if total >= 85
  otherwise "下年重新考评"
}`,
      [
        { id: 'x', n: 850 },
        { id: 'y', n: 849 },
      ],
    );
    expect(total(ev, 'x')).toBe('85');
    expect(unit(ev, 'x').grade).toBe('规范化单位');
    expect(unit(ev, 'y').grade).toBe('下年重新考评');
  });
  it('conditional points of 0.1 and 0.2 add exactly', () => {
    const ev = run(
      `scheme "s" total 100
input { a : yes/no  b : yes/no  rest : 0..99.7 }
item "p" max 0.3 {
  0.1 if a
  0.2 if b
}
item "rest" max 99.7: rest
grade {
  "规范化单位" if total >= 85
  otherwise "下年重新考评"
}`,
      [{ id: 'x', a: 'yes', b: 'yes', rest: 84.7 }],
    );
    expect(item(ev, 'x', 'p')).toBe('0.3');
    expect(total(ev, 'x')).toBe('85');
    expect(unit(ev, 'x').grade).toBe('规范化单位');
  });
});

// ── bands and linear ────────────────────────────────────────────────
describe('bands: step function, first matching band', () => {
  const src = `scheme "s" total 10
input { sales : number }
item "销售" max 10: bands sales { < 1亿: 0, < 5亿: 4, else: 10 }`;
  it('each band and its boundaries', () => {
    const ev = run(src, rowsOf('sales', ['5000万', '1亿', '3亿', '499999999', '5亿', '1.5亿', 0]));
    expect(['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6'].map((u) => item(ev, u, '销售'))).toEqual(['0', '4', '4', '4', '10', '4', '0']);
  });
  it('the first matching band wins, even when a later one also matches', () => {
    const ev = run(
      `scheme "s" total 10
input { x : number }
item "x" max 10: bands x { < 10: 2, < 5: 8, >= 0: 10 }`,
      rowsOf('x', [3, 7, 12]),
    );
    expect(['u0', 'u1', 'u2'].map((u) => item(ev, u, 'x'))).toEqual(['2', '2', '10']);
  });
  it('no matching band and no else → 0', () => {
    const ev = run(
      `scheme "s" total 10
input { x : number }
item "x" max 10: bands x { >= 100: 10, >= 50: 5 }`,
      rowsOf('x', [120, 60, 10]),
    );
    expect(['u0', 'u1', 'u2'].map((u) => item(ev, u, 'x'))).toEqual(['10', '5', '0']);
  });
  it('keys may be enum members', () => {
    const ev = run(
      `scheme "s" total 8
input { level : district | city | province }
item "级别" max 8: bands level { city: 3, province: 8 }`,
      rowsOf('level', ['district', 'city', 'province']),
    );
    expect(['u0', 'u1', 'u2'].map((u) => item(ev, u, '级别'))).toEqual(['0', '3', '8']);
  });
  it('keys may be unit kinds: `bands unit { … }`', () => {
    const ev = run(
      `scheme "s" total 8
unit township "乡镇", subdistrict "街道"
input { done : yes/no }
item "x" max 8: bands unit { township: 8, subdistrict: 5 }`,
      [
        { id: 'a', unit: 'township', done: 'yes' },
        { id: 'b', unit: 'subdistrict', done: 'no' },
      ],
    );
    expect(item(ev, 'a', 'x')).toBe('8');
    expect(item(ev, 'b', 'x')).toBe('5');
  });
  it('the unit kind in a block item: `8 if unit = township`', () => {
    const ev = run(
      `scheme "s" total 8
unit township "乡镇", subdistrict "街道"
input { done : yes/no }
item "x" max 8 {
  8 if unit = township and done
  5 if unit = subdistrict
}`,
      [
        { id: 'a', unit: 'township', done: 'yes' },
        { id: 'b', unit: 'subdistrict', done: 'no' },
        { id: 'c', unit: 'township', done: 'no' },
      ],
    );
    expect(['a', 'b', 'c'].map((u) => item(ev, u, 'x'))).toEqual(['8', '5', '0']);
    expect(unit(ev, 'b').kind).toBe('subdistrict');
  });
});

describe('linear: piecewise linear, clamped at both ends', () => {
  const src = `scheme "s" total 10
input { sales : number }
item "销售" max 10: linear sales from 1亿 -> 0 to 5亿 -> 10`;
  it('interpolates between the points', () => {
    const ev = run(src, rowsOf('sales', ['1亿', '2亿', '3亿', '4亿', '5亿', '1.4亿']));
    expect(['u0', 'u1', 'u2', 'u3', 'u4', 'u5'].map((u) => item(ev, u, '销售'))).toEqual(['0', '2.5', '5', '7.5', '10', '1']);
  });
  it('is clamped below the first point and above the last', () => {
    const ev = run(src, rowsOf('sales', [0, '5000万', '6亿', '100亿']));
    expect(['u0', 'u1', 'u2', 'u3'].map((u) => item(ev, u, '销售'))).toEqual(['0', '0', '10', '10']);
  });
  it('several segments, and the → arrow', () => {
    const ev = run(
      `scheme "s" total 10
input { x : number }
item "x" max 10: linear x from 0 → 0 to 50 → 8 to 100 → 10`,
      rowsOf('x', [-5, 25, 50, 75, 100, 200]),
    );
    expect(['u0', 'u1', 'u2', 'u3', 'u4', 'u5'].map((u) => item(ev, u, 'x'))).toEqual(['0', '4', '8', '9', '10', '10']);
  });
  it('a decreasing scale (lower is better), clamped at both ends', () => {
    const ev = run(
      `scheme "s" total 10
input { x : number }
item "x" max 10: linear x from 10 -> 10 to 20 -> 0`,
      rowsOf('x', [5, 10, 12, 20, 30]),
    );
    expect(['u0', 'u1', 'u2', 'u3', 'u4'].map((u) => item(ev, u, 'x'))).toEqual(['10', '10', '8', '0', '0']);
  });
});

// ── cohort aggregates ───────────────────────────────────────────────
describe('cohort aggregates across units', () => {
  it('"the leader gets 6, the others in proportion": 6 * rate / max of rate across units', () => {
    const ev = run(
      `scheme "s" total 6
input { rate : number }
item "x" max 6: 6 * rate / max of rate across units`,
      rowsOf('rate', [0.8, 0.4, 0.6, 0]),
    );
    expect(['u0', 'u1', 'u2', 'u3'].map((u) => item(ev, u, 'x'))).toEqual(['6', '3', '4.5', '0']);
  });
  it('max, min, avg, median, sum, count', () => {
    const agg = (fn: string) =>
      run(
        `scheme "s" total 1000
input { v : number }
item "x" max 1000: ${fn} of v across units`,
        rowsOf('v', [4, 1, 10, 3]),
      );
    const val = (fn: string) => item(agg(fn), 'u0', 'x');
    expect(val('max')).toBe('10');
    expect(val('min')).toBe('1');
    expect(val('avg')).toBe('4.5');
    expect(val('median')).toBe('3.5');
    expect(val('sum')).toBe('18');
    expect(val('count')).toBe('4');
  });
  it('`where` filters the units', () => {
    const src = (fn: string) => `scheme "s" total 1000
input { v : number  town : yes/no }
item "x" max 1000: ${fn} of v across units where town`;
    const rows = [
      { id: 'a', v: 4, town: 'yes' },
      { id: 'b', v: 1, town: 'no' },
      { id: 'c', v: 10, town: 'yes' },
      { id: 'd', v: 3, town: 'no' },
      { id: 'e', v: 7, town: 'yes' },
    ];
    expect(item(run(src('avg'), rows), 'b', 'x')).toBe('7');
    expect(item(run(src('min'), rows), 'b', 'x')).toBe('4');
    expect(item(run(src('count'), rows), 'b', 'x')).toBe('3');
    expect(item(run(src('median'), rows), 'b', 'x')).toBe('7');
    expect(item(run(src('sum'), rows), 'b', 'x')).toBe('21');
  });
  it('`avg of share across units where …` compares each unit with the average of its peers', () => {
    const ev = run(
      `scheme "s" total 10
input { share : number  rural : yes/no }
item "x" max 10: 5 * share / avg of share across units where rural`,
      [
        { id: 'a', rural: 'yes', share: 2 },
        { id: 'b', rural: 'yes', share: 4 },
        { id: 'c', rural: 'no', share: 100 },
      ],
    );
    expect(item(ev, 'a', 'x')).toBe('3.3333333333…');
    expect(item(ev, 'b', 'x')).toBe('6.6666666667…');
    expect(item(ev, 'c', 'x')).toBe('10'); // 5·100/3, held within 0..M
  });
  it('`… across units where unit = township`: the unit kind read outside braces', () => {
    const ev = run(
      `scheme "s" total 10
unit township "乡镇", subdistrict "街道"
input { share : number }
item "x" max 10: 5 * share / avg of share across units where unit = township`,
      [
        { id: 'a', unit: 'township', share: 2 },
        { id: 'b', unit: 'township', share: 4 },
        { id: 'c', unit: 'subdistrict', share: 100 },
      ],
    );
    expect(['a', 'b', 'c'].map((u) => item(ev, u, 'x'))).toEqual(['3.3333333333…', '6.6666666667…', '10']);
  });
  it('the Chinese word order 全体单位 X 的 最大值', () => {
    const ev = run(
      `方案 "s" 总分 6
输入 { 完成率 : 数值 }
指标 "x" 满分 6: 6 * 完成率 / 全体单位 完成率 的 最大值`,
      rowsOf('完成率', [0.8, 0.4]),
    );
    expect(['u0', 'u1'].map((u) => item(ev, u, 'x'))).toEqual(['6', '3']);
  });
});

// ── weights, adjust ─────────────────────────────────────────────────
describe('weights and coefficients', () => {
  const weighted = `scheme "s" total 100
input { status : number  improvement : number }
section "现状" weight 40% {
  item "现状值" max 40: by rank of status desc
}
section "提升" weight 60% {
  item "提升值" max 20: by rank of improvement desc
}`;
  it('40% status + 60% improvement: each section on its own scale, combined by weight', () => {
    const ev = run(weighted, [
      { id: 'a', status: 50, improvement: 1 },
      { id: 'b', status: 40, improvement: 3 },
      { id: 'c', status: 30, improvement: 2 },
    ]);
    // a: status 40/40, improvement 0/20 → 40 + 0
    // b: status 20/40, improvement 20/20 → 20 + 60
    // c: status 0/40, improvement 10/20 → 0 + 30
    expect(['a', 'b', 'c'].map((u) => total(ev, u))).toEqual(['40', '80', '30']);
    const b = unit(ev, 'b');
    expect(b.sections.map((s) => [s.label, str(s.score), str(s.max), str(s.weight), str(s.contribution)])).toEqual([
      ['现状', '20', '40', '0.4', '20'],
      ['提升', '20', '20', '0.6', '60'],
    ]);
    expect(unitSteps(b)).toContain('weighted');
  });
  it('`adjust total * coefficient` multiplies the total by a per-unit factor', () => {
    const ev = run(
      `scheme "s" total 100
input { score : 0..100  difficulty : number }
item "x" max 100: score
adjust total * difficulty`,
      [
        { id: 'a', score: 80, difficulty: 1.1 },
        { id: 'b', score: 80, difficulty: 0.9 },
        { id: 'c', score: 85, difficulty: 1 },
      ],
    );
    expect(['a', 'b', 'c'].map((u) => total(ev, u))).toEqual(['88', '72', '85']);
    expect(item(ev, 'a', 'x')).toBe('80'); // items are not adjusted
    expect(unitSteps(unit(ev, 'a'))).toContain('adjusted');
  });
  it('bonus points are added after the sections, before adjust', () => {
    const ev = run(
      `scheme "s" total 10
input { score : 0..10  extra : number  k : number }
item "x" max 10: score
bonus "加": extra, cap 5
adjust total * k`,
      [{ id: 'a', score: 8, extra: 2, k: 1.5 }],
    );
    expect(total(ev, 'a')).toBe('15');
  });
});

// ── void, veto, grades ──────────────────────────────────────────────
describe('void if, veto and grades', () => {
  it('`void if` makes the item 0, and the trace says why', () => {
    const ev = run(
      `scheme "s" total 10
input { reports : count  false_reported : yes/no }
item "材料报送" max 10: deduct 1 per reports, void if false_reported`,
      [
        { id: 'a', reports: 1, false_reported: 'yes' },
        { id: 'b', reports: 1, false_reported: 'no' },
      ],
    );
    expect(item(ev, 'a', '材料报送')).toBe('0');
    expect(item(ev, 'b', '材料报送')).toBe('9');
    expect(steps(unit(ev, 'a').items[0])).toMatch(/void: false_reported holds/);
  });
  it('`void if` as a line of a block item', () => {
    const ev = run(
      `scheme "s" total 5
input { a : yes/no  fake : yes/no }
item "x" max 5 {
  5 if a
  void if fake
}`,
      [
        { id: 'a', a: 'yes', fake: 'yes' },
        { id: 'b', a: 'yes', fake: 'no' },
      ],
    );
    expect(item(ev, 'a', 'x')).toBe('0');
    expect(item(ev, 'b', 'x')).toBe('5');
  });
  const vetoSrc = `scheme "s" total 100
input { score : 0..100  deficit_budget : yes/no  accident : yes/no }
item "x" max 100: score
veto "编制赤字预算" if deficit_budget
veto "重大安全事故" if accident
grade {
  veto "不予命名"
  "规范化单位" if total >= 85
  otherwise "下年重新考评"
}`;
  it('veto: grade forced to the veto grade, reasons listed, points still shown', () => {
    const ev = run(vetoSrc, [
      { id: 'a', score: 95, deficit_budget: 'yes', accident: 'no' },
      { id: 'b', score: 95, deficit_budget: 'yes', accident: 'yes' },
      { id: 'c', score: 95, deficit_budget: 'no', accident: 'no' },
      { id: 'd', score: 60, deficit_budget: 'no', accident: 'no' },
    ]);
    const a = unit(ev, 'a');
    expect(a.vetoed).toBe(true);
    expect(a.vetoes).toEqual(['编制赤字预算']);
    expect(a.grade).toBe('不予命名');
    expect(str(a.total)).toBe('95');
    expect(a.items[0].score?.toString()).toBe('95');
    const b = unit(ev, 'b');
    expect(b.vetoes).toEqual(['编制赤字预算', '重大安全事故']);
    expect(b.grade).toBe('不予命名');
    expect(unitSteps(b)).toContain('veto "重大安全事故"');
    expect(unit(ev, 'c')).toMatchObject({ vetoed: false, vetoes: [], grade: '规范化单位' });
    expect(unit(ev, 'd').grade).toBe('下年重新考评');
  });
  it('grades: first matching line', () => {
    const ev = run(
      `scheme "s" total 100
input { score : 0..100 }
item "x" max 100: score
grade {
  "优秀" if total >= 90
  "良好" if total >= 80
  "合格" if total >= 60
  otherwise "不合格"
}`,
      rowsOf('score', [95, 90, 89.9, 80, 60, 59.99]),
    );
    expect(['u0', 'u1', 'u2', 'u3', 'u4', 'u5'].map((u) => unit(ev, u).grade)).toEqual(['优秀', '优秀', '良好', '良好', '合格', '不合格']);
  });
  it('grades read a previous `grade`-typed input (keep or lose a title)', () => {
    const ev = run(
      `scheme "s" total 100
input { score : 0..100  last_grade : grade }
item "x" max 100: score
grade {
  "保持称号" if last_grade = "规范化单位" and total >= 85
  "规范化单位" if total >= 90
  otherwise "下年重新考评"
}`,
      [
        { id: 'keep', score: 86, last_grade: '规范化单位' },
        { id: 'new', score: 86, last_grade: '下年重新考评' },
        { id: 'won', score: 92, last_grade: '下年重新考评' },
        { id: 'lost', score: 80, last_grade: '规范化单位' },
      ],
    );
    expect(['keep', 'new', 'won', 'lost'].map((u) => unit(ev, u).grade)).toEqual(['保持称号', '下年重新考评', '规范化单位', '下年重新考评']);
  });
  it('grades read item, section and bonus scores', () => {
    const ev = run(
      `scheme "s" total 10
input { a : 0..5  b : 0..5  extra : number }
section "基础" max 10 {
  item "a" max 5: a
  item "b" max 5: b
}
bonus "加": extra, cap 3
grade {
  "单项满分" if item "a" = 5 and section "基础" < 10
  "有加分" if bonus > 0
  otherwise "一般"
}`,
      [
        { id: 'p', a: 5, b: 1, extra: 0 },
        { id: 'q', a: 4, b: 1, extra: 2 },
        { id: 'r', a: 4, b: 1, extra: 0 },
      ],
    );
    expect(['p', 'q', 'r'].map((u) => unit(ev, u).grade)).toEqual(['单项满分', '有加分', '一般']);
  });
});

// ── expressions: ??, let, list aggregates ───────────────────────────
describe('expressions', () => {
  it('`dept_value ?? self_value`: the first present value', () => {
    const ev = run(
      `scheme "s" total 100
input { dept_value : 0..100 optional  self_value : 0..100 }
item "x" max 100: dept_value ?? self_value`,
      [
        { id: 'both', dept_value: 70, self_value: 90 },
        { id: 'self', self_value: 90 },
        { id: 'zero', dept_value: 0, self_value: 90 }, // 0 is present: not a fallback
        { id: 'empty', dept_value: '', self_value: 90 }, // an empty cell is not submitted
      ],
    );
    expect(['both', 'self', 'zero', 'empty'].map((u) => item(ev, u, 'x'))).toEqual(['70', '90', '0', '90']);
  });
  it('`??` chains: a ?? b ?? 0', () => {
    const ev = run(
      `scheme "s" total 100
input { a : 0..100 optional  b : 0..100 optional }
item "x" max 100: a ?? b ?? 0`,
      [
        { id: 'a', a: 1, b: 2 },
        { id: 'b', b: 2 },
        { id: 'none' },
      ],
    );
    expect(['a', 'b', 'none'].map((u) => item(ev, u, 'x'))).toEqual(['1', '2', '0']);
  });
  it('`let` names an intermediate value, shown in the trace', () => {
    const ev = run(
      `scheme "s" total 10
input { sales : number  sales_last : number }
let growth = (sales - sales_last) / sales_last
item "增长" max 10: linear growth from 0 -> 0 to 20% -> 10`,
      [
        { id: 'a', sales: 110, sales_last: 100 },
        { id: 'b', sales: 90, sales_last: 100 },
        { id: 'c', sales: 150, sales_last: 100 },
      ],
    );
    expect(['a', 'b', 'c'].map((u) => item(ev, u, '增长'))).toEqual(['5', '0', '10']);
    const inputs = unit(ev, 'a').items[0].trace!.inputs;
    expect(inputs.find((x) => x.name === 'growth')?.value).toEqual({ k: 'num', v: '0.1' });
    expect(inputs.find((x) => x.name === 'sales')?.value).toEqual({ k: 'num', v: '110' });
  });
  it('a `let` inside a section', () => {
    const ev = run(
      `scheme "s" total 10
input { a : number  b : number }
section "s" max 10 {
  let both = a + b
  item "x" max 10: both
}`,
      [{ id: 'a', a: 3, b: 4 }],
    );
    expect(item(ev, 'a', 'x')).toBe('7');
  });
  it('list aggregates with where: count(months where days < 20)', () => {
    const ev = run(
      `scheme "s" total 12
input { months : list of { month : integer 1..12, days : count } }
item "x" max 12: deduct 1 per count(months where days < 20)`,
      [
        { id: 'a', months: [{ month: 1, days: 25 }, { month: 2, days: 19 }, { month: 3, days: 20 }, { month: 4, days: 3 }] },
        { id: 'b', months: [] },
      ],
    );
    expect(item(ev, 'a', 'x')).toBe('10');
    expect(item(ev, 'b', 'x')).toBe('12');
  });
  it('sum, avg, min, max, median over a list field, with and without where', () => {
    const val = (e: string) =>
      item(
        run(
          `scheme "s" total 1000
input { months : list of { month : integer 1..12, days : count } }
item "x" max 1000: ${e}`,
          [{ id: 'a', months: [{ month: 1, days: 25 }, { month: 2, days: 19 }, { month: 3, days: 20 }, { month: 4, days: 4 }] }],
        ),
        'a',
        'x',
      );
    expect(val('sum(months.days)')).toBe('68');
    expect(val('avg(months.days)')).toBe('17');
    expect(val('min(months.days)')).toBe('4');
    expect(val('max(months.days)')).toBe('25');
    expect(val('median(months.days)')).toBe('19.5');
    expect(val('sum(months.days where month > 2)')).toBe('24');
    expect(val('count(months)')).toBe('4');
    expect(val('max(months.days where days < 20)')).toBe('19');
    expect(val('avg(months.days where days > 100)')).toBe('0'); // empty: 0
  });
  it('min(a, b), max(a, b) and round(x, P)', () => {
    const val = (e: string) =>
      item(
        run(
          `scheme "s" total 1000
input { a : number  b : number }
item "x" max 1000: ${e}`,
          [{ id: 'u', a: 2.345, b: 7 }],
        ),
        'u',
        'x',
      );
    expect(val('min(a, b)')).toBe('2.345');
    expect(val('max(a, b, 3)')).toBe('7');
    expect(val('round(a, 2)')).toBe('2.35');
    expect(val('round(a, 0)')).toBe('2');
  });
});

// ── rounding ────────────────────────────────────────────────────────
describe('rounding', () => {
  it('`precision 2` rounds half-up: 1.875 → 1.88', () => {
    const ev = run(
      `scheme "s" total 10 precision 2
input { x : number }
item "x" max 10: x`,
      rowsOf('x', [1.875, 1.874, 2.005, 1.8749999]),
    );
    expect(['u0', 'u1', 'u2', 'u3'].map((u) => item(ev, u, 'x'))).toEqual(['1.88', '1.87', '2.01', '1.87']);
    expect(total(ev, 'u0')).toBe('1.88');
    expect(steps(unit(ev, 'u0').items[0])).toContain('1.875 → 1.88');
  });
  it('`precision 2` rounds results of division: 40 × 1 / 3', () => {
    const ev = run(
      `scheme "s" total 40 precision 2
input { done : number  target : number }
item "x" max 40: ratio done / target`,
      [{ id: 'a', done: 1, target: 3 }],
    );
    expect(item(ev, 'a', 'x')).toBe('13.33');
  });
  it('`round P` on an item overrides the precision', () => {
    const ev = run(
      `scheme "s" total 10 precision 2
input { x : number }
item "x" max 10: x, round 0`,
      rowsOf('x', [2.5, 2.49]),
    );
    expect(['u0', 'u1'].map((u) => item(ev, u, 'x'))).toEqual(['3', '2']);
  });
  it('without precision, scores are exact', () => {
    const ev = run(
      `scheme "s" total 10
input { x : number }
item "x" max 10: x`,
      rowsOf('x', [1.875]),
    );
    expect(item(ev, 'u0', 'x')).toBe('1.875');
  });
});

// ── use ─────────────────────────────────────────────────────────────
describe('use: another scheme feeds an item', () => {
  const agri = `scheme "农业" total 10
input { farms : count }
item "农场" max 10: deduct 2 per farms`;
  const main = `scheme "总" total 20
use "departments/agriculture.assess" as agri
input { own : 0..10 }
item "本级" max 10: own
item "农业部门" max 10: agri.total`;
  it('the imported scheme is evaluated on the same unit’s data', () => {
    const host = memoryHost({ 'main.assess': main, 'departments/agriculture.assess': agri });
    const scheme = schemeOf(main, host, 'main.assess');
    expect(scheme.inputs.map((f) => f.name).sort()).toEqual(['farms', 'own']);
    const { table, diagnostics } = validateUnits(scheme, [
      { id: 'a', own: 7, farms: 1 },
      { id: 'b', own: 10, farms: 5 },
    ], { file: 'd.json' });
    expect(diagnostics).toEqual([]);
    const ev = evaluate(scheme, table, { trace: true });
    expect(item(ev, 'a', '农业部门')).toBe('8');
    expect(item(ev, 'b', '农业部门')).toBe('0');
    expect(total(ev, 'a')).toBe('15');
    expect(total(ev, 'b')).toBe('10');
  });
  it('the imported scheme’s inputs are validated too', () => {
    const host = memoryHost({ 'main.assess': main, 'departments/agriculture.assess': agri });
    const scheme = schemeOf(main, host, 'main.assess');
    const { diagnostics } = validateUnits(scheme, [{ id: 'a', own: 7 }], { file: 'd.json' });
    expect(diagnostics.map((d) => d.code)).toEqual(['E0502']);
    expect(diagnostics[0].message.en).toContain('farms');
  });
});

// ── the sketch's whole scheme ───────────────────────────────────────
describe('the sketch’s whole scheme, in English and in Chinese', () => {
  const en = `scheme "新一轮农村实事工程考核（镇）" total 100

unit town "镇（区）"

input {
  org_system      : yes/no   "组织领导体系健全且运转正常"
  targets_split   : yes/no   "年度目标任务明确，分解到位"
  missing_reports : count    "少报次数"
  dept_score      : 0..90    "牵头部门定量考核得分"
  honors : list of {
    project  : text
    level    : district | city | province | national
    evidence : text optional
  }
}

section "定性考核" max 10 {
  item "组织领导" max 5 {
    2 if org_system
    3 if targets_split
  }
  item "材料报送" max 5: deduct 1 per missing_reports
}

section "定量考核" max 90 {
  item "部门考核" max 90: dept_score
}

bonus "项目加分" max 20: honors with evidence, best per project,
  district 1, city 3, province 6, national 10, cap 10 prorata

grade {
  "规范化单位" if total >= 85
  otherwise "下年重新考评"
}`;
  const zh = `方案 "新一轮农村实事工程考核（镇）" 总分 100

输入 {
  组织体系 : 是否   "组织领导体系健全且运转正常"
  目标分解 : 是否   "年度目标任务明确，分解到位"
  少报次数 : 次数
  部门得分 : 0..90  "牵头部门定量考核得分"
  荣誉 : 列表 { 项目 : 文本, 级别 : 区级 | 市级 | 省级 | 国家级, 佐证 : 文本 可选 }
}

小节 "定性考核" 满分 10 {
  指标 "组织领导" 满分 5 {
    2 若 组织体系
    3 若 目标分解
  }
  指标 "材料报送" 满分 5: 每 少报次数 扣 1
}

小节 "定量考核" 满分 90 {
  指标 "部门考核" 满分 90: 部门得分
}

加分 "项目加分": 荣誉 需 佐证, 同一 项目 取最高,
  区级 1, 市级 3, 省级 6, 国家级 10, 封顶 10 按比例

等级 {
  "规范化单位" 若 总分 >= 85
  否则 "下年重新考评"
}`;
  it('the sketch example: two missing reports, one provincial honour → 材料报送 3, total 94', () => {
    const ev = run(en, [
      { id: 'x', org_system: 'yes', targets_split: 'yes', missing_reports: 2, dept_score: 80, honors: [{ project: '桥梁', level: 'province', evidence: '省政府文件' }] },
    ]);
    expect(item(ev, 'x', '材料报送')).toBe('3');
    expect(total(ev, 'x')).toBe('94');
    expect(unit(ev, 'x').grade).toBe('规范化单位');
  });
  it('the Chinese spelling gives the same numbers', () => {
    const ev = run(zh, [
      { id: 'x', 组织体系: '是', 目标分解: '是', 少报次数: 2, 部门得分: 80, 荣誉: [{ 项目: '桥梁', 级别: '省级', 佐证: '省政府文件' }] },
    ]);
    expect(item(ev, 'x', '材料报送')).toBe('3');
    expect(total(ev, 'x')).toBe('94');
    expect(unit(ev, 'x').grade).toBe('规范化单位');
  });
  it('a cohort of three towns: the bonus is scaled prorata across them', () => {
    const h = (project: string, level: string) => ({ project, level, evidence: 'doc' });
    const base = { org_system: 'yes', targets_split: 'yes', missing_reports: 0, dept_score: 70 };
    const ev = run(en, [
      { id: '甲镇', ...base, honors: [h('桥', 'national'), h('路', 'province'), h('桥', 'city')] }, // 16
      { id: '乙镇', ...base, honors: [h('桥', 'province'), h('路', 'district'), h('水', 'district')] }, // 8
      { id: '丙镇', ...base, honors: [h('桥', 'city'), h('路', 'district'), h('路', 'district')] }, // 4
    ]);
    expect(['甲镇', '乙镇', '丙镇'].map((u) => str(unit(ev, u).bonus))).toEqual(['10', '5', '2.5']);
    expect(['甲镇', '乙镇', '丙镇'].map((u) => total(ev, u))).toEqual(['90', '85', '82.5']);
    expect(['甲镇', '乙镇', '丙镇'].map((u) => unit(ev, u).grade)).toEqual(['规范化单位', '规范化单位', '下年重新考评']);
  });
});

// ── results hold what the sketch says ───────────────────────────────
describe('what a result holds', () => {
  it('every item, section, bonus, the total, the grade, the vetoes and a trace', () => {
    const ev = run(
      `scheme "s" total 10
input { a : yes/no  n : count  extra : number  bad : yes/no }
section "定性" max 10 {
  item "a" max 5 { 5 if a }
  item "n" max 5: deduct 1 per n
}
bonus "加": extra, cap 2
veto "造假" if bad
grade {
  veto "不予命名"
  "好" if total >= 8
  otherwise "差"
}`,
      [{ id: '王家村', a: 'yes', n: 1, extra: 5, bad: 'no' }],
    );
    const r = unit(ev, '王家村');
    expect(r.items.map((i) => [i.label, i.section, str(i.score), str(i.max)])).toEqual([
      ['a', '定性', '5', '5'],
      ['n', '定性', '4', '5'],
    ]);
    expect(r.sections.map((s) => [s.label, str(s.score), str(s.max)])).toEqual([['定性', '9', '10']]);
    expect(r.bonuses.map((b) => [b.label, str(b.score)])).toEqual([['加', '2']]);
    expect(str(r.bonus)).toBe('2');
    expect(str(r.total)).toBe('11');
    expect(r.grade).toBe('好');
    expect(r.vetoed).toBe(false);
    expect(r.errors).toEqual([]);
    for (const i of [...r.items, ...r.bonuses]) {
      expect(i.trace!.rule.length).toBeGreaterThan(0);
      expect(i.trace!.steps.length).toBeGreaterThan(0);
    }
    const s = unitSteps(r);
    expect(s).toContain('section "定性" = 5 + 4 = 9');
    expect(s).toContain('total = 9 + 2 (bonus) = 11');
    expect(s).toContain('"好"');
    expect(ev.total(0)?.toString()).toBe('11');
  });
  it('traces are off unless asked for', () => {
    const scheme = schemeOf(`scheme "s" total 5
input { n : count }
item "x" max 5: deduct 1 per n`);
    const { table } = validateUnits(scheme, [{ id: 'a', n: 1 }], { file: 'd.json' });
    const ev = evaluate(scheme, table);
    expect(ev.unit(0).items[0].trace).toBeUndefined();
    expect(ev.unit(0).steps).toBeUndefined();
    const picked = evaluate(scheme, table, { trace: (u) => u === 0 });
    expect(picked.unit(0).items[0].trace).toBeDefined();
  });
  it('division by zero in a formula is an error E0601 for that unit, not a crash', () => {
    const ev = run(
      `scheme "s" total 10
input { a : number  b : number }
item "x" max 10: a / b`,
      [
        { id: 'zero', a: 1, b: 0 },
        { id: 'ok', a: 1, b: 4 },
      ],
    );
    expect(unit(ev, 'zero').errors.map((d) => d.code)).toEqual(['E0601']);
    expect(unit(ev, 'zero').total).toBeNull();
    expect(item(ev, 'ok', 'x')).toBe('0.25');
  });
});

// ── static ranges agree with evaluation (regressions found by the property tests) ──
describe('static ranges (the semantic model’s) hold what evaluation gives', () => {
  /** The checker's range of an item (or bonus) by label, and the scores of a cohort. */
  function rangeAndScores(src: string, rows: Record<string, unknown>[], label: string) {
    const ev = run(src, rows);
    const model = compile('t.assess', src).model;
    const def = model.find('item', label) ?? model.find('bonus', label)!;
    const scores = ev.ids.map((id) => item(ev, id, label));
    return { low: def.range!.low, high: def.range!.high, scores, max: def.max! };
  }
  it('rank points with a rank below 1 (a count may be 0) score above `first`: the range says so', () => {
    const r = rangeAndScores(
      `scheme "s" total 50
input { r : count }
item "rp" max 50: rank r, first 40, step 5`,
      rowsOf('r', [0, 1, 9]),
      'rp',
    );
    expect(r.scores).toEqual(['45', '40', '0']);
    expect(r.low).toBe('0');
    expect(r.high).toBe('45'); // was 40, below the 45 a rank of 0 scores
  });
  it('an aggregate across units with `where` is 0 when no unit matches: the range includes 0', () => {
    const r = rangeAndScores(
      `scheme "s" total 10
input { v : 5..10  f : yes/no }
item "m" max 10: max of v across units where f`,
      [
        { id: 'a', v: 6, f: 'no' },
        { id: 'b', v: 7, f: 'no' },
      ],
      'm',
    );
    expect(r.scores).toEqual(['0', '0']);
    expect(r.low).toBe('0'); // was 5
  });
  it('`precision` rounds the range as it rounds the scores', () => {
    const r = rangeAndScores(
      `scheme "s" total 10 precision 2
input { v : 0..2.345 }
item "m" max 10: v`,
      rowsOf('v', [2.345]),
      'm',
    );
    expect(r.scores).toEqual(['2.35']);
    expect(r.high).toBe('2.35'); // was 2.345
  });
  it('`round(x, P)` rounds the range of its value', () => {
    const r = rangeAndScores(
      `scheme "s" total 10
input { v : 0..2.345 }
item "m" max 10: round(v, 2)`,
      rowsOf('v', [2.345]),
      'm',
    );
    expect(r.scores).toEqual(['2.35']);
    expect(r.high).toBe('2.35');
  });
  it('`round P` on an item rounds its range: 1 − 0.51 = 0.49 → 0 at 0 places', () => {
    const r = rangeAndScores(
      `scheme "s" total 1
input { n : count }
item "d" max 1: deduct 0.2 per n, max 51%, round 0`,
      rowsOf('n', [0, 3, 9]),
      'd',
    );
    expect(r.scores).toEqual(['1', '0', '0']);
    expect(r.low).toBe('0'); // was 0.49
  });
  it('`deduct K per X, max D`: the smallest deduction is capped at D too', () => {
    const r = rangeAndScores(
      `scheme "s" total 1
input { a : yes/no }
item "d" max 1: deduct 3.2 per 12.6, max 97%`,
      [{ id: 'u', a: 'yes' }],
      'd',
    );
    expect(r.scores).toEqual(['0.03']);
    expect([r.low, r.high]).toEqual(['0.03', '0.03']); // was 0..0
  });
  it('cap prorata scales below the rule’s lowest raw value: the range says so', () => {
    const r = rangeAndScores(
      `scheme "s" total 10
input { x : 0..20 }
item "i" max 10: x
bonus "b" max 10: 5 + x, cap 10 prorata`,
      [
        { id: 'a', x: 0 },
        { id: 'b', x: 20 },
      ],
      'b',
    );
    expect(r.scores).toEqual(['2', '10']);
    expect(r.low).toBe('2'); // 5 × 10 / 25; was 5
  });
  it('a bonus without a max whose rule is never positive has max 0, not a negative max', () => {
    const r = rangeAndScores(
      `scheme "s" total 10
input { x : 1..30 }
item "i" max 10: x
bonus "b": - x`,
      rowsOf('x', [1, 30]),
      'b',
    );
    expect(r.scores).toEqual(['0', '0']);
    expect(r.max).toBe('0'); // was -1
    expect([r.low, r.high]).toEqual(['0', '0']);
  });
});

// ── errors in cohort values ─────────────────────────────────────────
describe('an error in a cohort value', () => {
  it('cap prorata needs every unit’s raw value: one unit’s target 0 fails the item for all, reported once', () => {
    const ev = run(
      `scheme "r" total 40
input { done : number  target : number }
item "完成" max 40: ratio done / target, cap 40 prorata`,
      [
        { id: 'a', done: 72, target: 90 },
        { id: 'b', done: 1, target: 0 },
        { id: 'c', done: 1, target: 2 },
      ],
    );
    expect(ev.diagnostics.map((d) => `${d.code} ${d.message.en}`)).toEqual(['E0602 unit `b`: the target of `完成` is 0, and the scheme does not say what that scores']);
    for (const id of ['a', 'b', 'c']) {
      expect(unit(ev, id).items[0].score).toBeNull();
      expect(unit(ev, id).errors.map((d) => d.code)).toEqual(['E0602']);
    }
  });
  it('an aggregate across units that divides by zero for one unit is reported once', () => {
    const ev = run(
      `scheme "r" total 10
input { a : number  b : number }
item "x" max 10: max of a / b across units`,
      [
        { id: 'p', a: 1, b: 1 },
        { id: 'q', a: 1, b: 0 },
        { id: 'r', a: 1, b: 2 },
      ],
    );
    expect(ev.diagnostics.map((d) => d.code)).toEqual(['E0601']);
    expect(ev.diagnostics[0].message.en).toContain('unit `q`');
  });
});

// ── decisions once left open ────────────────────────────────────────
describe('cap and max', () => {
  // The sketch: "M is the item's max" and `cap N` is min(raw, N). With `max 40` and `cap 30`,
  // 50 of 100 is raw 40 × 0.5 = 20, capped at 30 → 20; 90 of 100 is 36 → 30.
  it('`item max 40: ratio d / t, cap 30`: 50 of 100 scores 40 × 0.5 = 20, not 30 × 0.5', () => {
    const ev = run(
      `scheme "s" total 40
input { d : 0..100  t : 1..100 }
item "r" max 40: ratio d / t, cap 30`,
      [
        { id: 'a', d: 50, t: 100 },
        { id: 'b', d: 90, t: 100 },
      ],
    );
    expect(item(ev, 'a', 'r')).toBe('20');
    expect(item(ev, 'b', 'r')).toBe('30');
  });
  // A max finer than the declared precision cannot be kept (`max 2.5` under `precision 0`
  // would round 2.5 to 3 > M): the checker rejects it.
  it('a max finer than the precision is an error (E0310), so no score can round above its max', () => {
    const c = compile('s.assess', `scheme "s" total 2.5 precision 0
input { x : number }
item "x" max 2.5: x`);
    expect(c.ok).toBe(false);
    expect(c.diagnostics.map((d) => d.code)).toContain('E0310');
  });
});

describe('imported scores and what a trace shows', () => {
  const sub = `scheme "农业" total 10
input { farms : 0..10, plots : 0..10 }
section "基础" max 10 {
  item "农场得分" max 5: farms / 2
  item "地块" max 5: plots / 2
}
`;
  const host = memoryHost({ 'agri.assess': sub });
  it('`alias.item "x"` and `alias.section "y"` read an imported scheme’s scores, and the trace shows the values used', () => {
    const src = `scheme "总" total 20
use "agri.assess" as agri
input { rate : percent "达标率" }
let share = agri.section "基础" / 10
item "农场分" max 10: agri.item "农场得分" * 2
item "达标" max 10: 10 * rate * share`;
    const ev = run(src, [{ id: 'u', farms: 8, plots: 4, rate: '90%' }], host);
    const u = unit(ev, 'u');
    expect(u.items.map((i) => i.score?.toString())).toEqual(['8', '5.4']); // 4 × 2; 10 × 0.9 × 6 / 10
    expect(u.items[0].trace!.inputs).toEqual([{ name: 'agri.item "农场得分"', value: { k: 'num', v: '4' }, score: true }]);
    expect(explainUnit(u, 'zh')).toContain('数据: rate (达标率) = 90%');
    expect(explainUnit(u, 'zh')).toContain('计算: share = agri.section "基础" / 10 = 0.6');
    expect(explainUnit(u, 'en')).toContain('score: agri.section "基础" = 6');
  });
  it('a score of this unit a rule reads is in its trace: its value, that it does not apply, or that it failed', () => {
    const src = `scheme "s" total 40
input { a : 0..10, b : 0..10, skip : yes/no }
section "q" max 20 {
  item "x" max 10 {
    5 if a > 0
    not applicable if skip
  }
  item "y" max 10: item "x" + 1
}
item "z" max 10: a / b
item "w" max 10: item "z" * 0 + section "q" * 0`;
    const ev = run(src, [{ id: 'u', a: 5, b: 1, skip: false }, { id: 'na', a: 5, b: 1, skip: true }, { id: 'zero', a: 5, b: 0, skip: false }]);
    const reads = (id: string, label: string) => unit(ev, id).items.find((i) => i.label === label)!.trace!.inputs;
    expect(reads('u', 'y')).toEqual([{ name: 'item "x"', value: { k: 'num', v: '5' }, score: true }]);
    expect(reads('na', 'y')).toEqual([{ name: 'item "x"', value: { k: 'notApplicable' }, score: true }]);
    expect(reads('zero', 'w')).toEqual([
      { name: 'item "z"', value: { k: 'failed' }, score: true },
      { name: 'section "q"', value: { k: 'num', v: '11' }, score: true },
    ]);
    expect(explainUnit(unit(ev, 'na'), 'en')).toContain('score: item "x" = does not apply');
    expect(explainUnit(unit(ev, 'na'), 'zh')).toContain('得分: item "x" = 不适用');
  });
  it('a label the imported scheme does not have is reported with its near miss', () => {
    const c = compile('m.assess', 'scheme "m" total 10\nuse "agri.assess" as agri\nitem "x" max 10: agri.item "农场的分"', host);
    expect(c.diagnostics.map((d) => `${d.code} ${d.message.en} ${d.hint?.en ?? ''}`)).toEqual(['E0105 no item of `agri` is labelled "农场的分" did you mean `农场得分`?']);
  });
});

describe('a unit at a time (unitOnce, place)', () => {
  it('builds what unit builds without keeping it; without steps where asked; places without building', () => {
    const ev = run('scheme "s" total 10\ninput { a : 0..10 }\nitem "i" max 10: a\ngrade {\n  "好" if total >= 5\n  otherwise "差"\n}\n', rowsOf('a', [3, 8, 8, 1]));
    for (let i = 0; i < ev.n; i++) {
      // (Not kept: built anew each time, until `unit` keeps one.)
      const once = ev.unitOnce(i);
      expect(ev.unitOnce(i)).not.toBe(once);
      expect(once).toEqual(ev.unit(i));
      const bare = ev.unitOnce(i, { trace: false });
      expect(bare.items[0].trace).toBeUndefined();
      expect(bare.steps).toBeUndefined();
      expect({ ...bare, items: bare.items.map(({ trace: _, ...rest }) => rest), steps: undefined }).toEqual({ ...once, items: once.items.map(({ trace: _, ...rest }) => rest), steps: undefined });
      expect(ev.place(i)).toBe(once.place);
    }
    expect([0, 1, 2, 3].map((i) => ev.place(i))).toEqual([3, 1, 1, 4]);
  });
});
