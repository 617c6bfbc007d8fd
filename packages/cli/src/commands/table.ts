// `assess table FILE [--format md|html|xlsx|docx] [-o OUT]`: the published rules table
// (考核细则表) of a scheme: 考核项目 | 分值 | 考核内容及评分标准, in the language of the
// scheme's own words (or --lang). Markdown goes to stdout unless -o names a file; a workbook
// or a Word document is bytes, so it needs -o.
import { rulesTable, type Lang } from '@assess/core';
import { parseArgs, shortOut, UsageError } from '../args.js';
import { chooseLang, EXIT, formatFlag, writeOut, type Command } from '../io.js';
import { schemeOrReport } from '../scheme.js';

// The renderers (ECharts, docx and exceljs behind them) are loaded when a table is written,
// not when the command line starts.
const reports = () => import('@assess/reports');
const WRITERS = {
  md: async (t) => (await reports()).rulesTableMarkdown(t),
  html: async (t) => (await reports()).rulesTablePage(t),
  xlsx: async (t) => (await import('@assess/sheets')).rulesTableWorkbook(t),
  docx: async (t) => (await reports()).rulesTableDocx(t),
} satisfies Record<string, (t: ReturnType<typeof rulesTable>) => Promise<string | Uint8Array>>;

export const table: Command = async (argv, io) => {
  const args = parseArgs(shortOut(argv), { values: ['lang', 'format', 'out'], switches: ['no-color'] });
  // Messages follow the terminal's language; the table follows the scheme's unless --lang says.
  const messages = chooseLang(args, io.env);
  const tableLang = args.values.lang as Lang | undefined;
  const format = formatFlag(args, ['md', 'html', 'xlsx', 'docx']);
  const [file, ...extra] = args.positional;
  if (!file || extra.length) throw new UsageError('assess table needs one scheme FILE');
  const out = args.values.out;
  if (!out && (format === 'xlsx' || format === 'docx')) throw new UsageError(`--format ${format} writes a file: name it with -o FILE.${format}`);
  const c = schemeOrReport(file, io, messages, args);
  if (!c) return EXIT.userError;
  const written = await WRITERS[format](rulesTable(c.model, tableLang));
  if (!out) {
    io.stdout.write(written as string);
    return EXIT.ok;
  }
  writeOut(io, messages, out, written);
  return EXIT.ok;
};
