// The terminal code frame of a long line (a CSV row of many columns): a window around what the
// diagnostic points at, cut with `…`, the carets still under it.
import { describe, expect, it } from 'vitest';
import { diag } from '../diagnostic.js';
import { renderDiagnostic } from './terminal.js';
import { displayWidth } from './lines.js';

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
