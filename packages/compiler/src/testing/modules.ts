// Test helpers: load a compiled module as a real ES module, and compare it with the interpreter.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { compile, evaluate, validateUnits, memoryHost, type Plan } from '@assess/core';
import { compileModule } from '../index.js';

const dir = new URL('../../.modules.tmp/', import.meta.url);

export interface Loaded {
  score(rows: unknown[], options?: { trace?: boolean | ((u: number) => boolean); file?: string }): {
    n: number;
    units: unknown[];
    diagnostics: unknown[];
    total(i: number): unknown;
  };
  inputs: unknown;
}

/** Write the module where `@assess/runtime` resolves, and import it. */
export async function load(js: string): Promise<Loaded> {
  mkdirSync(dir, { recursive: true });
  const file = new URL(`m-${createHash('sha256').update(js).digest('hex').slice(0, 16)}.mjs`, dir);
  writeFileSync(file, js);
  return (await import(/* @vite-ignore */ file.href)) as Loaded;
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

/** Everything the interpreter says about rows: data diagnostics, then results and failures. */
export function interpret(plan: Plan.Plan, rows: unknown[], trace: boolean | ((u: number) => boolean)) {
  const { table, diagnostics } = validateUnits(plan, rows, { file: 'data.json' });
  if (diagnostics.some((d) => d.severity === 'error')) return { units: [], diagnostics: plain(diagnostics) };
  const ev = evaluate(plan, table, { trace });
  return { units: plain(ev.units), diagnostics: plain([...diagnostics, ...ev.diagnostics]) };
}

/** The same, from the compiled module. */
export function run(mod: Loaded, rows: unknown[], trace: boolean | ((u: number) => boolean)) {
  const r = mod.score(rows, { trace, file: 'data.json' });
  return { units: plain(r.units), diagnostics: plain(r.diagnostics) };
}
