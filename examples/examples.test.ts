// Every example is a runnable test: its `example` blocks pass under `assess test`, `assess
// run` on its data gives exactly its expected.json, and its published rules table (`assess
// table`, Markdown) is rules-table.md beside it, read against the seed article it came from.
// UPDATE_GOLDEN=1 rewrites expected.json and rules-table.md (review the diff before committing).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleFolders } from '@assess/testing';
import { main, type Io } from '../packages/cli/src/main.js';

const here = new URL('./', import.meta.url);
const folders = exampleFolders(here);

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  // Results come as UTF-8 bytes, other output as text.
  const utf8 = new TextDecoder();
  const io: Io = { stdout: { write: (s) => (stdout += typeof s === 'string' ? s : utf8.decode(s, { stream: true })) }, stderr: { write: (s) => (stderr += String(s)) }, env: {} };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe.each(folders)('examples/%s', (name) => {
  const dir = new URL(`${name}/`, here);
  const scheme = new URL('scheme.assess', dir).pathname;
  const data = new URL('data.json', dir).pathname;
  const expected = new URL('expected.json', dir);

  it('checks without errors or warnings', async () => {
    const r = await cli(['check', scheme]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('passes its example blocks (at least three)', async () => {
    const r = await cli(['test', scheme]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(Number(/(\d+) passed, 0 failed/.exec(r.stdout)?.[1])).toBeGreaterThanOrEqual(3);
  });

  it('scores its data exactly as expected.json says', async () => {
    const r = await cli(['run', scheme, '--data', data, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    if (process.env.UPDATE_GOLDEN) writeFileSync(expected, r.stdout);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(expected, 'utf8')));
  });

  it('is in the canonical layout (assess fmt --check)', async () => {
    const r = await cli(['fmt', '--check', scheme]);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('has a README with hand calculations', () => {
    expect(existsSync(new URL('README.md', dir))).toBe(true);
  });

  it('prints the rules table in rules-table.md', async () => {
    const r = await cli(['table', scheme]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const golden = new URL('rules-table.md', dir);
    if (process.env.UPDATE_GOLDEN || !existsSync(golden)) {
      if (!process.env.UPDATE_GOLDEN) throw new Error(`missing ${golden.pathname}: run with UPDATE_GOLDEN=1 and review it`);
      writeFileSync(golden, r.stdout);
    }
    expect(r.stdout).toBe(readFileSync(golden, 'utf8'));
  });
});

it('article 3 (towns) gives identical results in Chinese and English keywords', async () => {
  const zh = await cli(['run', new URL('article3-towns/scheme.assess', here).pathname, '--data', new URL('article3-towns/data.json', here).pathname, '--format', 'json']);
  const en = await cli(['run', new URL('article3-towns-en/scheme.assess', here).pathname, '--data', new URL('article3-towns-en/data.json', here).pathname, '--format', 'json']);
  expect(zh.code).toBe(0);
  expect(JSON.parse(zh.stdout)).toEqual(JSON.parse(en.stdout));
});
