// Every example's published rules table (`assess table`, Markdown) is golden: rules-table.md
// beside its scheme, read against the seed article it came from. UPDATE_GOLDEN=1 rewrites
// them (review the diff before committing).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../packages/cli/src/main.js';

const here = new URL('./', import.meta.url);
const UPDATE = !!process.env.UPDATE_GOLDEN;
const folders = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/scheme.assess`, here)))
  .map((d) => d.name)
  .sort();

describe.each(folders)('examples/%s', (name) => {
  it('prints the rules table in rules-table.md', async () => {
    let stdout = '';
    let stderr = '';
    const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {} };
    const code = await main(['table', new URL(`${name}/scheme.assess`, here).pathname], io);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const golden = new URL(`${name}/rules-table.md`, here);
    if (UPDATE || !existsSync(golden)) {
      if (!UPDATE) throw new Error(`missing ${golden.pathname}: run with UPDATE_GOLDEN=1 and review it`);
      writeFileSync(golden, stdout);
    }
    expect(stdout).toBe(readFileSync(golden, 'utf8'));
  });
});
