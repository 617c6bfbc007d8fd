// One part of a large `assess run`, on its own thread (see parts.ts): read and validate the
// part's lines, score its units, and hand back what placing every part's units together
// needs; then, given the places, make the part's result lines and hand them back as bytes.
// Anything but clean data (a problem in a row, a failed score, a line the reader gives up on)
// is only reported as unusual: the run is then made again on one thread, which says what is
// wrong exactly where it always does.
import { parentPort } from 'node:worker_threads';
import { fieldNamer } from '@assess/core/rows';
import { TableBuilder, scoresToWire, wireBuffers } from '@assess/runtime';
import type { PartJob, Placed, ToMain } from './parts.js';
import { csvRecords, readCsv, readJsonLines } from './read.js';
import { csvLines, jsonLines, type Scoring } from './results.js';
import { scorerFrom } from './scorer-from.js';

/** Bytes of result lines handed over at a time (about). */
const PIECE = 1 << 20;

const port = parentPort!;
const post = (m: ToMain, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
let scored: { job: PartJob; scoring: Scoring } | undefined;

port.on('message', (m: PartJob | Placed) => {
  if (m.k === 'part') void score(m);
  else if (scored) write(scored, m);
});

async function score(job: PartJob): Promise<void> {
  const { plan, file } = job;
  // A part after the first reads the file's header line, then its own lines: the header must
  // be one whole record on its own (the part before this one ends where its lines end, or
  // says it could not).
  if (job.header) {
    let records = 0;
    if ((await csvRecords(file, () => records++, undefined, [job.header])) || records !== 1) return post({ k: 'unusual', why: 'a header line that is not one record' });
  }
  const b = new TableBuilder(plan);
  let told = 0;
  const progress = (bytes: number) => {
    post({ k: 'read', bytes: bytes - told });
    told = bytes;
  };
  const ranges = job.header ? [job.header, job.range] : [job.range];
  const read = job.csv ? await readCsv(file, plan, b, progress, ranges) : await readJsonLines(file, fieldNamer(plan), b, progress, ranges);
  if (read.problems.length > 0) return post({ k: 'unusual', why: 'lines the reader gave up on' });
  const { table, problems } = b.finish();
  if (problems.length > 0) return post({ k: 'unusual', why: 'problems in the rows' });
  const scoring = scorerFrom(job.scorer).scoreTable(table);
  if (scoring.diagnostics.length > 0) return post({ k: 'unusual', why: 'scores that failed' });
  scored = { job, scoring };
  const col = scoring.columns;
  const totals = scoresToWire(col.totals);
  // Copies: the part's own columns are still needed for its lines.
  const eligible = col.eligible.slice();
  const vetoed = Uint8Array.from(col.vetoes, (v) => (v.length > 0 ? 1 : 0));
  // Sorted here, on each part's thread, so that ids two parts share are found by merging.
  const ids = idHashes(scoring.ids).sort();
  const groups = col.groups && { of: col.groups.of.slice(), keys: col.groups.keys };
  const moved = [eligible, vetoed, ids, ...(groups ? [groups.of] : [])].map((a) => a.buffer as ArrayBuffer);
  post({ k: 'scored', n: scoring.n, ids, totals, eligible, vetoed, groups }, [...wireBuffers(totals), ...moved]);
}

function write({ job, scoring }: { job: PartJob; scoring: Scoring }, m: Placed): void {
  const places = scoring.columns.places;
  for (let u = 0; u < scoring.n; u++) places[u] = m.places[u] < 0 ? null : m.places[u];
  const lines = job.format === 'csv' ? csvLines(job.plan, scoring, m.part) : jsonLines(job.plan, scoring, m.part);
  // Each line is encoded into the piece as it is made (twice as fast as encoding pieces of text
  // made by joining lines). A UTF-16 code unit is at most 3 bytes of UTF-8.
  let piece = Buffer.allocUnsafeSlow(2 * PIECE);
  let at = 0;
  let count = 0;
  const hand = (room: number) => {
    if (at > 0) post({ k: 'lines', bytes: piece.subarray(0, at), count }, [piece.buffer as ArrayBuffer]);
    piece = Buffer.allocUnsafeSlow(Math.max(2 * PIECE, room));
    at = 0;
    count = 0;
  };
  for (const line of lines) {
    const room = 3 * line.length + 1;
    if (at + room > piece.length) hand(room);
    at += piece.write(line, at);
    piece[at++] = 10;
    count++;
    if (at >= PIECE) hand(0);
  }
  hand(0);
  post({ k: 'done' });
}

/**
 * Each id as a 52-bit hash (two 32-bit FNV-1a hashes of its UTF-16 code units), for finding
 * ids that two parts share without handing over the ids: equal hashes send the run back to one
 * thread, which reports the duplicate (or finds there was none).
 */
function idHashes(ids: readonly string[]): Float64Array {
  const out = new Float64Array(ids.length);
  for (let u = 0; u < ids.length; u++) {
    const s = ids[u];
    let a = 0x811c9dc5;
    let b = 0x050c5d1f;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
    out[u] = (a >>> 0) * 0x100000 + (b >>> 12);
  }
  return out;
}
