// The results report: one self-contained HTML file (styles inline, charts drawn as SVG when
// it is written, no script, no request when it is opened) that an assessment office can
// publish or print on A4: the title and date, the summary figures, the ranked table (core's
// results table, as `assess run` prints it), the charts, and every unit's explanation (the
// text of `assess explain`), collapsible on screen and expanded on paper.
import { Decimal, explainUnit, ranked, resultsTable, showScore, type Lang, type Plan, type UnitResult } from '@assess/core';
import { gradesOption, itemsChartHeight, itemsOption, totalsOption } from './chart-options.js';
import { chartData, type Chart } from './charts.js';
import { escapeHtml } from './html.js';
import { svgChart } from './svg.js';

export interface ReportOptions {
  lang: Lang;
  /** The date printed under the title (`2026-12-01`): the caller's today, so that a report is reproducible. */
  date: string;
}

const WORDS = {
  zh: {
    // `…年度考核` → `…年度考核结果`, not `…考核考核结果`.
    title: (name: string) => (/(考核|考评|评估|评价)$/.test(name) ? `${name}结果` : `${name}考核结果`),
    date: '生成日期：',
    outOf: (t: string) => `满分 ${t} 分`,
    summary: '概况',
    units: '参评单位',
    notAssessed: '不参评',
    besides: (n: number) => `（不参评 ${n}）`,
    mean: '平均分',
    median: '中位数',
    max: '最高分',
    min: '最低分',
    vetoed: '一票否决',
    byGroup: '各组',
    group: '组别',
    grades: '等级：',
    ranking: '排名',
    charts: '图表',
    explanations: '各单位得分说明',
    points: '分',
    place: (p: number) => `第 ${p} 名`,
    footer: '本报告由 Assess 根据考核方案与填报数据生成；所有分数为精确值，说明逐项列出计算过程。',
  },
  en: {
    title: (name: string) => `${name}: results`,
    date: 'Date: ',
    outOf: (t: string) => `out of ${t}`,
    summary: 'Summary',
    units: 'Units assessed',
    notAssessed: 'not assessed',
    besides: (n: number) => ` (${n} not assessed)`,
    mean: 'Mean',
    median: 'Median',
    max: 'Highest',
    min: 'Lowest',
    vetoed: 'Vetoed',
    byGroup: 'By group',
    group: 'Group',
    grades: 'Grades: ',
    ranking: 'Ranking',
    charts: 'Charts',
    explanations: "How each unit's scores came about",
    points: 'points',
    place: (p: number) => `place ${p}`,
    footer: 'Written by Assess from the scheme and the data; every score is exact, and each explanation shows how it was computed.',
  },
};

/** Charts are drawn for the printed page's width (A4 less its margins, in CSS pixels). */
const WIDTH = 680;

/** The report as one HTML document. `units` are an evaluation's results, with traces for full explanations. */
export function resultsReport(plan: Plan.Plan, units: readonly UnitResult[], options: ReportOptions): string {
  const { lang } = options;
  const w = WORDS[lang];
  const order = ranked(units);
  const title = w.title(plan.name);
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>
${CSS}
</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="date">${w.date}${escapeHtml(options.date)} · ${escapeHtml(w.outOf(plan.total))}</p>
</header>
${summary(plan, order, lang)}
<section class="ranking">
<h2>${w.ranking}</h2>
${rankingTable(plan, order, lang)}
</section>
${charts(plan, order, lang)}
<section class="explanations">
<h2>${w.explanations}</h2>
${order.map((r) => explanation(r, lang)).join('\n')}
</section>
<footer>${w.footer}</footer>
</body>
</html>
`;
}

/** The summary figures: how many units, the totals' mean (to two places), median, highest and lowest (exact), grades and vetoes. */
function summary(plan: Plan.Plan, order: readonly UnitResult[], lang: Lang): string {
  const w = WORDS[lang];
  const assessed = order.filter((r) => r.eligible);
  const totals = assessed.flatMap((r) => (r.total === null ? [] : [r.total])).sort((a, b) => a.cmp(b));
  const figures: [string, string][] = [[w.units, String(assessed.length) + (assessed.length < order.length ? w.besides(order.length - assessed.length) : '')]];
  if (totals.length > 0) figures.push(...totalsFigures(totals, lang));
  figures.push([w.vetoed, String(order.filter((r) => r.vetoed).length)]);
  const grades = plan.gradeLabels.map((g) => `<li><span class="grade">${escapeHtml(g)}</span> ${order.filter((r) => r.grade === g).length}</li>`);
  return `<section class="summary">
<h2>${w.summary}</h2>
<dl>${figures.map(([k, v]) => `<div><dt>${k}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>
${grades.length > 0 ? `<p class="grades">${w.grades}</p><ul class="grades">${grades.join('')}</ul>` : ''}
${groupFigures(assessed, lang)}
</section>`;
}

/** The mean (to two places), median, highest and lowest of totals in ascending order. */
function totalsFigures(totals: readonly Decimal[], lang: Lang): [string, string][] {
  const w = WORDS[lang];
  const sum = totals.reduce((a, b) => a.add(b), Decimal.fromInt(0));
  const mid = totals.length >> 1;
  const median = totals.length % 2 === 1 ? totals[mid] : totals[mid - 1].add(totals[mid]).div(Decimal.fromInt(2));
  return [
    [w.mean, approximately(sum.div(Decimal.fromInt(totals.length)))],
    [w.median, showScore(median)],
    [w.max, showScore(totals[totals.length - 1])],
    [w.min, showScore(totals[0])],
  ];
}

/** Where the scheme ranks within groups, each group's figures (its units assessed, and their totals'), in the ranking's order. */
function groupFigures(assessed: readonly UnitResult[], lang: Lang): string {
  const w = WORDS[lang];
  const groups = new Map<string, UnitResult[]>();
  for (const r of assessed) {
    if (r.group === undefined) continue;
    const members = groups.get(r.group);
    if (members) members.push(r);
    else groups.set(r.group, [r]);
  }
  if (groups.size < 2) return '';
  const header = [w.group, w.units, w.mean, w.median, w.max, w.min];
  const rows = [...groups].map(([key, units]) => {
    const totals = units.flatMap((r) => (r.total === null ? [] : [r.total])).sort((a, b) => a.cmp(b));
    const figures = totals.length > 0 ? totalsFigures(totals, lang).map(([, v]) => v) : ['', '', '', ''];
    return `<tr><td>${escapeHtml(key)}</td>${[String(units.length), ...figures].map((v) => `<td class="num">${escapeHtml(v)}</td>`).join('')}</tr>`;
  });
  return `<table class="results groups">
<caption>${w.byGroup}</caption>
<thead><tr>${header.map((h, j) => `<th${j > 0 ? ' class="num"' : ''}>${h}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

/** A mean to two places, marked `≈` when that rounds it (a third is `≈ 33.33`, not `33.3333333333…`). */
function approximately(d: Decimal): string {
  const rounded = d.round(2);
  return rounded.eq(d) ? d.toString() : `≈ ${rounded.toString()}`;
}

/** Core's results table (what `assess run` prints), best place first. */
function rankingTable(plan: Plan.Plan, order: readonly UnitResult[], lang: Lang): string {
  const t = resultsTable(plan, order, lang);
  const cell = (tag: string, s: string, j: number) => `<${tag}${t.numeric[j] ? ' class="num"' : ''}>${escapeHtml(s)}</${tag}>`;
  return `<table class="results">
<thead><tr>${t.header.map((h, j) => cell('th', h, j)).join('')}</tr></thead>
<tbody>
${t.rows.map((row, i) => `<tr${order[i].vetoed ? ' class="vetoed"' : ''}>${row.map((s, j) => cell('td', s, j)).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
}

/** The three charts as SVG, each sized for the page. */
function charts(plan: Plan.Plan, order: readonly UnitResult[], lang: Lang): string {
  const w = WORDS[lang];
  const chart: Chart = chartData(plan, order, lang);
  const figures: string[] = [];
  if (chart.totals.categories.length > 0) figures.push(figure('totals', svgChart(totalsOption(chart, lang), WIDTH, 360)));
  if (chart.grades.some((g) => g.count > 0)) figures.push(figure('grades', svgChart(gradesOption(chart, lang), WIDTH, 280)));
  if (chart.items.length > 0 && order.length > 0) figures.push(figure('items', svgChart(itemsOption(chart, lang), WIDTH, itemsChartHeight(chart))));
  if (figures.length === 0) return '';
  return `<section class="charts">
<h2>${w.charts}</h2>
${figures.join('\n')}
</section>`;
}

const figure = (name: string, svg: string) => `<figure class="chart ${name}">${svg}</figure>`;

/** One unit's explanation, the text of `assess explain`, under a line with its group, place and total. */
function explanation(r: UnitResult, lang: Lang): string {
  const w = WORDS[lang];
  const head = [r.group ?? '', r.place === null ? '' : w.place(r.place), r.id, r.eligible ? `${showScore(r.total)} ${w.points}` : w.notAssessed, r.grade ?? ''].filter((s) => s !== '').join(' · ');
  return `<details>
<summary>${escapeHtml(head)}</summary>
<pre>${escapeHtml(explainUnit(r, lang))}</pre>
</details>`;
}

const CSS = `:root { color-scheme: light; }
body { font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif; color: #1d2330; margin: 2em auto; max-width: 64em; padding: 0 1em; line-height: 1.5; }
h1 { font-size: 1.6em; margin: 0 0 0.2em; text-align: center; }
h2 { font-size: 1.2em; border-bottom: 2px solid #3b5b8c; padding-bottom: 0.2em; margin-top: 1.6em; }
p.date { text-align: center; color: #555; margin: 0; }
.summary dl { display: flex; flex-wrap: wrap; gap: 0.6em; margin: 0; }
.summary dl div { border: 1px solid #c9d1dd; border-radius: 6px; padding: 0.4em 0.9em; min-width: 5em; }
.summary dt { color: #555; font-size: 0.85em; }
.summary dd { margin: 0; font-size: 1.3em; font-weight: 600; font-variant-numeric: tabular-nums; }
p.grades { display: inline-block; margin: 0.8em 0.3em 0 0; }
ul.grades { display: inline-flex; flex-wrap: wrap; gap: 0.5em; list-style: none; padding: 0; margin: 0; }
ul.grades li { background: #eef1f5; border-radius: 4px; padding: 0.1em 0.6em; }
span.grade { font-weight: 600; }
table.results { border-collapse: collapse; width: 100%; font-size: 0.9em; }
table.results th, table.results td { border: 1px solid #c9d1dd; padding: 3px 6px; text-align: left; }
table.results thead th { background: #eef1f5; }
table.results .num { text-align: right; font-variant-numeric: tabular-nums; }
table.results tr.vetoed td { color: #a12222; }
table.groups { width: auto; margin-top: 0.8em; }
table.groups caption { text-align: left; font-weight: 600; padding-bottom: 0.3em; }
figure.chart { margin: 1em 0; text-align: center; }
figure.chart svg { max-width: 100%; height: auto; }
details { border-bottom: 1px solid #e3e7ee; }
summary { cursor: pointer; padding: 0.3em 0; font-weight: 600; }
details pre { white-space: pre-wrap; font-family: "Noto Sans Mono CJK SC", "Noto Sans CJK SC", ui-monospace, monospace; font-size: 0.85em; background: #f7f8fa; padding: 0.6em 0.8em; margin: 0 0 0.6em; }
footer { margin-top: 2em; color: #666; font-size: 0.85em; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure.chart, .summary dl div { break-inside: avoid; }
  table.results { font-size: 8.5pt; }
  summary { list-style: none; break-after: avoid; }
  summary::-webkit-details-marker { display: none; }
  details::details-content { content-visibility: visible; display: block; }
  details pre { background: none; padding: 0 0 0 1em; font-size: 8.5pt; }
}`;
