// `pnpm bench`: the front end on a generated 5,000-line scheme, the language server's latency
// (edit → diagnostics, completion, hover) at 300 and 5,000 lines, then the article-3 towns
// scheme over 10k, 100k and 1M generated units against a hand-written baseline, each size
// in a fresh `node --expose-gc` process so that its peak memory is its own; every engine on a
// flat scheme; validation against the zod path; `assess run` end to end; last, Assess Studio
// in Chromium (studio.ts).
//
//   node packages/bench/dist/main.js [--sizes 10000,100000] [--lines 5000]
//                                    [--no-frontend] [--no-editor] [--editor-lines 300,5000]
//                                    [--no-engines] [--no-validation] [--no-e2e] [--no-studio]
//                                    [--engine-sizes 100000,1000000] [--validation-units 100000]
//                                    [--e2e-units 1000000] [--e2e-runs 5] [--workbook-units 20000]
//                                    [--profile [units]]
//
// --profile runs one more child under `node --cpu-prof` (100,000 units unless given) and
// prints where the evaluation's time goes. Not part of `pnpm test`.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { EditorReport } from './editor-child.js';
import type { EvalReport } from './eval-child.js';
import type { EnginesReport } from './engines-child.js';
import type { ValidationCase, ValidationReport } from './validation-child.js';
import { endToEnd, minMedMax, workbookRuns, type EndToEnd } from './e2e.js';
import type { FrontendReport } from './frontend-child.js';
import { summariseProfile } from './profile.js';
import { studio } from './studio.js';
import { fmtInt, fmtMB, fmtMs, median, percentile } from './stats.js';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const ONE_GB = 1024 ** 3;
/** Above this interpreter/baseline time ratio at 100k units, the interpreter deserves a profile. */
const PROFILE_RATIO = 20;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function child<T>(script: string, args: string[], nodeFlags: string[] = []): T {
  const r = spawnSync(process.execPath, ['--expose-gc', ...nodeFlags, here(script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    console.error(`\n${script} ${args.join(' ')} failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ''})`);
    process.exit(1);
  }
  const line = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as T;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
const rate = (units: number, ms: number) => (units * 1000) / ms;
/** How many times faster validation from the plan is than the zod path (medians). */
const speedUp = (c: ValidationCase) => median(c.zod) / median(c.plan);
const runs = (t: { wall: number[] }, warmup: number, inner = 1) =>
  `${t.wall.length} run${t.wall.length === 1 ? '' : 's'}${inner > 1 ? ` of ${inner} calls` : ''}${warmup ? ` after ${warmup} warm-up${warmup === 1 ? '' : 's'}` : ''}`;
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

function frontend(lines: number): FrontendReport {
  const r = child<FrontendReport>('./frontend-child.js', [String(lines)]);
  const med = (t: { wall: number[] }) => median(t.wall);
  const cpu = (t: { cpu: number[] }) => median(t.cpu);
  console.log(
    `1. Front end — a generated scheme of ${fmtInt(r.lines)} lines (${fmtInt(r.chars)} characters): ${r.sections} sections, ${fmtInt(r.items)} items, ${fmtInt(r.inputs)} inputs`,
  );
  console.log(`   compiles with ${r.errors} errors (asserted) and ${r.warnings} warnings`);
  const row = (what: string, t: { wall: number[]; cpu: number[] }, warmup: number) =>
    console.log(`   ${pad(what, 22)} median ${lpad(fmtMs(med(t)), 9)}  (CPU ${lpad(fmtMs(cpu(t)), 9)})  ${lpad(fmtInt(rate(r.lines, med(t))), 9)} lines/s   ${runs(t, warmup)}`);
  row('parse', r.parse, r.plan.warmup);
  row('parse + check', r.compile, r.plan.warmup);
  console.log('   where parse goes:');
  row('  tokenize', r.tokenize, 2);
  row('  CST (parseTokens)', r.cst, 2);
  const diff = (what: string, ms: number) =>
    console.log(`   ${pad(what, 22)} median ${lpad(fmtMs(ms), 9)}  ${' '.repeat(17)}  ${lpad(fmtInt(rate(r.lines, ms)), 9)} lines/s   (parse − tokenize − CST, medians)`);
  diff('  AST build', med(r.parse) - med(r.tokenize) - med(r.cst));
  row('check alone', r.check, 2);
  row('plan alone (lower)', r.lower, 2);
  return r;
}

/** Targets of the editor benchmark: edit → published diagnostics, p95, by file size. */
const EDIT_TARGET_MS: Record<number, number> = { 300: 30, 5000: 150 };

function editor(lines: number[]): void {
  console.log(`\n2. Editor — the language server through the protocol (in-memory client, one fresh process per size)`);
  console.log('   edit: one character typed into (then deleted from) a label, from didChange to the publishDiagnostics of that version');
  console.log(`   (load average ${load()}: on a busy machine wall-clock times stretch; the CPU times of the edits are steadier)`);
  for (const n of lines) {
    const r = child<EditorReport>('./editor-child.js', [String(n)]);
    const row = (what: string, xs: number[], target?: number) =>
      console.log(
        `   ${pad(what, 30)} p50 ${lpad(fmtMs(percentile(xs, 50)), 9)}   p95 ${lpad(fmtMs(percentile(xs, 95)), 9)}   max ${lpad(fmtMs(Math.max(...xs)), 9)}   (${xs.length})${target ? `   target < ${target} ms: ${percentile(xs, 95) < target ? 'met' : 'NOT MET'} at p95` : ''}`,
      );
    console.log(`   ${fmtInt(r.lines)} lines (opened, first diagnostics, in ${fmtMs(r.open)})`);
    row('edit → diagnostics', r.edits, EDIT_TARGET_MS[n]);
    row('  (CPU time of each edit)', r.editsCpu);
    row('completion', r.completion);
    row('hover', r.hover);
  }
}

interface SizeSummary {
  n: number;
  validate: number;
  validateRows: number;
  interp: number;
  compiled: number;
  compiledRows: number;
  baseline: number;
  ratio: number;
  ratioCpu: number;
  maxRss: number;
  peakHeap: number;
}

function size(n: number): SizeSummary {
  const t0 = performance.now();
  const r = child<EvalReport>('./eval-child.js', n <= 20_000 ? [String(n), '--verify-grades'] : [String(n)]);
  const b = median(r.baseline.wall);
  const v = median(r.validate.wall);
  const e = median(r.evaluate.wall);
  const ratio = e / b;
  const ratioCpu = median(r.evaluate.cpu) / median(r.baseline.cpu);
  const line = (what: string, ms: number, cpuMs: number, units: number, note: string) =>
    console.log(`   ${pad(what, 26)} median ${lpad(fmtMs(ms), 9)}  (CPU ${lpad(fmtMs(cpuMs), 9)})  ${lpad(fmtInt(rate(units, ms)), 11)} units/s   ${note}`);
  console.log(`\n   ${fmtInt(n)} units (fresh process; load average ${load()}; data generated in ${fmtMs(r.generateMs)})`);
  line('baseline (hand-written)', b, median(r.baseline.cpu), n, runs(r.baseline, r.plan.baseline.warmup, r.plan.baseline.inner));
  const vNote = r.validateRows === n ? 'whole cohort' : `first ${fmtInt(r.validateRows)} units only (whole cohort estimated at ${fmtMs((n / r.validateProbeRate) * 1000)})`;
  line('validation (validateUnits)', v, median(r.validate.cpu), r.validateRows, `${runs(r.validate, r.plan.validate.warmup)}, ${vNote}`);
  line('interpreter (evaluate)', e, median(r.evaluate.cpu), n, `${runs(r.evaluate, r.plan.evaluate.warmup)}, on a table from ${r.tableFrom}`);
  const ce = median(r.compiled.wall);
  const cr = median(r.compiledRows.wall);
  line('compiled module (scoreTable)', ce, median(r.compiled.cpu), n, `${runs(r.compiled, r.plan.evaluate.warmup)}, on the same table (assess compile)`);
  line('compiled module, score(rows)', cr, median(r.compiledRows.cpu), r.validateRows, `${runs(r.compiledRows, r.plan.validate.warmup)}, validation included, from the rows`);
  console.log(`   interpreter / baseline     ${ratio.toFixed(1)}× the baseline's time (CPU time: ${ratioCpu.toFixed(1)}×)`);
  console.log(`   compiled / baseline        ${(ce / b).toFixed(1)}× the baseline's time (CPU time: ${(median(r.compiled.cpu) / median(r.baseline.cpu)).toFixed(1)}×)`);
  const checks = [`${fmtInt(r.verified.totals)} totals (interpreter and compiled module)`];
  if (r.verified.grades) checks.push(`${fmtInt(r.verified.grades)} grades`, `${fmtInt(r.verified.bonuses)} bonuses`);
  console.log(`   verified                   ${checks.join(', ')} equal to the baseline's, digit for digit (exact; precision ${r.precision ?? 'not declared'})`);
  if (r.verified.precision2) console.log(`                              and, with \`precision 2\` declared, ${fmtInt(r.verified.precision2)} totals and bonuses (rounded half-up)`);
  if (r.tableFrom === 'tableFromTowns')
    console.log(`   table                      built directly; identical to validateUnits' table on the first ${fmtInt(r.verified.tableRows)} units (checked)`);
  const heap = r.retained;
  console.log(
    `   memory                     peak RSS ${fmtMB(r.maxRss)}${r.maxRss > ONE_GB ? ' (OVER 1 GB)' : ''}, peak heap used ${fmtMB(r.peakHeapUsed)} (sampled after each phase)`,
  );
  console.log(
    `                              live heap: rows ${fmtMB(heap.rows - heap.start)}, table ${fmtMB(heap.table - heap.start)}, evaluation +${fmtMB(heap.tableAndEvaluation - heap.table)}`,
  );
  console.log(
    `   cohort                     r_max ${r.facts.rawBonusMax} (cap 10 prorata ${r.facts.rawBonusMax > 10 ? 'scales' : 'keeps raw'}), ${(r.facts.passRate * 100).toFixed(1)}% ≥ 85, ${r.facts.honorsPerUnit.toFixed(2)} honours/unit, ${(r.facts.honorsWithEvidence * 100).toFixed(0)}% with evidence; ${fmtMs(performance.now() - t0)} in all`,
  );
  return {
    n,
    validate: rate(r.validateRows, v),
    validateRows: r.validateRows,
    interp: rate(n, e),
    compiled: rate(n, ce),
    compiledRows: rate(r.validateRows, cr),
    baseline: rate(n, b),
    ratio,
    ratioCpu,
    maxRss: r.maxRss,
    peakHeap: r.peakHeapUsed,
  };
}

function profile(n: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'assess-bench-prof-'));
  console.log(`\n4. Profile — evaluate() over ${fmtInt(n)} units under node --cpu-prof (1 warm-up + 4 runs; samples outside the evaluation runs left out)`);
  const r = child<EvalReport>('./eval-child.js', [String(n), '--profile'], ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) {
    console.log('   (no profile written)');
    return;
  }
  const s = summariseProfile(join(dir, file), r.evaluateWindowUs, 18);
  console.log(`   profile: ${join(dir, file)} (${fmtMs(s.totalMs)} of samples in the window)`);
  console.log('   self time by file:');
  for (const f of s.byFile.slice(0, 8)) console.log(`     ${lpad((f.share * 100).toFixed(1), 5)}%  ${lpad(fmtMs(f.selfMs), 9)}  ${f.file}`);
  console.log('   self time by function:');
  for (const f of s.byFunction) console.log(`     ${lpad((f.share * 100).toFixed(1), 5)}%  ${lpad(fmtMs(f.selfMs), 9)}  ${f.name}`);
  console.log('   inclusive time, @assess/core functions:');
  for (const f of s.inclusive.slice(0, 14)) console.log(`     ${lpad((f.share * 100).toFixed(1), 5)}%  ${lpad(fmtMs(f.ms), 9)}  ${f.name}`);
}

function engines(sizes: number[]): EnginesReport[] {
  console.log('\n4. Engines — the flat six-field scheme (fixtures/flat.assess) in every engine, from the same plain rows (src/engines.ts)');
  console.log('   exact: decimal results equal to the hand-written exact ones digit for digit (checked); float: doubles, within 1e-6 of them (checked)');
  return sizes.map((n) => {
    const r = child<EnginesReport>('./engines-child.js', [String(n)]);
    console.log(`\n   ${fmtInt(n)} units (fresh process; load average ${load()}; peak RSS ${fmtMB(r.maxRss)})`);
    const exact = r.engines.find((e) => e.name === 'hand-written, exact')!;
    const per = (e: EnginesReport['engines'][number]) => median(e.wall) / e.units;
    for (const e of r.engines) {
      const note = [e.exact ? 'exact' : 'float', e.validates ? 'validates the rows' : '', e.units < n ? `timed on the first ${fmtInt(e.units)} units` : '', e.gradeMismatches ? `${e.gradeMismatches} grades differ` : '']
        .filter(Boolean)
        .join(', ');
      const cpuRate = e.units / (median(e.cpu) / 1000);
      console.log(`   ${pad(e.name, 34)} ${lpad(fmtInt(e.units / (median(e.wall) / 1000)), 12)} units/s (CPU: ${lpad(fmtInt(cpuRate), 11)}/s)  ${lpad((per(e) / per(exact)).toFixed(1), 7)}× exact  (${note})`);
    }
    return r;
  });
}

function validation(n: number): ValidationReport {
  console.log(`\n5. Validation — rows → table: validateUnits (checks built from the plan) against the zod path it replaced, ${fmtInt(n)} rows, same process, runs alternated (src/validation-child.ts)`);
  const r = child<ValidationReport>('./validation-child.js', [String(n)]);
  for (const c of r.cases) {
    const z = median(c.zod);
    const p = median(c.plan);
    console.log(`   ${pad(c.name, 46)} zod path ${lpad(fmtInt(rate(c.rows, z)), 10)}/s   from the plan ${lpad(fmtInt(rate(c.rows, p)), 10)}/s   ${lpad(speedUp(c).toFixed(1), 5)}×`);
  }
  console.log('   (the zod path shares today\'s runtime — decimals, number reading — so it is faster than the validation the issue started from)');
  return r;
}

async function endToEndSection(n: number): Promise<EndToEnd[]> {
  console.log(`\n6. End to end — assess run --format csv on ${fmtInt(n)} units against reading the same file alone (same reader and parser), whole processes`);
  const cases = await endToEnd(n, Number(arg('--e2e-runs') ?? 5) || 5, (s) => console.log(s));
  for (const c of cases) {
    const [pMin, pMed, pMax] = minMedMax(c.parse.wall);
    const [rMin, rMed, rMax] = minMedMax(c.run.wall);
    const [aMin, aMed, aMax] = minMedMax(c.alone.wall);
    const rss = (t: EndToEnd['run']) => `peak RSS ${fmtMB(Math.max(...t.rss))}${Math.max(...t.rss) > ONE_GB ? ' (OVER 1 GB)' : ''}`;
    console.log(`   ${c.name}`);
    console.log(`     read only             ${fmtMs(pMin)} / ${fmtMs(pMed)} / ${fmtMs(pMax)} (min / median / max), peak RSS ${fmtMB(Math.max(...c.parse.rss))}`);
    console.log(`     assess run            ${fmtMs(rMin)} / ${fmtMs(rMed)} / ${fmtMs(rMax)}, ${rss(c.run)}`);
    console.log(`     assess run --jobs 1   ${fmtMs(aMin)} / ${fmtMs(aMed)} / ${fmtMs(aMax)}, ${rss(c.alone)}`);
    const [qMin, qMed, qMax] = pairedRatio(c.run.wall, c.parse.wall);
    const target = c.target ? `target ≤ ${c.target}×` : 'no target: the issue sets them for CSV and JSON lines';
    console.log(`     ratio                 ${qMed.toFixed(2)}× (${qMin.toFixed(2)}–${qMax.toFixed(2)}; --jobs 1: ${pairedRatio(c.alone.wall, c.parse.wall)[1].toFixed(2)}×; each round's run over its read, median; ${target})`);
    if (c.ceiling) {
      const [cMin, cMed, cMax] = minMedMax(c.ceiling.wall);
      const [, ratio] = pairedRatio(c.ceiling.wall, c.parse.wall);
      console.log(`     typed ceiling         ${fmtMs(cMin)} / ${fmtMs(cMed)} / ${fmtMs(cMax)}, ${ratio.toFixed(2)}× reading alone: the same work written by hand for this one scheme, scaled integers in typed arrays, two halves at once (typed-ceiling.ts)`);
    }
  }
  const units = Number(arg('--workbook-units') ?? 20_000);
  const book = await workbookRuns(units, 3);
  const [bMin, bMed, bMax] = minMedMax(book.times.wall);
  console.log(`   results workbook (assess run --format xlsx -o, written as it is made), ${fmtInt(units)} units of the flat scheme from CSV: ${fmtMs(bMin)} / ${fmtMs(bMed)} / ${fmtMs(bMax)}, peak RSS ${fmtMB(Math.max(...book.times.rss))}, ${fmtMB(book.bytes)} written`);
  return cases;
}

function summary(reports: EnginesReport[], e2e: EndToEnd[], v: ValidationReport | undefined): void {
  if (reports.length) console.log('\n  engines (units per second, wall; ratio = time per unit / hand-written exact):');
  for (const r of reports) {
    const exact = r.engines.find((e) => e.name === 'hand-written, exact')!;
    const per = (e: EnginesReport['engines'][number]) => median(e.wall) / e.units;
    console.log(`  ${fmtInt(r.n)} units: ` + r.engines.map((e) => `${e.name} ${fmtInt(e.units / (median(e.wall) / 1000))}${e.units < r.n ? '*' : ''} (${(per(e) / per(exact)).toFixed(1)}×)`).join('; '));
  }
  for (const c of v?.cases ?? []) console.log(`  validation, ${c.name}: ${speedUp(c).toFixed(1)}× the zod path (${fmtInt(rate(c.rows, median(c.plan)))} rows/s)`);
  for (const c of e2e) console.log(`  end to end, ${c.name}: assess run ${fmtMs(median(c.run.wall))} (--jobs 1: ${fmtMs(median(c.alone.wall))}) vs read only ${fmtMs(median(c.parse.wall))}: ${pairedRatio(c.run.wall, c.parse.wall)[1].toFixed(2)}× (${pairedRatio(c.alone.wall, c.parse.wall)[1].toFixed(2)}×) round by round, peak RSS ${fmtMB(Math.max(...c.run.rss))}${c.ceiling ? `; typed ceiling ${pairedRatio(c.ceiling.wall, c.parse.wall)[1].toFixed(2)}×` : ''}`);
}

/**
 * Min, median and max of each round's time over the same round's read (the rounds alternate the
 * commands, so that a change in the machine's speed, which can pass 20% within minutes here,
 * falls on both sides of a ratio).
 */
const pairedRatio = (times: number[], read: number[]) => minMedMax(times.map((t, i) => t / read[i]));

async function main(): Promise<void> {
  const started = performance.now();
  const sizes = (arg('--sizes') ?? '10000,100000,1000000').split(',').map(Number);
  const lines = Number(arg('--lines') ?? 5000);
  const cpu = cpus();
  console.log(`Assess benchmarks — node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, load average ${load()} at start`);
  console.log('Times are wall-clock medians (CPU = user + system time of the process, all threads); a GC runs before each timed run, outside the timing.\n');
  const fe = process.argv.includes('--no-frontend') ? undefined : frontend(lines);

  if (!process.argv.includes('--no-editor')) editor((arg('--editor-lines') ?? '300,5000').split(',').map(Number));

  console.log(`\n3. Evaluation — the article-3 towns scheme (packages/bench/fixtures/towns.assess) over generated units`);
  console.log('   baseline: hand-written TypeScript on the rows as parsed from JSON (src/baseline.ts), exact integer arithmetic in units of 10^-10');
  console.log('   interpreter: evaluate(scheme, table) on an already validated table; validation (rows → table) is timed separately');
  const results = sizes.map(size);

  console.log('\nSummary');
  if (fe) {
    const p = median(fe.parse.wall);
    const c = median(fe.compile.wall);
    console.log(
      `  front end, ${fmtInt(fe.lines)} lines: parse ${fmtMs(p)} = ${fmtInt(rate(fe.lines, p))} lines/s; parse + check ${fmtMs(c)} = ${fmtInt(rate(fe.lines, c))} lines/s`,
    );
  }
  console.log('  evaluation (units per second; ratio = interpreter time / baseline time, wall [CPU]):');
  const head = ['units', 'validation/s', 'interpreter/s', 'compiled/s', 'compiled rows/s', 'baseline/s', 'ratio', 'peak RSS', 'peak heap'];
  const rows = results.map((s) => [
    fmtInt(s.n),
    fmtInt(s.validate) + (s.validateRows === s.n ? '' : '*'),
    fmtInt(s.interp),
    fmtInt(s.compiled),
    fmtInt(s.compiledRows) + (s.validateRows === s.n ? '' : '*'),
    fmtInt(s.baseline),
    `${s.ratio.toFixed(1)}× [${s.ratioCpu.toFixed(1)}×]`,
    fmtMB(s.maxRss) + (s.maxRss > ONE_GB ? ' !' : ''),
    fmtMB(s.peakHeap),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmtRow = (r: string[]) => '  ' + r.map((c, i) => (i === 0 ? c.padStart(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(fmtRow(head));
  for (const r of rows) console.log(fmtRow(r));
  if (results.some((s) => s.validateRows !== s.n))
    console.log('  * validation timed on a prefix of the cohort (it is too slow to validate the whole cohort within the time budget)');
  if (results.some((s) => s.maxRss > ONE_GB)) console.log('  ! over the 1 GB budget');

  const engineSizes = (arg('--engine-sizes') ?? '100000,1000000').split(',').map(Number);
  const engineReports = process.argv.includes('--no-engines') ? [] : engines(engineSizes);
  const v = process.argv.includes('--no-validation') ? undefined : validation(Number(arg('--validation-units') ?? 100_000));
  const e2e = process.argv.includes('--no-e2e') ? [] : await endToEndSection(Number(arg('--e2e-units') ?? 1_000_000));
  if (engineReports.length || e2e.length || v) summary(engineReports, e2e, v);
  if (!process.argv.includes('--no-studio')) studio(7);

  const at100k = results.find((s) => s.n === 100_000);
  const wantProfile = process.argv.includes('--profile');
  if (wantProfile) profile(Number(arg('--profile')) || 100_000);
  else if (at100k && Math.max(at100k.ratio, at100k.ratioCpu) > PROFILE_RATIO)
    console.log(
      `\nAt 100,000 units the interpreter takes ${at100k.ratio.toFixed(1)}× the baseline's time (CPU: ${at100k.ratioCpu.toFixed(1)}×), more than ${PROFILE_RATIO}×: \`pnpm bench --profile\` shows where it goes.`,
    );
  console.log(`\nTotal ${fmtMs(performance.now() - started)}; load average ${load()} at the end.`);
}

await main();
