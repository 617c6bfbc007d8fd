// The results' charts (ECharts, loaded only when there are results to draw): totals by unit
// stacked by section (by band of totals, stacked by grade, for a large cohort), how many units
// got each grade, and each item's scores. What they draw and how is
// @assess/reports' (the report draws the same charts as SVG); here they are drawn on canvases.
import { gradesOption, itemsChartHeight, itemsOption, totalsOption } from '@assess/reports/chart-options';
import type { Chart } from '@assess/reports/charts';
import type { Lang } from '@assess/core';

type ECharts = typeof import('./echarts.js')['echarts'];
let loading: Promise<ECharts> | undefined;

const echarts = (): Promise<ECharts> => (loading ??= import('./echarts.js').then((m) => m.echarts));

export async function drawCharts(els: { totals: HTMLElement; grades: HTMLElement; items: HTMLElement }, chart: Chart, lang: Lang): Promise<void> {
  const e = await echarts();
  const totals = e.getInstanceByDom(els.totals) ?? e.init(els.totals);
  totals.setOption(totalsOption(chart, lang), true);
  const grades = e.getInstanceByDom(els.grades) ?? e.init(els.grades);
  grades.setOption(gradesOption(chart, lang), true);
  // One row per item: the chart is as tall as its items need.
  els.items.hidden = chart.items.length === 0;
  els.items.style.height = `${itemsChartHeight(chart)}px`;
  const items = e.getInstanceByDom(els.items) ?? e.init(els.items);
  items.resize();
  items.setOption(itemsOption(chart, lang), true);
}

export async function resizeCharts(...els: HTMLElement[]): Promise<void> {
  if (!loading) return;
  const e = await loading;
  for (const el of els) e.getInstanceByDom(el)?.resize();
}
