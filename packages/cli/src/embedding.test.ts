// docs/embedding.md is executable: its program must print exactly the output it shows.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { main } from './main.js';

const root = new URL('../../../', import.meta.url);
const doc = readFileSync(new URL('docs/embedding.md', root), 'utf8');
const program = /```js\n([\s\S]*?)```/.exec(doc)![1];
const output = /Output:\n\n```text\n([\s\S]*?)```/.exec(doc)![1];
// Inside packages/cli, `@assess/core` resolves to the built core package.
const file = new URL('packages/cli/embedding-example.tmp.mjs', root);

afterAll(() => rmSync(file, { force: true }));

it('the embedding guide runs and prints what it says', () => {
  writeFileSync(file, program);
  const printed = execFileSync(process.execPath, [file.pathname], { encoding: 'utf8' });
  expect(printed).toBe(output);
});

// The compiled module of the same scheme, used as the guide's second program says.
const compiledDir = new URL('packages/cli/.embedding.tmp/', root);
afterAll(() => rmSync(compiledDir, { recursive: true, force: true }));

it('the guide’s compiled-module program runs against what assess compile writes, and prints what it says', async () => {
  mkdirSync(compiledDir, { recursive: true });
  const scheme = /const source = `([\s\S]*?)`;/.exec(program)![1];
  writeFileSync(new URL('reports.assess', compiledDir), scheme);
  const io = { stdout: { write: () => true }, stderr: { write: (s: string) => process.stderr.write(s) }, env: {} };
  expect(await main(['compile', new URL('reports.assess', compiledDir).pathname, '-o', new URL('reports.mjs', compiledDir).pathname], io)).toBe(0);
  const compiled = /```js compiled\n([\s\S]*?)```/.exec(doc)![1];
  const shown = [...doc.matchAll(/Output:\n\n```text\n([\s\S]*?)```/g)][1][1];
  writeFileSync(new URL('use.mjs', compiledDir), compiled);
  const printed = execFileSync(process.execPath, [new URL('use.mjs', compiledDir).pathname], { encoding: 'utf8' });
  expect(printed).toBe(shown);
});
