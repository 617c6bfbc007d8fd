// Result lines are encoded by hand (bytes.ts): the bytes must be the encoder's, for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encoded, LineBytes, stringLines, writeLines } from './bytes.js';

const runs = Number(process.env.FC_RUNS ?? 300);

describe('lines as bytes', () => {
  it('encodes any text as TextEncoder does (ASCII, two- and three-byte characters, pairs and lone surrogates; short and long)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'binary', minLength: 200, maxLength: 700 }),
      fc.constantFrom('64.3222222222…', '优秀', '—', 'a\u{1F600}b', '\uD800x', 'x\uDFFF'),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), (texts) => {
        const w = new LineBytes();
        for (const t of texts) w.text(t);
        expect(w.take()).toEqual(encoded(texts.join('')));
      }),
      { numRuns: runs },
    );
  });

  it('writes whole numbers as their digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(99), fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER)), (n) => {
        const w = new LineBytes();
        w.whole(n);
        w.char(44);
        expect(new TextDecoder().decode(w.take())).toBe(`${n},`);
      }),
      { numRuns: runs },
    );
  });

  it('hands over pieces that end at line breaks, every line once, counted', async () => {
    const lines = Array.from({ length: 30000 }, (_, i) => `${i},${'成绩'.repeat(i % 50)}`);
    const w = new LineBytes();
    const pieces: { text: string; lines: number }[] = [];
    await writeLines(stringLines(lines, w), w, (bytes, count) => void pieces.push({ text: new TextDecoder().decode(bytes), lines: count }));
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces) expect(p.text === '' || p.text.endsWith('\n')).toBe(true);
    expect(pieces.map((p) => p.text).join('')).toBe(lines.join('\n') + '\n');
    expect(pieces.reduce((sum, p) => sum + p.lines, 0)).toBe(lines.length);
  });
});
