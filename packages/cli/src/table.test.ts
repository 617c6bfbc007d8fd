// `assess table` and `assess report` as a user calls them: Markdown on stdout, each format
// written with -o (a workbook and a Word document read back), the table in English with
// --lang en; bad usage exits 2, a scheme with errors or bad data exits 1, never a stack trace.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkbook } from '@assess/sheets';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type Io } from './main.js';

const EXAMPLE = new URL('../../../examples/article3-towns/', import.meta.url).pathname;
const SCHEME = `${EXAMPLE}scheme.assess`;
const DATA = `${EXAMPLE}data.json`;
const dir = mkdtempSync(join(tmpdir(), 'assess-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function assess(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: { LANG: 'zh_CN.UTF-8' } };
  const code = await main(argv, io);
  expect(stderr + stdout).not.toMatch(/^\s+at |internal error/m);
  return { code, stdout, stderr };
}

describe('assess table', () => {
  it('prints Markdown by default, as the golden file beside the example', async () => {
    const r = await assess(['table', SCHEME]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(`${EXAMPLE}rules-table.md`, 'utf8'));
  });

  it('--lang en reads the rules in English', async () => {
    const r = await assess(['table', SCHEME, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| item | points | what is assessed and how it is scored |');
    expect(r.stdout).toContain('| 材料报送 | 5 | 1 point off per "进展情况、资金投入情况、年终总结等材料少报次数", down to 0. |');
  });

  it('writes HTML, XLSX and DOCX with -o', async () => {
    const html = join(dir, 't.html');
    expect((await assess(['table', SCHEME, '--format', 'html', '-o', html])).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>[\s\S]*<th colspan="3">一、定性考核（10 分）<\/th>/);
    const xlsx = join(dir, 't.xlsx');
    const r = await assess(['table', SCHEME, '--format', 'xlsx', '-o', xlsx]);
    expect(r).toMatchObject({ code: 0, stdout: `已写出 ${xlsx}\n` });
    const sheet = (await loadWorkbook(readFileSync(xlsx))).worksheets[0];
    expect(sheet.getCell('A1').text).toBe('2024年度新一轮农村实事工程考核（镇、区）');
    const docx = join(dir, 't.docx');
    expect((await assess(['table', SCHEME, '--format', 'docx', '-o', docx])).code).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    expect(xml).toContain('进展情况、资金投入情况、年终总结等材料少报，每次扣 1 分，扣完为止。');
  });

  it('bad usage exits 2: a binary format without -o, an unknown format, no file', async () => {
    for (const argv of [['table', SCHEME, '--format', 'xlsx'], ['table', SCHEME, '--format', 'docx'], ['table', SCHEME, '--format', 'pdf'], ['table']]) {
      const r = await assess(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: /);
    }
  });

  it('a scheme with errors exits 1 with its diagnostics', async () => {
    const bad = join(dir, 'bad.assess');
    writeFileSync(bad, 'scheme "x" total 10\nitem "a" max 10: nope\n');
    const r = await assess(['table', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope');
  });
});

describe('assess report', () => {
  it('needs --data and an .html -o (exit 2)', async () => {
    expect((await assess(['report', SCHEME, '-o', join(dir, 'r.html')])).code).toBe(2);
    expect((await assess(['report', SCHEME, '--data', DATA])).code).toBe(2);
    expect((await assess(['report', SCHEME, '--data', DATA, '-o', join(dir, 'r.pdf')])).code).toBe(2);
    expect((await assess(['report', SCHEME, '--data', DATA, '-o', join(dir, 'r.html'), '--lang', 'fr'])).code).toBe(2);
  });

  it('bad data exits 1 with the data diagnostics, and writes nothing', async () => {
    const data = join(dir, 'bad.json');
    writeFileSync(data, JSON.stringify({ units: [{ id: 'x', 少报次数: 'many' }] }));
    const out = join(dir, 'bad.html');
    const r = await assess(['report', SCHEME, '--data', data, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.json');
    expect(() => readFileSync(out)).toThrow();
  });
});
