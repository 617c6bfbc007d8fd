// format.ts (the `assess fmt` command's core), tested with the plugin.
import { describe, expect, test } from 'vitest';
import * as prettier from 'prettier';
import plugin from 'prettier-plugin-assess';
import { formatFile, CANONICAL_OPTIONS } from './format.js';

const format = (source: string, options: prettier.Options) => prettier.format(source, { parser: 'assess', plugins: [plugin], ...options });

describe('formatFile', () => {
  test('formats a scheme with the canonical options', async () => {
    const src = 'scheme "x" total 10\ninput { a : yes/no, bb : count }\nsection "s" max 10 { item "i" max 10 { 10 if a } }\n';
    const r = await formatFile(src, 'x.assess');
    expect(r).toEqual({ ok: true, formatted: await format(src, { printWidth: 80, tabWidth: 2 }) });
    expect(CANONICAL_OPTIONS).toMatchObject({ printWidth: 80, tabWidth: 2, useTabs: false, endOfLine: 'lf' });
  });

  test('a file with syntax errors gives the core diagnostics, never a partial result', async () => {
    const r = await formatFile('scheme "x" total 1\nsection "s" max 1 {\n  item "i" max: 1\n  item "j" max 1 2\n}\n', 'dir/bad.assess');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => d.code)).toEqual(['E0002', 'E0002']);
    expect(r.diagnostics[0].span).toMatchObject({ file: 'dir/bad.assess', start: 53 });
    expect('formatted' in r).toBe(false);
  });

  test('a file already in the canonical layout comes back unchanged', async () => {
    const src = 'scheme "x" total 1\n\nsection "s" max 1 {\n  item "i" max 1: 1\n}\n';
    expect(await formatFile(src, 'x.assess')).toEqual({ ok: true, formatted: src });
  });
});
