// A large CSV or JSON-lines file scored in parts, one per core: each part's lines are read,
// validated, scored and written out on a thread of their own (run-worker.ts), and only the
// places are worked out here, for the units of every part together. The results are those of
// the run on one thread, byte for byte, because this is done only where a unit's scores,
// vetoes and grade come from its own data alone (`scoredUnitByUnit`: nothing but places
// compares units) and the data is clean: at a problem in any row, a failed score, an id two
// parts share or anything else unusual the parts are dropped, before anything is written, and
// the run is made on one thread, which reports it as it always does.
import { closeSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { scoredUnitByUnit, type Lang, type Plan } from '@assess/core';
import { DATA_LIMITS, groupUnits, placeUnits, scoresFromWire, type Decimal, type Groups, type ScoresOnWire } from '@assess/runtime';
import { UsageError } from './args.js';
import { EXIT, type Io } from './io.js';
import { Output } from './output.js';
import { ProgressBar } from './progress.js';
import { fileSize, type ByteRange } from './read.js';
import type { Part } from './results.js';
import { scorerSource } from './scorer.js';

/** Below this size a file is read on one thread unless `--jobs` says otherwise: starting threads would cost more than they save. */
const PARTS_FROM_BYTES = 4 << 20;
/** At most this many parts, however many cores. */
const MAX_PARTS = 8;
/** Bytes looked through past a part's share for the line break that ends it. */
const WINDOW = 1 << 20;

/** What a part's thread is given: the scheme, and where its lines are. */
export interface PartJob {
  k: 'part';
  plan: Plan.Plan;
  /** The scheme compiled to JavaScript (`scorerSource`). */
  scorer: string;
  file: string;
  csv: boolean;
  /** The CSV header line (for every part but the first, whose range starts with it). */
  header?: ByteRange;
  range: ByteRange;
  format: 'csv' | 'json';
}

/** Each unit's place (−1: none), and which of the run's lines the part writes. */
export interface Placed {
  k: 'places';
  places: Int32Array;
  part: Part;
}

export type ToMain =
  | { k: 'read'; bytes: number }
  | { k: 'unusual'; why: string }
  | { k: 'scored'; n: number; ids: Float64Array; totals: ScoresOnWire; eligible: Uint8Array; vetoed: Uint8Array; groups?: { of: Uint32Array; keys: string[] } }
  | { k: 'lines'; bytes: Uint8Array; count: number }
  | { k: 'done' };

type Scored = Extract<ToMain, { k: 'scored' }>;

/** `--jobs N`: how many threads may score a run (1: the run stays on one). */
export function jobsFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]{0,3}$/.test(value)) throw new UsageError(`--jobs must be a whole number from 1 up, not ${value}`);
  return Number(value);
}

/**
 * Threads started for the parts of `dataFile`, while the scheme is still being read (they load
 * their modules meanwhile); undefined when the file is read on one thread: not CSV or JSON
 * lines, small (unless `--jobs` asks), one core, or no line break where a part would end.
 */
export function startParts(dataFile: string, format: string, jobs: number | undefined): Parts | undefined {
  if (format !== 'csv' && format !== 'json') return undefined;
  const ext = extname(dataFile).toLowerCase();
  const csv = ext === '.csv';
  if (!csv && ext !== '.jsonl' && ext !== '.ndjson') return undefined;
  let size: number;
  try {
    size = fileSize(dataFile);
  } catch {
    return undefined;
  }
  const wanted = Math.min(jobs ?? (size >= PARTS_FROM_BYTES ? availableParallelism() : 1), MAX_PARTS);
  if (wanted < 2) return undefined;
  const split = splitFile(dataFile, csv, size, wanted);
  if (!split) return undefined;
  try {
    return new Parts(dataFile, csv, size, split, format);
  } catch {
    // No threads here (the worker's module cannot be loaded): the run stays on one.
    return undefined;
  }
}

/** Where each part's lines are: after its share of the file, at the next line break (CSV: one that can end a record). */
export function splitFile(file: string, csv: boolean, size: number, wanted: number): { header?: ByteRange; ranges: ByteRange[] } | undefined {
  const fd = openSync(file, 'r');
  try {
    const bytesAt = (at: number, length: number) => {
      const b = Buffer.alloc(Math.max(0, Math.min(length, size - at)));
      return b.subarray(0, readSync(fd, b, 0, b.length, at));
    };
    let header: ByteRange | undefined;
    let crlf = false;
    if (csv) {
      // The header line ends at its first line break; a carriage return elsewhere in it would
      // make the reader take that for the line break instead (then the file is not split).
      const head = bytesAt(0, WINDOW);
      const nl = head.indexOf(10);
      const cr = head.indexOf(13);
      if (nl < 0 || (cr >= 0 && cr < nl - 1)) return undefined;
      crlf = cr === nl - 1;
      header = { start: 0, end: nl + 1 };
    }
    const first = header?.end ?? 0;
    const cuts = [first];
    for (let i = 1; i < wanted; i++) {
      const share = first + Math.floor(((size - first) * i) / wanted);
      // From the byte before: a part is at least one byte, and a cut follows a line break.
      const from = Math.max(share, cuts[cuts.length - 1], 1) - 1;
      // With CRLF line breaks a lone LF is a character of a cell, not the end of a line.
      const w = bytesAt(from, WINDOW);
      let at = w.indexOf(10, 1);
      while (at >= 0 && crlf && w[at - 1] !== 13) at = w.indexOf(10, at + 1);
      if (at < 0) break;
      const cut = from + at + 1;
      if (cut >= size) break;
      cuts.push(cut);
    }
    if (cuts.length < 2) return undefined;
    cuts.push(size);
    const ranges = cuts.slice(0, -1).map((start, i) => ({ start: i === 0 ? 0 : start, end: cuts[i + 1] }));
    return { header, ranges };
  } finally {
    closeSync(fd);
  }
}

/** The threads of a run in parts. */
export class Parts {
  private readonly workers: Worker[];
  /** Each thread's messages, in order, and who waits for the next. */
  private readonly inbox: ToMain[][];
  private readonly waiting: ((m: ToMain) => void)[] = [];
  private failed = false;

  constructor(
    private readonly file: string,
    private readonly csv: boolean,
    private readonly size: number,
    private readonly split: { header?: ByteRange; ranges: ByteRange[] },
    private readonly format: 'csv' | 'json',
  ) {
    // A larger young generation than a thread's default: reading and scoring make many
    // short-lived objects (fewer collections, measured 10–15% faster).
    this.workers = split.ranges.map(() => new Worker(new URL('./run-worker.js', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 64 } }));
    this.inbox = this.workers.map(() => []);
    this.workers.forEach((w, i) => {
      w.on('message', (m: ToMain) => this.deliver(i, m));
      // A thread that cannot start or stops: the run goes back to one thread (or, once
      // results are being written, ends with the error).
      w.on('error', (e) => this.deliver(i, { k: 'unusual', why: `the thread failed: ${e.message}` }));
      w.on('exit', () => this.deliver(i, { k: 'unusual', why: 'the thread stopped' }));
    });
  }

  private deliver(i: number, m: ToMain): void {
    const wait = this.waiting[i];
    if (wait) {
      delete this.waiting[i];
      wait(m);
    } else this.inbox[i].push(m);
  }

  private next(i: number): Promise<ToMain> {
    const m = this.inbox[i].shift();
    return m ? Promise.resolve(m) : new Promise((resolve) => (this.waiting[i] = resolve));
  }

  stop(): void {
    for (const w of this.workers) {
      w.removeAllListeners('exit');
      void w.terminate();
    }
  }

  /**
   * Score the run in parts and write its results; undefined (the threads stopped, nothing
   * written) when the run is to be made on one thread instead.
   */
  async run(plan: Plan.Plan, io: Io, lang: Lang, started: number): Promise<number | undefined> {
    // ASSESS_DEBUG: say on stderr whether the run was made in parts, and if not, why.
    const debug = (s: string) => void (io.env.ASSESS_DEBUG && io.stderr.write(`assess: ${s}\n`));
    const giveUp = (why: string) => {
      debug(`one thread: ${why}`);
      this.stop();
      return undefined;
    };
    if (!scoredUnitByUnit(plan)) return giveUp('units are compared by more than places');
    const { ranges, header } = this.split;
    const scorer = scorerSource(plan);
    ranges.forEach((range, i) => this.workers[i].postMessage({ k: 'part', plan, scorer, file: this.file, csv: this.csv, header: i > 0 ? header : undefined, range, format: this.format } satisfies PartJob));
    const bar = new ProgressBar(io, lang === 'zh' ? '读取数据' : 'reading data', started);
    let read = 0;
    const parts: Scored[] = [];
    for (let i = 0; i < ranges.length; i++) {
      for (;;) {
        const m = await this.next(i);
        if (m.k === 'read') bar.update((read += m.bytes), this.size);
        else if (m.k === 'scored') {
          parts.push(m);
          break;
        } else {
          bar.stop();
          return giveUp(`part ${i + 1}: ${m.k === 'unusual' ? m.why : m.k}`);
        }
      }
    }
    bar.stop();
    const placed = placeParts(plan, parts);
    if (typeof placed === 'string') return giveUp(placed);
    debug(`${parts.length} parts`);
    const n = placed.length;
    const lastWithUnits = parts.reduce((last, p, i) => (p.n > 0 ? i : last), -1);
    let offset = 0;
    parts.forEach((p, i) => {
      const places = placed.slice(offset, offset + p.n);
      offset += p.n;
      const part: Part = { head: i === 0, tail: i === parts.length - 1, lastUnit: i === lastWithUnits, n };
      this.workers[i].postMessage({ k: 'places', places, part } satisfies Placed, [places.buffer]);
    });
    const out = new Output(io);
    const writing = new ProgressBar(io, lang === 'zh' ? '写出结果' : 'writing results', started);
    let written = 0;
    for (let i = 0; i < parts.length; i++) {
      for (;;) {
        const m = await this.next(i);
        if (m.k === 'done') break;
        if (m.k !== 'lines') throw new Error(`part ${i} of the run stopped while writing its results`);
        await out.bytes(m.bytes);
        writing.update(Math.min((written += m.count), n), n);
      }
    }
    writing.stop();
    this.stop();
    return EXIT.ok;
  }

}

/**
 * Every unit's place (−1: none), the parts' units in order, as one run would place them; why not,
 * when the parts cannot be put together as they are.
 */
function placeParts(plan: Plan.Plan, parts: readonly Scored[]): Int32Array | string {
  const n = parts.reduce((sum, p) => sum + p.n, 0);
  if (n === 0) return 'no units';
  if (n > DATA_LIMITS.maxUnits) return 'too many units';
  if (sharedIds(parts.map((p) => p.ids))) return 'an id two parts may share';
  const eligible = new Uint8Array(n);
  const vetoed = new Uint8Array(n);
  const totals: (Decimal | null)[] = new Array(n);
  let at = 0;
  for (const p of parts) {
    eligible.set(p.eligible, at);
    vetoed.set(p.vetoed, at);
    const t = scoresFromWire(p.totals);
    for (let u = 0; u < p.n; u++) totals[at + u] = t[u];
    at += p.n;
  }
  const groups = plan.within ? groupsOfParts(parts, n, eligible) : groupUnits(n, eligible);
  const places = placeUnits(groups, eligible, vetoed, totals, plan.places);
  const out = new Int32Array(n);
  for (let u = 0; u < n; u++) out[u] = places[u] ?? -1;
  return out;
}

/** Whether two of the parts' sorted id hashes (each part's ids are distinct) have one in common. */
function sharedIds(sorted: readonly Float64Array[]): boolean {
  let seen = sorted[0];
  for (const next of sorted.slice(1)) {
    const merged = new Float64Array(seen.length + next.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < seen.length && j < next.length) {
      if (seen[i] === next[j]) return true;
      merged[k++] = seen[i] < next[j] ? seen[i++] : next[j++];
    }
    while (i < seen.length) merged[k++] = seen[i++];
    while (j < next.length) merged[k++] = next[j++];
    seen = merged;
  }
  return false;
}

/** The groups (`within X`) of every part's units together: each unit's key, as its part's groups have it. */
function groupsOfParts(parts: readonly Scored[], n: number, eligible: Uint8Array): Groups {
  const keyOf: string[] = new Array(n);
  let at = 0;
  for (const p of parts) {
    const { of, keys } = p.groups!;
    for (let u = 0; u < p.n; u++) keyOf[at + u] = keys[of[u]];
    at += p.n;
  }
  return groupUnits(n, eligible, (u) => keyOf[u]);
}
