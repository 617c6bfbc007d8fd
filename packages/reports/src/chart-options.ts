// The ECharts options that draw the results' charts (charts.ts says what they draw), titles
// included: the studio's page builds them on its main thread, the report for its SVG. Nothing
// here loads ECharts (a page loads it only when there are results to draw) or the decimals.
import type { Lang } from '@assess/core';
import type { Chart } from './charts.js';
import { escapeHtml } from './html.js';

const WORDS = {
  zh: {
    units: '个单位',
    rate: '得分率',
    points: '分',
    totals: '各单位总分（按小节）',
    bands: '各分数段单位数（按等级）',
    bandAxis: '总分段（含下限，不含上限）',
    grades: '等级分布',
    items: '各项得分分布（得分率）',
  },
  en: {
    units: 'units',
    rate: 'share of the max',
    points: 'points',
    totals: 'Totals by unit, by section',
    bands: 'Units in each band of totals, by grade',
    bandAxis: 'total (a band includes its lower bound, not its upper)',
    grades: 'Grades',
    items: "Each item's scores (share of its max)",
  },
};

const TITLE = { left: 'center', textStyle: { fontSize: 14 } };

/** Totals by unit, stacked by section; or units by band of totals, stacked by grade. */
export function totalsOption(chart: Chart, lang: Lang) {
  const w = WORDS[lang];
  const { by, categories, series } = chart.totals;
  // Names and bands turned to fit when there are many.
  const turned = categories.length > 8;
  return {
    animation: false,
    title: { text: by === 'unit' ? w.totals : w.bands, ...TITLE },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 48, right: 16, top: 40, bottom: (turned ? 96 : 64) + (by === 'band' ? 16 : 0) },
    // Every unit's name while they fit; beyond that as many as fit (ECharts picks them).
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { interval: categories.length > 30 ? 'auto' : 0, rotate: turned ? 40 : 0 },
      ...(by === 'band' && { name: w.bandAxis, nameLocation: 'middle', nameGap: turned ? 48 : 28 }),
    },
    yAxis: { type: 'value', ...(by === 'band' && { minInterval: 1 }) },
    series: series.map((s) => ({ name: s.name, type: 'bar', stack: 'total', data: s.values })),
  };
}

/** How many units got each grade. */
export function gradesOption(chart: Chart, lang: Lang) {
  return {
    animation: false,
    title: { text: WORDS[lang].grades, ...TITLE },
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: chart.grades.filter((g) => g.count > 0).map((g) => ({ name: g.label, value: g.count })), label: { position: 'inside', formatter: '{c}', fontWeight: 'bold' } }],
  };
}

/** Each item's scores as a share of its max, one row per item: a dot per score, as large as the number of units that got it. */
export function itemsOption(chart: Chart, lang: Lang) {
  const w = WORDS[lang];
  const most = Math.max(1, ...chart.items.flatMap((it) => it.scores.map((s) => s.count)));
  const labels = chart.items.map((it) => it.label);
  const data = chart.items.flatMap((it, row) => it.scores.map((s) => ({ value: [it.max > 0 ? (100 * s.score) / it.max : 0, row, s.count, s.score], name: it.label })));
  return {
    animation: false,
    title: { text: w.items, ...TITLE },
    // A formatter's text is put into the page as HTML: the item's label is the scheme's, untrusted.
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number[] }) => `${escapeHtml(p.name)}: ${p.value[3]} ${w.points} × ${p.value[2]} ${w.units}` },
    grid: { left: 16, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'value', min: 0, max: 100, name: `${w.rate} %`, nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { interval: 0, fontSize: 11 } },
    series: [{ type: 'scatter', data, symbolSize: (v: number[]) => 6 + 18 * Math.sqrt(v[2] / most), itemStyle: { opacity: 0.75 } }],
  };
}

/** The height the items chart needs to give each item a row. */
export const itemsChartHeight = (chart: Chart) => Math.max(200, 80 + 26 * chart.items.length);
