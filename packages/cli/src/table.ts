// A plain-text table, aligned for CJK text, and CSV cells.
import { displayWidth } from '@assess/core/rows';

function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/**
 * The lines of a table whose rows are made on demand (`row(i)`, twice each: once to measure
 * the columns, once to print), so that a million rows are never all held.
 */
export function* tableLines(header: string[], n: number, row: (i: number) => string[], numeric: boolean[]): Generator<string> {
  const widths = header.map((h) => displayWidth(h));
  for (let i = 0; i < n; i++) row(i).forEach((c, j) => (widths[j] = Math.max(widths[j] ?? 0, displayWidth(c))));
  const line = (cells: string[]) => cells.map((c, j) => pad(c, widths[j], numeric[j])).join('  ').trimEnd();
  yield line(header);
  yield widths.map((w) => '─'.repeat(w)).join('  ');
  for (let i = 0; i < n; i++) yield line(row(i));
}
