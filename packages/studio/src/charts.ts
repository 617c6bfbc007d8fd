// The results' charts (ECharts, loaded only when there are results to draw): totals by unit
// stacked by section, and how many units got each grade. What they draw and how is
// @assess/reports' (the report draws the same charts as SVG); here they are drawn on canvases.
import { gradesOption, totalsOption, type Chart } from '@assess/reports/charts';

type ECharts = typeof import('./echarts.js')['echarts'];
let loading: Promise<ECharts> | undefined;

const echarts = (): Promise<ECharts> => (loading ??= import('./echarts.js').then((m) => m.echarts));

export async function drawCharts(totalsEl: HTMLElement, gradesEl: HTMLElement, chart: Chart, titles: { totals: string; grades: string }): Promise<void> {
  const e = await echarts();
  const totals = e.getInstanceByDom(totalsEl) ?? e.init(totalsEl);
  totals.setOption(totalsOption(chart, titles.totals), true);
  const grades = e.getInstanceByDom(gradesEl) ?? e.init(gradesEl);
  grades.setOption(gradesOption(chart, titles.grades), true);
}

export async function resizeCharts(...els: HTMLElement[]): Promise<void> {
  if (!loading) return;
  const e = await loading;
  for (const el of els) e.getInstanceByDom(el)?.resize();
}
