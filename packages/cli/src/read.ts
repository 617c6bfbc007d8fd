// Reading a data file in chunks, row by row, into the runtime's TableBuilder: CSV through
// csv-parse, JSON lines (.jsonl) a line at a time, a .json document a unit at a time (see
// json-units.ts). No row is kept after it is validated: the table holds the values column by
// column.
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Plan } from '@assess/core';
import { fieldNamer, unitHeaders } from '@assess/core/rows';
import { TableBuilder, csvRecord } from '@assess/runtime';
import { JsonUnits, type UnitsFrom } from './json-units.js';

/** How `assess run` reads CSV; `pnpm bench` times csv-parse alone with the same options. */
export const CSV_OPTIONS = { bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true } as const;

const CHUNK = 1 << 20;

/** A problem with the file as a whole (the rows' problems are the builder's). */
export type FileProblem = { k: 'badJsonLine'; line: number; at: number } | { k: 'badCsv'; line: number };

export type Progress = (bytesRead: number) => void;

export const fileSize = (file: string) => statSync(file).size;

/** Bytes `start` (inclusive) to `end` (exclusive) of a file. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * A file's bytes, or only the given ranges of it one after the other (a part of a file read on
 * its own thread: its CSV header line, then its own lines).
 */
function bytesOf(file: string, ranges?: readonly ByteRange[]): Readable {
  if (!ranges) return createReadStream(file, { highWaterMark: CHUNK });
  return Readable.from(
    (async function* () {
      for (const r of ranges) if (r.end > r.start) yield* createReadStream(file, { highWaterMark: CHUNK, start: r.start, end: r.end - 1 });
    })(),
    { objectMode: false },
  );
}

/** Every record of a CSV file, in order, as its cells; undefined, or where the reader gave up. */
export function csvRecords(file: string, onRecord: (cells: string[]) => void, progress?: Progress, ranges?: readonly ByteRange[]): Promise<{ line: number } | undefined> {
  // Let go of when done: the streams may outlive the reading (the parser did, past a whole run,
  // and through its listeners kept the caller's table: about 100 MB of a million CSV rows). (Not named
  // in the closures below, which would keep it.)
  const to: { sink?: (cells: string[]) => void } = { sink: onRecord };
  return new Promise((resolve, reject) => {
    const input = bytesOf(file, ranges);
    const parser = parse(CSV_OPTIONS);
    let bytes = 0;
    input.on('data', (chunk: Buffer) => progress?.((bytes += chunk.length)));
    input.on('error', reject);
    parser.on('readable', () => {
      for (let r: string[] | null = parser.read(); r !== null; r = parser.read()) to.sink?.(r);
    });
    parser.on('error', (e: { lines?: number }) => {
      to.sink = undefined;
      input.destroy();
      resolve({ line: e.lines ?? parser.info.lines });
    });
    parser.on('end', () => {
      to.sink = undefined;
      resolve(undefined);
    });
    input.pipe(parser);
  });
}

/** Every line of a text file, in order, with its line number and UTF-16 offset. */
export function textLines(file: string, onLine: (line: string, number: number, at: number) => void, progress?: Progress, ranges?: readonly ByteRange[]): Promise<void> {
  // (Let go of when done, as csvRecords's.)
  const to: { lines?: Lines } = { lines: new Lines(onLine, !ranges || ranges[0]?.start === 0) };
  return new Promise((resolve, reject) => {
    const input = bytesOf(file, ranges);
    let bytes = 0;
    input.on('data', (piece: Buffer) => {
      progress?.((bytes += piece.length));
      to.lines?.write(piece);
    });
    input.on('error', reject);
    input.on('end', () => {
      to.lines?.end();
      to.lines = undefined;
      resolve();
    });
  });
}

/**
 * The lines of UTF-8 text given in pieces of any size: each line with its number and its UTF-16
 * offset in the text, without its line break (`\n`, or `\r\n`), and at the start of a file
 * (`fileStart`) without a byte-order mark (a file saved as "UTF-8 with BOM": its first line then
 * starts at offset 1; dropped from the decoded line, so that it is found however the first bytes
 * are cut, where `withoutMark` looks at a first piece). Lines are found in the bytes (no byte of a
 * UTF-8 character is a line break) and each is decoded on its own: no decoded copy of every piece
 * to cut the lines from (reading and parsing 500,000 JSON lines of towns: 2.44–3.06 s → 2.14–2.57
 * s).
 */
export class Lines {
  /** The bytes of a line not yet ended, from the pieces before (joined once, when it ends). */
  private rest: Buffer[] = [];
  private number = 0;
  private at = 0;

  constructor(
    private readonly onLine: (line: string, number: number, at: number) => void,
    private readonly fileStart = false,
  ) {}

  write(piece: Buffer): void {
    let start = 0;
    if (this.rest.length > 0) {
      const nl = piece.indexOf(10);
      if (nl < 0) {
        this.rest.push(piece);
        return;
      }
      this.rest.push(piece.subarray(0, nl));
      this.emit(Buffer.concat(this.rest).toString('utf8'));
      this.rest = [];
      start = nl + 1;
    }
    for (let nl = piece.indexOf(10, start); nl >= 0; nl = piece.indexOf(10, start)) {
      this.emit(piece.toString('utf8', start, nl));
      start = nl + 1;
    }
    if (start < piece.length) this.rest.push(piece.subarray(start));
  }

  /** The last line, when the text does not end with a line break. */
  end(): void {
    if (this.rest.length > 0) this.emit(Buffer.concat(this.rest).toString('utf8'));
    this.rest = [];
  }

  private emit(line: string): void {
    const mark = this.number === 0 && this.fileStart && line.charCodeAt(0) === 0xfeff ? 1 : 0;
    const text = line.endsWith('\r') ? line.slice(mark, -1) : mark ? line.slice(mark) : line;
    this.onLine(text, ++this.number, this.at + mark);
    this.at += line.length + 1;
  }
}

/** A document's units into a builder (its keys through `keys`). */
const unitsInto = (from: UnitsFrom, b: TableBuilder, keys: (row: unknown) => unknown) => new JsonUnits(from, (unit) => b.addRecord(keys(unit)));

/** UTF-8's byte-order mark. */
const MARK = Buffer.from([0xef, 0xbb, 0xbf]);

/** The first bytes of a file without its byte-order mark, if it has one (a file saved as "UTF-8 with BOM"). */
export const withoutMark = (head: Buffer): Buffer => (head.subarray(0, 3).equals(MARK) ? head.subarray(3) : head);

/** What reading gave: problems with the file. */
export interface Read {
  problems: FileProblem[];
}

/** The list fields some of whose entry fields have labels. */
const labelledLists = (plan: Pick<Plan.Plan, 'inputs'>) => new Set(plan.inputs.flatMap((f) => (f.type.k === 'list' && f.type.fields.some((e) => e.label !== undefined) ? [f.name] : [])));

/** A CSV file into the builder, a record at a time. */
export async function readCsv(file: string, plan: Pick<Plan.Plan, 'inputs' | 'unitLabels'>, b: TableBuilder, progress?: Progress, ranges?: readonly ByteRange[]): Promise<Read> {
  let add: ((cells: string[]) => void) | undefined;
  const gaveUp = await csvRecords(
    file,
    (cells) => {
      if (!add) {
        // The header line: field names or labels (core's header mapping), then how cells map
        // to fields (each line as a record when two columns name the same field).
        // A list cell's entries may be keyed by labels too: then each line is a record renamed by
        // core (`fieldNamer`), as a JSON file's units are.
        const keys = unitHeaders(plan).columns(cells).map((c) => c.key);
        const lists = new Set(b.listFields());
        const labelled = labelledLists(plan);
        const layout = keys.some((k) => labelled.has(k)) ? undefined : b.csvLayout(keys);
        const named = fieldNamer(plan);
        add = layout ? (row) => b.addCells(row, layout) : (row) => b.addRecord(named(csvRecord(keys, row, lists)));
        return;
      }
      // A line of empty cells is no unit.
      for (const c of cells) if (c !== '') return add(cells);
    },
    progress,
    ranges,
  );
  return { problems: gaveUp ? [{ k: 'badCsv', line: gaveUp.line }] : [] };
}

/**
 * A JSON-lines file into the builder: one unit per line (its keys through `keys`: labels to field
 * names); blank lines are skipped. `rowStarts`, when given, gets each row's UTF-16 offset in the
 * file (for messages that point at a row).
 */
export async function readJsonLines(file: string, keys: (row: unknown) => unknown, b: TableBuilder, progress?: Progress, ranges?: readonly ByteRange[], rowStarts?: number[]): Promise<Read> {
  const problems: FileProblem[] = [];
  await textLines(
    file,
    (line, number, at) => {
      if (line.trim() === '') return;
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        problems.push({ k: 'badJsonLine', line: number, at });
        return;
      }
      rowStarts?.push(at);
      b.addRecord(keys(row));
    },
    progress,
    ranges,
  );
  return { problems };
}

/**
 * The units of a .json document into the builder, a unit at a time (see json-units.ts): false
 * when the file is not what is streamed (another shape, a byte out of place): then read it as
 * one document, into a new builder.
 */
export function readJsonUnits(file: string, keys: (row: unknown) => unknown, b: TableBuilder, progress?: Progress, ranges?: readonly ByteRange[], from: UnitsFrom = { documentStart: true, documentEnd: true }): Promise<boolean> {
  // (The builder let go of when done, as csvRecords's caller's: named only in `unitsInto`.)
  const to: { units?: JsonUnits } = { units: unitsInto(from, b, keys) };
  return new Promise((resolve, reject) => {
    const input = bytesOf(file, ranges);
    let bytes = 0;
    input.on('data', (piece: Buffer) => {
      // (A byte-order mark before the document is no part of it: `withoutMark`.)
      const first = bytes === 0 && from.documentStart;
      progress?.((bytes += piece.length));
      if (to.units?.write(first ? withoutMark(piece) : piece)) return;
      to.units = undefined;
      input.destroy();
      resolve(false);
    });
    input.on('error', reject);
    input.on('end', () => {
      const whole = to.units?.end() ?? false;
      to.units = undefined;
      resolve(whole);
    });
  });
}
