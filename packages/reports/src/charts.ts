// The results' charts, shared by Assess Studio (drawn on a canvas in the page) and the report
// (drawn as SVG when it is written): what to draw, from the plan and the units in place
// order, and the ECharts options that draw it. Nothing here loads ECharts: a page loads it
// only when there are results to draw. Numbers are for drawing only; every score shown as
// text comes from the exact decimals.
import type { Lang, Plan, UnitResult } from '@assess/core';

export interface Chart {
  /** Units in place order. */
  units: string[];
  /** What each top-level section (and top-level item) adds to the total, then bonus and penalty when the scheme has them. */
  series: { name: string; values: number[] }[];
  grades: { label: string; count: number }[];
  /** Each item's scores across units: how many units got each score. */
  items: { label: string; max: number; scores: { score: number; count: number }[] }[];
}

type Decimalish = { toNumber(): number } | null | undefined;
const num = (d: Decimalish) => (d ? d.toNumber() : 0);

const WORDS = {
  zh: { bonus: '加分', penalty: '减分', units: '个单位', rate: '得分率', points: '分' },
  en: { bonus: 'bonus', penalty: 'penalty', units: 'units', rate: 'share of the max', points: 'points' },
};

/** What the charts draw, from results in place order (`ranked`). */
export function chartData(plan: Plan.Plan, order: readonly UnitResult[], lang: Lang): Chart {
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
  const counts = new Map<string, number>(plan.gradeLabels.map((g) => [g, 0]));
  for (const r of order) if (r.grade !== null) counts.set(r.grade, (counts.get(r.grade) ?? 0) + 1);
  return { units: order.map((r) => r.id), series, grades: [...counts].map(([label, count]) => ({ label, count })), items: itemScores(plan, order) };
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

const TITLE = { left: 'center', textStyle: { fontSize: 14 } };

/** Totals by unit, stacked by section. */
export function totalsOption(chart: Chart, title: string) {
  return {
    animation: false,
    title: { text: title, ...TITLE },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 48, right: 16, top: 40, bottom: chart.units.length > 8 ? 96 : 64 },
    // Every unit's name while they fit; beyond that as many as fit (ECharts picks them).
    xAxis: { type: 'category', data: chart.units, axisLabel: { interval: chart.units.length > 30 ? 'auto' : 0, rotate: chart.units.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value' },
    series: chart.series.map((s) => ({ name: s.name, type: 'bar', stack: 'total', data: s.values })),
  };
}

/** How many units got each grade. */
export function gradesOption(chart: Chart, title: string) {
  return {
    animation: false,
    title: { text: title, ...TITLE },
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: chart.grades.filter((g) => g.count > 0).map((g) => ({ name: g.label, value: g.count })), label: { position: 'inside', formatter: '{c}', fontWeight: 'bold' } }],
  };
}

/** Each item's scores as a share of its max, one row per item: a dot per score, as large as the number of units that got it. */
export function itemsOption(chart: Chart, title: string, lang: Lang) {
  const w = WORDS[lang];
  const most = Math.max(1, ...chart.items.flatMap((it) => it.scores.map((s) => s.count)));
  const labels = chart.items.map((it) => it.label);
  const data = chart.items.flatMap((it, row) => it.scores.map((s) => ({ value: [it.max > 0 ? (100 * s.score) / it.max : 0, row, s.count, s.score], name: it.label })));
  return {
    animation: false,
    title: { text: title, ...TITLE },
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number[] }) => `${p.name}: ${p.value[3]} ${w.points} × ${p.value[2]} ${w.units}` },
    grid: { left: 16, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'value', min: 0, max: 100, name: `${w.rate} %`, nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { interval: 0, fontSize: 11 } },
    series: [{ type: 'scatter', data, symbolSize: (v: number[]) => 6 + 18 * Math.sqrt(v[2] / most), itemStyle: { opacity: 0.75 } }],
  };
}

/** The height the items chart needs to give each item a row. */
export const itemsChartHeight = (chart: Chart) => Math.max(200, 80 + 26 * chart.items.length);
