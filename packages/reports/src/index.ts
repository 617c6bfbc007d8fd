// @assess/reports — what a scheme and its results are published as (Node and browsers, no
// Node API): the rules table (HTML, Markdown, DOCX; the XLSX one is @assess/sheets'), the
// results report (one self-contained HTML file), and the charts Assess Studio draws too.
export { rulesTableHtml, rulesTableMarkdown, rulesTablePage } from './rules-table.js';
export { rulesTableDocx } from './docx.js';
export { resultsReport, type ReportOptions } from './report.js';
export { svgChart } from './svg.js';
export { escapeHtml } from './html.js';
export { BARS_PER_UNIT, chartData, type Chart } from './charts.js';
export { gradesOption, itemsOption, itemsChartHeight, totalsOption } from './chart-options.js';
