// csvCell: what a results CSV's cells are, whatever the text (ids and labels come from anyone).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell } from './table.js';

/** The text a CSV reader gets back from a cell. */
const read = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);
/** What a spreadsheet runs as a formula when a cell starts with it (`-` unless a plain number follows). */
const formula = (text: string) => /^[=+@\t\r]/.test(text) || (text.startsWith('-') && !/^-\d+(\.\d+)?$/.test(text));

describe('csvCell', () => {
  it('gives back the text, or the text after a quote mark where a spreadsheet would run it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[-=+@\t\r"][-0-9.a-z=+()",\r\n]*$/)), (text) => {
        const cell = csvCell(text);
        const back = read(cell);
        expect(back).toBe(formula(text) ? `'${text}` : text);
        expect(formula(back)).toBe(false);
        // One cell: anything a reader would split on is inside quotes.
        if (/[",\r\n]/.test(back)) expect(cell).toBe(`"${back.replace(/"/g, '""')}"`);
        else expect(cell).toBe(back);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves numbers as numbers, and quotes what only looks like one', () => {
    expect(['-2', '-0.5', '85', '0'].map(csvCell)).toEqual(['-2', '-0.5', '85', '0']);
    expect(['-1+HYPERLINK("x")', '-', '-.5', '- 2', '=1+1', '@SUM(A1)', '+5', '\tx'].map(csvCell)).toEqual([`"'-1+HYPERLINK(""x"")"`, "'-", "'-.5", "'- 2", "'=1+1", "'@SUM(A1)", "'+5", "'\tx"]);
    expect(csvCell('a,b')).toBe('"a,b"');
  });
});
