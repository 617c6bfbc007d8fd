// The rules table as a workbook, read back with exceljs: the title and each section merged
// across the three columns, the header row repeated when printed and frozen, every rule in
// its row, A4 portrait.
import { readFileSync } from 'node:fs';
import { compile, rulesTable } from '@assess/core';
import { describe, expect, it } from 'vitest';
import { loadWorkbook, rulesTableWorkbook } from './index.js';

describe('the rules-table workbook', () => {
  const source = readFileSync(new URL('../../../examples/article9-safety/scheme.assess', import.meta.url), 'utf8');
  const t = rulesTable(compile('scheme.assess', source).model);

  it('merges the title and every section row across the three columns; rules in order', async () => {
    const book = await loadWorkbook(await rulesTableWorkbook(t));
    expect(book.worksheets.map((w) => w.name)).toEqual(['考核项目']);
    const sheet = book.worksheets[0];
    const texts = (row: number) => [1, 2, 3].map((c) => sheet.getCell(row, c).text);
    expect(texts(1)[0]).toBe(t.title);
    const header = 2 + t.notes.length;
    expect(texts(header)).toEqual(['考核项目', '分值', '考核内容及评分标准']);
    // Every group's heading merged, its rows as three cells, in the model's order.
    const expected: { merged: boolean; cells: string[] }[] = t.groups.flatMap((g) => [
      ...(g.heading !== undefined ? [{ merged: true, cells: [g.heading, g.heading, g.heading] }] : []),
      ...g.rows.map((r) => ({ merged: false, cells: [r.item, r.points, r.rule] })),
    ]);
    const rows = expected.map((_, i) => header + 1 + i);
    expect(rows.map((r) => ({ merged: sheet.getCell(r, 3).isMerged, cells: texts(r) }))).toEqual(expected);
    expect(sheet.rowCount).toBe(header + expected.length);
    // The merges exceljs reads back: the title, and one per section heading.
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges).toContain('A1:C1');
    expect(merges.length).toBe(1 + t.notes.length + t.groups.filter((g) => g.heading !== undefined).length);
  });

  it('prints on A4 portrait, the header row on every page, frozen on screen', async () => {
    const sheet = (await loadWorkbook(await rulesTableWorkbook(t))).worksheets[0];
    const header = 2 + t.notes.length;
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.orientation).toBe('portrait');
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
  });
});
