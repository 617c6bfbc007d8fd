// A plain-text table, aligned for CJK text, and CSV cells.
import { displayWidth } from '@assess/core/rows';

function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

// A table's rows are made on demand (`row(i)`, twice each: once to measure the columns, once to
// print), so that a million rows are never all held; a run in parts measures each part's rows on
// its own thread, and prints them with the widest of every part's widths.

/** How wide each column of a table is: its header's width, or its widest cell's. */
export function columnWidths(header: string[], n: number, row: (i: number) => string[]): number[] {
  const widths = header.map((h) => displayWidth(h));
  for (let i = 0; i < n; i++) row(i).forEach((c, j) => (widths[j] = Math.max(widths[j] ?? 0, displayWidth(c))));
  return widths;
}

/** A table's lines, its columns as wide as `widths` (the rows of a part of a table: without its header). */
export function* alignedLines(header: string[], widths: number[], n: number, row: (i: number) => string[], numeric: boolean[], withHeader: boolean): Generator<string> {
  const line = (cells: string[]) => cells.map((c, j) => pad(c, widths[j], numeric[j])).join('  ').trimEnd();
  if (withHeader) {
    yield line(header);
    yield widths.map((w) => '─'.repeat(w)).join('  ');
  }
  for (let i = 0; i < n; i++) yield line(row(i));
}
