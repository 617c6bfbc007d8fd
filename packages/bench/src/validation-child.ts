// Validation in a fresh process: rows → table by the checks built from the plan
// (`validateUnits`, @assess/runtime's TableBuilder) against the zod path they replaced
// (`@assess/core/internal`'s validateUnitsWithZod), on the same rows, runs alternated.
//   node --expose-gc dist/validation-child.js <units>
// Prints one line of JSON (a ValidationReport).
//
// Three kinds of rows: the flat scheme's as a JSON file gives them (booleans and numbers), the
// same rows as text (every value a string, as a CSV file gives them), and the towns scheme's
// (each with a list of honours). Both validators must accept every row and build equal tables
// (checked on every row; the differential test checks spoiled rows too).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compile, Decimal, validateUnits, type Plan, type UnitTable, type Value } from '@assess/core';
import { validateUnitsWithZod } from '@assess/core/internal';
import { flatRows } from './engines.js';
import { generateTowns } from './gen-data.js';
import { gc } from './stats.js';

export interface ValidationCase {
  name: string;
  rows: number;
  /** ms of each timed run. */
  zod: number[];
  plan: number[];
}

export interface ValidationReport {
  n: number;
  cases: ValidationCase[];
}

const RUNS = 7;

function scheme(file: string): Plan.Plan {
  return compile(file, readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')).plan!;
}

/** A table's values as text, to compare two tables. */
function digest(t: UnitTable): string {
  const value = (v: Value): unknown => (v instanceof Decimal ? v.toString() : Array.isArray(v) ? v.map((r) => Object.entries(r).map(([k, x]) => [k, value(x)])) : v);
  return JSON.stringify([t.ids, [...t.columns].map(([k, col]) => [k, col.map(value)])]);
}

function measure(name: string, plan: Plan.Plan, rows: unknown[]): ValidationCase {
  const where = { file: 'data.json' };
  const zod = () => validateUnitsWithZod(plan, rows, where);
  const fast = () => validateUnits(plan, rows, where);
  const a = zod();
  const b = fast();
  if (a.diagnostics.length || b.diagnostics.length) throw new Error(`${name}: the rows were not all valid`);
  if (digest(a.table) !== digest(b.table)) throw new Error(`${name}: the two validators built different tables`);
  const times = { zod: [] as number[], plan: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    for (const [k, f] of [['zod', zod], ['plan', fast]] as const) {
      gc();
      const t0 = performance.now();
      f();
      times[k].push(performance.now() - t0);
    }
  }
  return { name, rows: rows.length, ...times };
}

function main() {
  const n = Number(process.argv[2]);
  const flat = scheme('flat.assess');
  const values = flatRows(n);
  const text = values.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? '是' : '否') : k === 'coverage' ? `${v}%` : String(v)])));
  const cases = [
    measure('flat scheme, JSON values (booleans, numbers)', flat, values),
    measure('flat scheme, text (as CSV cells)', flat, text),
    measure('towns scheme, JSON values with honours lists', scheme('towns.assess'), generateTowns(n)),
  ];
  const report: ValidationReport = { n, cases };
  process.stdout.write(JSON.stringify(report) + '\n');
}

main();
