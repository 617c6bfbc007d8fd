// Standard output written in large pieces of bytes (lines made by bytes.ts, on this thread or
// another), waiting when the reader is slower (a pipe, a terminal), so that a million lines are
// neither written one by one nor all held at once.
import type { Io } from './io.js';

export class Output {
  constructor(private readonly io: Io) {}

  /** A piece of encoded lines; resolves when the reader is ready for more. */
  async bytes(b: Uint8Array): Promise<void> {
    if (b.length === 0) return;
    const out = this.io.stdout as Io['stdout'] & { once?: (event: 'drain', f: () => void) => unknown };
    if (out.write(b) === false && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve));
  }
}
