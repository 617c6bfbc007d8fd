// One cohort size, in a fresh process (so that its peak RSS is its own):
//   node --expose-gc dist/eval-child.js <units> [--verify-grades]
//   node --expose-gc --cpu-prof dist/eval-child.js <units> --profile
// Prints one line of JSON (an EvalReport) on stdout.
//
// Phases: generate rows → baseline (hand-written, on the rows) → validation (`validateUnits`,
// rows → table) → the rows are dropped → evaluation (`evaluate`, on the validated table)
// → every total checked against the baseline digit for digit (and, with --verify-grades,
// every grade and bonus).
//
// Validation is slow today (see the report), so its size adapts: a probe on the first 2,000
// rows estimates its speed; the whole cohort is validated when that takes at most
// VALIDATE_FULL_MS, else a prefix sized to about VALIDATE_PREFIX_MS. When only a prefix is
// validated, the table the interpreter evaluates is built by `tableFromTowns`, checked
// identical to `validateUnits`' table on that prefix.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compile, evaluate, validateUnits, type Decimal, type Evaluation, type Plan as Scheme, type UnitTable } from '@assess/core';
import { compileModule } from '@assess/compiler';
import { generateTowns, towns, type TownRow } from './gen-data.js';
import { baselineTowns, formatScaled, gradeOf, SCALE_PLACES, type BaselineResult } from './baseline.js';
import { sameTable, tableFromTowns } from './table.js';
import { gc, timeRuns, type RunPlan } from './stats.js';

export interface Phase {
  phase: string;
  rss: number;
  heapUsed: number;
}

export interface Plan {
  baseline: RunPlan;
  validate: RunPlan;
  evaluate: RunPlan;
}

/** Wall-clock and CPU ms of each timed run. */
export interface Times {
  wall: number[];
  cpu: number[];
}

export interface EvalReport {
  n: number;
  scheme: string;
  precision: number | null;
  plan: Plan;
  /** Where the evaluated table came from. */
  tableFrom: 'validateUnits' | 'tableFromTowns';
  generateMs: number;
  baseline: Times;
  /** Timed on `validateRows` units (the cohort, or a prefix of it). */
  validate: Times;
  validateRows: number;
  /** Units per second of the validation probe (the first 2,000 rows, cold). */
  validateProbeRate: number;
  evaluate: Times;
  /** The compiled module on the same table (scoreTable), and from the rows (score: validation included). */
  compiled: Times;
  compiledRows: Times;
  /** precision2: units whose totals and bonuses were also checked with `precision 2` declared. */
  verified: { totals: number; grades: number; bonuses: number; tableRows: number; precision2: number };
  /** Peak resident set size of this process (getrusage maxrss), bytes. */
  maxRss: number;
  /** Largest heapUsed sampled at the end of each phase, before any GC, bytes. */
  peakHeapUsed: number;
  /** Live heap after a full GC, bytes. */
  retained: { start: number; rows: number; table: number; tableAndEvaluation: number };
  phases: Phase[];
  /** Cohort facts, so that the reader can see the data is not degenerate. */
  facts: { rawBonusMax: number; passRate: number; honorsPerUnit: number; honorsWithEvidence: number };
  /** When the evaluation runs started and ended, in µs of the monotonic clock (what a .cpuprofile's timestamps use). */
  evaluateWindowUs: [number, number];
}

const SCHEME_FILE = new URL('../fixtures/towns.assess', import.meta.url);

/** Warm-up and timed runs per phase, by size: the whole `pnpm bench` must stay within minutes. */
function planFor(n: number): Plan {
  if (n <= 20_000) return { baseline: { warmup: 5, runs: 9, inner: 25 }, validate: { warmup: 0, runs: 3, budgetMs: 10_000 }, evaluate: { warmup: 2, runs: 7, budgetMs: 10_000 } };
  if (n <= 200_000) return { baseline: { warmup: 2, runs: 7, inner: 3 }, validate: { warmup: 0, runs: 3, budgetMs: 10_000 }, evaluate: { warmup: 1, runs: 5, budgetMs: 15_000 } };
  return { baseline: { warmup: 1, runs: 3 }, validate: { warmup: 0, runs: 1 }, evaluate: { warmup: 0, runs: 3, budgetMs: 20_000 } };
}

/** Validate the whole cohort when that is estimated to take at most this long… */
const VALIDATE_FULL_MS = 20_000;
/** …else a prefix that takes about this long. */
const VALIDATE_PREFIX_MS = 8_000;
const PROBE_ROWS = 2_000;

function sample(phases: Phase[], phase: string): void {
  const m = process.memoryUsage();
  phases.push({ phase, rss: m.rss, heapUsed: m.heapUsed });
}

function liveHeap(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

/** The towns scheme compiled (assess compile) and imported as a real ES module. */
async function compiledModule(plan: Scheme.Plan): Promise<CompiledTowns> {
  const dir = new URL('../.engines.tmp/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL('towns.mjs', dir);
  writeFileSync(file, compileModule(plan, { source: 'towns.assess' }).js);
  return (await import(file.href)) as CompiledTowns;
}

interface CompiledTowns {
  score(rows: unknown[]): { total(i: number): Decimal | null };
  scoreTable(table: UnitTable): { total(i: number): Decimal | null; columns: { places: (number | null)[] } };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const n = Number(args[0]);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error('usage: eval-child.js <units> [--verify-grades] [--profile]');
  const verifyGrades = args.includes('--verify-grades');
  const profile = args.includes('--profile'); // evaluation only, for `node --cpu-prof`
  const plan = planFor(n);
  const phases: Phase[] = [];

  const source = readFileSync(SCHEME_FILE, 'utf8');
  const compiled = compile('towns.assess', source);
  if (!compiled.ok) throw new Error(`the towns scheme does not compile: ${compiled.diagnostics.map((d) => `${d.code} ${d.message.en}`).join('; ')}`);
  const scheme = compiled.plan!;
  const precision = scheme.precision?.of === 'each' ? scheme.precision.places : undefined;
  const retainedStart = liveHeap();
  sample(phases, 'start');

  const t0 = performance.now();
  let rows: TownRow[] | undefined = generateTowns(n);
  const generateMs = performance.now() - t0;
  sample(phases, 'generate');
  const retainedRows = liveHeap();

  // Baseline, on the rows as parsed from JSON.
  const b = timeRuns(profile ? { warmup: 0, runs: 1 } : plan.baseline, () => baselineTowns(rows!, precision));
  const base: BaselineResult = b.last;
  sample(phases, 'baseline');

  // Validation: rows → table (zod schemas, Decimals, null-prototype records).
  const probeRows = rows.slice(0, Math.min(n, PROBE_ROWS));
  // The faster of two probes: the first runs cold, and would make the whole cohort look far slower than it is.
  let probeMs = Infinity;
  for (let k = 0; k < 2 && !profile; k++) {
    const tp = performance.now();
    validateUnits(scheme, probeRows, { file: 'towns.json' });
    probeMs = Math.min(probeMs, performance.now() - tp);
  }
  const probeRate = probeRows.length / (probeMs / 1000);
  const vRows = profile || n / probeRate <= VALIDATE_FULL_MS / 1000 ? n : Math.min(n, Math.max(PROBE_ROWS, Math.floor((probeRate * VALIDATE_PREFIX_MS) / 1000 / 1000) * 1000));
  let vInput: TownRow[] | undefined = vRows === n ? rows : rows.slice(0, vRows);
  let validated: UnitTable | undefined;
  const v = timeRuns(profile ? { warmup: 0, runs: 0 } : plan.validate, () => {
    validated = undefined;
    const r = validateUnits(scheme, vInput!, { file: 'towns.json' });
    if (r.diagnostics.length) throw new Error(`validation reported ${r.diagnostics.length} problems, e.g. ${r.diagnostics[0].code} ${r.diagnostics[0].message.en}`);
    validated = r.table;
    return r.table.n; // the table itself is kept in `validated` only
  });
  sample(phases, 'validate');
  // The compiled module from the same rows: its validation and scoring together.
  const mod = await compiledModule(scheme);
  const cr = timeRuns(profile ? { warmup: 0, runs: 0 } : plan.validate, () => mod.score(vInput!));

  // Facts about the cohort, then the rows go.
  let honors = 0;
  let withEvidence = 0;
  for (const r of rows) {
    honors += r.honors.length;
    for (const h of r.honors) if (h.evidence !== undefined && h.evidence !== null && h.evidence.trim() !== '') withEvidence++;
  }
  const validatedAll = validated !== undefined && vRows === n;
  rows = undefined;
  vInput = undefined;
  if (!validatedAll) gc();

  // The table to evaluate: validateUnits' own when it covered the cohort; else built
  // directly, streaming the same rows from the generator so that they are never all held
  // next to the table, and checked identical to validateUnits' table on the prefix.
  let table: UnitTable;
  if (validatedAll) table = validated!;
  else {
    table = tableFromTowns(scheme, towns(n), n);
    if (validated) {
      const diff = sameTable(validated, table, vRows);
      if (diff) throw new Error(`tableFromTowns differs from validateUnits at ${diff}`);
    }
  }
  const tableRows = validatedAll ? n : validated ? vRows : 0;
  validated = undefined;
  const tableFrom = validatedAll ? 'validateUnits' : 'tableFromTowns';
  sample(phases, 'table');
  const retainedTable = liveHeap();

  // Evaluation, on the validated table.
  const windowStart = process.hrtime.bigint() / 1000n;
  const e = timeRuns(profile ? { warmup: 1, runs: 4 } : plan.evaluate, () => {
    const ev = evaluate(scheme, table);
    if (ev.diagnostics.length) throw new Error(`evaluation reported ${ev.diagnostics.length} problems, e.g. ${ev.diagnostics[0].message.en}`);
    return ev;
  });
  const windowEnd = process.hrtime.bigint() / 1000n;
  sample(phases, 'evaluate');
  const retainedTableAndEvaluation = liveHeap();
  const ev: Evaluation = e.last;

  // The compiled module (assess compile), on the same table; its totals are checked below.
  const ce = timeRuns(profile ? { warmup: 0, runs: 0 } : plan.evaluate, () => mod.scoreTable(table));
  const compiledTotals = profile ? undefined : ce.last;

  // Every total, digit for digit; with --verify-grades every grade and bonus too. Scores are
  // exact (a prorata share such as 10 × 7 / 30 is a fraction); the baseline keeps 10 places, so
  // both are compared rounded half-up to 10 places (exactly what the baseline computes).
  const at10 = (d: Decimal | null | undefined) => (d ? d.round(SCALE_PLACES).toString() : 'null');
  const mismatches: string[] = [];
  let passes = 0;
  for (let i = 0; i < n; i++) {
    const got = at10(ev.total(i));
    const want = formatScaled(base.totals[i]);
    if (got !== want && mismatches.length < 10) mismatches.push(`${ev.ids[i]}: interpreter total ${got}, baseline ${want}`);
    const compiledGot = compiledTotals ? at10(compiledTotals.total(i)) : want;
    if (compiledGot !== want && mismatches.length < 10) mismatches.push(`${ev.ids[i]}: compiled total ${compiledGot}, baseline ${want}`);
    const place = compiledTotals ? compiledTotals.columns.places[i] : base.places[i];
    if (place !== base.places[i] && mismatches.length < 10) mismatches.push(`${ev.ids[i]}: compiled place ${place}, baseline ${base.places[i]}`);
    passes += base.pass[i];
  }
  let grades = 0;
  if (verifyGrades) {
    for (let i = 0; i < n; i++) {
      const u = ev.unit(i);
      const want = gradeOf(base.pass[i]);
      if (u.grade !== want && mismatches.length < 10) mismatches.push(`${u.id}: interpreter grade ${u.grade}, baseline ${want}`);
      if (u.place !== base.places[i] && mismatches.length < 10) mismatches.push(`${u.id}: interpreter place ${u.place}, baseline ${base.places[i]}`);
      const bonus = formatScaled(base.bonus[i]);
      if (at10(u.bonus) !== bonus && mismatches.length < 10) mismatches.push(`${u.id}: interpreter bonus ${u.bonus}, baseline ${bonus}`);
      grades++;
    }
  }
  // The rounding path too: the same scheme with `precision 2` declared (the prorata bonus
  // then rounds half-up to 2 places), every total and bonus against the baseline's.
  let precisionChecked = 0;
  if (verifyGrades && precision === undefined) {
    const p2 = compile('towns-p2.assess', source.replace(/^(scheme .* total \d+)\s*$/m, '$1 precision 2'));
    if (!p2.ok || p2.plan?.precision?.places !== 2) throw new Error('could not declare precision 2 on the towns scheme');
    const ev2 = evaluate(p2.plan!, table);
    const base2 = baselineTowns(generateTowns(n), 2);
    for (let i = 0; i < n; i++) {
      const got = ev2.total(i)?.toString() ?? 'null';
      const want = formatScaled(base2.totals[i]);
      if (got !== want && mismatches.length < 10) mismatches.push(`${ev2.ids[i]} (precision 2): interpreter total ${got}, baseline ${want}`);
      const bonus = ev2.unit(i).bonus.toString();
      if (bonus !== formatScaled(base2.bonus[i]) && mismatches.length < 10) mismatches.push(`${ev2.ids[i]} (precision 2): interpreter bonus ${bonus}, baseline ${formatScaled(base2.bonus[i])}`);
      precisionChecked++;
    }
  }
  if (mismatches.length) throw new Error(`the interpreter and the baseline disagree:\n  ${mismatches.join('\n  ')}`);
  sample(phases, 'verify');

  const report: EvalReport = {
    n,
    scheme: 'fixtures/towns.assess',
    precision: precision ?? null,
    plan,
    tableFrom,
    generateMs,
    baseline: { wall: b.times, cpu: b.cpu },
    validate: { wall: v.times, cpu: v.cpu },
    validateRows: vRows,
    validateProbeRate: probeRate,
    evaluate: { wall: e.times, cpu: e.cpu },
    compiled: { wall: ce.times, cpu: ce.cpu },
    compiledRows: { wall: cr.times, cpu: cr.cpu },
    verified: { totals: n, grades, bonuses: grades, tableRows, precision2: precisionChecked },
    maxRss: process.resourceUsage().maxRSS * 1024,
    peakHeapUsed: Math.max(...phases.map((p) => p.heapUsed)),
    retained: { start: retainedStart, rows: retainedRows, table: retainedTable, tableAndEvaluation: retainedTableAndEvaluation },
    phases,
    evaluateWindowUs: [Number(windowStart), Number(windowEnd)],
    facts: { rawBonusMax: base.top, passRate: passes / n, honorsPerUnit: honors / n, honorsWithEvidence: withEvidence / Math.max(1, honors) },
  };
  process.stdout.write(JSON.stringify(report) + '\n');
}

await main();
