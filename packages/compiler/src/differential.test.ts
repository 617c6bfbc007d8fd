// The compiled module and the interpreter agree on every item, section (score, contribution,
// not applicable), bonus, penalty, total, place, group, eligibility, grade and veto, digit for
// digit, with the same traces and the same failures (a division by zero is reported, never a
// 0): over every example with its expected.json, over generated schemes with generated cohorts,
// over failures where cohorts are worked out, and over schemes that import others. The module's
// score columns (what `assess run` writes from) say what its results say.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exampleFolders, renderScheme, schemeModel, unitData, type SchemeModel } from '@assess/testing';
import { unitJson } from '@assess/core';
import { interpret, loadPlan, planOf, run, withoutReadsOnly } from './testing/modules.js';

/** Generated schemes (each tried on COHORTS cohorts): FC_RUNS=… for more. */
const RUNS = Number(process.env.FC_RUNS ?? 50);
const COHORTS = 30;

const examples = new URL('../../../examples/', import.meta.url);
const folders = exampleFolders(examples);

describe.each(folders)('examples/%s', (name) => {
  it('the compiled module gives expected.json, and the interpreter’s results and traces', async () => {
    const at = (f: string) => new URL(`${name}/${f}`, examples);
    const plan = planOf(readFileSync(at('scheme.assess'), 'utf8'));
    const data = JSON.parse(readFileSync(at('data.json'), 'utf8'));
    const rows = Array.isArray(data) ? data : data.units;
    const mod = await loadPlan(plan);
    const compiled = mod.score(rows, { file: 'data.json' });
    const expected = JSON.parse(readFileSync(at('expected.json'), 'utf8'));
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.units.map((u) => unitJson(u))).toEqual(expected.units);
    expect(run(mod, rows, true, plan)).toEqual(interpret(plan, rows, true));
  });
});

/** A cohort of 1..8 units; numbers are sometimes 0 (ratio targets, divisors), rows sometimes spoiled. */
function cohort(model: SchemeModel): fc.Arbitrary<unknown[]> {
  const numeric = model.inputs.filter((f) => ['count', 'integer', 'number', 'percent'].includes(f.type.kind) && !('range' in f.type && f.type.range && f.type.range[0] > 0)).map((f) => f.name);
  const row = fc.tuple(unitData(model), fc.array(fc.constantFrom(...(numeric.length ? numeric : ['id'])), { maxLength: 2 }), fc.nat(99)).map(([r, zeros, spoil]) => {
    const out: Record<string, unknown> = { ...r };
    for (const z of zeros) if (z !== 'id') out[z] = 0;
    // Now and then a value the scheme does not accept: then nothing is scored, in both.
    if (spoil < 3) out[model.inputs[spoil % model.inputs.length].name] = 'not a value';
    return out;
  });
  return fc.array(row, { minLength: 1, maxLength: 8 }).map((rows) => rows.map((r, i) => ({ id: `u${i}`, ...r })));
}

describe('generated schemes and cohorts', () => {
  it(`agree on ${RUNS} schemes × ${COHORTS} cohorts, traces included`, async () => {
    const arb = schemeModel({ examples: false }).chain((model) => fc.tuple(fc.constant(model), fc.array(cohort(model), { minLength: COHORTS, maxLength: COHORTS })));
    await fc.assert(
      fc.asyncProperty(arb, async ([model, cohorts]) => {
        const plan = planOf(renderScheme(model));
        const mod = await loadPlan(plan);
        cohorts.forEach((rows, k) => {
          // Traces for every unit of some cohorts, for the first unit of the others.
          const trace = k % 6 === 0 ? true : (u: number) => u === 0;
          expect(run(mod, rows, trace, plan)).toEqual(interpret(plan, rows, trace));
          // A rule that reads one input is worked out once per value of it (`readsOnly`): the
          // same results as working it out for every unit.
          if (k % 6 === 1) expect(run(mod, rows, false, plan)).toEqual(interpret(withoutReadsOnly(plan), rows, false));
        });
      }),
      { numRuns: RUNS, endOnFailure: !!process.env.FC_END },
    );
  }, Math.max(60_000, RUNS * 1_000));

  it('a bonus whose max comes from its rule and does not terminate (x / 3) is scored alike, with no max in the plan', async () => {
    const plan = planOf(`scheme "b" total 10
input { x : 0..10  y : 0..10 }
item "y" max 10: y
bonus "third": x / 3`);
    expect(plan.items.find((it) => it.label === 'third')!.max).toBeUndefined();
    const mod = await loadPlan(plan);
    const rows = [
      { id: 'a', x: 10, y: 5 },
      { id: 'b', x: 1, y: 7 },
    ];
    expect(run(mod, rows, true, plan)).toEqual(interpret(plan, rows, true));
    expect(interpret(plan, rows, true).units[0].total.toString()).toBe('8.3333333333…');
  });

  it('failures: a division by zero and a ratio target of 0 fail the unit, in a cohort value every unit', async () => {
    const plan = planOf(`scheme "f" total 40
input { done : number  target : number  d : number }
let share = done / d
item "ratio" max 10: ratio done / target
item "per" max 10: share
item "cohort" max 10: 10 * done / max(max of target across units, 0)
item "prorata" max 10: ratio done / target, cap 5 prorata`);
    const mod = await loadPlan(plan);
    const rows = [
      { id: 'a', done: 5, target: 10, d: 1 },
      { id: 'b', done: 1, target: 0, d: 0 },
      { id: 'c', done: 2, target: 4, d: 2 },
    ];
    const compiled = run(mod, rows, true, plan);
    expect(compiled).toEqual(interpret(plan, rows, true));
    // One division by zero (the let), one ratio target of 0 in each of the two ratio items.
    expect((compiled.diagnostics as { code: string }[]).map((d) => d.code).sort()).toEqual(['E0601', 'E0602', 'E0602']);
    const b = (compiled.units as { total: unknown; items: { score: unknown }[] }[])[1];
    expect(b.total).toBeNull();
    expect(b.items.map((i) => i.score)).toEqual([null, null, '1', null]);
  });
});

describe('values of the wrong kind', () => {
  it('are said alike, in either language: a list, a record, a function are named in Chinese in Chinese messages', async () => {
    const plan = planOf(`scheme "k" total 10
input { n : number  xs : list of { k : text } }
item "n" max 10: n + count(xs) * 0`);
    const mod = await loadPlan(plan);
    const rows = [
      { id: 'a', n: [1], xs: [] },
      { id: 'b', n: { v: 1 }, xs: [5] },
      { id: 'c', n: () => 1, xs: [] },
    ];
    const compiled = run(mod, rows, false, plan);
    expect(compiled).toEqual(interpret(plan, rows, false));
    const zh = (compiled.diagnostics as { message: { zh: string } }[]).map((d) => d.message.zh);
    expect(zh).toEqual(['单位 `a` 的 `n`：应为数值，实际是 列表', '单位 `b` 的 `n`：应为数值，实际是 记录', '单位 `b` 的 `xs[1]`：应为记录，实际是 5', '单位 `c` 的 `n`：应为数值，实际是 函数']);
  });
});

describe('failures where who is assessed, groups, places and grades are worked out', () => {
  it('the same failures, in the same order, with the same results around them', async () => {
    const plan = planOf(`scheme "f" total 30 floor 1
input { a : number  d : number  g : number }
eligible if a / d > 0
within a / d > 2
section "S" max 20 {
  item "x" max 10: a, not applicable if a / d > 5
  item "y" max 10: ratio a / g, cap 5 prorata
}
item "z" max 10: 10 * a / max of a / d across units
penalty "p": deduct 1 per 10 / d
veto "v" if a / (d - 1) > 30
grade {
  ineligible "未"
  "优" if total / (d - 3) > 1 and place <= cohort size, max 50%
  otherwise "良"
}
adjust total * (1 + a / (d - 2))`);
    const mod = await loadPlan(plan);
    // d = 0 fails eligibility and the group; d = 1 the veto; d = 2 the adjustment; d = 3 a grade line;
    // g = 0 a ratio, and the prorata of its group (a / d ≤ 2), not of the other; 36 / 6 > 5: x does not apply.
    const rows = [
      [6, 0, 2],
      [7, 1, 2],
      [8, 2, 2],
      [9, 3, 2],
      [10, 4, 2],
      [1, 5, 0],
      [2, 1, 2],
      [36, 6, 2],
    ].map(([a, d, g], i) => ({ id: `u${i}`, a, d, g }));
    const compiled = run(mod, rows, true, plan);
    expect(compiled).toEqual(interpret(plan, rows, true));
    type Unit = { total: string | null; place: number | null; group: string; grade: string | null; errors: unknown[] };
    const units = compiled.units as Unit[];
    expect(units.map((u) => [u.group, u.total, u.place, u.grade, u.errors.length])).toEqual([
      ['', null, null, '未', 2],
      // the veto failed: not vetoed; × (1 + 7 / −1) is below the floor
      ['yes', '1', 4, '良', 1],
      ['yes', null, null, null, 1],
      // its `优` line failed: the next line holds
      ['yes', '206.6666666667…', 1, '良', 1],
      ['yes', '135', 3, '优', 0],
      ['no', null, null, null, 1],
      ['no', null, null, null, 2],
      ['yes', '183.3333333333…', 2, '优', 0],
    ]);
  });
});

describe('imports', () => {
  it('an imported scheme is scored on the same data, with its own cohort; its total and scores read', async () => {
    const files = {
      'agri.assess': `scheme "agri" total 10
input { fields : 0..100  done : number }
eligible if fields > 0
section "s" max 10 {
  item "f" max 10: fields / 10 * 10 / max of fields / 10 across units
}`,
    };
    const plan = planOf(
      `scheme "main" total 30
use "agri.assess" as agri
input { fields : 0..100  done : number }
item "own" max 10: done
item "from agri" max 10: agri.total ?? 0
item "agri's item" max 10: (agri.item "f" ?? 0) + (agri.section "s" ?? 0) * 0`,
      files,
    );
    const mod = await loadPlan(plan);
    const rows = [
      { id: 'a', fields: 50, done: 3 },
      { id: 'b', fields: 100, done: 12 },
      { id: 'c', fields: 0, done: 1 },
    ];
    const compiled = run(mod, rows, true, plan);
    expect(compiled).toEqual(interpret(plan, rows, true));
    // agri assesses a and b alone (c has no fields): a 5 of the best 10; c reads absent as 0.
    expect((compiled.units as { total: string }[]).map((u) => u.total)).toEqual(['13', '30', '1']);
  });
});
