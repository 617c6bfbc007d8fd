// The progress bar: on a terminal only, and only once a run has taken more than a second.
import { describe, expect, it } from 'vitest';
import type { Io } from './io.js';
import { ProgressBar } from './progress.js';

/** An Io whose stderr keeps what is written; a terminal or not. */
function io(isTTY: boolean): Io & { written: () => string } {
  let text = '';
  const stderr = { isTTY, write: (s: string) => ((text += s), true), columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true, on: () => stderr, removeListener: () => stderr };
  return { stdout: { write: () => true }, stderr, env: {}, written: () => text };
}

describe('the progress bar', () => {
  it('shows on a terminal once the run has taken more than a second, and is cleared when it stops', () => {
    const t = io(true);
    const bar = new ProgressBar(t, 'writing results', Date.now() - 5000);
    bar.update(50, 100);
    expect(t.written()).toContain('writing results');
    expect(t.written()).toContain('50%');
    bar.stop();
  });
  it('says nothing in a run’s first second, or where stderr is not a terminal', () => {
    for (const [t, started] of [
      [io(true), Date.now()],
      [io(false), Date.now() - 5000],
    ] as const) {
      const bar = new ProgressBar(t, 'writing results', started);
      bar.update(50, 100);
      bar.stop();
      expect(t.written()).toBe('');
    }
  });
});
