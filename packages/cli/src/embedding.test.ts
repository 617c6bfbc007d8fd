// docs/embedding.md is executable: its program must print exactly the output it shows.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';

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
