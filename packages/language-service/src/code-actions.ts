// Quick fixes: the structured suggestions the core attaches to diagnostics (did-you-mean, split
// a glued keyword, add `?? 0`, …), offered for the diagnostics the range touches.
import { CodeActionKind, type CodeAction, type CodeActionContext, type TextEdit } from 'vscode-languageserver-types';
import type { FileContext } from './context.js';
import { fileDiagnostics, toLsp } from './diagnostics.js';

export function codeActions(cx: FileContext, range: { start: number; end: number }, context?: CodeActionContext): CodeAction[] {
  if (context?.only && !context.only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
  const out: CodeAction[] = [];
  for (const d of fileDiagnostics(cx)) {
    if (d.fixes.length === 0 || d.span.end < range.start || d.span.start > range.end) continue;
    const diagnostic = toLsp(cx, d);
    d.fixes.forEach((fix, i) => {
      const changes: Record<string, TextEdit[]> = {};
      for (const e of fix.edits) {
        const file = e.span.file ?? cx.path;
        const positions = file === cx.path ? cx.positions : cx.positionsOf(file);
        if (!positions) continue;
        (changes[cx.uriOf(file)] ??= []).push({ range: positions.range(e.span), newText: e.text });
      }
      out.push({ title: fix.title[cx.lang], kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: i === 0 && d.fixes.length === 1, edit: { changes } });
    });
  }
  return out;
}
