// Offsets ↔ lines and columns, and how wide text is in a terminal.
import { DIRECTION_CONTROLS } from '../../common/text.js';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in characters. */
  column: number;
}

/** Line starts of a text, for offset → line/column. */
export class LineMap {
  private starts: number[] = [0];
  constructor(readonly text: string) {
    // A line ends at a line feed, or at a carriage return alone (an old Mac file, a CSV saved so
    // by Excel for Mac), as editors and the CSV reader count them.
    if (/\r(?!\n)/.test(text)) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
      }
      return;
    }
    // (indexOf: a large data file's lines are found several times faster than char by char.)
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    // (A byte-order mark at the text's start is no column: editors do not show it.)
    const from = lo === 0 && this.text.charCodeAt(0) === 0xfeff ? Math.min(1, o) : this.starts[lo];
    // Counted on from the last position asked for when it is further along the same line (and
    // not inside a surrogate pair): a data file's line may hold thousands of values, each with
    // its message (a minified JSON file).
    const last = this.last;
    const onFrom = last && last.line === lo && last.offset <= o && last.offset >= from && !isLowSurrogate(this.text.charCodeAt(last.offset));
    const column = onFrom ? last.column + codePoints(this.text, last.offset, o) : codePoints(this.text, from, o) + 1;
    this.last = { line: lo, offset: o, column };
    return { line: lo + 1, column };
  }
  private last: { line: number; offset: number; column: number } | undefined;
  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    const end = this.starts[line] ?? this.text.length + 1;
    const text = this.text.slice(start, end - 1);
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  }
  lineStart(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }
  get lineCount(): number {
    return this.starts.length;
  }
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Characters (code points) of text[from, to): a surrogate pair is one. */
function codePoints(text: string, from: number, to: number): number {
  let n = to - from;
  for (let i = from; i < to - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      n--;
      i++;
    }
  }
  return n;
}

/** Control characters but tab and line feed (C0, DEL and C1), and the controls of the text's direction. */
const CONTROL = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${DIRECTION_CONTROLS}]`, 'g');

/**
 * Text from a scheme or a data file made safe to print on a terminal: each control character
 * (but tab and line feed) is shown as its picture (ESC as ␛, DEL as ␡) or, in the C1 range and
 * for the controls of the text's direction, as U+FFFD, so that no escape sequence in a label, an
 * id or a source line reaches the terminal (to colour it, move the cursor, set its title or its
 * clipboard) and no line is shown reordered. One character for one, so columns stay where they
 * were.
 */
export function printable(s: string): string {
  return s.replace(CONTROL, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x20 ? String.fromCharCode(0x2400 + n) : n === 0x7f ? '\u2421' : '\ufffd';
  });
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    // (Zero-width spaces and joiners, and a byte-order mark at a file's start, take no column.)
    if ((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) continue;
    w += ch === '\t' ? 4 : (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}
