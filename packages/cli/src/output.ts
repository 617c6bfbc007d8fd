// Standard output written in large pieces, waiting when the reader is slower (a pipe, a
// terminal), so that a million lines are neither written one by one nor all held at once.
import type { Io } from './io.js';

const PIECE = 1 << 16;

export class Output {
  private buf = '';
  constructor(private readonly io: Io) {}

  /** Append; true when a piece is ready (then `await flush()`). */
  add(s: string): boolean {
    this.buf += s;
    return this.buf.length >= PIECE;
  }

  async flush(): Promise<void> {
    if (this.buf === '') return;
    const piece = this.buf;
    this.buf = '';
    await this.write(piece);
  }

  /** Text already encoded (lines made on another thread), after what was added before it. */
  async bytes(b: Uint8Array): Promise<void> {
    await this.flush();
    await this.write(b);
  }

  private async write(piece: string | Uint8Array): Promise<void> {
    const out = this.io.stdout as Io['stdout'] & { once?: (event: 'drain', f: () => void) => unknown };
    if (out.write(piece) === false && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve));
  }

  /** Every line of `lines`, each followed by a line break; `progress` is told how many so far. */
  async lines(lines: Iterable<string>, progress?: (written: number) => void): Promise<void> {
    let written = 0;
    for (const l of lines) {
      written++;
      if (this.add(l + '\n')) {
        progress?.(written);
        await this.flush();
      }
    }
    await this.flush();
  }
}
