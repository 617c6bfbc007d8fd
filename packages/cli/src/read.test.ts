// Reading a large file in pieces: a reader that pauses the bytes (a part's thread waiting for
// the scheme) and resumes them later gets every record once, in order.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRecords, textLines, type Flow } from './read.js';

const dir = mkdtempSync(join(tmpdir(), 'assess-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Pauses the bytes after `after` records, and resumes them a little later, once. */
function pausing(after: number) {
  let stream: Parameters<Flow>[0] | undefined;
  let seen = 0;
  let paused = 0;
  let resumed = false;
  /** Records that came while paused: what the reader had already taken in (about a chunk; all the rest if pausing did nothing). */
  let late = 0;
  return {
    flow: ((s) => (stream = s)) as Flow,
    record() {
      if (paused && !resumed) late++;
      if (++seen !== after) return;
      stream!.pause();
      paused = seen;
      setTimeout(() => ((resumed = true), stream!.resume()), 500);
    },
    get pausedAt() {
      return paused;
    },
    get late() {
      return late;
    },
  };
}

describe('reading paused and resumed', () => {
  // Lines of about 100 bytes: about 10,000 in each of the reader's 1 MB chunks, 60,000 in all.
  const rows = Array.from({ length: 60_000 }, (_, i) => ({ id: `u${i}`, note: `第${i}行, "quoted" ${'x'.repeat(80)}` }));

  it('CSV: every record once, in order', async () => {
    const file = join(dir, 'rows.csv');
    writeFileSync(file, 'id,note\n' + rows.map((r) => `${r.id},"${r.note.replace(/"/g, '""')}"`).join('\n') + '\n');
    const p = pausing(5000);
    const got: string[][] = [];
    const gaveUp = await csvRecords(file, (cells) => (got.push(cells), p.record()), undefined, undefined, p.flow);
    expect(gaveUp).toBeUndefined();
    expect(p.pausedAt).toBe(5000);
    expect(p.late, String(p.late)).toBeLessThan(25_000);
    expect(got.length).toBe(rows.length + 1);
    expect(got.slice(1)).toEqual(rows.map((r) => [r.id, r.note]));
  });

  it('JSON lines: every line once, in order', async () => {
    const file = join(dir, 'rows.jsonl');
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const p = pausing(5000);
    const got: unknown[] = [];
    await textLines(file, (line) => (got.push(JSON.parse(line)), p.record()), undefined, undefined, p.flow);
    expect(p.pausedAt).toBe(5000);
    expect(p.late, String(p.late)).toBeLessThan(25_000);
    expect(got).toEqual(rows);
  });
});
