// Small helpers shared by the benchmark processes.
import { performance } from 'node:perf_hooks';

/** The p-th percentile (0..100) of a sample, nearest-rank. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Full collection when the process runs with --expose-gc (a no-op otherwise). */
export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

export interface RunPlan {
  warmup: number;
  runs: number;
  /** Stop taking timed runs once they have used this many ms (at least one run is taken). */
  budgetMs?: number;
  /** Calls of f per timed run (the run's time is divided by it): for very short runs. */
  inner?: number;
}

/**
 * Runs `f` `warmup` times untimed, then up to `runs` times timed, with a full GC before each
 * timed run, outside the timing. Returns every timed duration in ms (per call of f, when a run
 * makes `inner` calls) and the last result.
 */
export function timeRuns<T>(plan: RunPlan, f: () => T): Timed<T> {
  let last!: T;
  for (let i = 0; i < plan.warmup; i++) last = f();
  const times: number[] = [];
  const cpu: number[] = [];
  let spent = 0;
  for (let i = 0; i < plan.runs; i++) {
    if (i > 0 && plan.budgetMs !== undefined && spent >= plan.budgetMs) break;
    last = undefined as T; // let the previous result be collected before the next run
    gc();
    const inner = plan.inner ?? 1;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let k = 0; k < inner; k++) last = f();
    const dt = performance.now() - t0;
    const c = process.cpuUsage(c0);
    times.push(dt / inner);
    cpu.push((c.user + c.system) / 1000 / inner);
    spent += dt;
  }
  return { times, cpu, last };
}

/** Wall-clock and CPU (user + system, all threads of the process) ms of each timed run. */
export interface Timed<T> {
  times: number[];
  cpu: number[];
  last: T;
}

export const MB = 1024 * 1024;

export function fmtInt(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

export function fmtMB(bytes: number): string {
  return `${(bytes / MB).toFixed(0)} MB`;
}
