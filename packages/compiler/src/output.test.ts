// The output is deterministic and readable (golden files: review them as a drafter's auditor
// would), and a plan node the compiler does not know stops compilation loudly.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Plan } from '@assess/core';
import { compileModule } from './index.js';
import { planOf } from './testing/modules.js';

const golden = new URL('./golden/', import.meta.url);
const examples = new URL('../../../examples/', import.meta.url);

function same(file: string, text: string) {
  const at = new URL(file, golden);
  if (process.env.UPDATE_GOLDEN || !existsSync(at)) {
    mkdirSync(golden, { recursive: true });
    writeFileSync(at, text);
  }
  expect(text).toBe(readFileSync(at, 'utf8'));
}

describe('output', () => {
  it.each(['article3-towns', 'article5-harmony'])('%s: the same module every time, as in the golden file', (name) => {
    const plan = planOf(readFileSync(new URL(`${name}/scheme.assess`, examples), 'utf8'));
    const a = compileModule(plan, { source: 'scheme.assess' });
    const b = compileModule(JSON.parse(JSON.stringify(plan)) as Plan.Plan, { source: 'scheme.assess' });
    expect(b).toEqual(a);
    same(`${name}.mjs`, a.js);
    same(`${name}.d.mts`, a.dts);
    // Every item's label is in a comment beside its code.
    for (const it of plan.items) expect(a.js).toContain(`// ── ${it.kind} ${it.id} ${JSON.stringify(it.label)}`);
  });
});

describe('a plan the compiler does not know', () => {
  const plan = () => planOf('scheme "s" total 10\ninput { x : 0..10 }\nitem "a" max 10: x\ngrade { "g" if total >= 5 otherwise "h" }');
  it('an unknown rule kind stops compilation', () => {
    const p = plan();
    (p.items[0].rule as { k: string }).k = 'share';
    expect(() => compileModule(p)).toThrow(/rule kind `share`/);
  });
  it('an unknown expression kind stops compilation', () => {
    const p = plan();
    (p.items[0].rule as { expr: { expr: { k: string } } }).expr.expr.k = 'share';
    expect(() => compileModule(p)).toThrow(/expression kind `share`/);
  });
  it('an unknown cohort value kind stops compilation', () => {
    const p = planOf('scheme "s" total 10\ninput { x : 0..10 }\nitem "a" max 10: x * 10 / max of x across units');
    (p.cohort[0] as { k: string }).k = 'mode';
    expect(() => compileModule(p)).toThrow(/cohort value kind `mode`/);
  });
  it.each([
    ['points line', 'item "a" max 10 {\n  5 if x > 1\n}', (p: Plan.Plan) => ((p.items[0].rule as Extract<Plan.Rule, { k: 'points' }>).lines[0] as { k: string }).k = 'each'],
    ['band test', 'item "a" max 10: bands x { < 5: 1, else: 2 }', (p: Plan.Plan) => (((p.items[0].rule as { expr: { expr: Extract<Plan.Expr, { k: 'bands' }> } }).expr.expr.bands[0].test as { k: string }).k = 'between')],
    ['score step', 'item "a" max 10: x', (p: Plan.Plan) => ((p.order[0] as { k: string }).k = 'bonus')],
    ['grade line', 'item "a" max 10: x\ngrade { "g" if total >= 5 }', (p: Plan.Plan) => ((p.grades![0] as { k: string }).k = 'quota')],
    ['placing', 'item "a" max 10: x', (p: Plan.Plan) => ((p.places as { vetoed: string }).vetoed = 'first')],
  ])('an unknown %s stops compilation', (what, item, spoil) => {
    const p = planOf(`scheme "s" total 10\ninput { x : 0..10 }\n${item}`);
    spoil(p);
    expect(() => compileModule(p)).toThrow(new RegExp(`${what} kind`));
  });
  it('another plan version stops compilation', () => {
    expect(() => compileModule({ ...plan(), version: 4 as 3 })).toThrow(/plan version 4/);
  });
});
