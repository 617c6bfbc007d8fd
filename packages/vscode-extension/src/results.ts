// The page that shows a run's results: a table of every unit, or the problems found. All text
// from the scheme and the data is escaped, and the page runs no script.
import type { RunResult } from '@assess/language-service';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

export function resultsHtml(result: RunResult, title: string): string {
  const body = result.ok
    ? `<h1>${escapeHtml(result.scheme || title)}</h1>${table(result.table)}${result.warnings ? `<pre>${escapeHtml(result.warnings)}</pre>` : ''}`
    : `<h1>${escapeHtml(title)}</h1><pre>${escapeHtml(result.problems)}</pre>`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
table { border-collapse: collapse; }
th, td { padding: 2px 10px; border-bottom: 1px solid var(--vscode-panel-border, #8884); text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
pre { white-space: pre-wrap; }
</style></head><body>${body}</body></html>`;
}

function table(t: Extract<RunResult, { ok: true }>['table']): string {
  const head = `<tr>${t.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const rows = t.rows.map((r) => `<tr>${r.map((c, j) => `<td${t.numeric[j] ? ' class="n"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table>${head}\n${rows}</table>`;
}
