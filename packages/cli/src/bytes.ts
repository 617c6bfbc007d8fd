// Result lines made straight into UTF-8 bytes, a piece at a time: a million lines of mostly
// digits and ASCII ids are encoded in place by a loop, with no string made per line and no
// call into the encoder per line (measured: the encoder's call per line cost more than making
// the line). Scores are written digit by digit (`Decimal.writeText`); text that repeats on every
// line (labels, grades, group keys) is encoded once.

import { TEXT_BYTES, writeDigits, type Decimal } from '@assess/runtime';

/** About how many bytes of lines are handed on at a time. */
export const PIECE = 1 << 20;

const encoder = new TextEncoder();
/** Longer text (a unit's JSON) is encoded by the encoder in one call, which then costs less than a loop. */
const LONG = 256;

/** UTF-8 bytes of lines, written into pieces; `take` hands over what was written. */
export class LineBytes {
  private buf = new Uint8Array(2 * PIECE);
  private at = 0;
  /** Lines ended since the last `take`. */
  lines = 0;

  /** Whether a piece's worth (PIECE bytes) has been written since the last `take`. */
  get full(): boolean {
    return this.at >= PIECE;
  }

  /** Room for `n` more bytes in the current piece. */
  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(2 * this.buf.length, this.at + n));
    bigger.set(this.buf.subarray(0, this.at));
    this.buf = bigger;
  }

  /** A string, as UTF-8. */
  text(s: string): void {
    const n = s.length;
    this.room(3 * n);
    const b = this.buf;
    let at = this.at;
    if (n > LONG) {
      this.at += encoder.encodeInto(s, b.subarray(at)).written;
      return;
    }
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) b[at++] = c;
      else if (c < 0x800) {
        b[at++] = 0xc0 | (c >> 6);
        b[at++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        // (“…” after a score that does not terminate, most Chinese text.)
        b[at++] = 0xe0 | (c >> 12);
        b[at++] = 0x80 | ((c >> 6) & 0x3f);
        b[at++] = 0x80 | (c & 0x3f);
      } else {
        // A surrogate, paired or not: the rest by the encoder (a UTF-16 code unit is at most 3 bytes of UTF-8).
        at += encoder.encodeInto(s.slice(i), b.subarray(at)).written;
        break;
      }
    }
    this.at = at;
  }

  /** A score, as `toString` shows it (written digit by digit, with no string made). */
  decimal(d: Decimal): void {
    this.room(TEXT_BYTES);
    const end = d.writeText(this.buf, this.at);
    if (end >= 0) this.at = end;
    else this.text(d.toString());
  }

  /** Bytes already encoded (`encoded`). */
  bytes(e: Uint8Array): void {
    this.room(e.length);
    this.buf.set(e, this.at);
    this.at += e.length;
  }

  /** One ASCII character (a comma, a quote). */
  char(code: number): void {
    this.room(1);
    this.buf[this.at++] = code;
  }

  /** A whole number (a safe integer), in decimal digits. */
  whole(n: number): void {
    this.room(TEXT_BYTES);
    this.at = writeDigits(this.buf, this.at, n, 0);
  }

  /** The end of a line. */
  end(): void {
    this.char(10);
    this.lines++;
  }

  /** What was written since the last `take` (its own buffer, free to hand to another thread), and a fresh piece. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.at);
    this.buf = new Uint8Array(2 * PIECE);
    this.at = 0;
    this.lines = 0;
    return out;
  }
}

/** `s` as UTF-8 bytes, to be written by `LineBytes.bytes` again and again. */
export const encoded = (s: string): Uint8Array => encoder.encode(s);

/**
 * Lines written by `lines` (which writes into `w` and yields when `w` is full, after a line)
 * handed to `piece` about PIECE bytes at a time, with how many lines each piece ends; the last
 * piece may be empty. (A yield per piece, not per line: resuming a generator a million times
 * cost more than some lines.)
 */
export async function writeLines(lines: Iterable<unknown>, w: LineBytes, piece: (bytes: Uint8Array, lines: number) => void | Promise<void>): Promise<void> {
  for (const _ of lines) {
    const count = w.lines;
    await piece(w.take(), count);
  }
  const count = w.lines;
  await piece(w.take(), count);
}

/** Lines made as strings (JSON, a table), written into `w` one after the other (yielding when it is full). */
export function* stringLines(lines: Iterable<string>, w: LineBytes): Generator<void> {
  for (const l of lines) {
    w.text(l);
    w.end();
    if (w.full) yield;
  }
}
