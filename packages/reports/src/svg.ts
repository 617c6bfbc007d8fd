// The charts drawn as SVG text when a report is written (ECharts' server-side rendering): the
// report then needs no script to show them, prints sharp at any size, and opens offline.
import { BarChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, SVGRenderer]);

/** One chart as an `<svg>` element's text. */
export function svgChart(option: object, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ textStyle: { fontFamily: 'sans-serif' }, ...option });
    // A viewBox lets the page scale the chart to its width, on screen and on paper.
    return chart.renderToSVGString({ useViewBox: true });
  } finally {
    chart.dispose();
  }
}
