// Exact numbers for scores: decimals, and the fractions that divisions make.
//
// A Decimal is mantissa × 10^(−scale) / denominator, with scale a non-negative integer and the
// denominator 1 for a decimal (almost every value) or, after a division that does not
// terminate (100 / 3), an integer > 1 with no factor 2 or 5 and no factor in common with the
// mantissa. Every operation is exact; rounding happens only when asked for (`round`), and a
// value that does not terminate prints rounded to DISPLAY_PLACES places and marked with “…”.
// Only a fraction whose denominator would pass 2^256 (never reached by a real scheme: it
// takes hundreds of divisions by different primes) is rounded to FRACTION_PLACES places.
//
// For a decimal: the
// mantissa is a plain JS number whenever it is a safe integer (the fast path:
// no allocation besides the result object, no bigint arithmetic) and a bigint
// only when a result would not fit. Every fast-path result is checked for
// safety; on overflow the operation is redone exactly with bigints.
//
// Canonical form (kept by every constructor path, so `eq` is a field compare
// and `toString` needs no trailing-zero trimming):
//   1. zero is mantissa +0 (a number, never −0) with scale 0;
//   2. scale > 0  ⇒  the mantissa's last digit is not 0;
//   3. typeof mantissa === 'number'  ⇔  |mantissa| ≤ Number.MAX_SAFE_INTEGER (likewise the denominator);
//   4. the denominator is 1, or > 1, coprime with 10 and with the mantissa.
// Equal values therefore have identical (mantissa, scale, denominator) triples.
// Operations on two decimals take the paths below; a fraction takes exact bigint arithmetic.
//
// Why the fast path is exact: for safe integers a and b, IEEE rounding is
// monotonic and every integer up to 2^53 is representable, so if the true
// result of a + b or a × b is safe the computed result is that exact value,
// and if it is not safe the computed result is ≥ 2^53 in magnitude, which the
// `≤ MAX_SAFE` test catches. Powers of ten up to 10^22 are exact doubles, and
// `%` on doubles is exact, which the rounding code relies on.
//
// Measured fast-path throughput (Node 20.20, 2-core x86-64 VM under heavy
// concurrent load, so noisy; 10M ops per round over 1024 score-like operands,
// results kept live, medians of 5 rounds after 2 warm-up rounds, 3 runs):
//   add  int + int          14–15 M ops/s    (best rounds ~20 M)
//   add  scale 1 + scale 1   9–20 M ops/s    (best rounds ~30 M)
//   add  scale 1 + scale 2   7–11 M ops/s    (best rounds ~17 M)
//   mul  int × int           8–17 M ops/s    (best rounds ~22 M)
//   mul  scale 1 × scale 2   6–13 M ops/s    (best rounds ~16 M)
// A bare `new P(a.m + b.m, a.s)` loop ran at 11–30 M ops/s in the same runs,
// i.e. an operation costs little more than the allocation of its result.
// (div int / int to 10 places: ~6 M ops/s; cmp: ~25 M ops/s.)
//
// No Node APIs and no dependencies: this runs unchanged in browsers.

/** Places a value that does not terminate is shown to (rounded half-up, then marked “…”). */
export const DISPLAY_PLACES = 10;
/** Places a fraction is rounded to if its denominator would pass 2^256. */
const FRACTION_PLACES = 60;
const MAX_DENOMINATOR = 2n ** 256n;
/** The mark after a value shown rounded because it does not terminate. */
export const NOT_TERMINATING = '…';

/** Most significant digits `Decimal.parse` accepts. */
const MAX_SIG_DIGITS = 40;
/** Most fraction digits `Decimal.parse` accepts. */
const MAX_FRACTION_DIGITS = 20;

const MAX = Number.MAX_SAFE_INTEGER;
/** 2^52. */
const HALF_MAX = 2 ** 52;
const BMAX = BigInt(MAX);

/** 10^0 … 10^22: every entry is an exact double. */
const POW10: readonly number[] = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
  1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];
/** Largest exponent in POW10. */
const POW10_MAX = 22;

/** 10^0 … 10^64 as bigints, computed once; larger powers are computed on demand. */
const BPOW10: bigint[] = [];
for (let i = 0, p = 1n; i <= 64; i++, p *= 10n) BPOW10.push(p);
function bpow10(n: number): bigint {
  return n <= 64 ? BPOW10[n] : 10n ** BigInt(n);
}

type Mantissa = number | bigint;

function toBig(m: Mantissa): bigint {
  return typeof m === 'bigint' ? m : BigInt(m);
}

function babs(m: bigint): bigint {
  return m < 0n ? -m : m;
}

function bgcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function gcd(a: number, b: number): number {
  if (a <= 0x7fffffff && b <= 0x7fffffff) {
    // 32-bit integer steps while both fit (they stay below the larger one).
    let x = a | 0;
    let y = b | 0;
    while (y !== 0) {
      const r = x % y | 0;
      x = y;
      y = r;
    }
    return x;
  }
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/**
 * n / d (d > 0) as the nearest double: the quotient to at least 55 bits, a sticky bit for any
 * remainder, then one correctly rounded conversion (ties to even) and an exact power-of-two scale.
 */
function ratioToNumber(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  const negative = n < 0n;
  const a = negative ? -n : n;
  const k = 55 - (a.toString(2).length - d.toString(2).length);
  const num = k > 0 ? a << BigInt(k) : a;
  const den = k < 0 ? d << BigInt(-k) : d;
  let q = num / den;
  if (num % den !== 0n) q |= 1n;
  // q has 55 or 56 bits: Number(q) rounds once; 2^-k is applied in two exact steps (|k| may pass 1023 for extreme values).
  const half = Math.trunc(k / 2);
  const v = Number(q) * 2 ** -half * 2 ** -(k - half);
  return negative ? -v : v;
}

/** Throws unless `places` is a non-negative safe integer. */
function checkPlaces(places: number): void {
  if (!(Number.isSafeInteger(places) && places >= 0)) {
    throw new RangeError(`decimal places must be a non-negative integer, got ${places}`);
  }
}

/**
 * `num / den` rounded half away from zero, for bigints. `den` is not zero.
 */
function bdivHalfUp(num: bigint, den: bigint): bigint {
  let q = num / den; // truncates towards zero
  const rem = num % den; // sign of num
  if (2n * babs(rem) >= babs(den)) q += num < 0n !== den < 0n ? -1n : 1n;
  return q;
}

/** `bdivHalfUp` for safe integers (then `%` and the division are exact). */
function divHalfUp(num: number, den: number): number {
  const rem = num % den;
  const q = (num - rem) / den;
  return 2 * Math.abs(rem) >= Math.abs(den) ? q + (num < 0 !== den < 0 ? -1 : 1) : q;
}

/**
 * Turns a plain decimal string produced by `String(n)` with an exponent
 * (`1e+21`, `-1.5e-7`) into exponent-free form, or undefined if the exponent
 * is so far out that the digit limits would reject it anyway.
 */
function expandExponent(str: string, e: number): string | undefined {
  const exp = Number(str.slice(e + 1));
  if (exp > MAX_SIG_DIGITS || exp < -(MAX_FRACTION_DIGITS + 1)) return undefined;
  const neg = str.charCodeAt(0) === 45;
  const mant = str.slice(neg ? 1 : 0, e);
  const dot = mant.indexOf('.');
  const digits = dot === -1 ? mant : mant.slice(0, dot) + mant.slice(dot + 1);
  // Position of the decimal point within `digits` once the exponent is applied.
  const point = (dot === -1 ? mant.length : dot) + exp;
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  return neg ? '-' + out : out;
}

/** What `Decimal.crossed` found (module state, read right after the call that sets it). */
let crossedA = 0;
let crossedB = 0;
let crossedS = 0;

/** An exact, immutable decimal number. See the file comment for the representation. */
export class Decimal {
  /** Signed mantissa; a number iff it is a safe integer (canonical form, rule 3). */
  private readonly m: Mantissa;
  /** Number of decimal places; value = m × 10^(−s) / d. */
  private readonly s: number;
  /** The denominator: 1 for a decimal (canonical form, rule 4). */
  private readonly d: Mantissa;

  /** Internal: callers must pass a canonical (m, s, d); use `make`/`makeBig`/`fraction` otherwise. */
  private constructor(m: Mantissa, s: number, d: Mantissa = 1) {
    this.m = m;
    this.s = s;
    this.d = d;
  }

  static readonly ZERO: Decimal = new Decimal(0, 0);
  static readonly ONE: Decimal = new Decimal(1, 0);
  static readonly HUNDRED: Decimal = new Decimal(100, 0);

  // ---------------------------------------------------------------- factories

  /** Canonical Decimal for a safe-integer mantissa and scale. */
  private static make(m: number, s: number): Decimal {
    if (m === 0) return Decimal.ZERO; // also turns −0 into +0
    while (s > 0 && m % 10 === 0) {
      m /= 10; // exact: m is a multiple of 10
      s--;
    }
    return Decimal.of(m, s);
  }

  /**
   * The Decimal for a canonical (m, s). Decimals are immutable, so the small ones most data
   * and scores hold (a whole number, or one or two places: 72.5, 0.85, 7.25; below 65,536 in
   * the last place) are made once and shared: a million units' values are then mostly the
   * same few thousand objects, which the garbage collector never has to copy.
   */
  private static of(m: number, s: number): Decimal {
    if (s <= 2 && m > 0 && m < SHARED_LIMIT) {
      const row = SHARED[s];
      return row[m] ?? (row[m] = new Decimal(m, s));
    }
    return new Decimal(m, s);
  }

  /**
   * The Decimal for a canonical fraction (m, s, d) of safe integers. The fractions a cohort's
   * scores hold repeat too (70/9 for every unit with the same department score, and the sums
   * made of it): while m and d are small they are shared through a table of bounded size,
   * filled as they come and never emptied (past three quarters full, new ones are not kept).
   */
  private static ofFraction(m: number, s: number, d: number): Decimal {
    const h = Decimal.fractionSlot(m, s, d);
    if (h < 0) return new Decimal(m, s, d);
    const shared = FRACTIONS[h];
    if (shared) return shared;
    const made = new Decimal(m, s, d);
    if (fractionsKept < FRACTIONS_KEPT) {
      FRACTIONS[h] = made;
      fractionsKept++;
    }
    return made;
  }

  /**
   * The slot of the shared fractions' table that holds (m, s, d), or the empty one where it
   * would go; −1 when its parts are too large to share or the slots near its hash are taken.
   */
  private static fractionSlot(m: Mantissa, s: number, d: Mantissa): number {
    if (!(typeof m === 'number' && typeof d === 'number' && m > -0x40000000 && m < 0x40000000 && d < 0x40000000 && s < 16)) return -1;
    let h = (Math.imul(m, 0x9e3779b1) ^ Math.imul(d, 0x85ebca77) ^ (s << 27)) & (FRACTION_SLOTS - 1);
    for (let probe = 0; probe < FRACTION_PROBES; probe++, h = (h + 1) & (FRACTION_SLOTS - 1)) {
      const v = FRACTIONS[h];
      if (v === undefined || (v.m === m && v.d === d && v.s === s)) return h;
    }
    return -1;
  }

  /** Canonical Decimal for a bigint mantissa and scale; demotes to a number when safe. */
  private static makeBig(m: bigint, s: number): Decimal {
    if (m === 0n) return Decimal.ZERO;
    while (s > 0 && m % 10n === 0n) {
      m /= 10n;
      s--;
    }
    return m <= BMAX && m >= -BMAX ? Decimal.of(Number(m), s) : new Decimal(m, s);
  }

  /** The value as a fraction N / D of bigints (D > 0). */
  private parts(): [bigint, bigint] {
    return [toBig(this.m), toBig(this.d) * bpow10(this.s)];
  }

  /**
   * The canonical value of N / D (D ≠ 0): a decimal when D has no prime factor but 2 and 5,
   * else a fraction in lowest terms (rounded to FRACTION_PLACES if D would pass 2^256).
   */
  private static fraction(n: bigint, d: bigint): Decimal {
    if (d < 0n) [n, d] = [-n, -d];
    if (n === 0n) return Decimal.ZERO;
    const g = bgcd(babs(n), d);
    if (g !== 1n) [n, d] = [n / g, d / g];
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) [d, twos] = [d / 2n, twos + 1];
    while (d % 5n === 0n) [d, fives] = [d / 5n, fives + 1];
    // n / (2^a 5^b r) = n × 2^(s−a) 5^(s−b) / (10^s r), s = max(a, b)
    const s = Math.max(twos, fives);
    const m = n * 2n ** BigInt(s - twos) * 5n ** BigInt(s - fives);
    if (d === 1n) return Decimal.makeBig(m, s);
    if (d > MAX_DENOMINATOR) return Decimal.makeBig(bdivHalfUp(m * bpow10(FRACTION_PLACES), d * bpow10(s)), FRACTION_PLACES);
    const small = (x: bigint): Mantissa => (x <= BMAX && x >= -BMAX ? Number(x) : x);
    return new Decimal(small(m), s, small(d));
  }

  /** n / d for safe integers (d ≠ 0) without bigints when every step stays safe; undefined otherwise. */
  private static fractionOfNumbers(n: number, d: number): Decimal | undefined {
    if (d < 0) {
      n = -n;
      d = -d;
    }
    if (n === 0) return Decimal.ZERO;
    const g = gcd(Math.abs(n), d);
    n /= g;
    d /= g;
    let twos = 0;
    let fives = 0;
    if (d <= 0x7fffffff) {
      // Most denominators are small: 32-bit integer steps, much cheaper than the double ones below.
      let i = d | 0;
      for (; (i & 1) === 0; twos++) i >>= 1;
      for (; i % 5 === 0; fives++) i = (i / 5) | 0;
      d = i;
    } else {
      for (; d % 2 === 0; twos++) d /= 2;
      for (; d % 5 === 0; fives++) d /= 5;
    }
    const s = Math.max(twos, fives);
    const m = n * 2 ** (s - twos) * 5 ** (s - fives);
    if (!(m <= MAX && m >= -MAX)) return undefined;
    return d === 1 ? Decimal.make(m, s) : Decimal.ofFraction(m, s, d);
  }

  /**
   * Parses `-?\d+(\.\d+)?`: no exponent, no `+`, no spaces, no bare `.5` or `5.`.
   * Returns undefined for anything else, or when the text has more than 40
   * significant digits (counted from the first non-zero digit to the last
   * digit written) or more than 20 fraction digits (as written).
   */
  static parse(text: string): Decimal | undefined {
    const len = text.length;
    const neg = len > 0 && text.charCodeAt(0) === 45; // '-'
    const start = neg ? 1 : 0;
    let dot = -1;
    let sig = 0; // significant digits seen so far
    let m = 0; // value of the digits, exact while sig ≤ 15
    for (let i = start; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c === 46) {
        // '.': at most one, with digits on both sides (the "after" side is checked below)
        if (dot !== -1 || i === start) return undefined;
        dot = i;
        continue;
      }
      const d = c - 48;
      if (d < 0 || d > 9) return undefined;
      if (sig > 0 || d !== 0) {
        sig++;
        if (sig <= 15) m = m * 10 + d;
      }
    }
    if (len === start || dot === len - 1) return undefined; // no digits, or "5."
    const frac = dot === -1 ? 0 : len - dot - 1;
    if (frac > MAX_FRACTION_DIGITS || sig > MAX_SIG_DIGITS) return undefined;
    if (sig <= 15) return Decimal.make(neg ? -m : m, frac);
    const digits = dot === -1 ? text.slice(start) : text.slice(start, dot) + text.slice(dot + 1);
    const big = BigInt(digits);
    return Decimal.makeBig(neg ? -big : big, frac);
  }

  /** The integer `n`, which must be a safe integer (else RangeError). */
  static fromInt(n: number): Decimal {
    if (!Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${n}`);
    return Decimal.int(n);
  }

  /** A safe integer: the shared instance when it is small. */
  private static int(n: number): Decimal {
    return n === 0 ? Decimal.ZERO : Decimal.of(n, 0);
  }

  /**
   * The decimal written by `String(n)`, the shortest string that round-trips
   * to `n`: `fromNumber(0.1)` is exactly 0.1, not the binary expansion.
   * Undefined for NaN, ±Infinity, and numbers whose plain form exceeds the
   * `parse` limits (e.g. 1e40, 1e-21). −0 gives 0.
   */
  static fromNumber(n: number): Decimal | undefined {
    if (Number.isSafeInteger(n)) return Decimal.int(n);
    if (!Number.isFinite(n)) return undefined;
    // Most submitted numbers have a few decimals (72.5, 0.35): find the fewest places s at
    // which n × 10^s is a whole m with m / 10^s === n. Below 2^50 / 10^s the doubles are
    // less than 10^-s / 4 apart, so that decimal is the only one with s places that reads
    // back as n, hence the one `String(n)` writes.
    for (let s = 1; s <= 4; s++) {
      const m = n * POW10[s];
      if (Number.isInteger(m) && Math.abs(m) < 2 ** 50 && m / POW10[s] === n) return Decimal.make(m, s);
    }
    const str = String(n);
    const e = str.indexOf('e');
    if (e === -1) return Decimal.parse(str);
    const plain = expandExponent(str, e);
    return plain === undefined ? undefined : Decimal.parse(plain);
  }

  // --------------------------------------------------------------- arithmetic

  /** this + other, exact. */
  add(other: Decimal): Decimal {
    if (other.m === 0) return this;
    if (this.m === 0) return other;
    if (this.d !== 1 || other.d !== 1) return this.fractionSum(other, 1n);
    return Decimal.sum(this.m, this.s, other.m, other.s);
  }

  /** this − other, exact. */
  sub(other: Decimal): Decimal {
    if (other.m === 0) return this;
    if (this.d !== 1 || other.d !== 1) return this.fractionSum(other, -1n);
    const bm = other.m;
    // The two identical-looking negations are deliberate: each operator site
    // then sees one type only, so V8 keeps the number one on its fast path.
    return Decimal.sum(this.m, this.s, typeof bm === 'number' ? -bm : -bm, other.s);
  }

  /** am×10^(−as) + bm×10^(−bs). Operands are canonical apart from bm possibly being −0. */
  private static sum(am: Mantissa, as: number, bm: Mantissa, bs: number): Decimal {
    if (typeof am === 'number' && typeof bm === 'number') {
      if (as === bs) {
        const r = am + bm;
        if (r <= MAX && r >= -MAX) return Decimal.make(r, as);
      } else if (as < bs) {
        // Scale am up to bs: x = am × 10^d. One final safety test suffices.
        // If the true sum is safe, |x| ≤ |sum| + |bm| < 2^54; doubles in
        // [2^53, 2^54) are spaced 2 apart and x is even (d ≥ 1), so x is
        // exact. If x was rounded, |x| ≥ 2^54 and the sum fails the test.
        // The sum is already canonical: bm's last digit is non-zero (bs > 0)
        // and x is a multiple of 10, so r ends in bm's last digit, hence
        // r ≠ 0 and has no trailing zero.
        const d = bs - as;
        if (d <= POW10_MAX) {
          const r = am * POW10[d] + bm;
          if (r <= MAX && r >= -MAX) return Decimal.of(r, bs);
        }
      } else {
        const d = as - bs; // mirror image of the branch above
        if (d <= POW10_MAX) {
          const r = am + bm * POW10[d];
          if (r <= MAX && r >= -MAX) return Decimal.of(r, as);
        }
      }
    }
    // Slow path: exact bigint arithmetic.
    const a = toBig(am);
    const b = toBig(bm);
    if (as === bs) return Decimal.makeBig(a + b, as);
    if (as < bs) return Decimal.makeBig(a * bpow10(bs - as) + b, bs);
    return Decimal.makeBig(a + b * bpow10(as - bs), as);
  }

  /** this ± other when either is a fraction. */
  private fractionSum(other: Decimal, sign: 1n | -1n): Decimal {
    const quick = this.fractionSumOfNumbers(other, sign === 1n ? 1 : -1);
    if (quick) return quick;
    const [an, ad] = this.parts();
    const [bn, bd] = other.parts();
    return Decimal.fraction(an * bd + sign * bn * ad, ad * bd);
  }

  /** `fractionSum` without bigints when every number on the way is a safe integer; else undefined. */
  private fractionSumOfNumbers(other: Decimal, sign: 1 | -1): Decimal | undefined {
    // am / (ad 10^as) ± bm / (bd 10^bs) = (a ± b) / (ad bd 10^s)
    if (!this.crossed(other)) return undefined;
    if (this.d === 1 || other.d === 1) {
      // A fraction ± a decimal (a section's fraction and its whole-number items): the sum keeps
      // the fraction's denominator d, already in lowest terms, since m 10^i + k d 10^j has no
      // factor in common with d when m has none and d none with 10. Only the scale is tidied.
      let num = crossedA + sign * crossedB;
      if (!(num <= MAX && num >= -MAX)) return undefined;
      if (num === 0) return Decimal.ZERO;
      let s = crossedS;
      for (; s > 0 && num % 10 === 0; s--) num /= 10;
      return Decimal.ofFraction(num, s, (this.d as number) * (other.d as number));
    }
    const den = (this.d as number) * (other.d as number) * POW10[crossedS];
    const num = crossedA + sign * crossedB;
    if (!(den <= MAX && num <= MAX && num >= -MAX)) return undefined;
    return Decimal.fractionOfNumbers(num, den);
  }

  /**
   * Both values over one denominator, as safe integers, when they fit: am / (ad 10^as) and
   * bm / (bd 10^bs) are a / (ad bd 10^s) and b / (ad bd 10^s), a = am bd 10^(s−as),
   * b = bm ad 10^(s−bs), s = max(as, bs). A product that passes 2^53 is at least 2^53 as a
   * double, so the test catches it. The result is left in `crossedA`, `crossedB` and `crossedS`
   * (read at once by the caller: no object per operation, and sums of fractions are frequent).
   */
  private crossed(other: Decimal): boolean {
    const { m: am, d: ad, s: as } = this;
    const { m: bm, d: bd, s: bs } = other;
    if (typeof am !== 'number' || typeof bm !== 'number' || typeof ad !== 'number' || typeof bd !== 'number') return false;
    const s = Math.max(as, bs);
    if (s > POW10_MAX) return false;
    const a = am * bd * POW10[s - as];
    const b = bm * ad * POW10[s - bs];
    if (!(a <= MAX && a >= -MAX && b <= MAX && b >= -MAX)) return false;
    crossedA = a;
    crossedB = b;
    crossedS = s;
    return true;
  }

  /** this × other, exact. */
  mul(other: Decimal): Decimal {
    if (this.d !== 1 || other.d !== 1) {
      const [an, ad] = this.parts();
      const [bn, bd] = other.parts();
      return Decimal.fraction(an * bn, ad * bd);
    }
    const am = this.m;
    const bm = other.m;
    if (typeof am === 'number' && typeof bm === 'number') {
      const r = am * bm;
      if (r <= MAX && r >= -MAX) return Decimal.make(r, this.s + other.s);
    }
    return Decimal.makeBig(toBig(am) * toBig(bm), this.s + other.s);
  }

  /**
   * this ÷ other: exact (a fraction when it does not terminate), or, given `places`,
   * rounded half away from zero to that many decimal places. Throws RangeError when
   * `other` is zero; callers are expected to check first.
   */
  div(other: Decimal, places?: number): Decimal {
    if (other.m === 0) throw new RangeError('division by zero');
    if (places === undefined) return this.exactQuotient(other);
    checkPlaces(places);
    if (this.d !== 1 || other.d !== 1) {
      const [an, ad] = this.parts();
      const [bn, bd] = other.parts();
      return Decimal.makeBig(bdivHalfUp(an * bd * bpow10(places), ad * bn), places);
    }
    return this.roundedQuotient(other, places);
  }

  /** this ÷ other, exact. */
  private exactQuotient(other: Decimal): Decimal {
    const am = this.m;
    const bm = other.m;
    if (this.d === 1 && other.d === 1 && typeof am === 'number' && typeof bm === 'number') {
      // (am / 10^as) / (bm / 10^bs) = am × 10^bs / (bm × 10^as)
      const as = this.s;
      const bs = other.s;
      const k = Math.min(as, bs);
      if (as - k <= POW10_MAX && bs - k <= POW10_MAX) {
        const n = am * POW10[bs - k];
        const d = bm * POW10[as - k];
        if (n <= MAX && n >= -MAX && d <= MAX && d >= -MAX) {
          const q = Decimal.fractionOfNumbers(n, d);
          if (q) return q;
        }
      }
    }
    const [an, ad] = this.parts();
    const [bn, bd] = other.parts();
    return Decimal.fraction(an * bd, ad * bn);
  }

  /** Two decimals: this ÷ other rounded half away from zero to `places`. */
  private roundedQuotient(other: Decimal, places: number): Decimal {
    const am = this.m;
    const bm = other.m;
    // result mantissa = round(am × 10^e / bm), where e = places − as + bs;
    // for e < 0 the power moves to the divisor instead.
    const e = places - this.s + other.s;
    if (typeof am === 'number' && typeof bm === 'number') {
      let num = am;
      let den = bm;
      let ok = false;
      if (e >= 0) {
        if (e <= POW10_MAX) {
          num = am * POW10[e];
          ok = num <= MAX && num >= -MAX;
        }
      } else if (-e <= POW10_MAX) {
        den = bm * POW10[-e];
        ok = den <= MAX && den >= -MAX;
      }
      if (ok) {
        return Decimal.make(divHalfUp(num, den), places);
      }
    }
    const a = toBig(am);
    const b = toBig(bm);
    const q = e >= 0 ? bdivHalfUp(a * bpow10(e), b) : bdivHalfUp(a, b * bpow10(-e));
    return Decimal.makeBig(q, places);
  }

  /** this ÷ 10^k, exact (k a non-negative integer): the point moved, no division. */
  divPow10(k: number): Decimal {
    checkPlaces(k);
    let m = this.m;
    if (m === 0 || k === 0) return this;
    let s = this.s + k;
    if (this.d === 1) return typeof m === 'number' ? Decimal.make(m, s) : Decimal.makeBig(m, s);
    // A fraction: its denominator stays coprime with 10 and with the mantissa, whose trailing
    // zeros the larger scale now takes (canonical form, rule 2).
    if (typeof m === 'number') {
      for (; s > 0 && m % 10 === 0; s--) m /= 10;
    } else {
      for (; s > 0 && m % 10n === 0n; s--) m /= 10n;
      if (m <= BMAX && m >= -BMAX) m = Number(m);
    }
    return typeof m === 'number' && typeof this.d === 'number' ? Decimal.ofFraction(m, s, this.d) : new Decimal(m, s, this.d);
  }

  /** −this. */
  neg(): Decimal {
    const m = this.m;
    if (m === 0) return this;
    return new Decimal(typeof m === 'number' ? -m : -m, this.s, this.d); // see `sub` for the split
  }

  /** |this|. */
  abs(): Decimal {
    const m = this.m;
    if (m >= 0) return this;
    return new Decimal(typeof m === 'number' ? -m : -m, this.s, this.d); // see `sub` for the split
  }

  /**
   * Rounded to `places` decimal places, half away from zero:
   * 2.345 → 2.35, −2.345 → −2.35, 1.875 → 1.88 (places = 2).
   */
  round(places: number): Decimal {
    checkPlaces(places);
    if (this.d !== 1) {
      // m / (d 10^s) to `places`: round(m 10^places / (d 10^s)), without bigints while both
      // sides are safe integers (`%` on them is exact). Every fraction a score prints takes this.
      const { m, d, s } = this;
      if (typeof m === 'number' && typeof d === 'number' && places <= POW10_MAX && s <= POW10_MAX) {
        const num = m * POW10[places];
        const den = d * POW10[s];
        if (num <= MAX && num >= -MAX && den <= MAX) return Decimal.make(divHalfUp(num, den), places);
      }
      const [n, dd] = this.parts();
      return Decimal.makeBig(bdivHalfUp(n * bpow10(places), dd), places);
    }
    const s = this.s;
    if (s <= places) return this;
    const d = s - places;
    const m = this.m;
    if (typeof m === 'number' && d <= POW10_MAX) {
      const p = POW10[d];
      const rem = m % p;
      let q = (m - rem) / p;
      if (2 * Math.abs(rem) >= p) q += m < 0 ? -1 : 1;
      return Decimal.make(q, places);
    }
    return Decimal.makeBig(bdivHalfUp(toBig(m), bpow10(d)), places);
  }

  /** Largest integer ≤ this. */
  floor(): Decimal {
    return this.toInteger(-1);
  }

  /** Smallest integer ≥ this. */
  ceil(): Decimal {
    return this.toInteger(1);
  }

  /** Truncates to an integer, then steps one in direction `dir` if anything was cut off in that direction. */
  private toInteger(dir: 1 | -1): Decimal {
    if (this.d !== 1) {
      const [n, d] = this.parts();
      let q = n / d;
      const rem = n % d;
      if (dir < 0 ? rem < 0n : rem > 0n) q += BigInt(dir);
      return Decimal.makeBig(q, 0);
    }
    const s = this.s;
    if (s === 0) return this;
    const m = this.m;
    if (typeof m === 'number' && s <= POW10_MAX) {
      const p = POW10[s];
      const rem = m % p;
      let q = (m - rem) / p;
      if (dir < 0 ? rem < 0 : rem > 0) q += dir;
      return Decimal.make(q, 0);
    }
    const bm = toBig(m);
    const bp = bpow10(s);
    let q = bm / bp;
    const rem = bm % bp;
    if (dir < 0 ? rem < 0n : rem > 0n) q += BigInt(dir);
    return Decimal.makeBig(q, 0);
  }

  // --------------------------------------------------------------- comparison

  /** −1, 0 or 1 as this is less than, equal to or greater than `other`. */
  cmp(other: Decimal): -1 | 0 | 1 {
    if (this.d !== 1 || other.d !== 1) {
      // Over one positive denominator, without bigints when the numerators are safe integers.
      if (this.crossed(other)) return crossedA < crossedB ? -1 : crossedA > crossedB ? 1 : 0;
      const [an, ad] = this.parts();
      const [bn, bd] = other.parts();
      const a = an * bd;
      const b = bn * ad;
      return a < b ? -1 : a > b ? 1 : 0;
    }
    const am = this.m;
    const bm = other.m;
    const as = this.s;
    const bs = other.s;
    if (typeof am === 'number' && typeof bm === 'number') {
      // Aligning with a power of ten ≤ 10^22 may round when the product is
      // not safe, but then its magnitude is ≥ 2^53 > |other side|, and
      // rounding is monotonic and keeps the sign, so the order is still right.
      if (as === bs) return am < bm ? -1 : am > bm ? 1 : 0;
      if (as < bs) {
        const d = bs - as;
        if (d <= POW10_MAX) {
          const x = am * POW10[d];
          return x < bm ? -1 : x > bm ? 1 : 0;
        }
      } else {
        const d = as - bs;
        if (d <= POW10_MAX) {
          const x = bm * POW10[d];
          return am < x ? -1 : am > x ? 1 : 0;
        }
      }
    }
    let a = toBig(am);
    let b = toBig(bm);
    if (as < bs) a *= bpow10(bs - as);
    else if (as > bs) b *= bpow10(as - bs);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Numerically equal. Canonical form makes this a field comparison. */
  eq(other: Decimal): boolean {
    return this.s === other.s && this.m === other.m && this.d === other.d;
  }

  lt(other: Decimal): boolean {
    return this.cmp(other) < 0;
  }

  lte(other: Decimal): boolean {
    return this.cmp(other) <= 0;
  }

  gt(other: Decimal): boolean {
    return this.cmp(other) > 0;
  }

  gte(other: Decimal): boolean {
    return this.cmp(other) >= 0;
  }

  isZero(): boolean {
    return this.m === 0;
  }

  /** −1, 0 or 1. */
  sign(): -1 | 0 | 1 {
    const m = this.m;
    return m > 0 ? 1 : m < 0 ? -1 : 0;
  }

  isInteger(): boolean {
    return this.s === 0 && this.d === 1; // canonical form: a non-zero scale means a non-zero fraction digit
  }

  /** Whether it is a decimal (it has a finite decimal expansion), not a fraction such as 1/3. */
  terminates(): boolean {
    return this.d === 1;
  }

  /** The smaller of a and b (a when equal). */
  static min(a: Decimal, b: Decimal): Decimal {
    return b.cmp(a) < 0 ? b : a;
  }

  /** The larger of a and b (a when equal). */
  static max(a: Decimal, b: Decimal): Decimal {
    return b.cmp(a) > 0 ? b : a;
  }

  /** `lo` if this < lo, `hi` if this > hi, else this. RangeError if lo > hi. */
  clamp(lo: Decimal, hi: Decimal): Decimal {
    if (lo.cmp(hi) > 0) throw new RangeError(`clamp: lower bound ${lo} exceeds upper bound ${hi}`);
    if (this.cmp(lo) < 0) return lo;
    if (this.cmp(hi) > 0) return hi;
    return this;
  }

  // --------------------------------------------------------------- conversion

  /**
   * Canonical plain decimal: no exponent, no trailing fraction zeros, no "-0".
   * "85", "2.5", "-0.125", "0". `Decimal.parse(d.toString())` gives back d.
   * A value that does not terminate is shown rounded half-up to DISPLAY_PLACES places and
   * marked: 100 / 3 is "33.3333333333…" (which `parse` does not read back).
   */
  toString(): string {
    if (this.d !== 1) {
      // A shared fraction's text is made once, in its slot of the table.
      const h = Decimal.fractionSlot(this.m, this.s, this.d);
      if (h >= 0 && FRACTIONS[h] !== undefined) return (FRACTION_TEXT[h] ??= this.round(DISPLAY_PLACES).toString() + NOT_TERMINATING);
      return this.round(DISPLAY_PLACES).toString() + NOT_TERMINATING;
    }
    const m = this.m;
    const s = this.s;
    if (s === 0) return String(m);
    // A shared decimal's text is made once too (a results file prints the same scores again and again).
    if (s <= 2 && typeof m === 'number' && m > 0 && m < SHARED_LIMIT) return (SHARED_TEXT[s][m] ??= this.text());
    return this.text();
  }

  /** The text of a decimal (not a fraction) with places, as `toString` gives it. */
  private text(): string {
    const m = this.m;
    const s = this.s;
    const neg = m < 0;
    let digits = String(typeof m === 'number' ? Math.abs(m) : babs(m));
    if (digits.length <= s) digits = '0'.repeat(s - digits.length + 1) + digits;
    const cut = digits.length - s;
    return (neg ? '-' : '') + digits.slice(0, cut) + '.' + digits.slice(cut);
  }

  /**
   * `toString()`'s text written as UTF-8 into `out` from `at`, without making a string (a
   * results file writes millions of scores): returns where the text ends, or −1 for a value with
   * a bigint part or more than TEXT_BYTES_PLACES places, whose text `toString()` then gives.
   * `out` must have room for TEXT_BYTES bytes from `at`.
   */
  writeText(out: Uint8Array, at: number): number {
    const m = this.m;
    const s = this.s;
    const d = this.d;
    if (typeof m !== 'number' || typeof d !== 'number' || s > TEXT_BYTES_PLACES) return -1;
    if (d === 1) return writeDigits(out, at, m, s);
    // A fraction: rounded half away from zero to DISPLAY_PLACES places, as `round` does it
    // while both sides are safe integers, then marked.
    const num = s <= DISPLAY_PLACES ? m * POW10[DISPLAY_PLACES - s] : m;
    const den = s <= DISPLAY_PLACES ? d : d * POW10[s - DISPLAY_PLACES];
    if (!(num <= HALF_MAX && num >= -HALF_MAX && den <= HALF_MAX)) return -1;
    let q = divHalfUpSmall(num, den);
    let places = DISPLAY_PLACES;
    if (q === 0) places = 0;
    else
      for (let tenth = q / 10; places > 0 && tenth === Math.trunc(tenth); tenth = q / 10) {
        // (q / 10 is exact when q ends in 0, and never a whole number otherwise.)
        q = tenth;
        places--;
      }
    at = writeDigits(out, at, q, places);
    out[at] = 0xe2; // “…”, NOT_TERMINATING
    out[at + 1] = 0x80;
    out[at + 2] = 0xa6;
    return at + 3;
  }

  /** The exact value as a fraction "100/3", or as a decimal when it terminates. */
  toFraction(): string {
    if (this.d === 1) return this.toString();
    const [n, d] = this.parts();
    const g = bgcd(babs(n), d);
    return `${n / g}/${d / g}`;
  }

  /** Rounded half away from zero to exactly `places` fraction digits ("2.50", "3", "-0.13"). */
  toFixed(places: number): string {
    const r = this.round(places); // validates places
    const str = r.toString();
    if (places === 0) return str;
    return r.s === 0 ? str + '.' + '0'.repeat(places) : str + '0'.repeat(places - r.s);
  }

  /**
   * The nearest JS number (correctly rounded), for fractions too, so that a higher value never
   * gives a lower number (places are ordered by these numbers first).
   */
  toNumber(): number {
    const m = this.m;
    const s = this.s;
    if (this.d !== 1) {
      const d = this.d;
      // One division of two exact doubles is correctly rounded.
      if (typeof m === 'number' && typeof d === 'number' && s <= POW10_MAX) {
        const den = d * POW10[s];
        if (den <= MAX) return m / den;
      }
      const [n, den] = this.parts();
      return ratioToNumber(n, den);
    }
    if (typeof m === 'number') {
      if (s === 0) return m;
      // One division of two exact doubles is correctly rounded.
      if (s <= POW10_MAX) return m / POW10[s];
    }
    return Number(this.toString());
  }

  /**
   * Whether `toNumber()` tells this value apart from every other value of which this holds too
   * (two such values with the same number are equal): true below 1024 in magnitude with a
   * denominator d × 10^s below 2^20 — two such values that differ, differ by more than 2^-40,
   * and doubles below 1024 are at most 2^-43 apart. Scores are such values: a cohort's places
   * then compare numbers only.
   */
  numberIdentifies(): boolean {
    const m = this.m;
    const d = this.d;
    if (typeof m !== 'number' || typeof d !== 'number' || this.s > 6) return false;
    const den = d * POW10[this.s];
    return den < 1048576 && m < 1024 * den && m > -1024 * den;
  }

  /**
   * The decimal's parts (mantissa, places, denominator: value = m × 10^(−s) / d), so that a
   * column of scores can cross to another thread as typed arrays; `Decimal.fromParts` makes the
   * same decimal of them again.
   */
  toParts(): [number | bigint, number, number | bigint] {
    return [this.m, this.s, this.d];
  }

  /**
   * `toParts()` written into entry `u` of three typed columns (a column of scores crossing to
   * another thread, see wire.ts), with no array made per score; false, and nothing written, when
   * a part is too large for a double.
   */
  writeParts(m: Float64Array, s: Int16Array, d: Float64Array, u: number): boolean {
    const mantissa = this.m;
    const denominator = this.d;
    if (typeof mantissa !== 'number' || typeof denominator !== 'number') return false;
    m[u] = mantissa;
    s[u] = this.s;
    d[u] = denominator;
    return true;
  }

  /** The decimal whose `toParts()` gave (m, s, d) (shared like any other). */
  static fromParts(m: number | bigint, s: number, d: number | bigint): Decimal {
    if (d === 1) return typeof m === 'number' ? Decimal.make(m, s) : Decimal.makeBig(m, s);
    if (typeof m === 'number' && typeof d === 'number') return Decimal.ofFraction(m, s, d);
    return new Decimal(m, s, d);
  }

  /** Scores serialise as strings so JSON never loses exactness. */
  toJSON(): string {
    return this.toString();
  }
}

/** Most places a value `writeText` writes may have. */
const TEXT_BYTES_PLACES = 30;
/** Bytes `writeText` may write: a sign, 16 digits or a point and TEXT_BYTES_PLACES places, “…”. */
export const TEXT_BYTES = 1 + 1 + Math.max(16, TEXT_BYTES_PLACES + 1) + 3;

/**
 * A safe integer m with s places (canonical: m's last digit not 0 when s > 0) as `toString`
 * writes it, in ASCII into `out` from `at` (room for TEXT_BYTES bytes); returns where it ends.
 * Digits are taken from two 32-bit integers (below and above 10^8): `%` on larger numbers is a
 * slow floating-point call. (A whole number: s = 0.)
 */
export function writeDigits(out: Uint8Array, at: number, m: number, s: number): number {
  if (m < 0) {
    out[at++] = 45; // -
    m = -m;
  }
  let high = 0;
  let low = m;
  if (m >= 1e8) {
    // Exact: m / 10^8, correctly rounded, is off by at most m × 2^−53 < 10^−8, less than
    // its distance to any whole number above it, so the floor is right and the rest exact.
    high = Math.floor(m / 1e8);
    low = m - high * 1e8;
  }
  let len = 1;
  for (let x = high > 0 ? high : low; x >= 10; x = (x / 10) | 0) len++;
  if (high > 0) len += 8;
  // "0.0…0digits" when the places outnumber the digits.
  const end = at + (len > s ? len - s : 1) + (s > 0 ? 1 + s : 0);
  let i = end - 1;
  let x = low | 0;
  for (let k = 0; k < len; k++) {
    if (k === 8 && high > 0) x = high | 0;
    if (k === s && s > 0) out[i--] = 46; // .
    const q = (x / 10) | 0;
    out[i--] = 48 + x - q * 10;
    x = q;
  }
  // Zeros between the point and the digits, and the 0 before the point.
  if (s >= len) {
    for (let k = len; k < s; k++) out[i--] = 48;
    out[i--] = 46;
    out[i--] = 48;
  }
  return end;
}

/**
 * `num / den` rounded half away from zero, for |num| and den (> 0) at most 2^52, by a division of
 * doubles (`divHalfUp` takes `%`, a slow floating-point call). Exact: the quotient, correctly
 * rounded, is off by at most |num / den| × 2^−53 ≤ 1 / (2 den), less than its distance to the
 * next whole number, so its truncation is right, and |q × den| ≤ |num| keeps the rest exact.
 */
function divHalfUpSmall(num: number, den: number): number {
  const q = Math.trunc(num / den);
  const rem = num - q * den;
  return 2 * Math.abs(rem) >= den ? q + (num < 0 ? -1 : 1) : q;
}

/** Mantissas below this, with at most two places, are shared (see `Decimal.of`). */
const SHARED_LIMIT = 1 << 16;
/** The shared decimals by scale (0, 1, 2) and mantissa, made as they are first needed. */
const SHARED: Decimal[][] = [0, 1, 2].map(() => new Array<Decimal>(SHARED_LIMIT));
/** The shared fractions: an open-addressing table (see `Decimal.ofFraction`). */
const FRACTION_SLOTS = 1 << 16;
const FRACTIONS: (Decimal | undefined)[] = new Array(FRACTION_SLOTS);
/** Each shared fraction's text, by its slot, made as it is first printed. */
const FRACTION_TEXT: (string | undefined)[] = new Array(FRACTION_SLOTS);
/** Slots looked at for a fraction before giving up on sharing it. */
const FRACTION_PROBES = 8;
const FRACTIONS_KEPT = (FRACTION_SLOTS * 3) / 4;
let fractionsKept = 0;

/** The text of each shared decimal with places (scale 1 and 2), made as it is first printed. */
const SHARED_TEXT: string[][] = [0, 1, 2].map((s) => (s === 0 ? [] : new Array<string>(SHARED_LIMIT)));
SHARED[0][1] = Decimal.ONE;
SHARED[0][100] = Decimal.HUNDRED;
