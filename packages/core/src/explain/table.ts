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
  en: { unit: 'unit', group: 'group', bonus: 'bonus', total: 'total', place: 'place', grade: 'grade', veto: 'veto', notAssessed: 'not assessed' },
  zh: { unit: '单位', group: '组别', bonus: '加分', total: '总分', place: '名次', grade: '等级', veto: '否决', notAssessed: '不参评' },
};

/** A score as shown: `—` when there is none. */
export const showScore = (d: Decimal | null) => (d === null ? '—' : d.toString());
/** A place as shown: empty when the unit has none. */
export const showPlace = (p: number | null) => (p === null ? '' : String(p));

export function resultsTable(plan: Plan, units: readonly UnitResult[], lang: Lang): ResultsTable {
  const words = WORDS[lang];
  const grouped = plan.within !== undefined;
  const hasBonus = plan.bonuses.length > 0;
  const header = [
    words.unit,
    ...(grouped ? [words.group] : []),
    ...plan.sections.map((s) => s.label),
    ...plan.topItems.map((id) => plan.items[id].label),
    ...(hasBonus ? [words.bonus] : []),
    words.total,
    words.place,
    words.grade,
    words.veto,
  ];
  const rows = units.map((r) => [
    r.id,
    ...(grouped ? [r.group ?? ''] : []),
    ...r.sections.map((s) => (r.eligible && s.notApplicable ? '—' : showScore(s.score))),
    ...r.items.filter((i) => i.section === undefined).map((i) => showScore(i.score)),
    ...(hasBonus ? [r.bonus.toString()] : []),
    r.eligible ? showScore(r.total) : words.notAssessed,
    showPlace(r.place),
    r.grade ?? '',
    r.vetoes.join('；'),
  ]);
  const first = grouped ? 2 : 1;
  return { header, rows, numeric: header.map((_, j) => j >= first && j < header.length - 2) };
}
