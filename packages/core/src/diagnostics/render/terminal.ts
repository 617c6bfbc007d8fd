// Diagnostics as a terminal code frame (rustc style). Diagnostics themselves are data;
// this module only presents them.
import type { Lang } from '../../common/text.js';
import type { Diagnostic } from '../diagnostic.js';
import { diagnosticPage } from '../pages.js';
import { displayWidth, LineMap, printable } from './lines.js';

export interface RenderOptions {
  lang: Lang;
  color?: boolean;
  /** Where the reader finds the docs folder (`docs/`): each diagnostic then ends with `= see: docs/diagnostics.md#e0301`. */
  docs?: string;
}

/** A source line wider than this (in columns) is shown as a window around what it points at… */
const MAX_LINE_WIDTH = 120;
/** …with this many characters on either side. */
const CONTEXT = 40;
/** A line longer than this (in characters) is cut to a window before anything else is worked out on it. */
const LONG_LINE = 1000;

const WORDS = {
  en: { error: 'error', warning: 'warning', hint: 'hint', see: 'see' },
  zh: { error: '错误', warning: '警告', hint: '提示', see: '参见' },
};

/**
 * A diagnostic as a code frame:
 * ```
 * error[E0101]: unknown name `missing_report`
 *   --> scheme.assess:12:44
 *    |
 * 12 |   item "材料报送" max 5: deduct 1 per missing_report
 *    |                                        ^^^^^^^^^^^^^^
 *    = hint: did you mean `missing_reports`?
 *    = see: docs/diagnostics.md#e0101
 * ```
 */
export function renderDiagnostic(d: Diagnostic, sources: ReadonlyMap<string, string>, defaultFile: string, opts: RenderOptions, maps = new Map<string, LineMap>()): string {
  const w = WORDS[opts.lang];
  const paint = (code: string, s: string) => (opts.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const sevColor = d.severity === 'error' ? '31;1' : '33;1';
  const colon = opts.lang === 'zh' ? '：' : ': ';
  // Every text from a scheme or data file (in messages, source lines, file names) printable.
  const out: string[] = [`${paint(sevColor, `${w[d.severity]}[${d.code}]`)}${colon}${paint('1', printable(d.message[opts.lang]))}`];
  const file = printable(d.span.file ?? defaultFile);
  const text = sources.get(d.span.file ?? defaultFile);
  let gutterWidth = 1;
  if (text === undefined) {
    out.push(`  --> ${file}`);
  } else {
    // (One map of a text's lines for every diagnostic in it: a data file with 20,000 wrong values
    // was mapped 20,000 times, 18 s.)
    let map = maps.get(d.span.file ?? defaultFile);
    if (!map || map.text !== text) maps.set(d.span.file ?? defaultFile, (map = new LineMap(text)));
    const pos = map.position(d.span.start);
    const own = d.span.file ?? defaultFile;
    const frames = [{ span: d.span, primary: true, message: '' }, ...d.labels.filter((l) => (l.span.file ?? own) === own).map((l) => ({ span: l.span, primary: false, message: printable(l.message[opts.lang]) }))];
    const lines = frames.map((f) => map.position(f.span.start).line);
    const gutter = String(Math.max(...lines)).length;
    gutterWidth = gutter;
    const pad = ' '.repeat(gutter);
    out.push(`${pad}${paint('34;1', '-->')} ${file}:${pos.line}:${pos.column}`);
    out.push(`${pad} ${paint('34;1', '|')}`);
    const byLine = new Map<number, typeof frames>();
    frames.forEach((f, i) => byLine.set(lines[i], [...(byLine.get(lines[i]) ?? []), f]));
    for (const line of [...byLine.keys()].sort((a, b) => a - b)) {
      const whole = map.lineText(line);
      const lineStart = map.lineStart(line);
      const spans = byLine.get(line)!.map((f) => ({ f, start: f.span.start - lineStart, end: Math.min(Math.max(f.span.end, f.span.start + 1), lineStart + whole.length + 1) - lineStart }));
      // A line far longer than a window shows is cut to a window's worth of characters around what
      // it points at first, so that each of many diagnostics on one line (a minified JSON file)
      // costs its window, not the line. Tabs widen a character, so this cut holds the window.
      const [cutFrom, cutTo] = whole.length > LONG_LINE ? lineWindow(whole, Math.min(...spans.map((m) => m.start)), Math.max(...spans.map((m) => m.end))) : [0, whole.length];
      const raw = whole.slice(cutFrom, cutTo);
      // Tabs are shown as four spaces, so that carets line up whatever the terminal's tab stops.
      const src = printable(raw.replace(/\t/g, '    '));
      const tabShift = (upTo: number) => (raw.slice(0, Math.max(0, upTo)).match(/\t/g)?.length ?? 0) * 3;
      const marks = spans.map(({ f, start, end }) => ({ f, start: start - cutFrom + tabShift(start - cutFrom), end: end - cutFrom + tabShift(end - cutFrom) }));
      // A long line (a CSV row of many columns) is shown around what it points at, cut with `…`.
      const [from, to] = displayWidth(src) > MAX_LINE_WIDTH ? lineWindow(src, Math.min(...marks.map((m) => m.start)), Math.max(...marks.map((m) => m.end))) : [0, src.length];
      const lead = from > 0 || cutFrom > 0 ? '…' : '';
      out.push(`${paint('34;1', String(line).padStart(gutter))} ${paint('34;1', '|')} ${lead}${src.slice(from, to)}${to < src.length || cutTo < whole.length ? '…' : ''}`);
      for (const { f, start, end } of marks) {
        const before = displayWidth(lead + src.slice(from, Math.max(from, start)));
        const width = Math.max(1, displayWidth(src.slice(Math.max(0, start), Math.max(start + 1, end))));
        const mark = (f.primary ? '^' : '-').repeat(width);
        const note = f.message ? ` ${f.message}` : '';
        out.push(`${pad} ${paint('34;1', '|')} ${' '.repeat(before)}${paint(f.primary ? sevColor : '34;1', mark + note)}`);
      }
    }
  }
  if (d.hint) out.push(`${' '.repeat(gutterWidth)} = ${w.hint}${colon}${printable(d.hint[opts.lang])}`);
  if (opts.docs !== undefined) out.push(`${' '.repeat(gutterWidth)} = ${w.see}${colon}${opts.docs}${diagnosticPage(d.code, opts.lang)}`);
  return out.join('\n');
}

/** The part of a long line shown: CONTEXT characters either side of [start, end), never cutting a surrogate pair. */
function lineWindow(src: string, start: number, end: number): [number, number] {
  let from = Math.max(0, start - CONTEXT);
  let to = Math.min(src.length, Math.max(end, start + 1) + CONTEXT);
  if (from > 0 && /[\udc00-\udfff]/.test(src[from])) from--;
  if (to < src.length && /[\udc00-\udfff]/.test(src[to])) to++;
  return [from, to];
}

export function renderDiagnostics(ds: readonly Diagnostic[], sources: ReadonlyMap<string, string>, defaultFile: string, opts: RenderOptions): string {
  const maps = new Map<string, LineMap>();
  return ds.map((d) => renderDiagnostic(d, sources, defaultFile, opts, maps)).join('\n\n');
}

/** A one-line summary: `2 errors, 1 warning` / `2 个错误，1 个警告`. */
export function summary(ds: readonly Diagnostic[], lang: Lang): string {
  const e = ds.filter((d) => d.severity === 'error').length;
  const w = ds.length - e;
  if (lang === 'zh') return [e ? `${e} 个错误` : '', w ? `${w} 个警告` : ''].filter(Boolean).join('，') || '没有问题';
  const n = (k: number, s: string) => `${k} ${s}${k === 1 ? '' : 's'}`;
  return [e ? n(e, 'error') : '', w ? n(w, 'warning') : ''].filter(Boolean).join(', ') || 'no problems';
}
