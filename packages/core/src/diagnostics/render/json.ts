// Diagnostics as plain JSON objects with 1-based line/column positions (`assess check --format json`).
import type { Lang } from '../../common/text.js';
import type { Diagnostic, Span } from '../diagnostic.js';
import { LineMap, type Position } from './lines.js';

export interface JsonDiagnostic {
  file: string;
  code: string;
  severity: string;
  message: string;
  hint?: string;
  start: Position;
  end: Position;
  labels: { message: string; start: Position; end: Position }[];
  /** Suggested edits, when the diagnostic has any (an editor offers them as quick fixes). */
  fixes?: { title: string; edits: { file: string; start: Position; end: Position; text: string }[] }[];
}

/** Diagnostics as plain JSON objects with 1-based line/column positions. */
export function diagnosticsToJson(ds: readonly Diagnostic[], sources: ReadonlyMap<string, string>, defaultFile: string, lang: Lang): JsonDiagnostic[] {
  const maps = new Map<string, LineMap>();
  const at = (span: Span) => {
    const file = span.file ?? defaultFile;
    let map = maps.get(file);
    if (!map) maps.set(file, (map = new LineMap(sources.get(file) ?? '')));
    return { file, start: map.position(span.start), end: map.position(Math.max(span.end, span.start)) };
  };
  return ds.map((d) => {
    const p = at(d.span);
    const j: JsonDiagnostic = { file: p.file, code: d.code, severity: d.severity, message: d.message[lang], start: p.start, end: p.end, labels: d.labels.map((l) => ({ message: l.message[lang], ...at(l.span) })) };
    if (d.hint) j.hint = d.hint[lang];
    if (d.fixes.length > 0) j.fixes = d.fixes.map((f) => ({ title: f.title[lang], edits: f.edits.map((e) => ({ ...at(e.span), text: e.text })) }));
    return j;
  });
}
