// Test helpers: load a compiled module as a real ES module, and compare it with the interpreter.
import { expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { compile, evaluate, validateUnits, memoryHost, type Plan, type UnitResult } from '@assess/core';
import type { Scoring } from '@assess/runtime';
import { compileModule } from '../index.js';

const dir = new URL('../../.modules.tmp/', import.meta.url);

export interface Loaded {
  score(rows: unknown[], options?: { trace?: boolean | ((u: number) => boolean); file?: string }): Scoring<UnitResult>;
  inputs: unknown;
}

/** Write the module where `@assess/runtime` resolves: its file. */
export function write(js: string): URL {
  mkdirSync(dir, { recursive: true });
  const file = new URL(`m-${createHash('sha256').update(js).digest('hex').slice(0, 16)}.mjs`, dir);
  writeFileSync(file, js);
  return file;
}

/** Write the module, and import it. */
export async function load(js: string): Promise<Loaded> {
  return (await import(/* @vite-ignore */ write(js).href)) as Loaded;
}

export function planOf(source: string, files: Record<string, string> = {}): Plan.Plan {
  const c = compile('scheme.assess', source, memoryHost(files));
  if (!c.plan) throw new Error(`scheme has errors: ${c.diagnostics.map((d) => `${d.code} ${d.message.en}`).join('; ')}\n${source}`);
  return c.plan;
}

export async function loadPlan(plan: Plan.Plan): Promise<Loaded> {
  return load(compileModule(plan, { source: 'scheme.assess' }).js);
}

/** Results as plain data (exact decimals as their text). */
export const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

/** The plan without `readsOnly` (and its imports without it): the interpreter then works out every rule for every unit. */
export function withoutReadsOnly(plan: Plan.Plan): Plan.Plan {
  return { ...plan, items: plan.items.map(({ readsOnly: _, ...it }) => it), imports: plan.imports.map((i) => ({ ...i, plan: withoutReadsOnly(i.plan) })) };
}

/** Everything the interpreter says about rows: data diagnostics, then results and failures. */
export function interpret(plan: Plan.Plan, rows: unknown[], trace: boolean | ((u: number) => boolean)) {
  const { table, diagnostics } = validateUnits(plan, rows, { file: 'data.json' });
  if (diagnostics.some((d) => d.severity === 'error')) return { units: [], diagnostics: plain(diagnostics) };
  const ev = evaluate(plan, table, { trace });
  return { units: plain(ev.units), diagnostics: plain([...diagnostics, ...ev.diagnostics]) };
}

/** The same, from the compiled module; its score columns must say what its results say. */
export function run(mod: Loaded, rows: unknown[], trace: boolean | ((u: number) => boolean), plan: Plan.Plan) {
  const r = mod.score(rows, { trace, file: 'data.json' });
  expect(columnsDisagree(plan, r)).toEqual([]);
  return { units: plain(r.units), diagnostics: plain(r.diagnostics) };
}

/** Where a scoring's columns (what `assess run` writes from) and its unit results differ. */
export function columnsDisagree(plan: Plan.Plan, s: Scoring<UnitResult>): string[] {
  const c = s.columns;
  const out: string[] = [];
  const same = (what: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${what}: columns ${JSON.stringify(a)}, result ${JSON.stringify(b)}`);
  };
  for (let i = 0; i < s.n; i++) {
    const r = s.unit(i);
    const items = [...r.items, ...r.bonuses, ...r.penalties];
    const ids = [...plan.items.filter((it) => it.kind === 'item'), ...plan.bonuses.map((id) => plan.items[id]), ...plan.penalties.map((id) => plan.items[id])].map((it) => it.id);
    ids.forEach((id, k) => {
      same(`unit ${i} item ${id}`, c.items[id][i], items[k].score);
      same(`unit ${i} item ${id} n/a`, !!c.itemsNA[id][i], !!items[k].notApplicable);
    });
    plan.sections.forEach((sec) => {
      same(`unit ${i} section ${sec.id}`, [c.sections[sec.id][i], c.contributions[sec.id][i] ?? null], [r.sections[sec.id].score, r.sections[sec.id].contribution]);
      same(`unit ${i} section ${sec.id} n/a`, !!(c.eligible[i] && c.sectionsNA[sec.id][i]), !!r.sections[sec.id].notApplicable);
    });
    same(`unit ${i}`, [c.bonus[i], c.penalty[i], c.totals[i], c.places[i], c.groups && c.groups.keys[c.groups.of[i]], !!c.eligible[i], c.grades[i], c.vetoes[i]], [r.bonus, r.penalty, r.total, r.place, r.group, r.eligible, r.grade, r.vetoes]);
  }
  return out;
}
