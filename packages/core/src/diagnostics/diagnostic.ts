// Diagnostics are data. Every pass produces them through `diag`, from the one catalog
// (catalog/); renderers (terminal, JSON, the language server, the studio) only present them.
// A message is made once, from typed arguments, and never rewritten afterwards.
import type { Text } from '../common/text.js';
import { CATALOG, type ArgsOf, type Code, type Entry } from './catalog/index.js';

export type { Code } from './catalog/index.js';

export interface Span {
  /** UTF-16 offset of the first character. */
  start: number;
  /** UTF-16 offset one past the last character. */
  end: number;
  /** The file the span is in; absent means the file being checked. */
  file?: string;
}

export type Severity = 'error' | 'warning';

/** A secondary place a diagnostic points at, with what it says there. */
export interface Label {
  span: Span;
  message: Text;
}

/** Replace the text of `span` with `text` (an insertion when the span is empty). */
export interface Edit {
  span: Span;
  text: string;
}

/** A suggestion an editor can apply: one or more edits, with a title for its menu. */
export interface Fix {
  title: Text;
  edits: Edit[];
}

export interface Diagnostic {
  code: Code;
  severity: Severity;
  span: Span;
  message: Text;
  labels: Label[];
  hint?: Text;
  fixes: Fix[];
}

/** Build a diagnostic from the catalog. */
export function diag<C extends Code>(code: C, span: Span, args: ArgsOf<C>, more: { labels?: Label[]; fixes?: Fix[] } = {}): Diagnostic {
  const entry = CATALOG[code] as Entry<ArgsOf<C>>;
  const hint = entry.hint?.(args);
  return {
    code,
    severity: entry.severity,
    span,
    message: { en: entry.en(args), zh: entry.zh(args) },
    labels: more.labels ?? [],
    ...(hint ? { hint } : {}),
    fixes: more.fixes ?? [],
  };
}

export function label(span: Span, en: string, zh: string): Label {
  return { span, message: { en, zh } };
}

/** A fix that replaces one span. */
export function replaceWith(span: Span, replacement: string, title: Text): Fix {
  return { title, edits: [{ span: { ...span }, text: replacement }] };
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

/** Give every span of a diagnostic (and its labels and fixes) a file, when it has none. */
export function inFile(d: Diagnostic, file: string | undefined): Diagnostic {
  if (!file) return d;
  d.span.file ??= file;
  for (const l of d.labels) l.span.file ??= file;
  for (const f of d.fixes) for (const e of f.edits) e.span.file ??= file;
  return d;
}

/** Sort by file (the root file first), then position, then code: a stable order for rendering and golden files. */
export function sortDiagnostics(ds: Diagnostic[], root?: string): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.span.file === undefined || d.span.file === root ? 0 : 1);
  return [...ds].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.span.file ?? '').localeCompare(b.span.file ?? '') ||
      a.span.start - b.span.start ||
      a.code.localeCompare(b.code),
  );
}

/** The same diagnostic reached twice (an import used by two files; a cohort value read by every unit) is reported once. */
export function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = `${d.code}:${d.span.file}:${d.span.start}:${d.span.end}:${d.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
