// `assess report FILE --data DATA -o REPORT.html [--lang en]`: the results as one
// self-contained HTML page (summary, ranked table, charts, every unit's explanation) to
// publish or print. Chinese unless --lang en; the data is read as `assess run` reads it.
import { extname } from 'node:path';
import { parseArgs, shortOut, UsageError } from '../args.js';
import { scoreData } from '../data.js';
import { chooseLang, EXIT, writeOut, type Command } from '../io.js';
import { schemeOrReport } from '../scheme.js';

export const report: Command = async (argv, io) => {
  const args = parseArgs(shortOut(argv), { values: ['lang', 'data', 'sheet', 'out'], switches: ['no-color'] });
  // Messages follow the terminal's language (or --lang); the page is Chinese unless --lang en.
  const messages = chooseLang(args, io.env);
  const lang = args.values.lang === undefined ? 'zh' : messages;
  const [file, ...extra] = args.positional;
  if (!file || extra.length) throw new UsageError('assess report needs one scheme FILE');
  if (!args.values.data) throw new UsageError('assess report needs --data FILE');
  const out = args.values.out;
  if (!out || !['.html', '.htm'].includes(extname(out).toLowerCase())) throw new UsageError('assess report needs -o REPORT.html');
  const c = schemeOrReport(file, io, messages, args);
  if (!c) return EXIT.userError;
  // Every unit traced: its explanation shows each rule's steps, as `assess explain` does.
  const ev = await scoreData(c, args.values.data, io, messages, args, () => true);
  if (!ev) return EXIT.userError;
  if (ev.diagnostics.some((d) => d.severity === 'error')) return EXIT.userError;
  const { resultsReport } = await import('@assess/reports');
  writeOut(io, messages, out, resultsReport(c.plan, ev.units, { lang, date: today(io.env) }), { en: `${ev.n} units`, zh: `${ev.n} 个单位` });
  return EXIT.ok;
};

/** Today as `2026-12-01`; SOURCE_DATE_EPOCH (seconds) fixes it, for reproducible files. */
function today(env: Record<string, string | undefined>): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return new Date(Number.isFinite(epoch) && env.SOURCE_DATE_EPOCH ? epoch * 1000 : Date.now()).toISOString().slice(0, 10);
}
