// `assess run FILE --data DATA [--format table|json|csv|xlsx] [-o OUT]`: every unit's scores.
// The data is read in chunks into a table, scored with the scheme compiled to JavaScript,
// and the results written as they are made: the table and the CSV from the scoring's columns
// (no object per unit), JSON one unit's result object at a time. A results workbook
// (@assess/sheets: the ranked table and every unit's explanation) is made whole, from the
// interpreter's results with their traces, and written to -o (or to a pipe, never a terminal).
import { resultsHeader, showScore as show, unitJson, type Diagnostic, type Lang, type Plan } from '@assess/core';
import { parseArgs, shortOut, UsageError, xlsxOut, type Args } from '../args.js';
import { DATA_FLAGS, readData, scoreData } from '../data.js';
import { chooseLang, EXIT, formatFlag, report, schemeOrReport, writeOut, type Command, type Io } from '../io.js';
import { Output } from '../output.js';
import { ProgressBar } from '../progress.js';
import { scorer } from '../scorer.js';
import { csvCell, tableLines } from '../table.js';

export const run: Command = async (argv, io) => {
  const started = Date.now();
  const args = parseArgs(shortOut(argv), { ...DATA_FLAGS, values: [...DATA_FLAGS.values, 'out'] });
  const lang = chooseLang(args, io.env);
  const format = formatFlag(args, ['table', 'json', 'csv', 'xlsx']);
  const [file, ...extra] = args.positional;
  if (!file || extra.length) throw new UsageError('assess run needs one scheme FILE');
  if (!args.values.data) throw new UsageError('assess run needs --data FILE.json|FILE.jsonl|FILE.csv|FILE.xlsx');
  if (format !== 'xlsx' && args.values.out !== undefined) throw new UsageError('-o is for --format xlsx (other formats go to standard output)');
  // Where a workbook goes is settled before anything is read.
  const target = format === 'xlsx' ? workbookTarget(args, io) : undefined;
  const c = schemeOrReport(file, io, lang, args);
  if (!c) return EXIT.userError;
  if (format === 'xlsx') return writeResultsWorkbook(c, args, io, lang, target);
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

/** Where a results workbook goes: -o, else standard output when it is not a terminal. */
function workbookTarget(args: Args, io: Io): string | undefined {
  const out = args.values.out;
  if (out === undefined && io.stdout.isTTY) throw new UsageError('--format xlsx writes a workbook: name it with -o OUT.xlsx (or pipe the output)');
  xlsxOut(out);
  return out;
}

/** The ranked results and every unit's explanation as a workbook. */
async function writeResultsWorkbook(c: Parameters<typeof scoreData>[0], args: Args, io: Io, lang: Lang, out: string | undefined): Promise<number> {
  const ev = await scoreData(c, args.values.data, io, lang, args, () => true);
  if (!ev || ev.diagnostics.some((d) => d.severity === 'error')) return EXIT.userError;
  const { resultsWorkbook } = await import('@assess/sheets');
  const bytes = await resultsWorkbook(c.plan, ev.units, { lang });
  if (out === undefined) {
    io.stdout.write(bytes);
    return EXIT.ok;
  }
  writeOut(io, lang, out, bytes);
  return EXIT.ok;
}

type Scoring = ReturnType<ReturnType<typeof scorer>['scoreTable']>;

/** Items in the order results list them (the plan's order, bonuses and penalties apart). */
const resultItems = (plan: Plan.Plan) => plan.items.filter((it) => it.kind === 'item').map((it) => it.id);

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

/** The columns of a run's CSV and table: groups, places, bonuses and penalties only when the scheme has them. */
function layout(plan: Plan.Plan, s: Scoring) {
  const col = s.columns;
  return {
    col,
    /** Each unit's group, when the scheme has groups. */
    group: col.groups ? (i: number) => col.groups!.keys[col.groups!.of[i]] : undefined,
    hasBonus: plan.bonuses.length > 0,
    hasPenalty: plan.penalties.length > 0,
    place: (i: number) => (col.places[i] === null ? '' : String(col.places[i])),
  };
}

function* csvLines(plan: Plan.Plan, s: Scoring): Generator<string> {
  const { col, group, hasBonus, hasPenalty, place } = layout(plan, s);
  const items = resultItems(plan);
  const header = ['id', ...(group ? ['group'] : []), ...(s.n > 0 ? items.map((id) => plan.items[id].label) : []), ...plan.sections.map((x) => x.label), ...(hasBonus ? ['bonus'] : []), ...(hasPenalty ? ['penalty'] : []), 'total', 'place', 'grade', 'vetoes'];
  yield header.map(csvCell).join(',');
  // A line is built cell by cell: numbers never need quoting; labels and keys are quoted once.
  const groups = new Map(col.groups?.keys.map((k) => [k, csvCell(k)]));
  const grades = new Map<string | null, string>(plan.gradeLabels.map((g) => [g, csvCell(g)]));
  grades.set(null, '');
  const itemCols = items.map((id) => ({ scores: col.items[id], na: col.itemsNA[id] }));
  const sectionCols = plan.sections.map((x) => ({ scores: col.sections[x.id], na: col.sectionsNA[x.id] }));
  for (let i = 0; i < s.n; i++) {
    let line = csvCell(s.ids[i]);
    if (group) line += ',' + groups.get(group(i));
    for (const c of itemCols) line += ',' + (c.na[i] ? 'n/a' : show(c.scores[i]));
    // A section that does not apply to a unit assessed; a unit not assessed has no scores.
    for (const c of sectionCols) line += ',' + (col.eligible[i] && c.na[i] ? 'n/a' : show(c.scores[i]));
    if (hasBonus) line += ',' + col.bonus[i].toString();
    if (hasPenalty) line += ',' + col.penalty[i].toString();
    const vetoes = col.vetoes[i];
    line += ',' + show(col.totals[i]) + ',' + place(i) + ',' + grades.get(col.grades[i]) + ',' + (vetoes.length ? csvCell(vetoes.join('; ')) : '');
    yield line;
  }
}

function* textLines(plan: Plan.Plan, s: Scoring, file: string, lang: Lang): Generator<string> {
  // The header is core's (the words every front end shows); the rows come from the scoring's
  // columns, cell for cell what core's resultRow makes of a unit's result.
  const { header, numeric } = resultsHeader(plan, lang);
  const notAssessed = lang === 'zh' ? '不参评' : 'not assessed';
  const { col, group, hasBonus, hasPenalty, place } = layout(plan, s);
  const row = (i: number) => [
    s.ids[i],
    ...(group ? [group(i)] : []),
    // A section or item that does not apply, like one that failed, has no score: —.
    ...plan.sections.map((x) => show(col.sections[x.id][i])),
    ...plan.topItems.map((id) => show(col.items[id][i])),
    ...(hasBonus ? [col.bonus[i].toString()] : []),
    ...(hasPenalty ? [col.penalty[i].isZero() ? '0' : `−${col.penalty[i].toString()}`] : []),
    col.eligible[i] ? show(col.totals[i]) : notAssessed,
    place(i),
    col.grades[i] ?? '',
    col.vetoes[i].join('；'),
  ];
  yield `${plan.name || file}`;
  yield '';
  yield* tableLines(header, s.n, row, numeric);
}
