// The rules table (core's `rulesTable`) as HTML and as Markdown. Sections are rows that span
// the three columns; a Markdown table cannot merge cells, so there a section is a bold row.
import type { RulesTable } from '@assess/core';
import { escapeHtml } from './html.js';

/** The table as an HTML fragment (`<table class="rules">…`), with the title and notes above it. */
export function rulesTableHtml(t: RulesTable): string {
  const cell = (tag: string, s: string, cls?: string) => `<${tag}${cls ? ` class="${cls}"` : ''}>${escapeHtml(s)}</${tag}>`;
  const lines = [
    `<h1>${escapeHtml(t.title)}</h1>`,
    ...t.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`),
    '<table class="rules">',
    `<thead><tr>${t.header.map((h) => cell('th', h)).join('')}</tr></thead>`,
    '<tbody>',
  ];
  for (const g of t.groups) {
    if (g.heading !== undefined) lines.push(`<tr class="group depth-${g.depth}"><th colspan="3">${escapeHtml(g.heading)}</th></tr>`);
    for (const r of g.rows) lines.push(`<tr>${cell('td', r.item, 'item')}${cell('td', r.points, 'points')}${cell('td', r.rule, 'rule')}</tr>`);
  }
  lines.push('</tbody>', '</table>');
  return lines.join('\n') + '\n';
}

/** Styles for the HTML table, on screen and on paper. */
export const RULES_TABLE_CSS = `table.rules { border-collapse: collapse; width: 100%; }
table.rules th, table.rules td { border: 1px solid #555; padding: 4px 8px; vertical-align: top; text-align: left; }
table.rules thead th { background: #eef1f5; text-align: center; }
table.rules tr.group th { background: #f6f7f9; }
table.rules tr.group.depth-1 th { padding-left: 2em; font-weight: 600; }
table.rules td.item { width: 9em; }
table.rules td.points { width: 4em; text-align: center; white-space: nowrap; }
table.rules tr { break-inside: avoid; }
p.note { margin: 0.2em 0; color: #333; }`;

/** A whole page: the table, styled, in the table's language. */
export function rulesTablePage(t: RulesTable): string {
  return `<!doctype html>
<html lang="${t.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(t.title)}</title>
<style>
body { font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; }
h1 { font-size: 1.4em; text-align: center; }
@page { size: A4; margin: 15mm; }
${RULES_TABLE_CSS}
</style>
</head>
<body>
${rulesTableHtml(t)}</body>
</html>
`;
}

/** Markdown: `| 考核项目 | 分值 | 考核内容及评分标准 |`, a section as a bold row. */
export function rulesTableMarkdown(t: RulesTable): string {
  // A cell holds no line break, and a `|` or a backslash is escaped; so are `<` and `[`, so that
  // no label or rule becomes HTML, an autolink, a link or an image where the table is shown.
  const md = (s: string) => s.replace(/[\\|<[]/g, '\\$&').replace(/\s*\n\s*/g, ' ');
  const row = (cells: string[]) => `| ${cells.map(md).join(' | ')} |`;
  const lines = [`# ${md(t.title)}`, ''];
  if (t.notes.length > 0) lines.push(t.notes.map(md).join(t.lang === 'zh' ? '' : ' '), '');
  lines.push(row(t.header), '| --- | :---: | --- |');
  for (const g of t.groups) {
    if (g.heading !== undefined) lines.push(`| **${md(g.heading)}** | | |`);
    for (const r of g.rows) lines.push(row([r.item, r.points, r.rule]));
  }
  return lines.join('\n') + '\n';
}
