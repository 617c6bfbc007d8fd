// The results' charts (ECharts, loaded only when there are results to draw): totals by unit
// stacked by section, and how many units got each grade.
import type { Chart } from './protocol.js';

type ECharts = typeof import('./echarts.js')['echarts'];
let loading: Promise<ECharts> | undefined;

const echarts = (): Promise<ECharts> => (loading ??= import('./echarts.js').then((m) => m.echarts));

export async function drawCharts(totalsEl: HTMLElement, gradesEl: HTMLElement, chart: Chart, titles: { totals: string; grades: string }): Promise<void> {
  const e = await echarts();
  const totals = e.getInstanceByDom(totalsEl) ?? e.init(totalsEl);
  totals.setOption(
    {
      animation: false,
      title: { text: titles.totals, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 48, right: 16, top: 40, bottom: 64 },
      xAxis: { type: 'category', data: chart.units, axisLabel: { interval: 0, rotate: chart.units.length > 8 ? 40 : 0 } },
      yAxis: { type: 'value' },
      series: chart.series.map((s) => ({ name: s.name, type: 'bar', stack: 'total', data: s.values })),
    },
    true,
  );
  const grades = e.getInstanceByDom(gradesEl) ?? e.init(gradesEl);
  grades.setOption(
    {
      animation: false,
      title: { text: titles.grades, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: chart.grades.filter((g) => g.count > 0).map((g) => ({ name: g.label, value: g.count })), label: { position: 'inside', formatter: '{c}', fontWeight: 'bold' } }],
    },
    true,
  );
}

export async function resizeCharts(...els: HTMLElement[]): Promise<void> {
  if (!loading) return;
  const e = await loading;
  for (const el of els) e.getInstanceByDom(el)?.resize();
}
