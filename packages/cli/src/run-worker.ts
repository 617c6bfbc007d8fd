// One part of a large `assess run`, on its own thread (see parts.ts): read and validate the
// part's lines, score its units, and hand back what placing every part's units together
// needs (and its rows' warnings); then, given the places (and, where grade lines read them, the
// grades worked out over every part's units), make the part's result lines and hand them back
// as bytes. Rows with errors: their problems are handed back instead, to be said with
// every part's. Anything else (a failed score, a line the reader gives up on) is only reported as
// unusual: the run is then made again on one thread, which says what is wrong exactly where it
// always does.
import { parentPort, receiveMessageOnPort, threadId } from 'node:worker_threads';
import { fieldNamer } from '@assess/core/rows';
import { idHash, TableBuilder, wireBuffers } from '@assess/runtime';
import { LineBytes, stringLines, writeLines } from './bytes.js';
import { givenFromWire, inputsToWire, partProblems, partScored, placeInto, mergeable, type PartInputs } from './merge.js';
import type { Given, Graded, IdsOf, PartJob, Placed, ToMain, Widths } from './parts.js';
import { csvRecords, readCsv, readJsonLines, readJsonUnits } from './read.js';
import { csvLines, jsonLines, tableWidths, textLines, type Scoring } from './results.js';
import { scorerFrom, type CohortInputs, type GivenToScorer } from './scorer-from.js';

const port = parentPort!;
const post = (m: ToMain, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
let scored: { job: PartJob; scoring: Scoring } | undefined;
/** The part's ids, once read (rows without one left out), for the ids another part may share. */
let idsOf: { ids: string[]; without: Set<number> } | undefined;

/** Waits for the table's widths, over every part's rows (`--format table`). */
let widthsGiven: ((widths: number[]) => void) | undefined;
/** Waits for the grades that read places, worked out over every part's units. */
let gradesGiven: ((grades: Graded) => void) | undefined;

port.on('message', (m: PartJob | Placed | IdsOf | Widths | Graded) => {
  if (m.k === 'part') void score(m);
  else if (m.k === 'ids of') post(rowsWithIds(m.hashes));
  else if (m.k === 'widths') widthsGiven?.(m.widths);
  else if (m.k === 'grades') gradesGiven?.(m);
  else if (scored) void write(scored, m);
});

/** The part's rows whose ids have one of these hashes, and those ids. */
function rowsWithIds(hashes: Float64Array): ToMain {
  const wanted = new Set(hashes);
  const rows: number[] = [];
  const ids: string[] = [];
  if (idsOf)
    idsOf.ids.forEach((id, row) => {
      if (!idsOf!.without.has(row) && wanted.has(idHash(id))) rows.push(row), ids.push(id);
    });
  return { k: 'ids', rows: Int32Array.from(rows), ids };
}

/** ASSESS_DEBUG=time: when each step of the part ends (from the process's start), on stderr. */
const mark = (step: string) => void (process.env.ASSESS_DEBUG === 'time' && process.stderr.write(`assess: thread ${threadId}: ${step} at ${(process.uptime() * 1000).toFixed(0)} ms, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB\n`));

async function score(job: PartJob): Promise<void> {
  mark('given its work');
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
  if (job.json) {
    if (!(await readJsonUnits(file, fieldNamer(plan), b, progress, ranges, job.json))) return post({ k: 'unusual', why: 'a part that is not whole units of a list' });
  } else {
    const read = job.kind === 'csv' ? await readCsv(file, plan, b, progress, ranges) : await readJsonLines(file, fieldNamer(plan), b, progress, ranges);
    if (read.problems.length > 0) return post({ k: 'unusual', why: 'lines the reader gave up on' });
  }
  mark('read and validated');
  const { table, problems, idHashes } = b.finish();
  // The rows' problems are put together with the other parts' (merge.ts); with an error, the part is not scored.
  const found = partProblems(plan, table, problems);
  idsOf = { ids: table.ids, without: new Set(problems.flatMap((p) => (p.code === 'E0504' ? [p.row] : []))) };
  if (!mergeable(found)) return post({ k: 'unusual', why: 'problems in the rows' });
  if (problems.some((p) => p.code.startsWith('E'))) return post({ k: 'found', n: table.n, ids: idHashes, problems: found }, [idHashes.buffer as ArrayBuffer]);
  const scorer = scorerFrom(job.scorer);
  let scoring: Scoring;
  try {
    // With cohort values, the scorer says what they are taken over before it scores, and
    // waits here (the thread has nothing else to do) until every part has said so.
    // Without its places: every part's units are placed together (merge.ts).
    // (With its ids, a copy, and warnings: another part may have errors to say with them.)
    const cohort = job.given ? (inputs: CohortInputs) => cohortValues(job, inputsToWire(inputs, { n: table.n, ids: idHashes.slice(), problems: found })) : undefined;
    scoring = scorer.scoreTable(table, { cohort, places: false });
  } catch (e) {
    // A value a cohort value is taken over failed: one thread says where.
    if (e instanceof Stopped) return;
    return post({ k: 'unusual', why: 'a value a cohort value is taken over failed' });
  }
  mark('scored');
  if (scoring.diagnostics.length > 0) return post({ k: 'unusual', why: 'scores that failed' });
  scored = { job, scoring };
  const part = partScored(scoring, idHashes, found);
  const moved = [part.eligible, part.vetoed, part.ids, part.keys, part.identifies, ...(part.groups ? [part.groups.of] : []), ...(part.ranked ? [part.ranked.order, part.ranked.sorted] : [])].map((a) => a.buffer as ArrayBuffer);
  post({ k: 'scored', ...part }, [...wireBuffers(part.totals), ...moved]);
  mark('handed over its totals');
  // The units' values are not read again (results without traces read only scores) unless grade
  // lines that read places read them too, once the places are given: else their memory is the
  // collector's while the lines are made (let go while the places are worked out).
  if (!scoring.grading) for (const values of table.columns.values()) values.length = 0;
}

/** The run went back to one thread while this part waited. */
class Stopped extends Error {}

/** Hand over what the part's cohort values are taken over, and wait for them. */
function cohortValues(job: PartJob, inputs: PartInputs): GivenToScorer {
  mark('cohort inputs');
  post({ k: 'inputs', ...inputs }, [...inputs.cohort.flatMap((c) => [...wireBuffers(c.values), ...(c.counted ? [c.counted.buffer as ArrayBuffer] : [])])]);
  const ready = new Int32Array(job.ready);
  Atomics.wait(ready, 0, 0);
  const answer = receiveMessageOnPort(job.answers)?.message as Given | undefined;
  if (Atomics.load(ready, 0) !== 1 || !answer) throw new Stopped();
  mark('given cohort values');
  return givenFromWire(answer.given);
}

async function write({ job, scoring }: { job: PartJob; scoring: Scoring }, m: Placed): Promise<void> {
  mark('given places');
  placeInto(scoring, m.places);
  if (scoring.grading) {
    // Grades that read places: which units each line holds for handed over, the grades worked out over every part's units given back.
    const holds = scoring.grading.holds();
    if (!holds) return post({ k: 'unusual', why: 'a grade line that failed' });
    const given = await new Promise<Graded>((resolve) => ((gradesGiven = resolve), post({ k: 'holds', holds }, holds.flatMap((h) => (h ? [h.buffer as ArrayBuffer] : [])))));
    // (No quota decisions: only explanations show them, and the parts' results have none.)
    scoring.grading.grade(given.lineOf);
    mark('given grades');
  }
  const w = new LineBytes();
  // A table's columns are as wide as every part's rows need: this part's widths handed over, the widest of all's given back.
  const widths = job.format === 'table' ? await new Promise<number[]>((given) => ((widthsGiven = given), post({ k: 'widths', widths: tableWidths(job.plan, scoring, job.schemeFile, job.lang) }))) : undefined;
  const lines = job.format === 'csv' ? csvLines(job.plan, scoring, w, m.part) : stringLines(job.format === 'json' ? jsonLines(job.plan, scoring, m.part) : textLines(job.plan, scoring, job.schemeFile, job.lang, m.part, widths), w);
  await writeLines(lines, w, (bytes, count) => {
    if (bytes.length > 0) post({ k: 'lines', bytes, count }, [bytes.buffer as ArrayBuffer]);
  });
  mark('lines made');
  post({ k: 'done' });
}
// (When the thread is ready for its work: it loaded while the scheme was read.)
mark('loaded');
