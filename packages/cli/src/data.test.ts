// Where the rows a message names are in a data file read in chunks or in parts: a byte offset
// (where a part's lines start) as an offset in the file's text, and the lines of JSON rows.
import fc from 'fast-check';
import { compile } from '@assess/core';
import type { Problem } from '@assess/runtime';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesThrough, charOffset, jsonLineStarts, spansInText, textStart } from './data.js';

describe('charOffset', () => {
  it('is the offset in the text of the character that starts at a byte of its UTF-8', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '\n', 'é', '甲', '😀', '\uFEFF'), maxLength: 30 });
    fc.assert(
      fc.property(text, fc.nat(30), (s, k) => {
        // A cut between two characters (not inside a pair of surrogates).
        const chars = [...s];
        const before = chars.slice(0, Math.min(k, chars.length)).join('');
        expect(charOffset(s, Buffer.byteLength(before))).toBe(before.length);
      }),
    );
  });
});

describe('jsonLineStarts', () => {
  it('finds the lines that are not blank, as the reader numbers its rows, from any line’s start', () => {
    const line = fc.constantFrom('{"id":"a"}', '{"id":"甲"}', '', '  ', '\r', '\uFEFF{"id":1}');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.boolean(), fc.nat(8), (lines, mark, k) => {
        const text = (mark ? '\uFEFF' : '') + lines.join('\n');
        // Each line's start, as read.ts's Lines gives it (a mark is no part of the first line).
        const starts: number[] = [];
        let at = 0;
        text.split('\n').forEach((l, i) => {
          const m = i === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
          if (l.slice(m).trim() !== '') starts.push(at + m);
          at += l.length + 1;
        });
        const from = k === 0 ? 0 : text.split('\n').slice(0, k).join('\n').length + 1;
        const fromRow = starts.filter((s) => s < from).length;
        expect(jsonLineStarts(text, Math.min(from, text.length), 99)).toEqual(starts.slice(fromRow));
        expect(jsonLineStarts(text, 0, 2)).toEqual(starts.slice(0, 2));
      }),
    );
  });
});

describe('spansInText', () => {
  const plan = compile('s.assess', 'scheme "s" total 10\ninput {\n  x : 0..10\n  name : text\n}\nitem "a" max 10: x\n').plan!;
  const name = fc.constantFrom('a', '甲', 'a,b', 'say "hi"', 'one\ntwo', '\n\n', '');
  const rows = fc.array(fc.record({ x: fc.constantFrom('1', 'abc', ''), name }), { minLength: 1, maxLength: 8 });
  const quoted = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const texts = {
    '.csv': (rs: { x: string; name: string }[]) => ['id,x,name', ...rs.map((r, i) => `u${i},${r.x},${quoted(r.name)}`)].join('\n') + '\n',
    '.jsonl': (rs: { x: string; name: string }[]) => rs.map((r, i) => JSON.stringify({ id: `u${i}`, x: r.x, name: r.name })).join('\n') + '\n',
    '.json': (rs: { x: string; name: string }[]) => '[\n' + rs.map((r, i) => JSON.stringify({ id: `u${i}`, x: r.x, name: r.name })).join(',\n') + '\n]\n',
  };
  it('points where it would in the whole text from any start of it cut at a line break, or says the start is short', () => {
    fc.assert(
      fc.property(fc.constantFrom('.csv', '.jsonl', '.json') as fc.Arbitrary<keyof typeof texts>, rows, fc.nat(), fc.nat(), (ext, rs, named, cut) => {
        const text = texts[ext](rs);
        const breaks = [...text.matchAll(/\n/g)].map((m) => m.index + 1);
        const start = text.slice(0, breaks[cut % breaks.length]);
        const row = named % rs.length;
        const problems: Problem[] = [{ code: 'E0501', row, unit: `u${row}`, field: 'x', expected: { k: 'number' }, found: '' }];
        const whole = spansInText(ext, 'f', plan, { text, whole: true }, problems);
        const part = spansInText(ext, 'f', plan, { text: start, whole: false }, problems);
        const spans = (s: typeof whole) => [s.rowSpan(row), s.valueSpan(row, 'x'), s.valueSpan(row, 'name')];
        const got = spans(part);
        if (!part.short()) expect(got).toEqual(spans(whole));
        // What ends a line before the start's end is in it.
        if (start.length === text.length) expect(part.short()).toBe(false);
        expect(whole.short()).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('textStart', () => {
  it('is the text of the whole lines within the bytes asked for, or the whole file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assess-start-'));
    try {
      const file = join(dir, 'f.txt');
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '甲', '😀'), maxLength: 40 }), fc.nat(200), (text, bytes) => {
          writeFileSync(file, text);
          const got = textStart(file, bytes);
          const size = Buffer.byteLength(text);
          expect(got.whole).toBe(bytes >= size);
          if (got.whole) {
            expect(got.text).toBe(text);
            return;
          }
          expect(got.bytes).toBe(bytes);
          // The longest start of the text that ends a line and fits in the bytes.
          const ends = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)].filter((e) => Buffer.byteLength(text.slice(0, e)) <= bytes);
          expect(got.text).toBe(text.slice(0, Math.max(...ends)));
        }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bytesThrough', () => {
  it('reaches past the start of the section a row is in, and further for a later row of it', () => {
    const sections = [
      { row: 0, byte: 0 },
      { row: 1000, byte: 50_000_000 },
    ];
    expect(bytesThrough(999, sections, 2000, 60_000_000)).toBeLessThan(50_000_000 * 1.2);
    expect(bytesThrough(1000, sections, 2000, 60_000_000)).toBeGreaterThan(50_000_000);
    expect(bytesThrough(1999, sections, 2000, 60_000_000)).toBeGreaterThan(bytesThrough(1500, sections, 2000, 60_000_000));
    expect(bytesThrough(1999, sections, 2000, 60_000_000)).toBeGreaterThanOrEqual(60_000_000);
  });
});
