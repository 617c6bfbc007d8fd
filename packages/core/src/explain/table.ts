// The results of a run as a table: one row per unit, a column per section and top-level item,
// then bonus, total, grade and vetoes. `assess run` prints it; editors show it.
import type { Lang } from '../common/text.js';
import type { Decimal } from '../common/decimal.js';
import type { UnitResult } from '../eval/evaluate.js';
import type { Plan } from '../ir/plan.js';

export interface ResultsTable {
  header: string[];
  rows: string[][];
  /** Which columns hold numbers (aligned right). */
  numeric: boolean[];
}

const WORDS = {
  en: { unit: 'unit', bonus: 'bonus', total: 'total', grade: 'grade', veto: 'veto' },
  zh: { unit: '单位', bonus: '加分', total: '总分', grade: '等级', veto: '否决' },
};

const show = (d: Decimal | null) => (d === null ? '—' : d.toString());

export function resultsTable(plan: Plan, units: readonly UnitResult[], lang: Lang): ResultsTable {
  const words = WORDS[lang];
  const hasBonus = plan.bonuses.length > 0;
  const header = [words.unit, ...plan.sections.map((s) => s.label), ...plan.topItems.map((id) => plan.items[id].label), ...(hasBonus ? [words.bonus] : []), words.total, words.grade, words.veto];
  const rows = units.map((r) => [
    r.id,
    ...r.sections.map((s) => show(s.score)),
    ...r.items.filter((i) => i.section === undefined).map((i) => show(i.score)),
    ...(hasBonus ? [r.bonus.toString()] : []),
    show(r.total),
    r.grade ?? '',
    r.vetoes.join('；'),
  ]);
  return { header, rows, numeric: header.map((_, j) => j > 0 && j < header.length - 2) };
}
