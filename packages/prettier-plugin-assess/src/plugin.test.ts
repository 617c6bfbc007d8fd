import { describe, expect, test } from 'vitest';
import * as prettier from 'prettier';
import { doc } from 'prettier';
import { parse } from '@assess/core';
import plugin, { languages, parsers, AssessSyntaxError } from 'prettier-plugin-assess';
import { parseAssess, type CNode } from './parser.js';
import { printRoot } from './printer.js';
import { format } from '../tests/helpers.js';

describe('the plugin', () => {
  test('declares the language, the parser and the printer', () => {
    expect(languages[0]).toMatchObject({ name: 'Assess', extensions: ['.assess'], parsers: ['assess'] });
    expect(parsers.assess.astFormat).toBe('assess-cst');
    expect(plugin.printers?.['assess-cst']).toBeDefined();
  });

  test('Prettier picks the parser from the .assess extension', async () => {
    const out = await prettier.format('scheme "x"   total 1\n', { filepath: 'dir/scheme.assess', plugins: [plugin] });
    expect(out).toBe('scheme "x" total 1\n');
  });

  test('a syntax error makes Prettier refuse the file, with the position and our diagnostics', async () => {
    const src = 'scheme "x" total 1\nsection "s" max 1 {\n  item "i" max: 1\n}\n';
    const err = await format(src).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyntaxError);
    expect((err as AssessSyntaxError).loc.start).toEqual({ line: 3, column: 15 });
    expect((err as AssessSyntaxError).diagnostics[0].code).toBe('E0002');
    expect((err as Error).message).toMatch(/^E0002: expected a number, found `:`/);
    expect((err as Error).message).toContain('> 3 |'); // Prettier's code frame
  });

  test('unknown characters and too-deep nesting are refused too', async () => {
    await expect(format('scheme "x" total 1 ；\n')).rejects.toThrow(/E0001/);
    await expect(format(`scheme "x" total 1\nlet a = ${'('.repeat(80)}1${')'.repeat(80)}\n`)).rejects.toThrow(/E0006/);
  });

  test('errors found after parsing do not stop the formatter', async () => {
    // a clause that does not go with its rule; a second input block; no header
    expect(await format('scheme "x" total 5\ninput{a:count}\ninput{b:count}\nitem "i" max 5: ratio a / b, max 3\n')).toBe(
      'scheme "x" total 5\n\ninput {\n  a : count\n}\n\ninput {\n  b : count\n}\n\nitem "i" max 5: ratio a / b, max 3\n',
    );
    expect(await format('veto "v"   if a\n')).toBe('veto "v" if a\n');
  });

  test('keywords, names, labels and numbers are printed as written', async () => {
    const src = '方案 “甲” 总分 1亿 精度 2\n输入{ 销售额：0..100亿，等级x : 是否 }\n小节 "s" 最多 1亿 { 指标 "i" 满分 1亿: bands 销售额 { < 5000万: 0, 否则: 40% } }\n';
    const out = await format(src);
    for (const word of ['方案', '“甲”', '总分', '1亿', '精度', '输入', '销售额：0..100亿', '是否', '小节', '最多', '指标', '满分', '5000万', '否则', '40%']) expect(out).toContain(word);
    expect(out).not.toMatch(/\b(scheme|total|max|else)\b/);
  });

  test('CRLF input gives LF output with the same tree', async () => {
    const src = 'scheme "x" total 1\r\n# note\r\ninput { a : count } # eol\r\n';
    expect(await format(src)).toBe('scheme "x" total 1\n\n# note\ninput {\n  a : count\n} # eol\n');
  });

  test('an empty file stays empty', async () => {
    expect(await format('')).toBe('');
    expect(await format('\n\n')).toBe('');
  });

  test('a file of comments only keeps them', async () => {
    expect(await format('# a\n\n\n# b\n')).toBe('# a\n\n# b\n');
  });
});

describe('robustness of the printer', () => {
  /** Print a syntax tree that has been tampered with, as a future grammar might shape it. */
  function printTampered(src: string, tamper: (cst: CNode) => void): string {
    const root = parseAssess(src);
    tamper(root.cst);
    return doc.printer.printDocToString(printRoot(root), { printWidth: 80, tabWidth: 2, useTabs: false } as Parameters<typeof doc.printer.printDocToString>[1]).formatted;
  }
  const find = (n: CNode, name: string): CNode | undefined => {
    if (n.name === name) return n;
    for (const list of Object.values(n.children)) for (const c of list ?? []) if (!('tokenType' in c)) {
      const f = find(c as CNode, name);
      if (f) return f;
    }
    return undefined;
  };
  const words = (s: string) => s.split(/\s+/).filter(Boolean);

  test('a node it does not know prints all its tokens, in order, with their comments', () => {
    const src = 'scheme "x" total 1\nsection "s" max 1 { # note\n  item "i" max 1 { 1 if a # why\n  }\n}\n';
    const out = printTampered(src, (cst) => {
      find(cst, 'section')!.name = 'futureSection';
      find(cst, 'blockLine')!.name = 'futureLine';
    });
    expect(words(out.replace(/#[^\n]*/g, ''))).toEqual(words(src.replace(/#[^\n]*/g, '')));
    expect(out).toContain('# note');
    expect(out).toContain('# why');
    // still the same scheme
    expect(parse(out).diagnostics).toEqual([]);
  });

  test('a known node with an unexpected child falls back to printing every child', () => {
    const src = 'scheme "x" total 1\nlet a = 1 + 2 * 3\n';
    const out = printTampered(src, (cst) => {
      const additive = find(cst, 'additive')!;
      // a new kind of operand the printer has never seen, spelled with existing tokens
      additive.children.futureOperand = [{ name: 'futureOperand', children: {} }];
    });
    expect(out).toBe('scheme "x" total 1\n\nlet a = 1 + 2 * 3\n');
  });

  test('the printer refuses to drop a token', () => {
    const root = parseAssess('scheme "x" total 1\n');
    root.tokens.push({ image: 'ghost', startOffset: 1000, endOffset: 1004, tokenType: { name: 'Identifier' } });
    expect(() => printRoot(root)).toThrow(/internal error: printed 4 of 5 tokens/);
  });
});
