// Properties of evaluation that must hold for every cohort: results do not depend on the
// order of the units, every item stays within its static range, the total is its parts,
// deductions are monotone, and cap prorata scales the cohort without reordering it.
// Cohorts are generated (1..40 units, random values) over hand-written schemes that cover
// the cohort rules, and over generated schemes (the shared arbitrary in ./testing).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, evaluate, validateUnits, Decimal, type Plan, type Evaluation, type UnitResult } from '../index.js';
import { schemeModel, renderScheme, unitData, renderStyle, type SchemeModel } from '@assess/testing';

const RUNS = Number(process.env.FC_RUNS ?? 100);

// ── helpers ─────────────────────────────────────────────────────────
function checked(src: string): Plan.Plan {
  const c = compile('p.assess', src);
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`scheme has errors: ${errors.map((d) => `${d.code} ${d.message.en}`).join('; ')}\n${src}`);
  return c.plan!;
}

function evaluateRows(scheme: Plan.Plan, rows: Record<string, unknown>[], trace = false): Evaluation {
  const { table, diagnostics } = validateUnits(scheme, rows, { file: 'data.json' });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`data errors: ${errors.map((d) => d.message.en).join('; ')}`);
  return evaluate(scheme, table, { trace });
}

const s = (d: Decimal | null) => (d === null ? null : d.toString());
/** Everything a unit's result says, as plain comparable data. */
function snapshot(r: UnitResult) {
  return {
    items: r.items.map((i) => [i.label, s(i.score)]),
    sections: r.sections.map((x) => [x.label, s(x.score), s(x.contribution)]),
    bonuses: r.bonuses.map((b) => [b.label, s(b.score)]),
    bonus: s(r.bonus),
    total: s(r.total),
    grade: r.grade,
    vetoes: r.vetoes,
    errors: r.errors.map((e) => e.code),
  };
}

/** A value with up to two decimals in [lo, hi], as a number or as text. */
const dec2 = (lo: number, hi: number) =>
  fc.tuple(fc.integer({ min: lo * 100, max: hi * 100 }), fc.boolean()).map(([c, asText]) => {
    const v = c / 100;
    return asText ? String(v) : v;
  });

/** A cohort of 1..40 units from a row arbitrary, with ids u0, u1, …. */
const cohort = (row: fc.Arbitrary<Record<string, unknown>>, min = 1, max = 40) =>
  fc.array(row, { minLength: min, maxLength: max }).map((rows) => rows.map((r, i) => ({ id: `u${i}`, ...r })));

/** A cohort and a permutation of it. */
const withShuffle = <T>(arb: fc.Arbitrary<T[]>) => arb.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })));

// ── hand-written schemes over the cohort rules ─────────────────────
const COHORT = `scheme "cohort rules" total 100
input {
  value  : 0..100
  prev   : 0..100
  done   : 0..100
  target : 0..100
  n      : count
  r      : integer 1..30
  share  : 0..1
  rural  : yes/no
  report : yes/no
  level  : district | city | province | national
  raw    : 0..30
  honors : list of {
    project  : text
    kind     : district | city | province | national
    evidence : text optional
  }
}
section "status" max 40 {
  item "rank-scored" max 20: by rank of value desc
  item "improvement rank" max 10: rank by value - prev desc, first 10, step 2
  item "leader" max 10: 10 * share / max(max of share across units, 0.01)
}
section "work" max 50 {
  item "deduct" max 10: deduct 1.5 per n, max 8
  item "ratio" max 10: ratio done / target, if zero 5
  item "bands" max 10: bands value { < 30: 2, < 60: 6, else: 10 }
  item "linear" max 10: linear value from 20 -> 0 to 80 -> 10
  item "peers" max 10: 5 * share / max(avg of share across units where rural, 0.1), void if not report
}
item "rank points" max 10: rank r, first 10, step 1
bonus "prorata": raw, cap 10 prorata
bonus "honours" max 12: honors with evidence, best per project, district 1, city 3, province 6, national 10, cap 12 prorata
bonus "level": level, city 1, province 2, national 3
veto "no report" if not report and n > 10
grade {
  veto "vetoed"
  "good" if total >= 60
  otherwise "poor"
}`;

const WEIGHTED = `scheme "weighted" total 100 precision 2
input {
  status : 0..100
  gain   : -50..50
  n      : count
  extra  : 0..20
}
section "现状" weight 40% {
  item "status rank" max 40: by rank of status desc
  item "status level" max 20: linear status from 0 -> 0 to 100 -> 20
}
section "提升" weight 60% {
  item "gain rank" max 30: by rank of gain asc
  item "reports" max 7: deduct 0.7 per n
}
bonus "extra": extra, cap 6 prorata
grade {
  "A" if total >= 80
  otherwise "B"
}`;

const honourRow = fc.record(
  {
    project: fc.constantFrom('bridge', 'road', 'school', '桥梁'),
    kind: fc.constantFrom('district', 'city', 'province', 'national'),
    evidence: fc.constantFrom('doc', '省政府文件'),
  },
  { requiredKeys: ['project', 'kind'] },
);
const cohortRow = fc.record({
  value: dec2(0, 100),
  prev: dec2(0, 100),
  done: dec2(0, 100),
  target: fc.oneof(dec2(0, 100), fc.constant(0)),
  n: fc.integer({ min: 0, max: 15 }),
  r: fc.integer({ min: 1, max: 30 }),
  share: dec2(0, 1),
  rural: fc.constantFrom('yes', 'no', '是', '否', true, false, 1, 0),
  report: fc.constantFrom('yes', 'no', true, false),
  level: fc.constantFrom('district', 'city', 'province', 'national'),
  raw: dec2(0, 30),
  honors: fc.array(honourRow, { maxLength: 6 }),
});
const weightedRow = fc.record({
  status: dec2(0, 100),
  gain: dec2(-50, 50),
  n: fc.integer({ min: 0, max: 12 }),
  extra: dec2(0, 20),
});

const GROUPS = `scheme "groups" total 100 precision 2
unit city "城市", town "乡镇"
input {
  self   : 0..100
  status : 0..100
  gain   : -50..50
  share  : 0..1
  skip   : yes/no
  extra  : 0..20
  report : yes/no
}
eligible if self >= 60
within unit
place: vetoed last
section "实绩" weight 60% {
  section "现状" weight 40% {
    item "status rank" max 50: by rank of status desc
    item "status level" max 50: linear status from 0 -> 0 to 100 -> 50
  }
  section "改善" weight 60% {
    item "gain rank" max 100: by rank of gain desc, not applicable if skip
  }
}
section "保障" weight 40% {
  item "leader" max 100: 100 * share / max(max of share across units, 0.01)
}
bonus "extra": extra, cap 6 prorata
veto "no report" if not report
grade {
  veto "vetoed"
  ineligible "not assessed"
  "A" if total >= 60, max 30%
  "B" if place <= cohort size / 2
  otherwise "C"
}`;

const groupsRow = fc.record({
  unit: fc.constantFrom('city', 'town'),
  self: fc.integer({ min: 40, max: 100 }),
  status: dec2(0, 100),
  gain: dec2(-50, 50),
  share: dec2(0, 1),
  skip: fc.constantFrom('yes', 'no', 'no', 'no'),
  extra: dec2(0, 20),
  report: fc.constantFrom('yes', 'yes', 'yes', 'no'),
});

/** Schemes whose total is the plain sum the property (c) recomputes. */
const HAND = [
  { name: 'cohort rules', src: COHORT, row: cohortRow },
  { name: 'weights and precision', src: WEIGHTED, row: weightedRow },
];
/** Every hand-written scheme, groups and eligibility included. */
const ALL_HAND = [...HAND, { name: 'groups, eligibility, quotas, nesting, items that do not apply', src: GROUPS, row: groupsRow }];

// ── generated schemes (the shared arbitrary) ────────────────────────
interface Generated {
  text: string;
  rows: Record<string, unknown>[];
}
const compiledCache = new Map<string, ReturnType<typeof compile>>();
function compileCached(text: string) {
  let c = compiledCache.get(text);
  if (!c) compiledCache.set(text, (c = compile('g.assess', text)));
  return c;
}
/** A generated scheme that checks without errors, with a cohort of 1..40 units for it. */
const generated: fc.Arbitrary<Generated> = fc
  .tuple(schemeModel({ examples: false }), renderStyle())
  .map(([model, style]) => ({ model, text: renderScheme(model, style) }))
  .filter((g) => compileCached(g.text).ok)
  .chain((g: { model: SchemeModel; text: string }) => {
    const kinds = g.model.units.map((u) => u.name);
    // unitData may pick a grade label the grade block does not use: take the scheme's labels.
    const grades = compileCached(g.text).plan!.gradeLabels;
    const gradeFields = compileCached(g.text).plan!.inputs.filter((f) => f.type.k === 'grade');
    const fix = (r: Record<string, unknown>, i: number) => {
      const out: Record<string, unknown> = { id: `u${i}`, ...r };
      if (kinds.length > 1) out.unit = kinds[i % kinds.length];
      for (const f of gradeFields) {
        if (!(f.name in out)) continue;
        if (grades.length > 0) out[f.name] = grades[i % grades.length];
        else delete out[f.name];
      }
      return out;
    };
    return fc.array(unitData(g.model), { minLength: 1, maxLength: 40 }).map((rows) => ({ text: g.text, rows: rows.map(fix) }));
  });
const GEN_RUNS = Number(process.env.FC_RUNS ?? 60);
const schemeOfGenerated = (g: Generated) => compileCached(g.text).plan!;
/** Each item's static range as the checker worked it out (exact: a bound may be a fraction). */
type Ranges = (kind: Plan.Item['kind'], label: string) => { low: Decimal; high: Decimal | null };
function rangesOf(c: ReturnType<typeof compile>): Ranges {
  const byKey = new Map([...c.checked.itemRanges].map(([it, r]) => [`${it.kind.toLowerCase()}:${it.label.text}`, r]));
  return (kind, label) => byKey.get(`${kind}:${label}`)!;
}
const rangesOfGenerated = (g: Generated) => rangesOf(compileCached(g.text));

// ── (a) order does not matter ───────────────────────────────────────
function expectSameResults(scheme: Plan.Plan, rows: Record<string, unknown>[], shuffled: Record<string, unknown>[]) {
  const a = evaluateRows(scheme, rows);
  const b = evaluateRows(scheme, shuffled);
  const byId = (ev: Evaluation) => new Map(ev.ids.map((id, i) => [id, snapshot(ev.unit(i))]));
  const ma = byId(a);
  const mb = byId(b);
  expect(mb.size).toBe(ma.size);
  for (const [id, r] of ma) expect(mb.get(id), `unit ${id}`).toEqual(r);
}

// ── (b) static ranges ───────────────────────────────────────────────
function expectWithinRanges(scheme: Plan.Plan, ranges: Ranges, ev: Evaluation) {
  for (let u = 0; u < ev.n; u++) {
    const r = ev.unit(u);
    const results = [...r.items, ...r.bonuses, ...r.penalties];
    for (const it of scheme.items) {
      const res = results.find((x) => x.label === it.label)!;
      if (res.score === null) continue;
      const range = ranges(it.kind, it.label);
      // A penalty without a max has no highest score.
      const max = it.max === undefined ? undefined : Decimal.parse(it.max)!;
      const where = `${it.text}\n  unit ${r.id}: ${res.score}, static range ${range.low}..${range.high ?? '∞'}, max ${max ?? 'none'}`;
      expect(res.score.gte(Decimal.ZERO), where).toBe(true);
      // A max finer than the item's rounding is an error (E0310), so the score stays within 0..max.
      if (max) expect(res.score.lte(it.places === undefined ? max : Decimal.max(max, max.round(it.places))), where).toBe(true);
      expect(res.score.gte(range.low), where).toBe(true);
      if (range.high) expect(res.score.lte(range.high), where).toBe(true);
      // What the plan says holding the raw value within 0..M never changes (a compiled module
      // leaves it out) never happens: the interpreter's trace has no such step.
      for (const step of res.trace?.steps ?? []) if ((step.k === 'atMostMax' && it.proved?.atMostMax) || (step.k === 'notBelowZero' && it.proved?.notBelowZero)) expect.fail(`${where}: ${step.k}, which the plan says never happens`);
    }
  }
}

// ── (c) the total is its parts ──────────────────────────────────────
/**
 * Every section is its parts (items, and subsections' contributions: a weighted part's is
 * score / scale × weight × the whole's scale), and the total is the top-level parts plus the
 * bonuses, less the penalties, not below the floor. Units where something does not apply are
 * scaled up instead (cohorts.test.ts works those out by hand).
 */
function expectTotalIsItsParts(scheme: Plan.Plan, ev: Evaluation) {
  if (scheme.adjusts.length > 0) return;
  const total = Decimal.parse(scheme.total)!;
  const round = (d: Decimal) => (scheme.precision?.of === 'each' ? d.round(scheme.precision.places) : d);
  for (let u = 0; u < ev.n; u++) {
    const r = ev.unit(u);
    if (r.total === null || [...r.items, ...r.bonuses, ...r.penalties].some((i) => i.notApplicable)) continue;
    const partsOf = (label: string | undefined, scale: Decimal) => {
      let sum = Decimal.ZERO;
      for (const sec of r.sections.filter((x) => x.parent === label)) {
        const want = !sec.weight ? sec.score! : sec.max.isZero() ? Decimal.ZERO : round(sec.score!.mul(sec.weight).mul(scale).div(sec.max));
        expect(s(sec.contribution), `contribution of ${sec.label}`).toBe(s(want));
        sum = sum.add(want);
      }
      for (const i of r.items.filter((x) => x.section === label)) sum = sum.add(i.score!);
      return sum;
    };
    for (const sec of r.sections) expect(s(sec.score), `section ${sec.label}`).toBe(s(partsOf(sec.label, sec.max)));
    expect(s(r.bonus)).toBe(s(r.bonuses.reduce((a, b) => a.add(b.score!), Decimal.ZERO)));
    expect(s(r.penalty)).toBe(s(r.penalties.reduce((a, b) => a.add(b.score!), Decimal.ZERO)));
    const sum = partsOf(undefined, total).add(r.bonus).sub(r.penalty);
    const floor = scheme.floor !== undefined ? Decimal.parse(scheme.floor)! : undefined;
    const floored = floor && sum.lt(floor) ? floor : sum;
    const p = scheme.precision;
    expect(s(r.total), `total of ${r.id}`).toBe(s(p?.of === 'total' ? floored.round(p.places) : floored));
  }
}

describe('(a) results do not change when the units are shuffled', () => {
  for (const h of ALL_HAND) {
    it(`hand-written: ${h.name}`, () => {
      const sch = checked(h.src);
      fc.assert(fc.property(withShuffle(cohort(h.row)), ([rows, shuffled]) => expectSameResults(sch, rows, shuffled)), { numRuns: RUNS });
    });
  }
  it('generated schemes', () => {
    fc.assert(
      fc.property(
        generated.chain((g) => fc.tuple(fc.constant(g), fc.shuffledSubarray(g.rows, { minLength: g.rows.length, maxLength: g.rows.length }))),
        ([g, shuffled]) => expectSameResults(schemeOfGenerated(g), g.rows, shuffled),
      ),
      { numRuns: GEN_RUNS, endOnFailure: true },
    );
  });
});

/** A scheme that must compile, scored on one unit with traces, every item within its static range. */
function fixedCase(src: string, row: Record<string, unknown>) {
  const c = compile('p.assess', src);
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const ev = evaluateRows(c.plan!, [{ id: 'u', ...row }], true);
  expectWithinRanges(c.plan!, rangesOf(c), ev);
  return { c, ev, ranges: rangesOf(c) };
}

describe('(b) every item stays within its static range and within 0..max', () => {
  for (const h of ALL_HAND) {
    it(`hand-written: ${h.name}`, () => {
      const sch = checked(h.src);
      const ranges = rangesOf(compile('p.assess', h.src));
      fc.assert(fc.property(cohort(h.row), (rows) => expectWithinRanges(sch, ranges, evaluateRows(sch, rows, true))), { numRuns: RUNS });
    });
  }
  it('a linear scale over a score that does not apply (0) is within its range (found by the generated schemes)', () => {
    const src = [
      'scheme "s" total 13',
      'input {',
      '  a : yes/no',
      '  x : 0..10',
      '}',
      'section "q" max 13 {',
      '  item "i" max 5 {',
      '    5 if a',
      '    not applicable if a',
      '  }',
      '  item "j" max 7: linear item "i" from 0 -> 5 to 4 -> 7',
      '  item "k" max 1: linear x from 0 -> 1 to 10 -> 1',
      '}',
    ].join('\n');
    const { ranges } = fixedCase(src, { a: true, x: 3 });
    expect(ranges('item', 'j').low.toString()).toBe('0');
    // A required input is always there: its scale keeps its range.
    expect(ranges('item', 'k').low.toString()).toBe('1');
  });
  it('a rule reading a score that does not apply reads nothing: its range holds what it then gives (found by the generated schemes)', () => {
    const src = [
      'scheme "s" total 40',
      'input {',
      '  a : 1..10',
      '  skip : yes/no',
      '}',
      'section "q" max 40 {',
      '  item "x" max 10: a, not applicable if skip',
      '  item "formula" max 10: max(item "x", 9)',
      '  item "deduct" max 10: deduct 1 per item "x"',
      '  item "rank" max 10: rank item "x", first 5, step 1',
      '}',
    ].join('\n');
    const { ev } = fixedCase(src, { a: 3, skip: true });
    expect(ev.unit(0).items.map((i) => i.score?.toString())).toEqual([undefined, '0', '10', '6']);
  });
  it('a ratio whose target is 0 scores its `if zero` value as it is: above M, then held (found by the compiler’s differential tests)', () => {
    const { c, ev } = fixedCase('scheme "s" total 8\ninput {\n  done : 0..100\n  target : 0..100\n}\nitem "r" max 8: ratio done / target, if zero 20', { done: 5, target: 0 });
    expect(c.plan!.items[0].proved).toEqual({ notBelowZero: true });
    expect(ev.unit(0).items[0].trace!.steps.map((s) => s.k)).toContain('atMostMax');
  });
  it('generated schemes', () => {
    fc.assert(
      fc.property(generated, (g) => expectWithinRanges(schemeOfGenerated(g), rangesOfGenerated(g), evaluateRows(schemeOfGenerated(g), g.rows, true))),
      { numRuns: GEN_RUNS, endOnFailure: true },
    );
  });
});

describe('(c) the total equals its parts (sections + top-level items + bonuses − penalties, floored)', () => {
  for (const h of HAND) {
    it(`hand-written: ${h.name}`, () => {
      const sch = checked(h.src);
      fc.assert(fc.property(cohort(h.row), (rows) => expectTotalIsItsParts(sch, evaluateRows(sch, rows))), { numRuns: RUNS });
    });
  }
  it('generated schemes without adjust', () => {
    fc.assert(
      fc.property(
        generated.filter((g) => schemeOfGenerated(g).adjusts.length === 0),
        (g) => expectTotalIsItsParts(schemeOfGenerated(g), evaluateRows(schemeOfGenerated(g), g.rows)),
      ),
      { numRuns: GEN_RUNS, endOnFailure: true },
    );
  });
});

// ── (d) deductions are monotone ─────────────────────────────────────
describe('(d) a deduction is monotone in its count', () => {
  const params = fc.record({
    max: fc.integer({ min: 1, max: 30 }),
    k: fc.integer({ min: 1, max: 50 }).map((t) => t / 10),
    most: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
    precision: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    chinese: fc.boolean(),
  });
  it('more occurrences never score more, and the score is max(0, M − min(K·X, D))', () => {
    fc.assert(
      fc.property(params, fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 40 }), (p, counts) => {
        const rule = p.chinese ? `每 n 扣 ${p.k}` : `deduct ${p.k} per n`;
        const src = `scheme "d" total ${p.max}${p.precision !== undefined ? ` precision ${p.precision}` : ''}
input { n : count }
item "x" max ${p.max}: ${rule}${p.most !== undefined ? `, max ${p.most}` : ''}`;
        const sch = checked(src);
        const ev = evaluateRows(
          sch,
          counts.map((n, i) => ({ id: `u${i}`, n })),
        );
        const scores = counts.map((n, i) => ({ n, score: ev.unit(i).items[0].score! }));
        for (const a of scores)
          for (const b of scores) if (a.n <= b.n) expect(b.score.lte(a.score), `${b.n} → ${b.score} vs ${a.n} → ${a.score}`).toBe(true);
        const M = Decimal.fromInt(p.max);
        for (const { n, score } of scores) {
          let d = Decimal.parse(String(p.k))!.mul(Decimal.fromInt(n));
          if (p.most !== undefined) d = Decimal.min(d, Decimal.fromInt(p.most));
          let want = Decimal.max(Decimal.ZERO, M.sub(d));
          if (p.precision !== undefined) want = want.round(p.precision);
          expect(s(score)).toBe(s(want));
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// ── (e) cap prorata ─────────────────────────────────────────────────
describe('(e) cap prorata', () => {
  const params = fc.record({
    cap: fc.integer({ min: 1, max: 40 }),
    precision: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    asItem: fc.boolean(),
  });
  it('the top unit gets exactly the cap when the cap was exceeded, else nothing changes; no two units change order', () => {
    fc.assert(
      fc.property(params, fc.array(fc.integer({ min: 0, max: 6000 }).map((c) => c / 100), { minLength: 1, maxLength: 40 }), (p, raws) => {
        const prec = p.precision !== undefined ? ` precision ${p.precision}` : '';
        const src = p.asItem
          ? `scheme "e" total ${p.cap}${prec}
input { raw : 0..60 }
item "x" max ${p.cap}: raw, cap ${p.cap} prorata`
          : `scheme "e" total 100${prec}
input { raw : 0..60 }
bonus "x": raw, cap ${p.cap} prorata`;
        const sch = checked(src);
        const ev = evaluateRows(
          sch,
          raws.map((raw, i) => ({ id: `u${i}`, raw })),
        );
        const score = (i: number) => {
          const r = ev.unit(i);
          return (p.asItem ? r.items[0] : r.bonuses[0]).score!;
        };
        const cap = Decimal.fromInt(p.cap);
        const raw = raws.map((x) => Decimal.parse(String(x))!);
        const top = raw.reduce((a, b) => Decimal.max(a, b));
        const round = (d: Decimal) => (p.precision === undefined ? d : d.round(p.precision));
        for (let i = 0; i < raws.length; i++) {
          if (top.gt(cap)) {
            if (raw[i].eq(top)) expect(s(score(i)), `top unit ${i}`).toBe(s(round(cap)));
            expect(s(score(i))).toBe(s(round(raw[i].mul(cap).div(top))));
          } else expect(s(score(i)), `unit ${i} unchanged`).toBe(s(round(raw[i])));
          expect(score(i).lte(cap)).toBe(true);
        }
        for (let i = 0; i < raws.length; i++)
          for (let j = 0; j < raws.length; j++) {
            if (raw[i].lt(raw[j])) expect(score(i).lte(score(j)), `order of units ${i} and ${j}`).toBe(true);
            if (raw[i].eq(raw[j])) expect(s(score(i))).toBe(s(score(j)));
          }
      }),
      { numRuns: RUNS },
    );
  });
  it('over tier points from lists (the sketch’s bonus), in a cohort', () => {
    const sch = checked(`scheme "e" total 100
input { honors : list of { project : text, level : district | city | province | national, evidence : text optional } }
bonus "项目加分": honors with evidence, best per project,
  district 1, city 3, province 6, national 10, cap 10 prorata`);
    const noProrata = checked(`scheme "e" total 100
input { honors : list of { project : text, level : district | city | province | national, evidence : text optional } }
bonus "项目加分" max 1000: honors with evidence, best per project,
  district 1, city 3, province 6, national 10`);
    fc.assert(
      fc.property(cohort(fc.record({ honors: fc.array(honourRow.map(({ kind, ...r }) => ({ ...r, level: kind })), { maxLength: 8 }) })), (rows) => {
        const ev = evaluateRows(sch, rows);
        const raw = evaluateRows(noProrata, rows);
        const raws = rows.map((_, i) => raw.unit(i).bonus);
        const top = raws.reduce((a, b) => Decimal.max(a, b));
        const scores = rows.map((_, i) => ev.unit(i).bonus);
        for (let i = 0; i < rows.length; i++) {
          if (top.gt(Decimal.fromInt(10))) {
            if (raws[i].eq(top)) expect(s(scores[i])).toBe('10');
          } else expect(s(scores[i])).toBe(s(raws[i]));
          for (let j = 0; j < rows.length; j++) if (raws[i].lt(raws[j])) expect(scores[i].lte(scores[j])).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// ── (f) places and quotas ───────────────────────────────────────────
describe('(f) places rank the totals within each group, and no quota is ever exceeded', () => {
  it('over groups, eligibility, vetoes and a quota grade', () => {
    const sch = checked(GROUPS);
    fc.assert(
      fc.property(cohort(groupsRow, 1, 30), (rows) => {
        const ev = evaluateRows(sch, rows);
        const units = ev.units;
        for (const group of ['city', 'town']) {
          const members = units.filter((r) => r.group === group && r.eligible);
          const ranked = members.filter((r) => !r.vetoed && r.total !== null);
          for (const r of ranked) {
            const better = ranked.filter((o) => o.total!.gt(r.total!)).length;
            expect(r.place, `${r.id} in ${group}`).toBe(better + 1);
          }
          for (const r of members.filter((x) => x.vetoed)) expect(r.place!).toBeGreaterThan(ranked.length);
          const quota = Math.floor((members.length * 30) / 100);
          expect(members.filter((r) => r.grade === 'A').length).toBeLessThanOrEqual(quota);
        }
        for (const r of units.filter((x) => !x.eligible)) expect([r.place, r.total, r.grade]).toEqual([null, null, 'not assessed']);
      }),
      { numRuns: RUNS },
    );
  });
});
