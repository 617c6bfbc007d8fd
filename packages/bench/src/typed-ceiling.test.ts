// The hand-written typed pipeline the bench measures as a ceiling (typed-ceiling.ts) writes
// `assess run`'s lines byte for byte on the bench's generated data, so that its figures are
// those of the same work.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { flatCsv } from './e2e.js';
import { halves, typedRun } from './typed-ceiling.js';

it("writes assess run's CSV lines for the flat scheme, byte for byte (5,000 generated units)", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'assess-typed-'));
  try {
    const file = join(dir, 'flat.csv');
    writeFileSync(file, [...flatCsv(5000)].join('\n') + '\n');
    const scheme = fileURLToPath(new URL('../fixtures/flat.assess', import.meta.url));
    const cli = fileURLToPath(new URL('../../cli/bin/assess.js', import.meta.url));
    const r = spawnSync(process.execPath, [cli, 'run', scheme, '--data', file, '--format', 'csv', '--jobs', '1'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.status).toBe(0);
    const assessLines = r.stdout.split('\n').slice(1).join('\n');
    const typed = Buffer.concat((await typedRun(file)).lines).toString('utf8');
    expect(typed.split('\n').length).toBe(5001);
    expect(typed).toBe(assessLines);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('cuts a file in two halves at a line break that together hold every unit once, in order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'assess-typed-'));
  try {
    const file = join(dir, 'flat.csv');
    writeFileSync(file, [...flatCsv(3001)].join('\n') + '\n');
    const ids = (lines: Uint8Array[]) =>
      Buffer.concat(lines)
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(',')[0]);
    const whole = ids((await typedRun(file)).lines);
    const [a, b] = halves(file);
    expect(a.start).toBe(0);
    expect(a.end).toBe(b.start);
    const first = ids((await typedRun(file, a)).lines);
    const second = ids((await typedRun(file, b)).lines);
    expect(Math.abs(first.length - second.length)).toBeLessThan(10);
    expect([...first, ...second]).toEqual(whole);
    expect(whole.length).toBe(3001);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
