// The pictures of docs/spreadsheets.md: the example's template (filled in with four units)
// and its results workbook, each sheet as LibreOffice draws it (grid and row/column headings
// on, as on screen). Needs LibreOffice (libreoffice-calc-nogui), poppler-utils and imagemagick; neither
// tests nor CI run it. From the repository: `pnpm build && node packages/sheets/screenshots.mjs`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile, evaluate } from '@assess/core';
import ExcelJS from 'exceljs';
import { buildResults, buildTemplate, HEADER_ROWS, readWorkbookUnits } from '@assess/sheets';

const root = new URL('../../', import.meta.url);
const example = new URL('examples/article3-towns/', root);
const images = new URL('docs/images/', root).pathname;
const plan = compile('scheme.assess', readFileSync(new URL('scheme.assess', example), 'utf8')).plan;
const units = JSON.parse(readFileSync(new URL('data.json', example), 'utf8')).units.slice(0, 4);
// Debian's ImageMagick, before any other `convert` on the PATH.
const convert = existsSync('/usr/bin/convert') ? '/usr/bin/convert' : 'convert';
const dir = mkdtempSync(join(tmpdir(), 'assess-shots-'));

/** The template filled in as a drafter would: yes/no as 是/否, list entries on their sheet. */
function filled() {
  const book = buildTemplate(plan, { rows: 50 });
  const data = book.getWorksheet('数据');
  const honors = book.getWorksheet('荣誉');
  const cell = (v) => (v === true ? '是' : v === false ? '否' : v);
  let entry = HEADER_ROWS + 1;
  units.forEach((u, i) => {
    data.getRow(HEADER_ROWS + 1 + i).values = [u.id, ...plan.inputs.filter((f) => f.type.k !== 'list').map((f) => cell(u[f.name]))];
    for (const e of u.荣誉 ?? []) honors.getRow(entry++).values = [u.id, e.项目, e.级别, e.年度, e.佐证];
  });
  return book;
}

/** Each sheet of the book as a PNG named `${name}-${sheet}.png`, cropped to what is drawn. */
async function shoot(book, name, sheets) {
  for (const w of book.worksheets) {
    w.pageSetup = { ...w.pageSetup, showGridLines: true, showRowColHeaders: true };
    if (!sheets.includes(w.name)) w.state = 'hidden';
  }
  const xlsx = join(dir, `${name}.xlsx`);
  await book.xlsx.writeFile(xlsx);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'ignore' });
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', String(sheets.length), join(dir, `${name}.pdf`), join(dir, name)]);
  const pages = readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).sort();
  pages.forEach((page, i) => {
    const out = join(images, `sheets-${name}-${i + 1}.png`);
    execFileSync(convert, [join(dir, page), '-trim', '-bordercolor', 'white', '-border', '12', out]);
  });
}

try {
  await shoot(filled(), 'template', ['数据', '荣誉', '字段说明']);
  const { table } = await readWorkbookUnits(plan, await filled().xlsx.writeBuffer());
  const ev = evaluate(plan, table, { trace: true });
  await shoot(buildResults(plan, ev.units), 'results', ['结果', '得分说明']);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
