// Core diagnostics → LSP diagnostics, in the chosen language. The hint follows the message on
// its own line; labels become related information; fixes are offered as code actions; the code
// links to its section of the diagnostics page when the service knows where the docs are.
import { diagnosticPage, type Diagnostic as CoreDiagnostic } from '@assess/core';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { inThisFile, type FileContext } from './context.js';

/** The file's own diagnostics (an import's errors are reported at its `use` line). */
export function fileDiagnostics(cx: FileContext): CoreDiagnostic[] {
  return cx.compiled.diagnostics.filter((d) => inThisFile(cx, d.span));
}

export function toLspDiagnostics(cx: FileContext): Diagnostic[] {
  return fileDiagnostics(cx).map((d) => toLsp(cx, d));
}

/** A diagnostic's message in the chosen language, its hint on a line of its own. */
export const messageText = (cx: FileContext, d: CoreDiagnostic): string => d.message[cx.lang] + (d.hint ? `\n${d.hint[cx.lang]}` : '');

export function toLsp(cx: FileContext, d: CoreDiagnostic): Diagnostic {
  const out: Diagnostic = {
    range: cx.positions.range(d.span),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: 'assess',
    message: messageText(cx, d),
  };
  if (cx.docsUrl) out.codeDescription = { href: cx.docsUrl + encodeURI(diagnosticPage(d.code, cx.lang)) };
  const related = d.labels.flatMap((l): DiagnosticRelatedInformation[] => {
    const file = l.span.file ?? cx.path;
    const positions = file === cx.path ? cx.positions : cx.positionsOf(file);
    return positions ? [{ location: { uri: cx.uriOf(file), range: positions.range(l.span) }, message: l.message[cx.lang] }] : [];
  });
  if (related.length > 0) out.relatedInformation = related;
  return out;
}
