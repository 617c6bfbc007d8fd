// `pnpm bench`, the studio section: Assess Studio measured in Debian's Chromium. The page is
// built and served, and driven by packages/studio/e2e/bench.mjs in a child process (it reads
// the page's own User Timing measures); this prints what it found against the targets:
// diagnostics after a keystroke on a 300-line scheme < 50 ms, 10,000 units evaluated < 1 s,
// and the JavaScript a first visit transfers (gzip).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTowns } from './gen-data.js';
import { generateScheme } from './gen-scheme.js';
import { fmtInt, fmtMs, median, percentile } from './stats.js';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const TARGET = { diagnosticsMs: 50, units: 10_000, evaluateMs: 1000 };

interface Script {
  file: string;
  raw: number;
  gzip: number;
}

interface StudioReport {
  chromium: string;
  lines: number;
  diagnostics: number[];
  units: number;
  run: number[];
  shown: number[];
  whileScoring: number[];
  js: { firstVisit: Script[]; charts: Script[]; workbooks: Script[]; all: Script[] };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const sum = (xs: Script[], k: 'raw' | 'gzip') => xs.reduce((n, x) => n + x[k], 0);
const met = (ok: boolean) => (ok ? 'met' : 'NOT MET');

export function studio(section: number): void {
  console.log(`\n${section}. Studio — Assess Studio in Chromium (the built static files, served locally; playwright-core drives /usr/bin/chromium)`);
  const dir = mkdtempSync(join(tmpdir(), 'assess-studio-bench-'));
  try {
    const scheme = join(dir, 'lines.assess');
    const data = join(dir, 'towns.json');
    writeFileSync(scheme, generateScheme(300).source);
    writeFileSync(data, JSON.stringify({ units: generateTowns(TARGET.units) }));
    const args = ['--lines', scheme, '--towns', here('../fixtures/towns.assess'), '--data', data, '--edits', '100', '--runs', '5'];
    const r = spawnSync(process.execPath, [here('../../studio/e2e/bench.mjs'), ...args], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) {
      console.log(`   the studio benchmark failed (exit ${r.status}); is /usr/bin/chromium installed (apt-get install -y chromium)?`);
      return;
    }
    report(JSON.parse(r.stdout.trim().split('\n').pop()!) as StudioReport);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(r: StudioReport): void {
  const d = r.diagnostics;
  console.log(`   Chromium ${r.chromium}; times from the page's User Timing measures`);
  console.log(
    `   keystroke → diagnostics shown, ${r.lines}-line scheme: p50 ${fmtMs(percentile(d, 50))}  p95 ${fmtMs(percentile(d, 95))}  max ${fmtMs(Math.max(...d))}  (${d.length} edits)   target < ${TARGET.diagnosticsMs} ms: ${met(percentile(d, 95) < TARGET.diagnosticsMs)} at p95`,
  );
  console.log(
    `   ${fmtInt(r.units)} units validated, scored and worded in the worker: median ${fmtMs(median(r.run))} (min ${fmtMs(Math.min(...r.run))}, max ${fmtMs(Math.max(...r.run))}, ${r.run.length} runs)   target < ${TARGET.evaluateMs} ms: ${met(median(r.run) < TARGET.evaluateMs)}`,
  );
  console.log(`     …and drawn (the grid's rows in view): median ${fmtMs(median(r.shown))}`);
  const ws = r.whileScoring;
  console.log(`   keystroke → diagnostics with those units loaded (scored again once typing pauses, in the data's worker): p50 ${fmtMs(percentile(ws, 50))}  p95 ${fmtMs(percentile(ws, 95))}  (${ws.length} edits)`);
  const first = r.js.firstVisit;
  console.log(`   JavaScript of a first visit: ${kb(sum(first, 'gzip'))} gzip (${kb(sum(first, 'raw'))} raw):`);
  for (const s of first) console.log(`     ${s.file.padEnd(40)} ${kb(s.gzip).padStart(8)} gzip ${kb(s.raw).padStart(8)} raw`);
  console.log(
    `   loaded after the first paint (or on first use): charts (ECharts) ${kb(sum(r.js.charts, 'gzip'))} gzip; workbooks (exceljs, in the worker) ${kb(sum(r.js.workbooks, 'gzip'))} gzip`,
  );
}
