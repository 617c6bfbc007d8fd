// The plan of every example: a snapshot beside the core's tests, a JSON round trip that gives
// an equal plan, and the same results from the round-tripped plan (the interpreter reads nothing
// but the plan: no object identity, no AST). And the plan's own invariants.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { compile, evaluate, rowsFromJson, unitJson, validateUnits, type Plan } from '../index.js';
import { exampleFolders, nodeHost } from '@assess/testing';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const EXAMPLES = join(ROOT, 'examples');
const SNAPSHOTS = fileURLToPath(new URL('../../tests/plans/', import.meta.url));
const UPDATE = !!process.env.UPDATE_GOLDEN;

const examples = exampleFolders(new URL('../../../../examples/', import.meta.url));

function planOf(name: string): Plan.Plan {
  const file = join(EXAMPLES, name, 'scheme.assess');
  const c = compile(`examples/${name}/scheme.assess`, readFileSync(file, 'utf8'), nodeHost(ROOT));
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return c.plan!;
}

/** Every expression of a plan, wherever it is. */
function expressions(plan: Plan.Plan): Plan.Expr[] {
  const out: Plan.Expr[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      if (typeof (v as { k?: unknown }).k === 'string' && 'span' in (v as object) && !('id' in (v as object) && 'kind' in (v as object))) out.push(v as Plan.Expr);
      for (const [k, x] of Object.entries(v)) if (k !== 'imports') visit(x);
    }
  };
  visit({ ...plan, imports: [] });
  return out;
}

describe('the plan of every example', () => {
  it('covers every example', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });
  for (const name of examples) {
    describe(name, () => {
      const plan = planOf(name);
      it('matches its snapshot (tests/plans)', () => {
        const path = join(SNAPSHOTS, `${name}.json`);
        const text = JSON.stringify(plan, null, 1) + '\n';
        if (UPDATE || !existsSync(path)) {
          if (!UPDATE) throw new Error(`missing ${path}: run with UPDATE_GOLDEN=1 and review it`);
          mkdirSync(SNAPSHOTS, { recursive: true });
          writeFileSync(path, text);
          return;
        }
        expect(text).toBe(readFileSync(path, 'utf8'));
      });
      it('survives a JSON round trip unchanged', () => {
        expect(JSON.parse(JSON.stringify(plan))).toStrictEqual(JSON.parse(JSON.stringify(plan)));
        expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
      });
      it('the round-tripped plan gives the same results', () => {
        const data = join(EXAMPLES, name, 'data.json');
        if (!existsSync(data)) return;
        const rows = rowsFromJson(readFileSync(data, 'utf8'), 'data.json').rows;
        const run = (p: Plan.Plan) => {
          const { table, diagnostics } = validateUnits(p, rows, { file: 'data.json' });
          expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          const ev = evaluate(p, table, { trace: true });
          return ev.units.map((u) => ({ ...unitJson(u), steps: u.steps, traces: u.items.map((i) => i.trace) }));
        };
        expect(run(JSON.parse(JSON.stringify(plan)))).toEqual(run(plan));
      });
      it('keeps its invariants: ids are indices, lets come after what they read, every reference is in range', () => {
        plan.items.forEach((it, i) => expect(it.id).toBe(i));
        plan.sections.forEach((s, i) => expect(s.id).toBe(i));
        plan.lets.forEach((l, i) => expect(l.id).toBe(i));
        plan.cohort.forEach((c, i) => expect(c.id).toBe(i));
        for (const l of plan.lets) for (const e of expressions({ ...plan, lets: [l], items: [], cohort: [], sections: [], adjusts: [], vetoes: [], grades: undefined, examples: [] } as Plan.Plan)) if (e.k === 'let') expect(e.id).toBeLessThan(l.id);
        for (const e of expressions(plan)) {
          if (e.k === 'let') expect(e.id).toBeLessThan(plan.lets.length);
          if (e.k === 'cohort') expect(e.id).toBeLessThan(plan.cohort.length);
          if (e.k === 'itemScore') expect(e.id).toBeLessThan(plan.items.length);
          if (e.k === 'sectionScore') expect(e.id).toBeLessThan(plan.sections.length);
          if (e.k === 'input') expect(plan.inputs.map((f) => f.name)).toContain(e.field);
          if (e.k === 'num') expect(e.v).toMatch(/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/);
        }
        for (const it of plan.items) {
          expect(it.max).toMatch(/^(0|[1-9]\d*)(\.\d*[1-9])?$/);
          if (it.section !== undefined) expect(plan.sections[it.section].items).toContain(it.id);
          if (it.cap?.prorata) expect(plan.cohort[it.cap.prorata.cohort]).toMatchObject({ k: 'prorataMax', item: it.id });
        }
      });
    });
  }
});
