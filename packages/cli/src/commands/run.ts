// `assess run FILE --data DATA [--format table|json|csv]`: every unit's scores.
// The data is read in chunks into a table, scored with the scheme compiled to JavaScript,
// and the results written as they are made (one unit's result object at a time).
import { resultRow, resultsHeader, showPlace, showScore, unitJson, type Decimal, type Diagnostic, type Lang, type Plan } from '@assess/core';
import { parseArgs, UsageError } from '../args.js';
import { DATA_FLAGS, readData } from '../data.js';
import { chooseLang, EXIT, formatFlag, report, schemeOrReport, type Command } from '../io.js';
import { Output } from '../output.js';
import { ProgressBar } from '../progress.js';
import { scorer } from '../scorer.js';
import { csvCell, tableLines } from '../table.js';

export const run: Command = async (argv, io) => {
  const started = Date.now();
  const args = parseArgs(argv, DATA_FLAGS);
  const lang = chooseLang(args, io.env);
  const format = formatFlag(args, ['table', 'json', 'csv']);
  const [file, ...extra] = args.positional;
  if (!file || extra.length) throw new UsageError('assess run needs one scheme FILE');
  if (!args.values.data) throw new UsageError('assess run needs --data FILE.json|FILE.jsonl|FILE.csv');
  const c = schemeOrReport(file, io, lang, args);
  if (!c) return EXIT.userError;
  const data = await readData(c, args.values.data, io, lang, args);
  if (!data) return EXIT.userError;
  const scoring = scorer(c.plan).scoreTable(data.table);
  if (scoring.diagnostics.length > 0) {
    report(io, scoring.diagnostics as Diagnostic[], data.sources, args.values.data, lang, args);
    return EXIT.userError;
  }
  const out = new Output(io);
  const bar = new ProgressBar(io, lang === 'zh' ? '写出结果' : 'writing results', started);
  const lines = format === 'json' ? jsonLines(c.plan, scoring) : format === 'csv' ? csvLines(c.plan, scoring) : textLines(c.plan, scoring, file, lang);
  // About one line per unit (a table has its header twice over).
  await out.lines(lines, (written) => bar.update(Math.min(written, scoring.n), scoring.n));
  bar.stop();
  return EXIT.ok;
};

type Scoring = ReturnType<ReturnType<typeof scorer>['scoreTable']>;


/** `{ scheme, total, units }`, laid out exactly as JSON.stringify(…, null, 2) would. */
function* jsonLines(plan: Plan.Plan, s: Scoring): Generator<string> {
  yield '{';
  yield `  "scheme": ${JSON.stringify(plan.name)},`;
  yield `  "total": ${JSON.stringify(plan.total)},`;
  if (s.n === 0) {
    yield '  "units": []';
  } else {
    yield '  "units": [';
    for (let i = 0; i < s.n; i++) yield JSON.stringify(unitJson(s.build(i)), null, 2).replace(/^/gm, '    ') + (i < s.n - 1 ? ',' : '');
    yield '  ]';
  }
  yield '}';
}

function* csvLines(plan: Plan.Plan, s: Scoring): Generator<string> {
  const grouped = plan.within !== undefined;
  const hasBonus = plan.bonuses.length > 0;
  const hasPenalty = plan.penalties.length > 0;
  // Items in the order results list them.
  const header = ['id', ...(grouped ? ['group'] : []), ...(s.n > 0 ? s.build(0).items.map((x) => x.label) : []), ...plan.sections.map((x) => x.label), ...(hasBonus ? ['bonus'] : []), ...(hasPenalty ? ['penalty'] : []), 'total', 'place', 'grade', 'vetoes'];
  yield header.map(csvCell).join(',');
  const na = (x: { score: Decimal | null; notApplicable?: true }) => (x.notApplicable ? 'n/a' : showScore(x.score));
  for (let i = 0; i < s.n; i++) {
    const r = s.build(i);
    const cells = [
      csvCell(r.id),
      ...(grouped ? [csvCell(r.group ?? '')] : []),
      ...r.items.map(na),
      ...r.sections.map(na),
      ...(hasBonus ? [r.bonus.toString()] : []),
      ...(hasPenalty ? [r.penalty.toString()] : []),
      showScore(r.total),
      showPlace(r.place),
      r.grade === null ? '' : csvCell(r.grade),
      r.vetoes.length ? csvCell(r.vetoes.join('; ')) : '',
    ];
    yield cells.join(',');
  }
}

function* textLines(plan: Plan.Plan, s: Scoring, file: string, lang: Lang): Generator<string> {
  const { header, numeric } = resultsHeader(plan, lang);
  yield `${plan.name || file}`;
  yield '';
  yield* tableLines(header, s.n, (i) => resultRow(plan, s.build(i), lang), numeric);
}
