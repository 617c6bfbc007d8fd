// The results' charts, shared by Assess Studio (drawn on a canvas in the page) and the report
// (drawn as SVG when it is written): what to draw, from the plan and the units in place order
// (chart-options.ts draws it). Numbers are for drawing only; every score shown as text comes
// from the exact decimals, and which band a total falls in is decided on them.
import { Decimal, type Lang, type Plan, type UnitResult } from '@assess/core';

/** Up to this many units, the totals chart has a bar for each; beyond it, a bar for each band of totals. */
export const BARS_PER_UNIT = 100;

export interface Chart {
  /**
   * The totals: each unit's bar in place order, stacked by what each top-level section (and
   * top-level item) adds to it, then bonus and penalty when the scheme has them; or, for more
   * units than a bar each can show, how many units' totals fall in each band (`80–85`: from 80,
   * below 85), stacked by grade.
   */
  totals: { by: 'unit' | 'band'; categories: string[]; series: { name: string; values: number[] }[] };
  grades: { label: string; count: number }[];
  /** Each item's scores across units: how many units got each score. */
  items: { label: string; max: number; scores: { score: number; count: number }[] }[];
}

type Decimalish = { toNumber(): number } | null | undefined;
const num = (d: Decimalish) => (d ? d.toNumber() : 0);

const WORDS = {
  zh: { bonus: '加分', penalty: '减分', unitCount: '单位数', noGrade: '无等级' },
  en: { bonus: 'bonus', penalty: 'penalty', unitCount: 'units', noGrade: 'no grade' },
};

/** What the charts draw, from results in place order (`ranked`). */
export function chartData(plan: Plan.Plan, order: readonly UnitResult[], lang: Lang): Chart {
  const counts = new Map<string, number>(plan.gradeLabels.map((g) => [g, 0]));
  for (const r of order) if (r.grade !== null) counts.set(r.grade, (counts.get(r.grade) ?? 0) + 1);
  const totals = order.length > BARS_PER_UNIT ? totalsByBand(plan, order, lang) : totalsByUnit(plan, order, lang);
  return { totals, grades: [...counts].map(([label, count]) => ({ label, count })), items: itemScores(plan, order) };
}

function totalsByUnit(plan: Plan.Plan, order: readonly UnitResult[], lang: Lang): Chart['totals'] {
  const w = WORDS[lang];
  const top = plan.topSections.map((id) => plan.sections[id].label);
  // A weighted section adds its contribution, not its score: the bars add up to the total.
  const series = top.map((label) => ({ name: label, values: order.map((r) => num(r.sections.find((s) => s.label === label && s.parent === undefined)?.contribution)) }));
  for (const id of plan.topItems) {
    const label = plan.items[id].label;
    series.push({ name: label, values: order.map((r) => num(r.items.find((i) => i.label === label && i.section === undefined)?.score)) });
  }
  if (plan.bonuses.length > 0) series.push({ name: w.bonus, values: order.map((r) => num(r.bonus)) });
  if (plan.penalties.length > 0) series.push({ name: w.penalty, values: order.map((r) => -num(r.penalty)) });
  return { by: 'unit', categories: order.map((r) => r.id), series };
}

/** Band widths to choose from, narrowest first: 0.001, 0.002, 0.005, …, 1, 2, 5, 10, 20, 50, … 5·10^24. */
const widths = () =>
  Array.from({ length: 28 }, (_, i) => i - 3).flatMap((k) => [1, 2, 5].map((m) => Decimal.parse(k < 0 ? `0.${'0'.repeat(-k - 1)}${m}` : `${m}${'0'.repeat(k)}`)!));

/** At most this many bands: the narrowest of the widths that covers the totals in as few (bands of 5 for totals from 60 to 100). */
const MOST_BANDS = 12;

/** How many units' totals fall in each band, a series per grade (units with a total and no grade in a series of their own). */
function totalsByBand(plan: Plan.Plan, order: readonly UnitResult[], lang: Lang): Chart['totals'] {
  const w = WORDS[lang];
  const scored = order.filter((r): r is UnitResult & { total: Decimal } => r.eligible && r.total !== null);
  if (scored.length === 0) return { by: 'band', categories: [], series: [] };
  let lo = scored[0].total;
  let hi = lo;
  for (const r of scored) {
    if (r.total.lt(lo)) lo = r.total;
    if (r.total.gt(hi)) hi = r.total;
  }
  const bands = (width: Decimal) => hi.div(width).floor().sub(lo.div(width).floor()).toNumber() + 1;
  const all = widths();
  const width = all.find((d) => bands(d) <= MOST_BANDS) ?? all[all.length - 1];
  const first = lo.div(width).floor();
  const n = Math.min(bands(width), MOST_BANDS);
  const categories = Array.from({ length: n }, (_, i) => {
    const from = first.add(Decimal.fromInt(i)).mul(width);
    return `${from.toString()}–${from.add(width).toString()}`;
  });
  const names = plan.gradeLabels.length > 0 ? [...plan.gradeLabels, w.noGrade] : [w.unitCount];
  const counts = names.map(() => new Array<number>(n).fill(0));
  for (const r of scored) {
    const band = Math.min(n - 1, r.total.div(width).floor().sub(first).toNumber());
    const g = plan.gradeLabels.length === 0 ? 0 : r.grade === null ? names.length - 1 : Math.max(plan.gradeLabels.indexOf(r.grade), 0);
    counts[g][band]++;
  }
  const series = names.map((name, g) => ({ name, values: counts[g] })).filter((s) => s.values.some((v) => v > 0));
  return { by: 'band', categories, series };
}

/** Per item with a max: how many units got each score (items not scored for a unit are left out). */
function itemScores(plan: Plan.Plan, order: readonly UnitResult[]): Chart['items'] {
  return plan.items
    .filter((it) => it.kind === 'item' && it.max !== undefined)
    .map((it) => {
      const counts = new Map<number, number>();
      for (const r of order) {
        const got = r.items.find((i) => i.label === it.label);
        if (!got || got.notApplicable || got.score === null) continue;
        const score = got.score.toNumber();
        counts.set(score, (counts.get(score) ?? 0) + 1);
      }
      return { label: it.label, max: Number(it.max), scores: [...counts].sort((a, b) => a[0] - b[0]).map(([score, count]) => ({ score, count })) };
    });
}
