// End to end: `assess run` on a million-row file against reading the same file alone (the
// same reader and parser), whole processes, several runs each; peak RSS of each process.
// `assess run` as a user runs it (a large file in parts, one per core, when the scheme allows)
// and on one thread (`--jobs 1`).
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { flatRows } from './engines.js';
import { towns } from './gen-data.js';
import { median } from './stats.js';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const cli = fileURLToPath(new URL('../../cli/bin/assess.js', import.meta.url));

export interface ProcessTimes {
  wall: number[];
  rss: number[];
}

export interface EndToEnd {
  name: string;
  rows: number;
  bytes: number;
  parse: ProcessTimes;
  run: ProcessTimes;
  /** `--jobs 1`. */
  alone: ProcessTimes;
  /** The target for the ratio to reading alone, where it sets one. */
  target?: number;
  /** The flat scheme written by hand with scaled integers, in two halves at once (typed-ceiling.ts): what no run of the same work could beat by much. */
  ceiling?: ProcessTimes;
}

async function write(file: string, lines: Iterable<string>): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  let buf = '';
  for (const l of lines) {
    buf += l + '\n';
    if (buf.length > 1 << 16) {
      bytes += Buffer.byteLength(buf);
      if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = '';
    }
  }
  bytes += Buffer.byteLength(buf);
  await new Promise((r) => out.end(buf, () => r(undefined)));
  return bytes;
}

/** The flat scheme's CSV of n generated units (the bench's rows: `flatRows`), line by line. */
export function* flatCsv(n: number): Generator<string> {
  yield 'id,org_system,targets_split,missing_reports,dept_score,coverage,satisfaction';
  for (const r of flatRows(n)) yield `${r.id},${r.org_system ? 'yes' : '否'},${r.targets_split ? '是' : 'no'},${r.missing_reports},${r.dept_score},${r.coverage}%,${r.satisfaction}`;
}

function* townsJsonl(n: number): Generator<string> {
  for (const r of towns(n)) yield JSON.stringify(r);
}

/** The same towns as one .json document: a list, a unit a line. */
function* townsJsonList(n: number): Generator<string> {
  yield '[';
  let i = 0;
  for (const r of towns(n)) yield JSON.stringify(r) + (++i < n ? ',' : '');
  yield ']';
}

/** A hook to preload into a process, in `dir`, by which it says its peak RSS as it exits. */
function rssHook(dir: string): string {
  const hook = join(dir, 'rss.cjs');
  writeFileSync(hook, "process.on('exit', () => process.stderr.write(`ASSESS_BENCH_RSS ${process.resourceUsage().maxRSS * 1024}\\n`));\n");
  return hook;
}

/** One process, its wall time and peak RSS (reported by a preloaded hook as it exits). */
function timeProcess(args: string[], hook: string): { wall: number; rss: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', hook, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = performance.now() - t0;
  const m = /ASSESS_BENCH_RSS (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${args.join(' ')} failed (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
  return { wall, rss: Number(m[1]) };
}

export async function endToEnd(n: number, runs: number, log: (s: string) => void): Promise<EndToEnd[]> {
  const dir = mkdtempSync(join(tmpdir(), 'assess-e2e-'));
  const hook = rssHook(dir);
  const towns = fileURLToPath(new URL('../fixtures/towns.assess', import.meta.url));
  const cases = [
    { name: 'CSV, flat six-field scheme', kind: 'csv', file: join(dir, 'flat.csv'), scheme: fileURLToPath(new URL('../fixtures/flat.assess', import.meta.url)), lines: flatCsv(n), target: 1.5, ceiling: true },
    { name: 'JSON lines, article-3 towns (honours lists)', kind: 'jsonl', file: join(dir, 'towns.jsonl'), scheme: towns, lines: townsJsonl(n), target: 1.5 },
    // (Read alone: the whole document by JSON.parse, as a program would read it.)
    { name: 'JSON list, the same towns (one .json document)', kind: 'json', file: join(dir, 'towns.json'), scheme: towns, lines: townsJsonList(n) },
  ];
  const out: EndToEnd[] = [];
  try {
    for (const c of cases) {
      const bytes = await write(c.file, c.lines);
      log(`   ${c.name}: ${n.toLocaleString('en-US')} units, ${(bytes / 1024 / 1024).toFixed(0)} MB`);
      const parse: ProcessTimes = { wall: [], rss: [] };
      const run: ProcessTimes = { wall: [], rss: [] };
      const alone: ProcessTimes = { wall: [], rss: [] };
      const ceiling: ProcessTimes | undefined = c.ceiling ? { wall: [], rss: [] } : undefined;
      const time = (into: ProcessTimes, args: string[]) => {
        const t = timeProcess(args, hook);
        into.wall.push(t.wall);
        into.rss.push(t.rss);
      };
      for (let i = 0; i < runs; i++) {
        // Alternate, so that a change in the machine's load falls on both.
        time(parse, [here('./parse-only.js'), c.kind, c.file]);
        time(run, [cli, 'run', c.scheme, '--data', c.file, '--format', 'csv']);
        time(alone, [cli, 'run', c.scheme, '--data', c.file, '--format', 'csv', '--jobs', '1']);
        if (ceiling) time(ceiling, [here('./typed-ceiling.js'), c.file, 'parts']);
      }
      out.push({ name: c.name, rows: n, bytes, parse, run, alone, target: c.target, ceiling });
      rmSync(c.file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/**
 * A results workbook (`assess run --format xlsx -o`) of n units of the flat scheme, from its
 * CSV: whole processes, `runs` times (written as it is made; no reference: nothing else writes one).
 */
export async function workbookRuns(n: number, runs: number): Promise<{ bytes: number; times: ProcessTimes }> {
  const dir = mkdtempSync(join(tmpdir(), 'assess-e2e-'));
  const hook = rssHook(dir);
  const data = join(dir, 'flat.csv');
  const out = join(dir, 'results.xlsx');
  const times: ProcessTimes = { wall: [], rss: [] };
  try {
    await write(data, flatCsv(n));
    for (let i = 0; i < runs; i++) {
      const t = timeProcess([cli, 'run', fileURLToPath(new URL('../fixtures/flat.assess', import.meta.url)), '--data', data, '--format', 'xlsx', '-o', out], hook);
      times.wall.push(t.wall);
      times.rss.push(t.rss);
    }
    return { bytes: statSync(out).size, times };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const minMedMax = (xs: number[]) => [Math.min(...xs), median(xs), Math.max(...xs)];
