// A large CSV or JSON-lines file scored in parts, one per core: each part's lines are read,
// validated, scored and written out on a thread of their own (run-worker.ts); here, only what
// compares units is worked out, for the units of every part together (merge.ts): the cohort
// values (from what each part's units give), then the places (from every part's totals), then
// the grades that read places (from which units each grade line holds for in each part). The
// results are those of the run on one thread, byte for byte, because this is done only where a
// unit's scores and vetoes follow from its own data and the cohort values, its grade from these
// and the places, and the cohort values from the units' own data (`scoredInParts`). The rows'
// problems are put together as one thread finds them (merge.ts): warnings said after the
// results, errors instead of them (ids that rows of different parts share found by asking each
// part for its rows with the hashes they share). At a failed score, a line the reader cannot
// read or anything else unusual the parts are dropped, before anything is written, and the run
// is made on one thread, which reports it as it always does.
import { closeSync, openSync, readSync } from 'node:fs';
import { availableParallelism, freemem } from 'node:os';
import { extname } from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { readsPlaces, type Lang, type Plan } from '@assess/core';
import { DATA_LIMITS, type Problem } from '@assess/runtime';
import { UsageError } from './args.js';
import { EXIT, type Io } from './io.js';
import type { Section } from './data.js';
import { cohortOfParts, gradesOfParts, partStarts, placeParts, problemsOfParts, repeatsAcrossParts, sharedHashes, warmUpPlaces, type Across, type PartFound, type PartGiven, type PartInputs, type PartScored } from './merge.js';
import { Output } from './output.js';
import { ProgressBar } from './progress.js';
import { JsonUnits, space, type UnitsFrom } from './json-units.js';
import { fileSize, withoutMark, type ByteRange } from './read.js';
import type { Part } from './results.js';

/**
 * Below this size a file is read on one thread unless `--jobs` says otherwise: each part's
 * thread starts cold (its own compiled code, its own collector), which a small file does not
 * repay (measured: a 9 MB CSV of 300,000 rows, 2.43 s in parts against 2.51 s on one thread; a
 * 31 MB one of a million rows, 4.95 s against 6.97 s).
 */
const PARTS_FROM_BYTES = 16 << 20;
/** At most this many parts, however many cores. */
const MAX_PARTS = 8;
/**
 * The memory a run in parts may need for a file of `size` bytes, about (each part's thread
 * holds its own table and scores: measured about 0.85 GB for a million towns with honours lists,
 * a 255 MB JSON-lines file, where one thread needs about 0.75 GB; 0.61 GB for a million CSV rows
 * of six fields, 31 MB, where the bytes tell less: the 0.5 GB covers it).
 */
const partsNeed = (size: number) => 512 * 2 ** 20 + 5 * size;
/** Bytes looked through past a part's share for the line break that ends it. */
const WINDOW = 1 << 20;

/** What a part's thread is given: the scheme, and where its lines are. */
export interface PartJob {
  k: 'part';
  /**
   * Where the part's cohort values come (a scheme with some): the thread waits on `ready`
   * (0: not yet, 1: sent, 2: stop) in the middle of its scoring, then reads them from `answers`.
   */
  answers: MessagePort;
  ready: SharedArrayBuffer;
  plan: Plan.Plan;
  /** Whether the part says what its cohort values are taken over and waits for them (and its groups' sizes). */
  given: boolean;
  /** The scheme compiled to JavaScript (`scorerSource`). */
  scorer: string;
  file: string;
  kind: FileKind;
  /** The CSV header line (for every part but the first, whose range starts with it). */
  header?: ByteRange;
  range: ByteRange;
  /** A part of a .json document: whether it starts or ends the document, and whether the document holds its list in `{"units": …}`. */
  json?: UnitsFrom;
  format: PartsFormat;
  /** For a table's title (a scheme without a name) and its header's words. */
  schemeFile: string;
  lang: Lang;
}

/** The formats of results a run in parts writes (a table's columns aligned over every part's rows). */
export type PartsFormat = 'csv' | 'json' | 'table';

/** A table's columns' widths: a part's (its rows'), or every part's widest, given back. */
export interface Widths {
  k: 'widths';
  widths: number[];
}

/** The part's cohort values and groups' sizes, worked out over every part's units. */
export interface Given {
  k: 'cohort';
  given: PartGiven;
}

/** Each unit's place (−1: none), and which of the run's lines the part writes. */
export interface Placed {
  k: 'places';
  places: Int32Array;
  part: Part;
}

/** Every part's grades where they read places: the part's units' grade lines (−1: none; see merge.ts `gradesOfParts`). */
export interface Graded {
  k: 'grades';
  lineOf: Int16Array;
}

/** A part whose rows have errors: their problems (it is not scored). */
export type Found = { k: 'found' } & PartFound;

/** Which of the part's rows have an id with one of these hashes (ids other parts may have too): answered by `ids`. */
export interface IdsOf {
  k: 'ids of';
  hashes: Float64Array;
}

export type ToMain =
  | { k: 'read'; bytes: number }
  | { k: 'unusual'; why: string }
  | ({ k: 'inputs' } & PartInputs)
  | ({ k: 'scored' } & PartScored)
  | Found
  | { k: 'ids'; rows: Int32Array; ids: string[] }
  | Widths
  | { k: 'holds'; holds: (Uint8Array | null)[] }
  | { k: 'lines'; bytes: Uint8Array; count: number }
  | { k: 'done' };

/** `--jobs N`: how many threads may score a run (1: the run stays on one). */
export function jobsFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]{0,3}$/.test(value)) throw new UsageError(`--jobs must be a whole number from 1 up, not ${value}`);
  return Number(value);
}

/**
 * Threads started for the parts of `dataFile`, while the scheme is still being read (they load
 * their modules meanwhile); undefined when the file is read on one thread: results in a
 * workbook, a file that is not CSV, JSON lines or a .json list, small or more than the free
 * memory allows (unless `--jobs` asks), one core, or no line break where a part would end.
 */
export function startParts(dataFile: string, format: string, jobs: number | undefined): Parts | undefined {
  if (format !== 'csv' && format !== 'json' && format !== 'table') return undefined;
  const kind = FILE_KINDS[extname(dataFile).toLowerCase()];
  if (!kind) return undefined;
  let size: number;
  try {
    size = fileSize(dataFile);
  } catch {
    return undefined;
  }
  // Unless asked, parts only where the machine has room for them.
  const room = Math.min(freemem(), process.constrainedMemory?.() || Infinity);
  const wanted = Math.min(jobs ?? (size >= PARTS_FROM_BYTES && room >= partsNeed(size) ? availableParallelism() : 1), MAX_PARTS);
  if (wanted < 2) return undefined;
  const split = splitFile(dataFile, kind, size, wanted);
  if (!split) return undefined;
  try {
    return new Parts(dataFile, kind, size, split, format);
  } catch {
    // No threads here (the worker's module cannot be loaded): the run stays on one.
    return undefined;
  }
}

/** Up to `length` bytes of an open file from byte `at`. */
const bytesOfFile =
  (fd: number, size: number) =>
  (at: number, length: number): Buffer => {
    const b = Buffer.alloc(Math.max(0, Math.min(length, size - at)));
    return b.subarray(0, readSync(fd, b, 0, b.length, at));
  };

/** The kinds of data file read in parts, by extension. */
const FILE_KINDS: Record<string, FileKind | undefined> = { '.csv': 'csv', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'json' };
export type FileKind = 'csv' | 'jsonl' | 'json';

/** Where each part of a file is: the ranges of its lines (or, in a .json document, of its units), and a CSV's header line. */
export interface Split {
  header?: ByteRange;
  ranges: ByteRange[];
  /** A .json document whose list is held by `{"units": …}`. */
  wrapped?: boolean;
}

/**
 * Where each part's lines are: after its share of the file, at the next line break (CSV: one
 * that can end a record); in a .json document, before the next unit that starts as the first
 * does (see `splitDocument`).
 */
export function splitFile(file: string, kind: FileKind, size: number, wanted: number): Split | undefined {
  if (kind === 'json') return splitDocument(file, size, wanted);
  const csv = kind === 'csv';
  const fd = openSync(file, 'r');
  try {
    const bytesAt = bytesOfFile(fd, size);
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

/**
 * Where each part of a .json list of units is: after its share of the file, just after the
 * comma before the next unit that starts with the same bytes as the first (its brace, the white
 * space after it and its first key: `{"id"`, or `{\n    "id"` in an indented file), which
 * list entries inside a unit seldom do. A cut that is not between two units is found by the
 * parts, which then hand the run back to one thread (see json-units.ts); a document whose first
 * unit has no key, is not in its first megabyte, or that is neither a list nor a record holding
 * one under `units`, is not split.
 */
function splitDocument(file: string, size: number, wanted: number): Split | undefined {
  const fd = openSync(file, 'r');
  try {
    const bytesAt = bytesOfFile(fd, size);
    // Where the first unit is, read as a part's reader reads (other keys of a record first, if
    // any), a few kilobytes at a time: the units after it are not needed (while the threads wait).
    // (After a byte-order mark, if the file has one, as the first part's reader reads it.)
    const head = withoutMark(bytesAt(0, WINDOW));
    const reader = new JsonUnits({ documentStart: true, documentEnd: false }, () => {});
    for (let at = 0; at < head.length && reader.firstUnitAt === undefined; at += 4096) if (!reader.write(head.subarray(at, at + 4096))) break;
    const first = reader.firstUnitAt;
    const key = first === undefined ? null : /^\{[ \t\r\n]*"[^"\\]*"/.exec(head.subarray(first, first + WINDOW).toString('latin1'));
    if (!key) return undefined;
    const unitStart = Buffer.from(key[0], 'latin1');
    const cuts = [0];
    for (let i = 1; i < wanted; i++) {
      const from = Math.max(Math.floor((size * i) / wanted), cuts[cuts.length - 1] + 1);
      const w = bytesAt(from, WINDOW);
      let cut = -1;
      for (let at = w.indexOf(unitStart); at >= 0 && cut < 0; at = w.indexOf(unitStart, at + 1)) {
        let j = at - 1;
        while (j >= 0 && space(w[j])) j--;
        if (j >= 0 && w[j] === 0x2c) cut = from + j + 1;
      }
      if (cut < 0) break;
      cuts.push(cut);
    }
    if (cuts.length < 2) return undefined;
    cuts.push(size);
    return { ranges: cuts.slice(0, -1).map((s, i) => ({ start: s, end: cuts[i + 1] })), wrapped: reader.inRecord };
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
  /** Told of the bytes each thread reads, as they are read. */
  private onRead?: (bytes: number) => void;
  /** Each thread's way to its cohort values (see `PartJob`). */
  private readonly answers: { channel: MessageChannel; ready: Int32Array }[];

  constructor(
    private readonly file: string,
    private readonly kind: FileKind,
    private readonly size: number,
    private readonly split: Split,
    private readonly format: PartsFormat,
  ) {
    // A larger young generation than a thread's default: reading and scoring make many
    // short-lived objects (fewer collections, measured 10–15% faster on CSV). Half as large
    // for JSON lines, whose rows are larger: as fast, and 140 MB less at a million towns with
    // honours lists (0.87 GB at the peak where it was 1.01 GB).
    const young = kind === 'csv' ? 64 : 32;
    this.workers = split.ranges.map(() => new Worker(new URL('./run-worker.js', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: young } }));
    this.inbox = this.workers.map(() => []);
    this.answers = this.workers.map(() => ({ channel: new MessageChannel(), ready: new Int32Array(new SharedArrayBuffer(4)) }));
    this.workers.forEach((w, i) => {
      w.on('message', (m: ToMain) => this.deliver(i, m));
      // A thread that cannot start or stops: the run goes back to one thread (or, once
      // results are being written, ends with the error).
      w.on('error', (e) => this.deliver(i, { k: 'unusual', why: `the thread failed: ${e.message}` }));
      w.on('exit', () => this.deliver(i, { k: 'unusual', why: 'the thread stopped' }));
    });
  }

  private deliver(i: number, m: ToMain): void {
    if (m.k === 'read') return this.onRead?.(m.bytes);
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
    // A thread waiting for its cohort values stops waiting.
    for (const a of this.answers) {
      Atomics.store(a.ready, 0, 2);
      Atomics.notify(a.ready, 0);
    }
    for (const w of this.workers) {
      w.removeAllListeners('exit');
      void w.terminate();
    }
  }

  /**
   * Score the run in parts and write its results; undefined (the threads stopped, nothing
   * written) when the run is to be made on one thread instead. `inParts`: the scheme compiled
   * to JavaScript (`scorerSource`) and whether its parts are given cohort values
   * (`givenInParts`); undefined where it cannot be scored in parts (`scoredInParts`).
   */
  async run(plan: Plan.Plan, schemeFile: string, inParts: { scorer: string; given: boolean } | undefined, io: Io, lang: Lang, started: number, say: (problems: Problem[], sections: Section[], rows: number) => void): Promise<number | undefined> {
    // ASSESS_DEBUG: say on stderr whether the run was made in parts, and if not, why (=time: also when each step ends).
    const debug = (s: string) => void (io.env.ASSESS_DEBUG && io.stderr.write(`assess: ${s}\n`));
    const time = (what: string) => io.env.ASSESS_DEBUG === 'time' && debug(`${what} at ${(process.uptime() * 1000).toFixed(0)} ms`);
    const giveUp = (why: string) => {
      debug(`one thread: ${why}`);
      this.stop();
      return undefined;
    };
    if (!inParts) return giveUp('the scheme compares units in a way parts cannot be given');
    const { ranges, header, wrapped } = this.split;
    const { scorer, given } = inParts;
    ranges.forEach((range, i) => {
      const { channel, ready } = this.answers[i];
      const job: PartJob = { k: 'part', answers: channel.port2, ready: ready.buffer as SharedArrayBuffer, plan, given, scorer, file: this.file, kind: this.kind, header: i > 0 ? header : undefined, range, format: this.format, schemeFile, lang };
      if (this.kind === 'json') job.json = { documentStart: i === 0, documentEnd: i === ranges.length - 1, wrapped };
      this.workers[i].postMessage(job, [channel.port2]);
    });
    time('parts given their work');
    // While the parts read, the code that places their units is compiled (see warmUpPlaces).
    warmUpPlaces(plan);
    const bar = new ProgressBar(io, lang === 'zh' ? '读取数据' : 'reading data', started);
    let read = 0;
    this.onRead = (bytes) => bar.update((read += bytes), this.size);
    /**
     * One message of kind `k` from every part, or (reading done) the problems of its rows (a part
     * with errors is not scored); why not, as soon as a part has something else to say.
     */
    const fromEvery = <K extends 'inputs' | 'scored' | 'ids' | 'holds' | 'widths'>(k: K): Promise<(Extract<ToMain, { k: K }> | Found)[] | string> =>
      new Promise((resolve) => {
        const got: (Extract<ToMain, { k: K }> | Found)[] = [];
        let left = ranges.length;
        ranges.forEach((_, i) =>
          this.next(i).then((m) => {
            if (m.k !== k && m.k !== 'found') return resolve(`part ${i + 1}: ${m.k === 'unusual' ? m.why : m.k}`);
            got[i] = m as Extract<ToMain, { k: K }> | Found;
            if (--left === 0) resolve(got);
          }),
        );
      });
    /** The parts' problems said, with where each part's rows start (for pointing at them) and how many rows there are. */
    const sayOf = (problems: Problem[], parts: readonly { n: number }[]) => {
      const starts = partStarts(parts);
      say(problems, parts.map((_, i) => ({ row: starts[i], byte: i === 0 ? 0 : ranges[i].start })), parts.reduce((n, p) => n + p.n, 0));
    };
    /** Errors in the rows: said as one thread says them, every part's together (`across`: ids rows of different parts share), and nothing scored. */
    const sayErrors = (parts: readonly (PartFound & { n: number })[], across?: Across) => {
      if (parts.reduce((n, p) => n + p.n, 0) > DATA_LIMITS.maxUnits) return giveUp('too many units');
      debug(`${parts.length} parts`);
      this.stop();
      sayOf(problemsOfParts(parts, across), parts);
      return EXIT.userError;
    };
    /** The ids rows of different parts share, asked of the parts (each hands over its rows whose ids have a hash another part's have). */
    const idsAcross = async (parts: readonly { n: number; ids: Float64Array }[]): Promise<Across | undefined | string> => {
      const hashes = sharedHashes(parts.map((p) => p.ids));
      if (hashes.length === 0) return undefined;
      this.workers.forEach((w) => w.postMessage({ k: 'ids of', hashes } satisfies IdsOf));
      // (Every part has handed over its rows' problems already: no `found` comes now.)
      const found = await fromEvery('ids');
      if (typeof found === 'string') return found;
      const across = repeatsAcrossParts(found as Extract<ToMain, { k: 'ids' }>[], partStarts(parts));
      // (Only the same hash of different ids: none.)
      return across.repeats.length > 0 ? across : undefined;
    };
    // With cohort values, each part first says what they are taken over, and is given them.
    const inputs = given ? await fromEvery('inputs') : [];
    if (typeof inputs !== 'string' && inputs.some((m) => m.k === 'found')) {
      // (The parts that wait for their cohort values cannot be asked for their ids.)
      if (sharedHashes(inputs.map((p) => p.ids)).length > 0) return giveUp('an id two parts may share');
      return sayErrors(inputs);
    }
    if (typeof inputs !== 'string' && inputs.length > 0)
      cohortOfParts(plan, inputs as PartInputs[]).forEach((given, i) => {
        const { channel, ready } = this.answers[i];
        channel.port1.postMessage({ k: 'cohort', given } satisfies Given);
        Atomics.store(ready, 0, 1);
        Atomics.notify(ready, 0);
      });
    const got = typeof inputs === 'string' ? inputs : await fromEvery('scored');
    time('every part scored');
    bar.stop();
    if (typeof got === 'string') return giveUp(got);
    const across = await idsAcross(got);
    if (typeof across === 'string') return giveUp(across);
    if (across || got.some((m) => m.k === 'found')) return sayErrors(got, across);
    const parts = got as PartScored[];
    const placed = placeParts(plan, parts);
    time('places worked out');
    if (typeof placed === 'string') return giveUp(placed);
    debug(`${parts.length} parts`);
    const n = placed.length;
    const lastWithUnits = parts.reduce((last, p, i) => (p.n > 0 ? i : last), -1);
    const starts = partStarts(parts);
    // The rows' warnings, as one thread gives them, once the results are written and the threads
    // let go of their tables: pointing into a large file reads its text (a million JSON lines: 0.5
    // GB more at the peak when said first).
    const warnings = problemsOfParts(parts);
    parts.forEach((p, i) => {
      const places = placed.slice(starts[i], starts[i] + p.n);
      const part: Part = { head: i === 0, tail: i === parts.length - 1, lastUnit: i === lastWithUnits, n };
      this.workers[i].postMessage({ k: 'places', places, part } satisfies Placed, [places.buffer]);
    });
    if (readsPlaces(plan)) {
      // Grades that read places: which units each grade line holds for, from every part, and the
      // grades worked out over every part's units given back.
      const holding = await fromEvery('holds');
      if (typeof holding === 'string') return giveUp(holding);
      const lineOf = gradesOfParts(plan, parts, placed, (holding as Extract<ToMain, { k: 'holds' }>[]).map((m) => m.holds));
      time('grades worked out');
      parts.forEach((p, i) => {
        const mine = lineOf.slice(starts[i], starts[i] + p.n);
        this.workers[i].postMessage({ k: 'grades', lineOf: mine } satisfies Graded, [mine.buffer]);
      });
    }
    if (this.format === 'table') {
      // Each part's widths, and the widest of all given back.
      const measured = await fromEvery('widths');
      if (typeof measured === 'string') throw new Error(`${measured}: the run stopped while measuring its results`);
      const widths: number[] = [];
      for (const m of measured as Widths[]) m.widths.forEach((w, j) => (widths[j] = Math.max(widths[j] ?? 0, w)));
      for (const w of this.workers) w.postMessage({ k: 'widths', widths } satisfies Widths);
    }
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
    if (warnings.length > 0) sayOf(warnings, parts);
    return EXIT.ok;
  }
}
