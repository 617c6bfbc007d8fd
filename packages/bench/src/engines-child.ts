// One cohort size of the engine comparison, in a fresh process:
//   node --expose-gc dist/engines-child.js <units>
// Prints one line of JSON (an EnginesReport).
//
// Every engine scores the same generated rows of the flat six-field scheme (engines.ts). A
// slow engine is timed on the first rows only, when a probe predicts that the whole cohort
// would take more than BUDGET_MS (its rate is then per unit, as for the others). Afterwards
// every total is checked: digit for digit for the exact engines, within 1e-6 for the others.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { compile, evaluate, validateUnits, type Evaluation, type Plan, type UnitTable } from '@assess/core';
import { compileModule } from '@assess/compiler';
import { formatScaled, SCALE_PLACES } from './baseline.js';
import { placesOf } from './baseline.js';
import { exprEval, flatRows, handExact, handFloat, jsonRules, rulesEngine, zenDecision, zenExpression, zenGraph, type FlatRow, type Totals } from './engines.js';
import { gc } from './stats.js';

export interface EngineTiming {
  name: string;
  /** Exact decimals, or doubles. */
  exact: boolean;
  /** Validates the rows as well. */
  validates: boolean;
  /** Units timed (the cohort, or its first rows). */
  units: number;
  /** Wall-clock ms of each timed run, and CPU ms. */
  wall: number[];
  cpu: number[];
  /** Totals compared with the exact hand-written ones (and how many grades differ). */
  checked: number;
  gradeMismatches: number;
  maxError: number;
}

export interface EnginesReport {
  n: number;
  engines: EngineTiming[];
  maxRss: number;
}

const BUDGET_MS = 15_000;
const PREFIX_MS = 6_000;
const PROBE = 2_000;

interface Contestant {
  name: string;
  exact: boolean;
  validates: boolean;
  /** Untimed: what the engine is given besides the rows (a validated table). */
  prepare?: (rows: FlatRow[]) => unknown;
  run: (rows: FlatRow[], prepared: unknown) => unknown;
  /** Untimed: the result as totals and grades (Assess results: read after the clock stops). */
  totals?: (result: unknown) => Totals;
}

async function time(c: Contestant, rows: FlatRow[], runs: number): Promise<{ wall: number[]; cpu: number[]; last: unknown }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  const prepared = c.prepare?.(rows);
  let last = await c.run(rows, prepared); // warm-up
  for (let i = 0; i < runs; i++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    last = await c.run(rows, prepared);
    wall.push(performance.now() - t0);
    const d = process.cpuUsage(c0);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall, cpu, last };
}

/** The compiled module of the flat scheme, imported as a real ES module. */
async function compiledModule(plan: Plan.Plan) {
  const dir = new URL('../.engines.tmp/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const { js } = compileModule(plan, { source: 'flat.assess' });
  const file = new URL(`flat-${createHash('sha256').update(js).digest('hex').slice(0, 12)}.mjs`, dir);
  writeFileSync(file, js);
  return (await import(file.href)) as { score(rows: unknown[]): Scored; scoreTable(table: unknown): Scored };
}

interface Scored {
  n: number;
  total(i: number): { toString(): string; toNumber(): number; round(places: number): { toString(): string } } | null;
  columns: { grades: (string | null)[]; places: (number | null)[] };
  diagnostics: unknown[];
}

const GRADE_INDEX = new Map([
  ['优秀', 0],
  ['良好', 1],
  ['合格', 2],
  ['不合格', 3],
]);

/**
 * An Assess result as totals: numbers for the comparison, and the exact text kept aside. Scores
 * are exact (a division that does not terminate is a fraction): the text is the total rounded
 * half-up to the 10 places the hand-written code works in, exactly what that code computes.
 */
function fromScored(s: Scored, exactText: string[]): Totals {
  if (s.diagnostics.length) throw new Error(`Assess reported problems: ${JSON.stringify(s.diagnostics[0])}`);
  const totals = new Float64Array(s.n);
  const grades = new Uint8Array(s.n);
  const places = new Int32Array(s.n);
  for (let i = 0; i < s.n; i++) {
    const t = s.total(i)!;
    exactText[i] = t.round(SCALE_PLACES).toString();
    totals[i] = t.toNumber();
    grades[i] = GRADE_INDEX.get(s.columns.grades[i] ?? '')!;
    places[i] = s.columns.places[i] ?? -1;
  }
  return { totals, grades, places };
}

async function main() {
  const n = Number(process.argv[2]);
  const plan = compile('flat.assess', readFileSync(new URL('../fixtures/flat.assess', import.meta.url), 'utf8')).plan!;
  const rows = flatRows(n);
  const mod = await compiledModule(plan);
  const tableOf = (r: FlatRow[]) => validateUnits(plan, r, { file: 'flat.json' }).table;
  // The exact engines' totals as text, by engine, for the digit-for-digit check.
  const texts = new Map<string, string[]>();
  const textsOf = (name: string) => {
    const t: string[] = [];
    texts.set(name, t);
    return t;
  };
  const interpreted = (name: string) => (r: unknown) => {
    const ev = r as Evaluation;
    const units = Array.from({ length: ev.n }, (_, i) => ev.unit(i));
    return fromScored({ n: ev.n, total: (i) => ev.total(i), columns: { grades: units.map((u) => u.grade), places: units.map((u) => u.place) }, diagnostics: ev.diagnostics }, textsOf(name));
  };
  const compiled = (name: string) => (r: unknown) => fromScored(r as Scored, textsOf(name));
  const decision = zenDecision();
  const rules = rulesEngine();
  const contestants: Contestant[] = [
    { name: 'hand-written, float', exact: false, validates: false, run: handFloat },
    { name: 'hand-written, exact', exact: true, validates: false, run: handExact },
    { name: 'compiled module, score(rows)', exact: true, validates: true, run: (r) => mod.score(r), totals: compiled('compiled module, score(rows)') },
    { name: 'compiled module, scoreTable', exact: true, validates: false, prepare: tableOf, run: (_r, t) => mod.scoreTable(t as UnitTable), totals: compiled('compiled module, scoreTable') },
    { name: 'interpreter, validate + evaluate', exact: true, validates: true, run: (r) => evaluate(plan, tableOf(r)), totals: interpreted('interpreter, validate + evaluate') },
    { name: 'interpreter, evaluate', exact: true, validates: false, prepare: tableOf, run: (_r, t) => evaluate(plan, t as UnitTable), totals: interpreted('interpreter, evaluate') },
    { name: 'expr-eval', exact: false, validates: false, run: exprEval },
    { name: 'Zen expression', exact: false, validates: false, run: zenExpression },
    { name: 'Zen decision graph', exact: false, validates: false, run: (r) => zenGraph(decision, r) },
    { name: 'json-rules-engine', exact: false, validates: false, run: (r) => jsonRules(rules, r) },
  ];

  const reference = handExact(rows);
  const engines: EngineTiming[] = [];
  for (const c of contestants) {
    // A probe on the first rows says whether the whole cohort fits the budget (the faster of two
    // runs: the first is before the code is optimised, and would exclude engines that fit).
    const probeRows = rows.slice(0, Math.min(n, PROBE));
    const prepared = c.prepare?.(probeRows);
    let perUnit = Infinity;
    for (let k = 0; k < 2; k++) {
      const p0 = performance.now();
      await c.run(probeRows, prepared);
      perUnit = Math.min(perUnit, (performance.now() - p0) / probeRows.length);
    }
    const units = perUnit * n <= BUDGET_MS ? n : Math.max(PROBE, Math.min(n, Math.floor(PREFIX_MS / perUnit / 1000) * 1000));
    const subject = units === n ? rows : rows.slice(0, units);
    // As many runs as fit in about two seconds, 3 to 15 (a median of a few runs of a fast engine
    // moved with the machine and with which runs still ran before the code was optimised), one
    // for an engine that takes more than three.
    const expected = perUnit * units;
    const runs = expected < 3000 ? Math.max(3, Math.min(15, Math.floor(2000 / expected))) : 1;
    const timed = await time(c, subject, runs);
    const result = c.totals ? c.totals(timed.last) : (timed.last as Totals);
    let gradeMismatches = 0;
    let maxError = 0;
    const k = Math.min(units, result.totals.length);
    for (let i = 0; i < k; i++) {
      maxError = Math.max(maxError, Math.abs(result.totals[i] - reference.totals[i]));
      if (result.grades[i] !== reference.grades[i]) gradeMismatches++;
    }
    // Assess ranks every unit: its places are the hand-written ones (over the units timed).
    if (result.places) {
      const want = units === n ? reference.places : placesOf(reference.scaled.subarray(0, units));
      for (let i = 0; i < k; i++) if (result.places[i] !== want[i]) throw new Error(`${c.name}: unit ${rows[i].id} place ${result.places[i]}, hand-written ${want[i]}`);
    }
    engines.push({ name: c.name, exact: c.exact, validates: c.validates, units, wall: timed.wall, cpu: timed.cpu, checked: k, gradeMismatches, maxError });
  }
  // The exact engines agree digit for digit with the hand-written exact totals.
  for (const [name, text] of texts) {
    for (let i = 0; i < text.length; i++) {
      const want = formatScaled(reference.scaled[i]);
      if (text[i] !== want) throw new Error(`${name}: unit ${rows[i].id} total ${text[i]}, hand-written exact ${want}`);
    }
  }
  for (const e of engines) {
    // (The digits were compared above; as doubles an exact total and the hand-written one, rounded to 10 places, differ by less than 10^-10.)
    if (e.exact && (e.maxError > 1e-10 || e.gradeMismatches !== 0)) throw new Error(`${e.name}: totals differ from the exact ones`);
    if (!e.exact && e.maxError > 1e-6) throw new Error(`${e.name}: totals off by ${e.maxError}`);
  }
  const report: EnginesReport = { n, engines, maxRss: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(JSON.stringify(report) + '\n');
}

await main();
