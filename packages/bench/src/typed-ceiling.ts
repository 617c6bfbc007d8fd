// A measurement, not a product: the flat scheme's whole path for one thread — read a CSV with
// csv-parse, check it into typed columns, score, place, write the results' CSV lines — written by
// hand with every value a scaled integer in a typed array (no object per value or score), to see
// what a part of `assess run` could cost if the runtime's table and the compiled code held
// numbers that way (docs/performance.md). Its lines are `assess run`'s, byte for byte, on the
// bench's generated data (typed-ceiling.test.ts); it checks nothing a drafter's data may get
// wrong, and knows only fixtures/flat.assess.
// `parts` does the same in two halves of the file at once, one thread each, as `assess run`
// splits a large file (each half placed on its own, not merged: cheaper than the run).
//   node dist/typed-ceiling.js FILE.csv [parse|all|parts]   (prints one line of JSON: ms and CPU ms)
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parse } from 'csv-parse';
import { CSV_OPTIONS } from '@assess/cli/dist/read.js';
import { competitionPlaces, Decimal, writeDigits } from '@assess/runtime';

/** Scores in units of 1/(9·10^10): the flat scheme's values (tenths, hundredths, ninetieths) and their sums are whole numbers of them, below 2^53. */
const S = 9e10;
const YES = new Set(['yes', '是', 'true', '1', 'y', '√']);
const GRADES = ['优秀', '良好', '合格', '不合格'];

/** A plain decimal text (`82.7`, `71%`) as a whole number of 10^-places. */
function scaled(s: string, places: number): number {
  let v = 0;
  let fraction = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) fraction = 0;
    else if (c === 37) break;
    else {
      v = v * 10 + (c - 48);
      if (fraction >= 0) fraction++;
    }
  }
  for (let f = Math.max(fraction, 0); f < places; f++) v *= 10;
  return v;
}

export interface Ceiling {
  lines: Uint8Array[];
  ms: { read: number; score: number; places: number; lines: number };
}

/** Bytes `start` to `end` (exclusive) of a file; the first part of one begins with its header line. */
export interface Range {
  start: number;
  end: number;
  header: boolean;
}

/** The file's units scored, placed and written as `assess run --format csv` writes them (without its header line). */
export async function typedRun(file: string, range: Range = { start: 0, end: Infinity, header: true }): Promise<Ceiling> {
  const t0 = performance.now();
  let n = 0;
  let room = 1 << 16;
  const ids: string[] = [];
  let org = new Uint8Array(room);
  let targets = new Uint8Array(room);
  let missing = new Float64Array(room);
  let dept = new Float64Array(room);
  let coverage = new Float64Array(room);
  let satisfaction = new Float64Array(room);
  const grow = <A extends Uint8Array | Float64Array>(a: A): A => {
    const b = new (a.constructor as new (n: number) => A)(2 * room);
    b.set(a);
    return b;
  };
  await new Promise<void>((resolve, reject) => {
    const p = parse(CSV_OPTIONS);
    let header = range.header;
    p.on('readable', () => {
      for (let r: string[] | null = p.read(); r !== null; r = p.read()) {
        if (header) {
          header = false;
          continue;
        }
        if (n === room) {
          [org, targets] = [grow(org), grow(targets)];
          [missing, dept, coverage, satisfaction] = [grow(missing), grow(dept), grow(coverage), grow(satisfaction)];
          room *= 2;
        }
        ids.push(r[0]);
        org[n] = YES.has(r[1]) ? 1 : 0;
        targets[n] = YES.has(r[2]) ? 1 : 0;
        missing[n] = scaled(r[3], 0);
        dept[n] = scaled(r[4], 1);
        coverage[n] = scaled(r[5], 1);
        satisfaction[n] = scaled(r[6], 1);
        n++;
      }
    });
    p.on('error', reject);
    p.on('end', resolve);
    createReadStream(file, { highWaterMark: 1 << 20, start: range.start, end: range.end - 1 }).pipe(p);
  });
  const t1 = performance.now();
  const items = Array.from({ length: 5 }, () => new Float64Array(n));
  const sections = [new Float64Array(n), new Float64Array(n)];
  const totals = new Float64Array(n);
  const grades = new Uint8Array(n);
  for (let u = 0; u < n; u++) {
    const a = Math.min(5, (org[u] ? 2 : 0) + (targets[u] ? 3 : 0)) * S;
    const b = Math.max(0, 5 - missing[u]) * S;
    const c = Math.min(10 * S, satisfaction[u] * (S / 100)); // tenths × 10 / 100
    const d = Math.min(70 * S, dept[u] * 7 * (S / 90)); // tenths × 70 / 90
    const e = coverage[u] >= 950 ? 10 * S : coverage[u] >= 800 ? 6 * S : coverage[u] >= 600 ? 3 * S : 0; // tenths of a percent
    items[0][u] = a;
    items[1][u] = b;
    items[2][u] = c;
    items[3][u] = d;
    items[4][u] = e;
    sections[0][u] = a + b + c;
    sections[1][u] = d + e;
    const t = a + b + c + d + e;
    totals[u] = t;
    grades[u] = t >= 90 * S ? 0 : t >= 75 * S ? 1 : t >= 60 * S ? 2 : 3;
  }
  const t2 = performance.now();
  // The runtime's places (its radix sort of the keys): the scaled totals are their own keys, exact.
  const placed: (number | null)[] = new Array(n).fill(null);
  competitionPlaces(Array.from({ length: n }, (_, u) => u), { key: totals, identifies: new Uint8Array(n).fill(1), exact: () => Decimal.ZERO }, 1, placed);
  const places = Int32Array.from(placed, (p) => p ?? 0);
  const t3 = performance.now();
  const lines = writeLines(ids, [...items, ...sections, totals], places, grades);
  const t4 = performance.now();
  return { lines, ms: { read: t1 - t0, score: t2 - t1, places: t3 - t2, lines: t4 - t3 } };
}

/** Each unit's line: id, scores (as `Decimal.toString` prints k/S), place, grade, no vetoes. */
function writeLines(ids: string[], scores: Float64Array[], places: Int32Array, grades: Uint8Array): Uint8Array[] {
  const encoder = new TextEncoder();
  const gradeBytes = GRADES.map((g) => encoder.encode(`,${g},\n`));
  const pieces: Uint8Array[] = [];
  const buf = new Uint8Array(1 << 21);
  let at = 0;
  // Digits by the runtime's `writeDigits` (what `Decimal.writeText` writes with): m with s places.
  const score = (k: number) => {
    buf[at++] = 44;
    const whole = Math.floor(k / S);
    const rest = k - whole * S;
    if (rest % 9 === 0) {
      // Terminates: ten places at most, trailing zeros dropped.
      let f = rest / 9;
      let places = f === 0 ? 0 : 10;
      for (; places > 0 && f % 10 === 0; places--) f /= 10;
      at = writeDigits(buf, at, whole * 10 ** places + f, places);
      return;
    }
    // Ninths: ten places, rounded half-up (never up to a whole one for these values), and “…”.
    at = writeDigits(buf, at, whole * 1e10 + Math.floor(rest / 9 + 0.5), 10);
    buf[at++] = 0xe2;
    buf[at++] = 0x80;
    buf[at++] = 0xa6;
  };
  for (let u = 0; u < ids.length; u++) {
    const id = ids[u];
    for (let i = 0; i < id.length; i++) buf[at++] = id.charCodeAt(i);
    for (const column of scores) score(column[u]);
    buf[at++] = 44;
    at = writeDigits(buf, at, places[u], 0);
    buf.set(gradeBytes[grades[u]], at);
    at += gradeBytes[grades[u]].length;
    if (at > 1 << 20) {
      pieces.push(buf.slice(0, at));
      at = 0;
    }
  }
  pieces.push(buf.slice(0, at));
  return pieces;
}

/** The file cut in two at the line break nearest its middle. */
export function halves(file: string): [Range, Range] {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 16);
  const got = readSync(fd, buf, 0, buf.length, Math.floor(size / 2));
  closeSync(fd);
  const cut = Math.floor(size / 2) + buf.subarray(0, got).indexOf(10) + 1;
  return [
    { start: 0, end: cut, header: true },
    { start: cut, end: size, header: false },
  ];
}

/** Both halves at once, a thread each; the slower one's phases. */
async function inParts(file: string): Promise<Ceiling['ms']> {
  const done = halves(file).map(
    (range) =>
      new Promise<Ceiling['ms']>((resolve, reject) => {
        const w = new Worker(new URL(import.meta.url), { workerData: { file, range } });
        w.once('message', resolve);
        w.once('error', reject);
      }),
  );
  const ms = await Promise.all(done);
  return ms.reduce((a, b) => (a.read + a.score + a.places + a.lines >= b.read + b.score + b.places + b.lines ? a : b));
}

async function main(): Promise<void> {
  const [file, mode = 'all'] = process.argv.slice(2);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let ms: Ceiling['ms'] | undefined;
  if (mode === 'parse') {
    await new Promise<void>((resolve, reject) => {
      const p = parse(CSV_OPTIONS);
      p.on('readable', () => {
        while (p.read() !== null);
      });
      p.on('error', reject);
      p.on('end', resolve);
      createReadStream(file, { highWaterMark: 1 << 20 }).pipe(p);
    });
  } else if (mode === 'parts') ms = await inParts(file);
  else ms = (await typedRun(file)).ms;
  const cpu = process.cpuUsage(cpu0);
  const round = (x: number) => Math.round(x);
  process.stdout.write(JSON.stringify({ mode, wall: round(performance.now() - t0), cpu: round((cpu.user + cpu.system) / 1000), ...(ms && Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, round(v)]))) }) + '\n');
}

if (!isMainThread) {
  const { file, range } = workerData as { file: string; range: Range };
  parentPort!.postMessage((await typedRun(file, range)).ms);
} else if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
