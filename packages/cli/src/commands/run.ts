// `assess run FILE --data DATA [--format table|json|csv]`: every unit's scores.
import { unitJson, type Decimal } from '@assess/core';
import { parseArgs, UsageError } from '../args.js';
import { DATA_FLAGS, scoreData } from '../data.js';
import { chooseLang, EXIT, formatFlag, schemeOrReport, type Command } from '../io.js';
import { csvCell, table } from '../table.js';

const show = (d: Decimal | null) => (d === null ? '—' : d.toString());

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
  const words =
    lang === 'zh'
      ? { unit: '单位', group: '组别', bonus: '加分', total: '总分', place: '名次', grade: '等级', veto: '否决', notAssessed: '不参评' }
      : { unit: 'unit', group: 'group', bonus: 'bonus', total: 'total', place: 'place', grade: 'grade', veto: 'veto', notAssessed: 'not assessed' };
  const grouped = plan.within !== undefined;
  const place = (p: number | null) => (p === null ? '' : String(p));
  const sectionLabels = plan.sections.map((s) => s.label);
  const topItems = plan.topItems.map((id) => plan.items[id].label);
  const hasBonus = plan.bonuses.length > 0;
  if (format === 'csv') {
    const itemLabels = units[0]?.items.map((i) => i.label) ?? [];
    const header = ['id', ...(grouped ? ['group'] : []), ...itemLabels, ...sectionLabels, ...(hasBonus ? ['bonus'] : []), 'total', 'place', 'grade', 'vetoes'];
    const rows = units.map((r) => [
      r.id,
      ...(grouped ? [r.group ?? ''] : []),
      ...r.items.map((i) => (i.notApplicable ? 'n/a' : show(i.score))),
      ...r.sections.map((s) => (s.notApplicable ? 'n/a' : show(s.score))),
      ...(hasBonus ? [r.bonus.toString()] : []),
      show(r.total),
      place(r.place),
      r.grade ?? '',
      r.vetoes.join('; '),
    ]);
    io.stdout.write([header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n');
    return EXIT.ok;
  }
  const header = [words.unit, ...(grouped ? [words.group] : []), ...sectionLabels, ...topItems, ...(hasBonus ? [words.bonus] : []), words.total, words.place, words.grade, words.veto];
  const rows = units.map((r) => [
    r.id,
    ...(grouped ? [r.group ?? ''] : []),
    ...r.sections.map((s) => (r.eligible && s.notApplicable ? '—' : show(s.score))),
    ...r.items.filter((i) => i.section === undefined).map((i) => show(i.score)),
    ...(hasBonus ? [r.bonus.toString()] : []),
    r.eligible ? show(r.total) : words.notAssessed,
    place(r.place),
    r.grade ?? '',
    r.vetoes.join('；'),
  ]);
  const first = grouped ? 2 : 1;
  const numeric = header.map((_, j) => j >= first && j < header.length - 2);
  io.stdout.write(`${plan.name || file}\n\n` + table(header, rows, numeric));
  return EXIT.ok;
};
