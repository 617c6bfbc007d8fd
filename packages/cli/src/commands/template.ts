// `assess template FILE [-o OUT.xlsx] [--rows N]`: an empty data-entry workbook for the
// scheme (@assess/sheets): one row per unit headed by the fields' labels, a sheet per list
// field, a sheet explaining every column, drop-downs and checks on every cell. Its words
// (sheet names, yes/no) are in the scheme's language unless --lang says otherwise.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { schemeLanguage, type Lang } from '@assess/core';
import { parseArgs, shortOut, UsageError, xlsxOut } from '../args.js';
import { EXIT, chooseLang, writeOut, type Command } from '../io.js';
import { schemeOrReport } from '../scheme.js';

/** Rows of each sheet that get their column's checks, unless --rows says otherwise. */
const ROWS = 1000;
/** Excel's last row, less the two header rows. */
const MAX_ROWS = 1_048_576 - 2;

/** Where a template goes without -o: beside the scheme, `towns.assess` → `towns-填报表.xlsx` (`towns-template.xlsx` in English). */
export function defaultTemplateFile(scheme: string, lang: Lang): string {
  const stem = basename(scheme, extname(scheme));
  return join(dirname(scheme), `${stem}-${lang === 'zh' ? '填报表' : 'template'}.xlsx`);
}

export const template: Command = async (argv, io) => {
  const args = parseArgs(shortOut(argv), { values: ['lang', 'out', 'rows'], switches: ['no-color'] });
  const messages = chooseLang(args, io.env);
  const [file, ...extra] = args.positional;
  if (!file || extra.length) throw new UsageError('assess template needs one scheme FILE');
  const rows = rowsFlag(args.values.rows);
  xlsxOut(args.values.out);
  const c = schemeOrReport(file, io, messages, args);
  if (!c) return EXIT.userError;
  const lang = args.values.lang === undefined ? schemeLanguage(c.model) : messages;
  const out = args.values.out ?? defaultTemplateFile(file, lang);
  // A template is filled in where it was written: never replace one unless -o names it.
  if (args.values.out === undefined && existsSync(out)) {
    io.stderr.write(messages === 'zh' ? `错误：${out} 已存在（可能已经填过）；用 -o 指定要写出的文件\n` : `error: ${out} already exists (it may have been filled in); name the file to write with -o\n`);
    return EXIT.usage;
  }
  const { templateWorkbook } = await import('@assess/sheets');
  writeOut(io, messages, out, await templateWorkbook(c.plan, { lang, rows }));
  return EXIT.ok;
};

function rowsFlag(value: string | undefined): number {
  if (value === undefined) return ROWS;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_ROWS) throw new UsageError(`--rows must be a whole number from 1 to ${MAX_ROWS}, not ${value}`);
  return n;
}
