// Real workbooks, written and read back with exceljs: the template's sheets, headers, checks
// and frozen headers; a template filled in with an example's data scores exactly as its
// expected.json; every bad cell is placed at its sheet and cell; results workbooks.
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { compile, evaluate, explainUnit, ranked, resultsHeader, unitJson, type Plan } from '@assess/core';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { filledTemplate } from '@assess/testing';
import { describe, expect, it } from 'vitest';
import { CELL_LINES, cellsOf } from './results.js';
import { cellValue } from './book.js';
import { sheetRows } from './read.js';
import fc from 'fast-check';
import { loadWorkbook, readWorkbook, readWorkbookUnits, resultsWorkbook, streamResultsWorkbook, templateWorkbook, WorkbookError, workbookSheets, type Workbook } from './index.js';

const example = (name: string) => new URL(`../../../examples/${name}/`, import.meta.url);
function schemeOf(name: string): Plan.Plan {
  const c = compile('scheme.assess', readFileSync(new URL('scheme.assess', example(name)), 'utf8'));
  if (!c.plan) throw new Error(c.diagnostics.map((d) => d.message.en).join('\n'));
  return c.plan;
}
const units = (name: string): Record<string, unknown>[] => JSON.parse(readFileSync(new URL('data.json', example(name)), 'utf8')).units;
const expected = (name: string) => JSON.parse(readFileSync(new URL('expected.json', example(name)), 'utf8'));

async function bytesOf(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('the data-entry template', () => {
  const rowOf = (w: ExcelJS.Worksheet, r: number) => (w.getRow(r).values as unknown[]).slice(1);

  it('has the data sheet, the explanation and a sheet per list, headed by labels with names underneath', async () => {
    const plan = schemeOf('article3-towns');
    const book = await loadWorkbook(await templateWorkbook(plan));
    expect(book.worksheets.map((w) => w.name)).toEqual(['数据', '字段说明', '荣誉']);
    const data = book.getWorksheet('数据')!;
    const scalar = plan.inputs.filter((f) => f.type.k !== 'list');
    expect(rowOf(data, 1)).toEqual(['单位', ...scalar.map((f) => f.label)]);
    expect(rowOf(data, 2)).toEqual(['id', ...scalar.map((f) => f.name)]);
    expect(data.rowCount).toBe(2);
    const honors = book.getWorksheet('荣誉')!;
    expect(rowOf(honors, 1)).toEqual(['单位', '新一轮农村实事项目', '级别', '荣誉证书、文件或会议材料的年度', '荣誉证书、相关文件或会议材料']);
    expect(rowOf(honors, 2)).toEqual(['id', '项目', '级别', '年度', '佐证']);
    const fields = book.getWorksheet('字段说明')!;
    expect(rowOf(fields, 1)).toEqual(['列标题', '字段名', '应填', '必填', '所在工作表']);
    // Every column of every entry sheet is explained, with the sheet it is on.
    const explained = fields.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(explained.map((r) => r[1])).toEqual(['id', ...scalar.map((f) => f.name), '荣誉', '荣誉.项目', '荣誉.级别', '荣誉.年度', '荣誉.佐证']);
    expect(explained.find((r) => r[1] === '荣誉.级别')).toEqual(['级别', '荣誉.级别', '以下之一：区级、市级、省级、国家级', '是', '荣誉']);
  });

  it('keeps both header rows in view and locked; the cells below stay editable', async () => {
    const plan = schemeOf('article3-towns');
    const book = await loadWorkbook(await templateWorkbook(plan));
    for (const name of ['数据', '荣誉']) {
      const w = book.getWorksheet(name)!;
      expect(w.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
      expect(w.sheetProtection).toMatchObject({ sheet: true, insertRows: true, deleteRows: true, sort: true, autoFilter: true });
      expect(w.sheetProtection).not.toHaveProperty('hashValue');
      for (let c = 1; c <= w.columnCount; c++) {
        // Locked is what a cell is unless its style says otherwise.
        expect(w.getCell(1, c).protection?.locked ?? true).toBe(true);
        expect(w.getCell(2, c).protection?.locked ?? true).toBe(true);
        // A cell below has its column's style: unlocked.
        expect(w.getColumn(c).protection).toMatchObject({ locked: false });
      }
    }
  });

  it('checks what is typed: drop-downs for yes/no and choices, whole numbers, ranges', async () => {
    const plan = schemeOf('article3-towns');
    const book = await loadWorkbook(await templateWorkbook(plan, { rows: 50 }));
    const data = book.getWorksheet('数据')!;
    expect(data.getCell('B2').dataValidation).toBeUndefined();
    expect(data.getCell('B3').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(data.getCell('D52').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(data.getCell('E3').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 90], showErrorMessage: true });
    expect(data.getCell('E53').dataValidation).toBeUndefined();
    const honors = book.getWorksheet('荣誉')!;
    expect(honors.getCell('C3').dataValidation).toMatchObject({ type: 'list', formulae: ['"区级,市级,省级,国家级"'] });
    expect(honors.getCell('D3').dataValidation).toMatchObject({ type: 'whole' });
  });

  it('in English, with a kind column when the scheme has several kinds, long choice lists on a hidden sheet', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `choice_number_${i}`);
    const c = compile('s.assess', `scheme "s" total 10\nunit town "镇", street "街道"\ninput {\n  a : ${long.join(' | ')}\n  b : yes/no\n  n : integer 1..5\n}\nitem "i" max 10 { 10 if b }\n`);
    const book = await loadWorkbook(await templateWorkbook(c.plan!, { lang: 'en' }));
    expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['data', 'visible'],
      ['fields', 'visible'],
      ['choices', 'hidden'],
    ]);
    const data = book.getWorksheet('data')!;
    expect(rowOf(data, 1)).toEqual(['id', 'unit', 'a', 'b', 'n']);
    expect(data.getCell('B3').dataValidation).toMatchObject({ type: 'list', formulae: ['"town,street"'] });
    expect(data.getCell('C3').dataValidation).toMatchObject({ type: 'list', formulae: ["'choices'!$A$1:$A$40"] });
    expect(data.getCell('D3').dataValidation).toMatchObject({ formulae: ['"yes,no"'] });
    expect(data.getCell('E3').dataValidation).toMatchObject({ type: 'whole', operator: 'between', formulae: [1, 5] });
  });
});

describe('reading a workbook', () => {
  it.each(['article3-towns', 'article1-finance', 'article2-villages'])('%s: the filled-in template scores exactly as expected.json', async (name) => {
    const plan = schemeOf(name);
    const { table, diagnostics } = await readWorkbookUnits(plan, await filledTemplate(plan, units(name)));
    expect(diagnostics.map((d) => `${d.code} ${d.span.file} ${d.message.en}`)).toEqual([]);
    const ev = evaluate(plan, table);
    expect(ev.units.map(unitJson)).toEqual(expected(name).units);
  });

  it('places every bad cell at its sheet and cell, list entries too', async () => {
    const plan = schemeOf('article3-towns');
    const data = units('article3-towns');
    data[1].少报次数 = '两次';
    delete data[2].部门得分;
    (data[0].荣誉 as Record<string, unknown>[])[1].级别 = '县级';
    const { diagnostics } = await readWorkbookUnits(plan, await filledTemplate(plan, data), { file: '成绩.xlsx' });
    expect(diagnostics.map((d) => `${d.code} ${d.span.file}`)).toEqual(['E0501 成绩.xlsx 荣誉!C4', 'E0501 成绩.xlsx 数据!D4', 'E0502 成绩.xlsx 数据!E5']);
    expect(diagnostics[1].message.zh).toContain('两次');
  });

  it('reads field names or labels in any order, a list as JSON in its cell, a percentage cell as a percentage', async () => {
    const c = compile('s.assess', `scheme "s" total 100\ninput {\n  rate : percent "完成率"\n  n : count\n  xs : list of { v : integer }\n}\nitem "i" max 100: rate * 100 + n * 0 + sum(xs.v) * 0\n`);
    const book = new ExcelJS.Workbook();
    const w = book.addWorksheet('Sheet1');
    w.addRow(['n', '完成率', 'xs', '单位名称', '__proto__']);
    w.addRow([3, 0.85, '[{"v": 2}]', '甲', 'x']);
    w.getCell('B2').numFmt = '0%';
    const read = await readWorkbook(c.plan!, await bytesOf(book));
    expect(read.sheet).toBe('Sheet1');
    expect(read.rows.map((r) => Object.entries(r))).toEqual([
      [
        ['n', 3],
        ['rate', '85%'],
        ['xs', [{ v: 2 }]],
        ['id', '甲'],
        ['__proto__', 'x'],
      ],
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    const { table, diagnostics } = await readWorkbookUnits(c.plan!, await bytesOf(book));
    expect(diagnostics.map((d) => `${d.code} ${d.span.file}`)).toEqual(['W0501 data.xlsx Sheet1!E2']);
    expect(evaluate(c.plan!, table).unit(0).total?.toString()).toBe('85');
  });

  it("reads a formula's result, 0 and FALSE included, as what it is (not a blank cell)", async () => {
    const c = compile('s.assess', `scheme "s" total 10\ninput {\n  done : yes/no\n  n : count\n}\nitem "a" max 10 {\n  5 if done\n  5 if n = 0\n}\n`);
    const book = new ExcelJS.Workbook();
    const w = book.addWorksheet('data');
    w.addRow(['id', 'done', 'n']);
    w.addRow(['A', { formula: '1=2', result: false }, { formula: '1-1', result: 0 }]);
    w.addRow(['B', { formula: '1=1', result: true }, { formula: '2-1', result: 1 }]);
    const { table, diagnostics } = await readWorkbookUnits(c.plan!, await bytesOf(book));
    expect(diagnostics).toEqual([]);
    const e = evaluate(c.plan!, table);
    expect([e.unit(0).total?.toString(), e.unit(1).total?.toString()]).toEqual(['5', '5']);
  });

  it('reads a small workbook with a cell far out (XFD1048576) by the cells it holds, not the sheet they span', async () => {
    const c = compile('s.assess', `scheme "s" total 10\ninput {\n  n : count\n}\nitem "a" max 10: n\n`);
    const book = new ExcelJS.Workbook();
    const w = book.addWorksheet('data');
    w.addRow(['id', 'n']);
    w.addRow(['A', 3]);
    w.getCell('XFD1048576').value = 'x';
    const read = await readWorkbook(c.plan!, await bytesOf(book));
    expect(read.rows.map((r) => Object.entries(r))).toEqual([[['id', 'A'], ['n', 3]], [['', 'x']]]);
  });

  it('reads a sheet, written and loaded again, as a walk over every cell of its extent would (header, non-blank rows, their cells)', async () => {
    const value = fc.oneof(fc.constant(undefined), fc.constant(''), fc.constant('  '), fc.integer({ min: -5, max: 100 }), fc.boolean(), fc.constantFrom('甲镇', 'yes', '85%', '__proto__'), fc.constant({ formula: '1-1', result: 0 }));
    const cells = fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 8 }), value), { maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(cells, async (cs) => {
        const book = new ExcelJS.Workbook();
        const w = book.addWorksheet('data');
        for (const [r, c, v] of cs) w.getCell(r, c).value = v as ExcelJS.CellValue;
        const sheet = (await loadWorkbook(await bytesOf(book))).getWorksheet('data')!;
        // The walk the reader made before: every cell of rowCount × columnCount.
        const width = sheet.columnCount;
        const dense = (r: number) => Array.from({ length: width }, (_, j) => cellValue(sheet.getCell(r, j + 1)));
        const header = dense(1).map((v) => (v === undefined ? '' : String(v)));
        const body: { at: number; cells: unknown[] }[] = [];
        for (let r = 2; r <= sheet.rowCount; r++) {
          const row = dense(r);
          if (row.some((c) => c !== undefined && !(typeof c === 'string' && c.trim() === ''))) body.push({ at: r, cells: row });
        }
        const read = sheetRows(sheet);
        expect(read.header).toEqual(header);
        expect(read.body.map((b) => b.at)).toEqual(body.map((b) => b.at));
        read.body.forEach((b, i) => expect(Array.from({ length: width }, (_, j) => b.cells[j])).toEqual(body[i].cells));
      }),
      { numRuns: 60 },
    );
  });

  it('reports a list entry whose unit is not on the data sheet, and a list sheet without a unit column', async () => {
    const plan = schemeOf('article3-towns');
    const book = await loadWorkbook(await filledTemplate(plan, units('article3-towns')));
    book.getWorksheet('荣誉')!.getCell('A3').value = '不存在镇';
    const r = await readWorkbookUnits(plan, await bytesOf(book));
    expect(r.diagnostics.map((d) => `${d.code} ${d.span.file} ${d.message.en}`)).toEqual(['E0505 data.xlsx 荣誉!A3 row 3 of sheet `荣誉` is for unit `不存在镇`, which the data sheet does not list']);
    book.getWorksheet('荣誉')!.getCell('A1').value = '谁';
    const r2 = await readWorkbookUnits(plan, await bytesOf(book));
    expect(r2.diagnostics.map((d) => d.message.zh)).toEqual(['工作表 `荣誉` 的第一行没有单位列（id、单位或单位名称）']);
  });

  it('lists sheets; bytes that are not a workbook and a missing sheet are refused, or reported as E0505', async () => {
    const plan = schemeOf('article3-towns');
    expect(await workbookSheets(await templateWorkbook(plan))).toEqual(['数据', '字段说明', '荣誉']);
    await expect(readWorkbook(plan, new TextEncoder().encode('id,a\n1,2\n'))).rejects.toThrow(WorkbookError);
    const r = await readWorkbookUnits(plan, new TextEncoder().encode('id,a\n1,2\n'), { file: 'x.xlsx' });
    expect(r.diagnostics.map((d) => `${d.code} ${d.span.file} ${d.message.zh}`)).toEqual(['E0505 x.xlsx 数据文件不是可以读取的 .xlsx 工作簿（不超过 50 MB，解压后不超过 128 MB）']);
    expect(r.table.n).toBe(0);
    const missing = await readWorkbookUnits(plan, await templateWorkbook(plan), { sheet: 'nope' });
    expect(missing.diagnostics.map((d) => d.message.en)).toEqual(['the workbook has no sheet `nope`']);
    await expect(readWorkbook(plan, await templateWorkbook(plan), { sheet: 'nope' })).rejects.toThrow(/nope/);
  });

  it('refuses a zip bomb: sizes that pass the bound together, and a file that unpacks to more than it says', async () => {
    const plan = schemeOf('article3-towns');
    const template = await templateWorkbook(plan);
    /** The template with its first sheet's declared unpacked size set to `size`, in the local header and the central directory. */
    const declaring = (size: number) => {
      const z = new Uint8Array(template);
      const dv = new DataView(z.buffer);
      const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
      const named = (at: number, nameAt: number) => name.every((b, k) => z[at + nameAt + k] === b);
      for (let i = 0; i + 46 < z.length; i++) {
        const sig = dv.getUint32(i, true);
        if (sig === 0x04034b50 && named(i, 30)) dv.setUint32(i + 22, size, true);
        if (sig === 0x02014b50 && named(i, 46)) dv.setUint32(i + 24, size, true);
      }
      return z;
    };
    expect((await readWorkbookUnits(plan, template, { file: 't.xlsx' })).diagnostics).toEqual([]);
    // A real bomb: 12 files of 11 MB of zeros beside the sheets, 132 MB unpacked from a file of a few hundred KB.
    const zeros = new Uint8Array(11 * 1024 * 1024);
    const padded = zipSync({ ...unzipSync(template), ...Object.fromEntries(Array.from({ length: 12 }, (_, k) => [`xl/media/pad${k}.bin`, zeros])) }, { level: 1 });
    expect(padded.length).toBeLessThan(1024 * 1024);
    for (const bytes of [padded, declaring(200 * 1024 * 1024), declaring(10)]) {
      const r = await readWorkbookUnits(plan, bytes, { file: 'bomb.xlsx' });
      expect(r.diagnostics.map((d) => `${d.code} ${d.message.en}`)).toEqual(['E0505 the data file is not an .xlsx workbook that can be read (at most 50 MB, 128 MB unpacked)']);
    }
  });
});

describe('the results workbook', () => {
  it('is the ranked results table and every unit explanation, read back', async () => {
    const name = 'article3-towns';
    const plan = schemeOf(name);
    const { table } = await readWorkbookUnits(plan, await filledTemplate(plan, units(name)));
    const ev = evaluate(plan, table, { trace: true });
    const book = await loadWorkbook(await resultsWorkbook(plan, ev.units));
    expect(book.worksheets.map((w) => w.name)).toEqual(['结果', '得分说明']);
    const results = book.getWorksheet('结果')!;
    const rows = results.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    // Core's results header, with the items of the sections before the sections.
    const items = ev.units[0].items.filter((i) => i.section !== undefined).map((i) => i.label);
    expect(items).toEqual(['组织领导', '材料报送', '牵头部门考核']);
    expect(rows[0]).toEqual(['单位', ...items, ...resultsHeader(plan, 'zh').header.slice(1)]);
    const first = ranked(ev.units)[0];
    expect(rows[1].slice(0, 4)).toEqual([first.id, ...first.items.slice(0, 3).map((i) => Number(i.score!.toString()))]);
    const placeColumn = rows[0].indexOf('名次');
    const places = rows.slice(1).map((r) => Number(r[placeColumn]));
    expect(places).toEqual([...places].sort((a, b) => a - b));
    const totals = Object.fromEntries(rows.slice(1).map((r) => [r[0], r[rows[0].indexOf('总分')]]));
    expect(totals).toEqual(Object.fromEntries(expected(name).units.map((u: { id: string; total: string }) => [u.id, Number(u.total)])));
    // Best place first, each unit's explanation whole: in the cell on its row, and in the cells below whose unit is blank.
    const explained: [string, string][] = [];
    for (const [id, text] of book.getWorksheet('得分说明')!.getSheetValues().slice(2).map((r) => (r as string[]).slice(1, 3))) {
      if (id) explained.push([id, text]);
      else explained[explained.length - 1][1] += `\n${text}`;
    }
    expect(explained).toEqual(ranked(ev.units).map((u) => [u.id, explainUnit(u, 'zh').trimEnd()]));
  });

  it('is the same workbook written as it is made (a row at a time, each unit\'s result built and let go of)', async () => {
    for (const name of ['article3-towns', 'article1-finance', 'article5-harmony']) {
      const plan = schemeOf(name);
      const { table } = await readWorkbookUnits(plan, await filledTemplate(plan, units(name)));
      const ev = evaluate(plan, table, { trace: true });
      const chunks: Buffer[] = [];
      const told: [number, number][] = [];
      await streamResultsWorkbook(plan, ev, new Writable({ write: (chunk: Buffer, _, done) => done(void chunks.push(chunk)) }), { lang: 'en', progress: (done, of) => told.push([done, of]) });
      // Progress told unit by unit, twice over (results, then explanations), to the end.
      expect(told.map(([done]) => done), name).toEqual(Array.from({ length: 2 * table.n + 1 }, (_, k) => k));
      expect(new Set(told.map(([, of]) => of)), name).toEqual(new Set([2 * table.n]));
      const streamed = await loadWorkbook(Buffer.concat(chunks));
      const whole = await loadWorkbook(await resultsWorkbook(plan, ev.units, { lang: 'en' }));
      expect(looks(streamed), name).toEqual(looks(whole));
      // Units placed within groups are listed group by group, as ranked lists them.
      expect((streamed.worksheets[0].getColumn(1).values as unknown[]).slice(2), name).toEqual(ranked(ev.units).map((u) => u.id));
      // An explanation wraps in its cell, the unit beside it at the top; the results' cells have no style of their own.
      for (const book of [streamed, whole]) {
        expect(book.worksheets[1].getCell('B2').alignment, name).toEqual({ wrapText: true, vertical: 'top' });
        expect(book.worksheets[1].getCell('A2').alignment, name).toEqual({ vertical: 'top' });
        expect(book.worksheets[0].getCell('B2').alignment, name).toBeUndefined();
      }
      // Printed as a table is read, whichever way it was written.
      for (const sheet of looks(streamed)) expect(sheet.print, name).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, printTitlesRow: '1:1' });
      expect(streamed.worksheets[1].rowCount, name).toBeGreaterThan(table.n);
    }
  });

  it('keeps a score that does not terminate as shown (a third), not as a float', async () => {
    const c = compile('s.assess', `scheme "s" total 10\ninput { a : 0..10 }\nitem "i" max 10: a / 3\n`);
    const { table } = await readWorkbookUnits(c.plan!, await (async () => {
      const b = new ExcelJS.Workbook();
      const w = b.addWorksheet('data');
      w.addRows([['id', 'a'], ['x', 1], ['y', 3]]);
      return bytesOf(b);
    })());
    const book = await loadWorkbook(await resultsWorkbook(c.plan!, evaluate(c.plan!, table).units, { lang: 'en' }));
    const results = book.getWorksheet('results')!;
    expect(results.getCell('B2').value).toBe(1);
    expect(results.getCell('B3').value).toBe('0.3333333333…');
  });

  it('an explanation longer than a cell holds goes on as many rows as it needs, whole lines each', () => {
    const text = (lines: number, width: number) => Array.from({ length: lines }, (_, n) => `${n}`.padEnd(width, '·')).join('\n');
    expect(cellsOf(text(CELL_LINES, 10))).toEqual([text(CELL_LINES, 10)]);
    const long = text(70, 1000);
    const cells = cellsOf(long);
    expect(cells.map((c) => c.length <= 32_767 && c.split('\n').length <= CELL_LINES)).toEqual([true, true, true]);
    expect(cells.join('\n')).toBe(long);
    expect(cellsOf('x'.repeat(40_000)).map((c) => c.length)).toEqual([32_767, 40_000 - 32_767]);
    expect(cellsOf('')).toEqual(['']);
  });
});

/** What a reader of a workbook sees of it: each sheet's cells, rows' heights, columns' widths and styles, views, filter and print titles. */
function looks(book: Workbook) {
  return book.worksheets.map((w) => ({
    name: w.name,
    values: w.getSheetValues(),
    heights: w.getSheetValues().map((_, r) => w.getRow(r).height),
    columns: w.columns.map((c) => ({ width: c.width, alignment: c.alignment })),
    header: w.getRow(1).font,
    views: w.views.map((v) => ({ state: v.state, xSplit: (v as { xSplit?: number }).xSplit, ySplit: (v as { ySplit?: number }).ySplit })),
    autoFilter: w.autoFilter,
    print: { orientation: w.pageSetup.orientation, fitToPage: w.pageSetup.fitToPage, fitToWidth: w.pageSetup.fitToWidth, fitToHeight: w.pageSetup.fitToHeight, paperSize: w.pageSetup.paperSize, printTitlesRow: w.pageSetup.printTitlesRow },
  }));
}
