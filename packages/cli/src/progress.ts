// A progress bar on stderr for long runs: only on a terminal, and only once a run has taken
// more than a second (short runs and pipes stay silent).
import cliProgress from 'cli-progress';
import type { Io } from './io.js';

const AFTER_MS = 1000;

export class ProgressBar {
  private bar?: cliProgress.SingleBar;

  /** `started`: when the run began (a later phase's bar shows at once if the run is already long). */
  constructor(
    private readonly io: Io,
    private readonly label: string,
    private readonly started = Date.now(),
  ) {}

  /** `done` of `total` (bytes read, units written). */
  update(done: number, total: number): void {
    if (!this.bar) {
      if (!this.io.stderr.isTTY || Date.now() - this.started < AFTER_MS) return;
      this.bar = new cliProgress.SingleBar(
        { stream: this.io.stderr as NodeJS.WriteStream, format: `${this.label} [{bar}] {percentage}% | {eta_formatted}`, hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(total, done);
    }
    this.bar.update(done);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}
