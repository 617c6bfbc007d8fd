// The rules table as a Word document (.docx), with the `docx` library (maintained, no native
// code, Node and browsers): the title, the notes, and one table whose section rows span its
// three columns; the header row repeats on every page; A4 portrait.
import type { RulesTable } from '@assess/core';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/** Column widths in twentieths of a point: 考核项目, 分值, 考核内容及评分标准 (an A4 page's text width in all). */
const WIDTHS = [2000, 900, 6600];
const FONT = { ascii: 'Arial', eastAsia: 'SimSun', hAnsi: 'Arial' };

const text = (s: string, bold = false) => new TextRun({ text: s, bold, font: FONT, size: 21 });
const cell = (s: string, width: number, options: { bold?: boolean; span?: number; center?: boolean; shade?: string } = {}) =>
  new TableCell({
    children: [new Paragraph({ children: [text(s, options.bold)], alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT })],
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    shading: options.shade ? { type: ShadingType.CLEAR, fill: options.shade, color: 'auto' } : undefined,
  });

/** The bytes of a .docx file holding the rules table. */
export async function rulesTableDocx(t: RulesTable): Promise<Uint8Array> {
  const rows = [new TableRow({ tableHeader: true, children: t.header.map((h, j) => cell(h, WIDTHS[j], { bold: true, center: true, shade: 'EEF1F5' })) })];
  for (const g of t.groups) {
    if (g.heading !== undefined) rows.push(new TableRow({ cantSplit: true, children: [cell(g.heading, WIDTHS[0] + WIDTHS[1] + WIDTHS[2], { bold: true, span: 3, shade: 'F6F7F9' })] }));
    for (const r of g.rows) rows.push(new TableRow({ cantSplit: true, children: [cell(r.item, WIDTHS[0]), cell(r.points, WIDTHS[1], { center: true }), cell(r.rule, WIDTHS[2])] }));
  }
  const doc = new Document({
    creator: 'Assess',
    title: t.title,
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: t.title, bold: true, font: FONT, size: 32 })] }),
          ...t.notes.map((n) => new Paragraph({ children: [text(n)] })),
          new Table({ rows, width: { size: WIDTHS[0] + WIDTHS[1] + WIDTHS[2], type: WidthType.DXA }, columnWidths: WIDTHS }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
