// The results of a run as a table: one row per unit, its group (when the scheme ranks within
// groups), a column per section and top-level item, then bonus, total, place, grade and
// vetoes. `assess run` prints it; editors show it.
import type { Decimal } from '../common/decimal.js';
import type { Lang } from '../common/text.js';
import type { UnitResult } from '../eval/evaluate.js';
import type { Plan } from '../ir/plan.js';

export interface ResultsTable {
  header: string[];
  rows: string[][];
  /** Which columns hold numbers (aligned right). */
  numeric: boolean[];
}

const WORDS = {
  en: { unit: 'unit', group: 'group', bonus: 'bonus', penalty: 'penalty', total: 'total', place: 'place', grade: 'grade', veto: 'veto', notAssessed: 'not assessed' },
  zh: { unit: '单位', group: '组别', bonus: '加分', penalty: '减分', total: '总分', place: '名次', grade: '等级', veto: '否决', notAssessed: '不参评' },
};

/** A score as shown: `—` when there is none. */
export const showScore = (d: Decimal | null) => (d === null ? '—' : d.toString());
/** A place as shown: empty when the unit has none. */
export const showPlace = (p: number | null) => (p === null ? '' : String(p));

/** The columns a scheme's results need: groups, bonuses and penalties only when it has them. */
const columns = (plan: Plan) => ({ grouped: plan.within !== undefined, hasBonus: plan.bonuses.length > 0, hasPenalty: plan.penalties.length > 0 });

/** The header of the results table, and which columns hold numbers (aligned right). */
export function resultsHeader(plan: Plan, lang: Lang): { header: string[]; numeric: boolean[] } {
  const words = WORDS[lang];
  const { grouped, hasBonus, hasPenalty } = columns(plan);
  const header = [
    words.unit,
    ...(grouped ? [words.group] : []),
    ...plan.sections.map((s) => s.label),
    ...plan.topItems.map((id) => plan.items[id].label),
    ...(hasBonus ? [words.bonus] : []),
    ...(hasPenalty ? [words.penalty] : []),
    words.total,
    words.place,
    words.grade,
    words.veto,
  ];
  const first = grouped ? 2 : 1;
  return { header, numeric: header.map((_, j) => j >= first && j < header.length - 2) };
}

/** One unit's row of the results table. */
export function resultRow(plan: Plan, r: UnitResult, lang: Lang): string[] {
  const { grouped, hasBonus, hasPenalty } = columns(plan);
  return [
    r.id,
    ...(grouped ? [r.group ?? ''] : []),
    ...r.sections.map((s) => (r.eligible && s.notApplicable ? '—' : showScore(s.score))),
    ...r.items.filter((i) => i.section === undefined).map((i) => showScore(i.score)),
    ...(hasBonus ? [r.bonus.toString()] : []),
    ...(hasPenalty ? [r.penalty.isZero() ? '0' : `−${r.penalty.toString()}`] : []),
    r.eligible ? showScore(r.total) : WORDS[lang].notAssessed,
    showPlace(r.place),
    r.grade ?? '',
    r.vetoes.join('；'),
  ];
}

export function resultsTable(plan: Plan, units: readonly UnitResult[], lang: Lang): ResultsTable {
  return { ...resultsHeader(plan, lang), rows: units.map((r) => resultRow(plan, r, lang)) };
}

/**
 * A cell of a CSV file of results: quoted when it holds a quote, a comma or a line break; and
 * text a spreadsheet would run as a formula — starting with `=`, `+`, `@`, a tab, a carriage
 * return, or `-` followed by more than a plain number (`-1+HYPERLINK(…)`) — with a `'` before it,
 * so that opening the file shows the text and runs nothing (a unit's id `=HYPERLINK(…)`). A
 * number, `-2` or `-0.5` as well as `85`, stays a number.
 */
export function csvCell(text: string): string {
  const safe = /^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
