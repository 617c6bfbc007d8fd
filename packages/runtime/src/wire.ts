// A column of scores (exact decimals, null where a unit has none) as typed arrays, so that one
// thread can hand a cohort's totals to another without a copy of every object: a run split
// over worker threads scores each part on its own thread and places the units of every part
// together on one.
import { Decimal } from './decimal.js';

export interface ScoresOnWire {
  /** Each score's mantissa, places (−1: no score) and denominator (see `Decimal.toParts`). */
  m: Float64Array;
  s: Int16Array;
  d: Float64Array;
  /** The scores whose parts are too large for a double: unit, mantissa, places, denominator. */
  big: [number, number | bigint, number, number | bigint][];
}

/** A column of scores as typed arrays (and the rare large ones apart). */
export function scoresToWire(col: readonly (Decimal | null)[]): ScoresOnWire {
  const n = col.length;
  const w: ScoresOnWire = { m: new Float64Array(n), s: new Int16Array(n), d: new Float64Array(n), big: [] };
  for (let u = 0; u < n; u++) {
    const x = col[u];
    if (x === null || x === undefined) {
      w.s[u] = -1;
      continue;
    }
    if (x.writeParts(w.m, w.s, w.d, u)) continue;
    const [m, s, d] = x.toParts();
    w.s[u] = s;
    w.big.push([u, m, s, d]);
  }
  return w;
}

/** The column `scoresToWire` was given, decimal for decimal. */
export function scoresFromWire(w: ScoresOnWire): (Decimal | null)[] {
  const n = w.s.length;
  const col: (Decimal | null)[] = new Array(n);
  for (let u = 0; u < n; u++) col[u] = w.s[u] < 0 ? null : Decimal.fromParts(w.m[u], w.s[u], w.d[u]);
  for (const [u, m, s, d] of w.big) col[u] = Decimal.fromParts(m, s, d);
  return col;
}

/** What to transfer (not copy) when posting a column to another thread. */
export const wireBuffers = (w: ScoresOnWire): ArrayBuffer[] => [w.m.buffer as ArrayBuffer, w.s.buffer as ArrayBuffer, w.d.buffer as ArrayBuffer];
