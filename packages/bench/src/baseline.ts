// The article-3 towns rules written by hand, as a team without Assess would write them:
// one pass over the rows as `JSON.parse` gives them, then the cohort step (cap prorata).
//
//   组织领导 (max 5)  : 2 if org_system + 3 if targets_split
//   材料报送 (max 5)  : 5 − 1 × missing_reports, floored at 0
//   部门考核 (max 90) : dept_score
//   项目加分 (cap 10) : honours with evidence; of entries with the same project only the
//                       highest counts; district 1, city 3, province 6, national 10;
//                       cap 10 prorata: if the cohort's largest raw bonus r_max > 10, every
//                       town gets raw × 10 / r_max, else raw
//   total             : the sum; grade "规范化单位" if total >= 85, else "下年重新考评"
//   place             : by total, highest first, ties sharing the best place
//
// It keeps what an Assess result holds: each item's score, the bonus, the total, the grade and
// the place (a team publishing the same table would compute them all).
//
// Exactness. Every score is held as an integer number of 10^-10 (SCALE): the prorata quotient
// is rounded half-up to 10 places, and every other operation here is exact on this data
// (dept_score has one decimal; a total is at most 110 × 10^10 ≈ 2^40, far inside the 2^53 of
// exact doubles). The interpreter's scores are exact (the quotient may be a fraction such as
// 70/3), and every other part of a total has at most one decimal, so the interpreter's total
// rounded half-up to 10 places is exactly this baseline's: the bench compares them that way,
// digit for digit. With a declared `precision P` every item and the bonus are rounded half-up
// to P places, as the interpreter does.
import type { Honor, TownRow } from './gen-data.js';

/** 10^10: one unit of the last decimal place this baseline keeps. */
export const SCALE = 1e10;
/** The places of SCALE: results are compared with the interpreter's rounded to these. */
export const SCALE_PLACES = 10;

const GRADE_PASS = '规范化单位';
const GRADE_FAIL = '下年重新考评';

function yes(v: boolean | string): boolean {
  if (typeof v === 'boolean') return v;
  return v === '是' || v === 'yes' || v === 'true' || v === '1';
}

function tierPoints(level: string): number {
  switch (level) {
    case 'district':
      return 1;
    case 'city':
      return 3;
    case 'province':
      return 6;
    case 'national':
      return 10;
    default:
      return 0;
  }
}

function hasEvidence(h: Honor): boolean {
  const e = h.evidence;
  return e !== undefined && e !== null && e.trim() !== '';
}

// Scratch space for best-per-project (a town has at most a handful of honours).
let projects: string[] = new Array(16);
let best = new Float64Array(16);

/** The raw bonus of one town: honours with evidence, best per project, summed. */
function rawBonus(honors: Honor[]): number {
  if (projects.length < honors.length) {
    projects = new Array(honors.length);
    best = new Float64Array(honors.length);
  }
  let k = 0;
  for (let j = 0; j < honors.length; j++) {
    const h = honors[j];
    if (!hasEvidence(h)) continue;
    const p = tierPoints(h.level);
    let at = -1;
    for (let q = 0; q < k; q++)
      if (projects[q] === h.project) {
        at = q;
        break;
      }
    if (at < 0) {
      projects[k] = h.project;
      best[k++] = p;
    } else if (p > best[at]) best[at] = p;
  }
  let sum = 0;
  for (let q = 0; q < k; q++) sum += best[q];
  return sum;
}

/** x rounded half-up to `places` decimal places, x ≥ 0 in units of 1/SCALE. */
function roundScaled(x: number, places: number | undefined): number {
  if (places === undefined || places >= 10) return x;
  const unit = 10 ** (10 - places);
  const rem = x % unit;
  return x - rem + (2 * rem >= unit ? unit : 0);
}

/** ⌊num / den⌉ half-up, for non-negative safe integers (exact: `%` on doubles is exact). */
function divHalfUp(num: number, den: number): number {
  const rem = num % den;
  const q = (num - rem) / den;
  return 2 * rem >= den ? q + 1 : q;
}

export interface BaselineResult {
  /** Each town's total, in units of 1/SCALE (an exact integer). */
  totals: Float64Array;
  /** Each item's score (组织领导, 材料报送, 部门考核), in units of 1/SCALE. */
  items: Float64Array[];
  /** Each town's place. */
  places: Int32Array;
  /** Each town's bonus after cap prorata, in units of 1/SCALE. */
  bonus: Float64Array;
  /** 1 when the grade is "规范化单位". */
  pass: Uint8Array;
  /** The cohort's largest raw bonus (r_max). */
  top: number;
}

/** The towns scheme over a cohort, by hand. `precision` is the scheme's, if it declares one. */
export function baselineTowns(rows: TownRow[], precision?: number): BaselineResult {
  const n = rows.length;
  const totals = new Float64Array(n);
  const items = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const raw = new Float64Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const org = Math.min(5, (yes(r.org_system) ? 2 : 0) + (yes(r.targets_split) ? 3 : 0));
    const reports = Math.max(0, 5 - r.missing_reports);
    const dept = Math.round(r.dept_score * 10) * (SCALE / 10); // one decimal: exact
    items[0][i] = roundScaled(org * SCALE, precision);
    items[1][i] = roundScaled(reports * SCALE, precision);
    items[2][i] = roundScaled(dept, precision);
    totals[i] = items[0][i] + items[1][i] + items[2][i];
    const b = rawBonus(r.honors);
    raw[i] = b;
    if (b > top) top = b;
  }
  const pass = new Uint8Array(n);
  const bonuses = new Float64Array(n);
  const threshold = 85 * SCALE;
  for (let i = 0; i < n; i++) {
    // cap 10 prorata, then held within 0..10 (the bonus's max is its cap).
    let bonus = top > 10 ? divHalfUp(raw[i] * 10 * SCALE, top) : raw[i] * SCALE;
    if (bonus > 10 * SCALE) bonus = 10 * SCALE;
    bonus = roundScaled(bonus, precision);
    bonuses[i] = bonus;
    const total = totals[i] + bonus;
    totals[i] = total;
    pass[i] = total >= threshold ? 1 : 0;
  }
  return { totals, items, places: placesOf(totals), bonus: bonuses, pass, top };
}

/** Each unit's place by total, highest first, ties sharing the best place: one more than the number of higher totals. */
export function placesOf(totals: Float64Array): Int32Array {
  const n = totals.length;
  const sorted = Float64Array.from(totals).sort(); // ascending
  const places = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    // The first position holding a higher total: every total from there on is higher.
    let lo = 0;
    let hi = n;
    const t = totals[i];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    places[i] = n - lo + 1;
  }
  return places;
}


export function gradeOf(pass: number): string {
  return pass ? GRADE_PASS : GRADE_FAIL;
}

/** A scaled total as the interpreter prints a Decimal: no trailing zeros, no exponent. */
export function formatScaled(x: number): string {
  const int = Math.floor(x / SCALE);
  const frac = x - int * SCALE;
  if (frac === 0) return String(int);
  return `${int}.${String(frac).padStart(10, '0').replace(/0+$/, '')}`;
}
