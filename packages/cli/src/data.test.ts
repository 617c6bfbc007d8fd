// Where the rows a message names are in a data file read in chunks or in parts: a byte offset
// (where a part's lines start) as an offset in the file's text, and the lines of JSON rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charOffset, jsonLineStarts } from './data.js';

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
