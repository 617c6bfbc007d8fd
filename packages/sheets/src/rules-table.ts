// The rules table (core's `rulesTable`) as a workbook: one sheet laid out as a printed
// 考核细则表 — the title across the three columns, the notes under it, the header row, each
// section a row merged across the three columns, rules wrapped in a wide third column —
// set to print on A4 portrait with the header repeated on every page.
import type { RulesTable } from '@assess/core';
import { newWorkbook, workbookBytes, wrappedLines, type Workbook, type Worksheet } from './book.js';

const BORDER = { style: 'thin' as const, color: { argb: 'FF555555' } };
const BOX = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFEEF1F5' } };
const SECTION_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF6F7F9' } };

/** The bytes of a rules-table workbook (.xlsx). */
export async function rulesTableWorkbook(t: RulesTable): Promise<Uint8Array> {
  return workbookBytes(buildRulesTable(t));
}

export function buildRulesTable(t: RulesTable): Workbook {
  const book = newWorkbook();
  // A sheet's name cannot hold : \ / ? * [ ] nor pass 31 characters.
  const sheet = book.addWorksheet(t.header[0].replace(/[:\\/?*[\]]/g, '_').slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 } },
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  mergedRow(sheet, t.title, { font: { bold: true, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle' } });
  for (const note of t.notes) mergedRow(sheet, note, { alignment: { wrapText: true } });
  const header = sheet.addRow(t.header);
  header.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = BOX;
    c.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  for (const g of t.groups) {
    if (g.heading !== undefined) mergedRow(sheet, g.heading, { font: { bold: true }, fill: SECTION_FILL, border: BOX, alignment: { vertical: 'middle', indent: g.depth } });
    for (const r of g.rows) {
      const row = sheet.addRow([r.item, r.points, r.rule]);
      // A spreadsheet does not size a row to its wrapped text when it opens a file: made tall enough here.
      row.height = LINE * Math.max(wrappedLines(r.item, WIDTHS[0]), wrappedLines(r.rule, WIDTHS[2]));
      row.eachCell((c, j) => {
        c.border = BOX;
        c.alignment = { vertical: 'top', wrapText: true, horizontal: j === 2 ? 'center' : 'left' };
      });
    }
  }
  return book;
}

/** Column widths (characters of the default font): 考核项目, 分值, 考核内容及评分标准. */
const WIDTHS = [22, 9, 70];
/** A line's height in points. */
const LINE = 16;


type Style = Partial<Pick<import('exceljs').Cell, 'font' | 'fill' | 'border' | 'alignment'>>;

/** A row whose one cell spans the three columns. */
function mergedRow(sheet: Worksheet, text: string, style: Style) {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, 3);
  Object.assign(row.getCell(1), style);
  // The merged cells' border is drawn from each of them.
  if (style.border) for (const j of [2, 3]) row.getCell(j).border = style.border;
}
