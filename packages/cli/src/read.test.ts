// Lines of a text file found in its bytes, whatever pieces the bytes come in: the lines of the
// whole text decoded at once, with their numbers and UTF-16 offsets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lines } from './read.js';

type Line = [string, number, number];

/** The reference: the whole text decoded, split at its line breaks. */
function reference(bytes: Buffer): Line[] {
  const parts = bytes.toString('utf8').split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  let at = 0;
  return parts.map((line, i) => {
    const l: Line = [line.endsWith('\r') ? line.slice(0, -1) : line, i + 1, at];
    at += line.length + 1;
    return l;
  });
}

/** The bytes given to `Lines` cut at the given places. */
function read(bytes: Buffer, cuts: number[]): Line[] {
  const got: Line[] = [];
  const lines = new Lines((line, number, at) => got.push([line, number, at]));
  let from = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
    lines.write(bytes.subarray(from, cut));
    from = cut;
  }
  lines.write(bytes.subarray(from));
  lines.end();
  return got;
}

// Text with line breaks (LF and CRLF), Chinese, emoji (four bytes), and bytes that are no UTF-8.
const text = fc.oneof(
  fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('\n', '\r\n', '\r', '组织领导', '😀', '{"id":"T1"}')), { maxLength: 30 }).map((xs) => Buffer.from(xs.join(''))),
  fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b)),
  fc.array(fc.oneof(fc.uint8Array({ maxLength: 6 }), fc.constant(new Uint8Array([10])), fc.constant(new Uint8Array([0xe4, 0xb8]))), { maxLength: 20 }).map((xs) => Buffer.concat(xs)),
);

describe('Lines', () => {
  it('gives the lines of the whole text decoded at once, however its bytes are cut', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
        expect(read(bytes, cuts)).toEqual(reference(bytes));
      }),
    );
  });

  it('drops a byte-order mark at the start of a file (its first line then starts at 1), and only there', () => {
    const bytes = Buffer.from('\uFEFF{"id":"a"}\r\n\uFEFF{"id":"b"}\n');
    const at = (fileStart: boolean, cuts: number[]) => {
      const got: Line[] = [];
      const lines = new Lines((line, number, offset) => got.push([line, number, offset]), fileStart);
      let from = 0;
      for (const cut of cuts) {
        lines.write(bytes.subarray(from, cut));
        from = cut;
      }
      lines.write(bytes.subarray(from));
      lines.end();
      return got;
    };
    for (const cuts of [[], [1], [2, 5], [3]]) {
      expect(at(true, cuts), String(cuts)).toEqual([
        ['{"id":"a"}', 1, 1],
        ['\uFEFF{"id":"b"}', 2, 13],
      ]);
      expect(at(false, cuts), String(cuts)).toEqual(reference(bytes));
    }
  });

  it('joins a line that runs over many pieces once', () => {
    const line = '项目'.repeat(50_000);
    const bytes = Buffer.from(`a\n${line}\r\nb`);
    const cuts = Array.from({ length: 200 }, (_, i) => 1 + i * 1499);
    expect(read(bytes, cuts)).toEqual([
      ['a', 1, 0],
      [line, 2, 2],
      ['b', 3, 2 + line.length + 2],
    ]);
  });
});
