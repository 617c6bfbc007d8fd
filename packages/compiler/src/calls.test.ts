// One module, many calls. A compiled scorer's functions are made once and read the call being
// scored from variables of their own (so that their optimized code serves every call): each
// result must still build its units from its own call, whatever was scored in between or from
// inside a callback, and nothing of a call may stay reachable once its result is let go.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderScheme, schemeModel, unitData } from '@assess/testing';
import { givenInParts } from '@assess/core';
import { compileModule } from './index.js';
import { interpret, loadPlan, planOf, plain, write, type Loaded } from './testing/modules.js';

const RUNS = Number(process.env.FC_RUNS ?? 25);

const example = (name: string) => {
  const at = new URL(`../../../examples/${name}/`, import.meta.url);
  const data = JSON.parse(readFileSync(new URL('data.json', at), 'utf8'));
  return { source: readFileSync(new URL('scheme.assess', at), 'utf8'), rows: (Array.isArray(data) ? data : data.units) as Record<string, unknown>[] };
};

/** Two cohorts of a scheme: its rows, and the same rows with other ids and fewer units. */
const twoCohorts = (rows: Record<string, unknown>[]) => [rows, rows.slice(1).map((r, i) => ({ ...r, id: `other${i}` }))];

type Options = Parameters<Loaded['score']>[1] & { cohort?: unknown };
const score = (mod: Loaded, rows: unknown[], options: Options) => mod.score(rows, { file: 'data.json', ...options } as Parameters<Loaded['score']>[1]);

describe('results of earlier calls', () => {
  it('are built from their own call, read after later calls and in between their units (generated schemes)', async () => {
    const arb = schemeModel({ examples: false }).chain((model) =>
      fc.tuple(fc.constant(model), fc.array(fc.array(unitData(model), { minLength: 1, maxLength: 6 }).map((rows) => rows.map((r, i) => ({ ...r, id: `u${i}` }))), { minLength: 2, maxLength: 3 })),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ([model, cohorts]) => {
        const plan = planOf(renderScheme(model));
        const mod = await loadPlan(plan);
        // Every call first, traced or not; then each result read, its first unit before the
        // others', another call made in between (all in one task: a result's state stays loaded
        // from one unit to the next until the call).
        const results = cohorts.map((rows, k) => score(mod, rows, { trace: k % 2 === 0 }));
        const first = results.map((r) => (r.n > 0 ? plain(r.unit(0)) : undefined));
        score(mod, cohorts[1], { trace: true });
        cohorts.forEach((rows, k) => {
          const want = interpret(plan, rows, k % 2 === 0);
          expect(plain(results[k].units)).toEqual(want.units);
          expect(first[k]).toEqual(want.units[0]);
          expect(plain(results[k].diagnostics)).toEqual(want.diagnostics);
        });
      }),
      { numRuns: RUNS, endOnFailure: !!process.env.FC_END },
    );
  }, 120_000);
});

describe('a callback that scores again', () => {
  const { source, rows } = example('article5-harmony');
  const plan = planOf(source);
  const [a, b] = twoCohorts(rows);

  it('from a trace function, while a result’s units are built: both results as the interpreter’s', async () => {
    const mod = await loadPlan(plan);
    const inner: unknown[] = [];
    const outer = score(mod, a, {
      trace: (u: number) => {
        inner.push(plain(score(mod, b, { trace: true }).units));
        return u % 2 === 0;
      },
    });
    expect(plain(outer.units)).toEqual(interpret(plan, a, (u) => u % 2 === 0).units);
    expect(inner).toHaveLength(a.length);
    for (const units of inner) expect(units).toEqual(interpret(plan, b, true).units);
  });

  it('from a cohort given as a function, in the middle of a call: both results as the interpreter’s', async () => {
    expect(givenInParts(plan)).toBe(true);
    const mod = await loadPlan(plan);
    let inner: unknown;
    const outer = score(mod, a, {
      trace: true,
      // Given nothing: the cohort values are worked out from the call's own units.
      cohort: () => {
        inner = plain(score(mod, b, { trace: true }).units);
        return { values: [] };
      },
    });
    expect(inner).toEqual(interpret(plan, b, true).units);
    expect(plain(outer.units)).toEqual(interpret(plan, a, true).units);
  });
});

describe('memory', () => {
  it('keeps nothing of a call once its result is let go, and all of it while the result is kept', () => {
    const { source, rows } = example('article3-towns');
    const file = write(compileModule(planOf(source), { source: 'scheme.assess' }).js);
    // In a process of its own, which can ask for full collections.
    const child = `
      const mod = await import(process.argv[1]);
      const { validateRows } = await import('@assess/runtime');
      const rows = JSON.parse(process.argv[2]);
      let { table } = validateRows(mod.inputs, rows);
      // A column of the table: what the scorer reads units from.
      const columnRef = new WeakRef(table.columns.values().next().value);
      let result = mod.scoreTable(table, { trace: true });
      table = undefined;
      const collected = async () => {
        for (let i = 0; i < 3; i++) {
          await new Promise((r) => setTimeout(r, 0));
          globalThis.gc();
        }
        return columnRef.deref() === undefined;
      };
      const whileKept = await collected();
      const last = result.unit(rows.length - 1);
      result = undefined;
      console.log(JSON.stringify({ whileKept, last, afterwards: await collected() }));
    `;
    const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', child, file.href, JSON.stringify(rows)], { cwd: fileURLToPath(new URL('../', import.meta.url)), encoding: 'utf8' });
    const { whileKept, last, afterwards } = JSON.parse(out);
    expect(whileKept).toBe(false);
    expect(last).toEqual(interpret(planOf(source), rows, true).units.at(-1));
    expect(afterwards).toBe(true);
  });
});
