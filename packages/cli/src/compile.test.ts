// `assess compile`: writes the module and its declarations; the module scores as `assess run`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from './main.js';

async function assess(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {} };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const examples = new URL('../../../examples/', import.meta.url);
// Inside the repository, so that the module's `@assess/runtime` resolves.
const base = new URL('../.compile.tmp/', import.meta.url).pathname;
let dir: string;
beforeAll(() => {
  mkdirSync(base, { recursive: true });
  dir = mkdtempSync(join(base, 'c-'));
  copyFileSync(new URL('article3-towns/scheme.assess', examples), join(dir, 'towns.assess'));
  writeFileSync(join(dir, 'broken.assess'), 'scheme "b" total 10\nitem "a" max 10: nothing\n');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('assess compile', () => {
  it('writes FILE.mjs and FILE.d.mts beside the scheme, the same bytes every time', async () => {
    const r = await assess(['compile', join(dir, 'towns.assess')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('towns.mjs');
    const first = readFileSync(join(dir, 'towns.mjs'), 'utf8');
    expect(readFileSync(join(dir, 'towns.d.mts'), 'utf8')).toContain('export interface Row');
    await assess(['compile', join(dir, 'towns.assess')]);
    expect(readFileSync(join(dir, 'towns.mjs'), 'utf8')).toBe(first);
  });
  it('-o OUT.js: the module and OUT.d.ts; it scores the data as `assess run` does', async () => {
    const out = join(dir, 'out', 'scheme.js');
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'package.json'), '{ "type": "module" }');
    const r = await assess(['compile', join(dir, 'towns.assess'), '-o', out]);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'out', 'scheme.d.ts'))).toBe(true);
    const mod = await import(/* @vite-ignore */ out);
    const data = JSON.parse(readFileSync(new URL('article3-towns/data.json', examples), 'utf8'));
    const scored = mod.score(data.units);
    const expected = JSON.parse(readFileSync(new URL('article3-towns/expected.json', examples), 'utf8'));
    expect(scored.units.map((u: { id: string; total: { toString(): string } }) => [u.id, u.total.toString()])).toEqual(expected.units.map((u: { id: string; total: string }) => [u.id, u.total]));
  });
  it('a scheme with errors: exit 1 with its diagnostics, nothing written', async () => {
    const r = await assess(['compile', join(dir, 'broken.assess')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing');
    expect(existsSync(join(dir, 'broken.mjs'))).toBe(false);
  });
  it('usage errors exit 2', async () => {
    for (const argv of [['compile'], ['compile', join(dir, 'towns.assess'), '-o', join(dir, 'x.txt')], ['compile', join(dir, 'towns.assess'), '-o']]) {
      const r = await assess(argv);
      expect(r.code, argv.join(' ')).toBe(2);
    }
  });
});
