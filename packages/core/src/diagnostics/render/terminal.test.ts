// The terminal code frame of a long line (a CSV row of many columns): a window around what the
// diagnostic points at, cut with `…`, the carets still under it; a file's lines mapped once for
// all its diagnostics.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diag } from '../diagnostic.js';
import { renderDiagnostic } from './terminal.js';
import { displayWidth, LineMap, printable } from './lines.js';

const frame = (line: string, start: number, end: number) => {
  const d = diag('E0501', { start, end, file: 'd.csv' }, { unit: 'u', field: 'f', expected: { en: 'a number', zh: '数值' }, found: '"x"' });
  return renderDiagnostic(d, new Map([['d.csv', `id,f\n${line}\n`]]), 'd.csv', { lang: 'en' }).split('\n');
};
/** The text above the carets of a frame, and the carets' columns. */
const pointed = (lines: string[]) => {
  const src = lines[3].slice(4);
  const carets = lines[4].slice(4);
  const at = carets.indexOf('^');
  // Columns, not characters: walk the source line until its display width reaches the caret.
  let i = 0;
  while (displayWidth(src.slice(0, i)) < at) i++;
  return { src, text: src.slice(i, i + carets.trim().length) };
};

describe('code frames of long lines', () => {
  it('show the line whole while it is short', () => {
    const lines = frame('甲镇,x', 8, 9);
    expect(lines[3]).toBe('2 | 甲镇,x');
    expect(pointed(lines).text).toBe('x');
  });
  it('show a window around the value, with … where the line is cut', () => {
    const cells = ['甲镇', ...Array.from({ length: 60 }, (_, i) => (i === 30 ? 'bad' : String(i)))];
    const line = cells.join(',');
    const start = 5 + line.indexOf(',bad,') + 1;
    const lines = frame(line, start, start + 3);
    const { src, text } = pointed(lines);
    expect(text).toBe('bad');
    expect(src.startsWith('…') && src.endsWith('…')).toBe(true);
    expect(displayWidth(src)).toBeLessThanOrEqual(2 + 80 + 3);
  });
  it('keep wide characters and the start of a line in step with the carets', () => {
    const line = '单位名称很长的乡镇,' + '是,'.repeat(80) + '坏';
    const start = 5 + line.length - 1;
    const lines = frame(line, start, start + 1);
    const { src, text } = pointed(lines);
    expect(text).toBe('坏');
    expect(src.startsWith('…') && !src.endsWith('…')).toBe(true);
  });
});

describe('code frames of any line, a short one or one of thousands of cells', () => {
  const cell = fc.oneof(fc.constantFrom('是', '\t', '甲镇', 'x', '😀', '12.5', ''), fc.string({ maxLength: 6 }).map((t) => t.replace(/[\n\r\u2028\u2029]/g, ' ')));
  it('point at the value (under its carets) and say its column in characters, wherever it is on the line', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 800 }), fc.array(cell, { maxLength: 800 }), (before, after) => {
        const head = before.join(',') + ',';
        const line = head + '坏值' + ',' + after.join(',');
        const start = 5 + head.length;
        const lines = frame(line, start, start + 2);
        // The carets are as wide as the value (two wide characters: four columns).
        expect(lines[4].slice(4).trim()).toBe('^^^^');
        expect(pointed(lines).text.startsWith('坏值')).toBe(true);
        expect(lines[1]).toBe(` --> d.csv:2:${[...head].length + 1}`);
      }),
      { numRuns: 200 },
    );
  });
  it('give each offset the column a fresh count gives, asked in any order', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 200 }), fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), (cells, picks) => {
        const text = `id,f\n${cells.join(',')}\nb,c\n`;
        const map = new LineMap(text);
        for (const p of picks) {
          const o = p % (text.length + 1);
          const fresh = new LineMap(text).position(o);
          expect(map.position(o)).toEqual(fresh);
          const lineStart = text.lastIndexOf('\n', o - 1) + 1;
          expect(fresh.column).toBe([...text.slice(lineStart, o)].length + 1);
        }
      }),
    );
  });
});

describe('text from a scheme or a data file on a terminal', () => {
  it('prints no control character: an escape sequence in a line, a message or a file name is shown as pictures', () => {
    const line = 'u\x1b]0;title\x07,\x1b[2Jx\x9b1m';
    const d = diag('E0501', { start: 5 + line.indexOf('x'), end: 5 + line.indexOf('x') + 1, file: 'd\x1b[31m.csv' }, { unit: 'u\x1b[1m', field: 'f', expected: { en: 'a number', zh: '数值' }, found: '"x\x1b"' });
    for (const color of [false, true]) {
      const out = renderDiagnostic(d, new Map([['d\x1b[31m.csv', `id,f\n${line}\n`]]), 'd.csv', { lang: 'en', color });
      // With colours on, the only escape sequences are the renderer's own: ESC [ digits ; m.
      expect(out.replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      if (!color) expect(out).not.toContain('\x1b');
      expect(out).toContain('u␛]0;title␇,␛[2Jx\ufffd1m');
      expect(out).toContain('d␛[31m.csv');
    }
    // The caret is still under the value pointed at.
    expect(pointed(renderDiagnostic(d, new Map([['d\x1b[31m.csv', `id,f\n${line}\n`]]), 'd.csv', { lang: 'en' }).split('\n')).text).toBe('x');
  });
  it('leaves text without control characters as it is, one character for one otherwise (tab and line feed kept)', () => {
    expect(printable('甲镇 a\tb\nc “d”')).toBe('甲镇 a\tb\nc “d”');
    const all = Array.from({ length: 0xa0 }, (_, i) => String.fromCharCode(i)).join('');
    const shown = printable(all);
    expect(shown.length).toBe(all.length);
    expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(shown.slice(0x20, 0x7f)).toBe(all.slice(0x20, 0x7f));
    // The controls of the text's direction, which would show a line reordered.
    expect(printable('a\u202eb\u2066c\u200fd')).toBe('a\ufffdb\ufffdc\u200fd');
  });
});

describe('a file saved with a byte-order mark', () => {
  it('is pointed at as an editor shows it: the mark is neither a column nor a character of the first line', () => {
    const text = '\uFEFF{"id":"a","n":"x"}\n{"id":"b","n":"y"}\n';
    const frameOf = (start: number) => {
      const d = diag('E0501', { start, end: start + 3, file: 'd.json' }, { unit: 'u', field: 'n', expected: { en: 'a number', zh: '数值' }, found: '"x"' });
      return renderDiagnostic(d, new Map([['d.json', text]]), 'd.json', { lang: 'en' }).split('\n');
    };
    const first = frameOf(text.indexOf('"x"'));
    expect(first[1]).toContain('d.json:1:15');
    expect(pointed(first).text).toBe('"x"');
    // The second line is counted as it always was.
    expect(frameOf(text.indexOf('"y"'))[1]).toContain('d.json:2:15');
    // Zero-width characters take no column either.
    expect(displayWidth('a\u200bb\uFEFF')).toBe(2);
  });
});

describe('line endings', () => {
  it('a line ends at a line feed, a CR LF or a carriage return alone, as editors count them', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['id,f', 'a,x', 'b,坏'].join(eol) + eol;
      const map = new LineMap(text);
      expect(map.position(text.indexOf('坏'))).toEqual({ line: 3, column: 3 });
      expect([1, 2, 3].map((l) => map.lineText(l))).toEqual(['id,f', 'a,x', 'b,坏']);
    }
  });
});

describe('a file with many diagnostics', () => {
  it('is mapped into lines once for all of them, and again only when its text changes', () => {
    const d = (start: number) => diag('E0501', { start, end: start + 1, file: 'd.csv' }, { unit: 'u', field: 'f', expected: { en: 'a number', zh: '数值' }, found: '"x"' });
    const maps = new Map<string, LineMap>();
    const sources = new Map([['d.csv', 'id,f\na,x\nb,y\n']]);
    const first = renderDiagnostic(d(7), sources, 'd.csv', { lang: 'en' }, maps);
    const map = maps.get('d.csv');
    expect(map).toBeDefined();
    expect(renderDiagnostic(d(11), sources, 'd.csv', { lang: 'en' }, maps)).toContain('3 | b,y');
    expect(maps.get('d.csv')).toBe(map);
    expect(first).toContain('2 | a,x');
    // Another text under the same name (a file edited between runs): mapped anew.
    expect(renderDiagnostic(d(7), new Map([['d.csv', 'id,f\n\nc,z\n']]), 'd.csv', { lang: 'en' }, maps)).toContain('3 | c,z');
    expect(maps.get('d.csv')).not.toBe(map);
  });
});
