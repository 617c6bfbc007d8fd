// `assess run FILE --data DATA [--format table|json|csv]`: every unit's scores.
import { resultsTable, showPlace, showScore, unitJson } from '@assess/core';
import { parseArgs, UsageError } from '../args.js';
import { DATA_FLAGS, scoreData } from '../data.js';
import { chooseLang, EXIT, formatFlag, schemeOrReport, type Command } from '../io.js';
import { csvCell, table } from '../table.js';

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, DATA_FLAGS);
  const lang = chooseLang(args, io.env);
  const format = formatFlag(args, ['table', 'json', 'csv']);
  const [file, ...extra] = args.positional;
  if (!file || extra.length) throw new UsageError('assess run needs one scheme FILE');
  if (!args.values.data) throw new UsageError('assess run needs --data FILE.json|FILE.csv');
  const c = schemeOrReport(file, io, lang, args);
  if (!c) return EXIT.userError;
  const ev = scoreData(c, args.values.data, io, lang, args);
  if (!ev) return EXIT.userError;
  const plan = c.plan;
  const units = ev.units;
  if (format === 'json') {
    io.stdout.write(JSON.stringify({ scheme: plan.name, total: plan.total, units: units.map(unitJson) }, null, 2) + '\n');
    return EXIT.ok;
  }
  if (format === 'csv') {
    const grouped = plan.within !== undefined;
    const hasBonus = plan.bonuses.length > 0;
    const sectionLabels = plan.sections.map((s) => s.label);
    const itemLabels = units[0]?.items.map((i) => i.label) ?? [];
    const header = ['id', ...(grouped ? ['group'] : []), ...itemLabels, ...sectionLabels, ...(hasBonus ? ['bonus'] : []), 'total', 'place', 'grade', 'vetoes'];
    const rows = units.map((r) => [
      r.id,
      ...(grouped ? [r.group ?? ''] : []),
      ...r.items.map((i) => (i.notApplicable ? 'n/a' : showScore(i.score))),
      ...r.sections.map((s) => (s.notApplicable ? 'n/a' : showScore(s.score))),
      ...(hasBonus ? [r.bonus.toString()] : []),
      showScore(r.total),
      showPlace(r.place),
      r.grade ?? '',
      r.vetoes.join('; '),
    ]);
    io.stdout.write([header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n');
    return EXIT.ok;
  }
  const t = resultsTable(plan, units, lang);
  io.stdout.write(`${plan.name || file}\n\n` + table(t.header, t.rows, t.numeric));
  return EXIT.ok;
};
