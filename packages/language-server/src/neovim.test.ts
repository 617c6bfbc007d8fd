// A real editor: Neovim (Debian's package; `pnpm test` installs it when missing) started
// headless with a small Lua config (neovim/attach.lua) attaches `assess lsp` to an example with
// a mistake and a messy layout, and receives Chinese diagnostics, a hover and the formatting.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));

interface Recorded {
  diagnostics: { line: number; col: number; message: string; code: string; severity: number }[];
  hover?: string;
  formatted: string;
  error?: string;
}

describe('Neovim', () => {
  it('attaches the server to an example and receives diagnostics, hover and formatting', () => {
    const original = readFileSync(join(repo, 'examples/article3-towns/scheme.assess'), 'utf8');
    // A name mistyped, and a section written without the canonical spacing.
    const text = original.replace('每 少报次数 扣 1', '每 少报次 扣 1').replace('小节 "定性考核" 满分 10 {', '小节   "定性考核"   满分 10{');
    const dir = mkdtempSync(join(tmpdir(), 'assess-nvim-'));
    const file = join(dir, 'scheme.assess');
    writeFileSync(file, text);
    const out = join(dir, 'out.json');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('少报次数 : 次数'));
    execFileSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(here, 'neovim/attach.lua'), file], {
      cwd: dir,
      timeout: 60_000,
      stdio: 'ignore',
      env: {
        ...process.env,
        ASSESS_CMD: JSON.stringify([process.execPath, join(repo, 'packages/cli/bin/assess.js'), 'lsp']),
        ASSESS_OUT: out,
        ASSESS_LANGUAGE: 'zh',
        ASSESS_HOVER: JSON.stringify({ line, character: lines[line].indexOf('少报次数') + 1 }),
      },
    });
    const r = JSON.parse(readFileSync(out, 'utf8')) as Recorded;
    expect(r.error).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'E0101', line: lines.findIndex((l) => l.includes('少报次 扣')), message: expect.stringContaining('未定义的名称 `少报次`') }),
    ]);
    expect(r.hover).toContain('**少报次数** — 输入');
    expect(r.hover).toContain('类型: `次数`');
    expect(r.formatted + '\n').toBe(original.replace('每 少报次数 扣 1', '每 少报次 扣 1'));
  });
});
