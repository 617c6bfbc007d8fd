// The lines of `assess run`'s results (a table, CSV, JSON), made from the scoring's columns one
// unit at a time (no result object held per unit). A run scored in parts on several threads
// writes each part's lines on its own thread: `Part` says which lines fall to a part.
import type { Lang, Plan } from '@assess/core';
import { csvCell, printable, resultsHeader, showScore as show, unitJson } from '@assess/core/rows';
import type { Decimal } from '@assess/runtime';
import { encoded, type LineBytes } from './bytes.js';
import type { Scorer } from './scorer-from.js';
import { alignedLines, columnWidths } from './table.js';

export type Scoring = ReturnType<Scorer['scoreTable']>;

/**
 * Which of a run's lines a part of its units writes: the lines before the units (`head`, the
 * first part), after them (`tail`, the last part), and whether its last unit is the run's
 * last; `n`: the units of the whole run.
 */
export interface Part {
  head: boolean;
  tail: boolean;
  lastUnit: boolean;
  n: number;
}

/** A run in one part. */
const whole = (s: Scoring): Part => ({ head: true, tail: true, lastUnit: true, n: s.n });

/** Items in the order results list them (the plan's order, bonuses and penalties apart). */
const resultItems = (plan: Plan.Plan) => plan.items.filter((it) => it.kind === 'item').map((it) => it.id);

/** `{ scheme, total, units }`, laid out exactly as JSON.stringify(…, null, 2) would. */
export function* jsonLines(plan: Plan.Plan, s: Scoring, part = whole(s)): Generator<string> {
  if (part.head) {
    yield '{';
    yield `  "scheme": ${JSON.stringify(plan.name)},`;
    yield `  "total": ${JSON.stringify(plan.total)},`;
    yield part.n === 0 ? '  "units": []' : '  "units": [';
  }
  // Indented at each line break JSON.stringify makes: a label's U+2028 or U+2029, which it
  // leaves as they are, ends no line (`/^/gm` took them for line ends and put spaces in labels).
  for (let i = 0; i < s.n; i++) yield '    ' + JSON.stringify(unitJson(s.build(i)), null, 2).replaceAll('\n', '\n    ') + (i < s.n - 1 || !part.lastUnit ? ',' : '');
  if (part.tail) {
    if (part.n > 0) yield '  ]';
    yield '}';
  }
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

/**
 * The results as CSV, written into `w`: the header line (the first part's), then a line per
 * unit, yielding when a piece is full (`LineBytes.full`). Numbers never need quoting; labels,
 * grades and group keys are quoted and encoded once.
 */
export function* csvLines(plan: Plan.Plan, s: Scoring, w: LineBytes, part = whole(s)): Generator<void> {
  const { col, group, hasBonus, hasPenalty } = layout(plan, s);
  const items = resultItems(plan);
  const header = ['id', ...(group ? ['group'] : []), ...(part.n > 0 ? items.map((id) => plan.items[id].label) : []), ...plan.sections.map((x) => x.label), ...(hasBonus ? ['bonus'] : []), ...(hasPenalty ? ['penalty'] : []), 'total', 'place', 'grade', 'vetoes'];
  if (part.head) {
    w.text(header.map(csvCell).join(','));
    w.end();
  }
  const cell = (text: string) => encoded(',' + csvCell(text));
  const groups = new Map(col.groups?.keys.map((k) => [k, cell(k)]));
  const grades = new Map<string | null, Uint8Array>(plan.gradeLabels.map((g) => [g, cell(g)]));
  grades.set(null, encoded(','));
  const na = encoded(',n/a');
  const itemCols = items.map((id) => ({ scores: col.items[id], na: col.itemsNA[id] }));
  const sectionCols = plan.sections.map((x) => ({ scores: col.sections[x.id], na: col.sectionsNA[x.id] }));
  const score = (d: Decimal | null) => {
    w.char(COMMA);
    if (d === null) w.text(show(d));
    else w.decimal(d);
  };
  for (let i = 0; i < s.n; i++) {
    w.text(csvCell(s.ids[i]));
    if (group) w.bytes(groups.get(group(i))!);
    for (const c of itemCols) c.na[i] ? w.bytes(na) : score(c.scores[i]);
    // A section that does not apply to a unit assessed; a unit not assessed has no scores.
    for (const c of sectionCols) col.eligible[i] && c.na[i] ? w.bytes(na) : score(c.scores[i]);
    if (hasBonus) score(col.bonus[i]);
    if (hasPenalty) score(col.penalty[i]);
    score(col.totals[i]);
    w.char(COMMA);
    const place = col.places[i];
    if (place !== null) w.whole(place);
    w.bytes(grades.get(col.grades[i])!);
    w.char(COMMA);
    const vetoes = col.vetoes[i];
    if (vetoes.length) w.text(csvCell(vetoes.join('; ')));
    w.end();
    if (w.full) yield;
  }
}

const COMMA = 44;

/** The results as a plain-text table: its title, header, which columns are numbers, and each unit's cells. */
function table(plan: Plan.Plan, s: Scoring, file: string, lang: Lang) {
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
  return { title: `${plan.name || file}`, header, numeric, row };
}

/**
 * The results as a plain-text table, its columns aligned over every row: measured here, or
 * (`widths`) over every part's rows, a run in parts (the first part's lines begin with the title
 * and the header).
 */
export function* textLines(plan: Plan.Plan, s: Scoring, file: string, lang: Lang, part = whole(s), widths?: number[]): Generator<string> {
  const t = table(plan, s, file, lang);
  // Labels, ids, grades and reasons as a terminal may print them (no escape sequences).
  if (part.head) {
    yield printable(t.title);
    yield '';
  }
  for (const line of alignedLines(t.header, widths ?? columnWidths(t.header, s.n, t.row), s.n, t.row, t.numeric, part.head)) yield printable(line);
}

/** How wide a part's rows (and the header) make the table's columns. */
export const tableWidths = (plan: Plan.Plan, s: Scoring, file: string, lang: Lang): number[] => {
  const t = table(plan, s, file, lang);
  return columnWidths(t.header, s.n, t.row);
};
