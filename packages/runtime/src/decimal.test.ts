import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, DISPLAY_PLACES, NOT_TERMINATING, TEXT_BYTES } from './decimal.js';

// ---------------------------------------------------------------------------
// Reference implementation: bigint only, no fast path, written for obviousness
// rather than speed. Value = m × 10^(−s).
// ---------------------------------------------------------------------------

interface Ref {
  m: bigint;
  s: number;
}

const pow = (n: number): bigint => 10n ** BigInt(n);
const babs = (x: bigint): bigint => (x < 0n ? -x : x);

/** Strips trailing zeros so that equal values have equal refs. */
function norm(r: Ref): Ref {
  let { m, s } = r;
  if (m === 0n) return { m: 0n, s: 0 };
  while (s > 0 && m % 10n === 0n) {
    m /= 10n;
    s--;
  }
  return { m, s };
}

/** Writes m and s as-is (trailing zeros kept): the kind of text a user may type. */
function raw(r: Ref): string {
  const neg = r.m < 0n;
  let digits = babs(r.m).toString();
  if (r.s === 0) return (neg ? '-' : '') + digits;
  digits = digits.padStart(r.s + 1, '0');
  return (neg ? '-' : '') + digits.slice(0, -r.s) + '.' + digits.slice(-r.s);
}

const refString = (r: Ref): string => raw(norm(r));

function align(a: Ref, b: Ref): [bigint, bigint, number] {
  const s = Math.max(a.s, b.s);
  return [a.m * pow(s - a.s), b.m * pow(s - b.s), s];
}

function refAdd(a: Ref, b: Ref): Ref {
  const [x, y, s] = align(a, b);
  return norm({ m: x + y, s });
}
function refSub(a: Ref, b: Ref): Ref {
  const [x, y, s] = align(a, b);
  return norm({ m: x - y, s });
}
function refMul(a: Ref, b: Ref): Ref {
  return norm({ m: a.m * b.m, s: a.s + b.s });
}
function refCmp(a: Ref, b: Ref): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}
/** n / d rounded half away from zero. */
function halfUp(n: bigint, d: bigint): bigint {
  const neg = n < 0n !== d < 0n;
  const an = babs(n);
  const ad = babs(d);
  let q = an / ad;
  if ((an % ad) * 2n >= ad) q += 1n;
  return neg ? -q : q;
}
/** a / b to p places: (am/10^as) / (bm/10^bs) × 10^p = am·10^(bs+p) / (bm·10^as). */
function refDiv(a: Ref, b: Ref, p: number): Ref {
  return norm({ m: halfUp(a.m * pow(b.s + p), b.m * pow(a.s)), s: p });
}
function refRound(a: Ref, p: number): Ref {
  if (a.s <= p) return a;
  return norm({ m: halfUp(a.m, pow(a.s - p)), s: p });
}
function refFloor(a: Ref): Ref {
  const d = pow(a.s);
  let q = a.m / d;
  if (a.m % d !== 0n && a.m < 0n) q -= 1n;
  return norm({ m: q, s: 0 });
}
function refCeil(a: Ref): Ref {
  const d = pow(a.s);
  let q = a.m / d;
  if (a.m % d !== 0n && a.m > 0n) q += 1n;
  return norm({ m: q, s: 0 });
}
function refToFixed(a: Ref, p: number): string {
  const r = refRound(a, p);
  return raw({ m: r.m * pow(p - r.s), s: p });
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const MAX = Number.MAX_SAFE_INTEGER;
const BMAX = BigInt(MAX);

/** The private representation, for checking the canonical-form invariants. */
/** A decimal's mantissa and scale (its denominator, 1, left out). */
function repr(d: Decimal): { m: number | bigint; s: number } {
  const { m, s } = d as unknown as { m: number | bigint; s: number };
  return { m, s };
}

/** Asserts the canonical form described at the top of decimal.ts. */
function expectCanonical(d: Decimal): void {
  const { m, s } = repr(d);
  expect(Number.isSafeInteger(s) && s >= 0).toBe(true);
  if (typeof m === 'number') {
    expect(Number.isSafeInteger(m)).toBe(true);
    expect(Object.is(m, -0)).toBe(false);
    if (s > 0) expect(m % 10).not.toBe(0);
  } else {
    // bigint only when not safe
    expect(m > BMAX || m < -BMAX).toBe(true);
    if (s > 0) expect(m % 10n).not.toBe(0n);
  }
  if (m === 0) expect(s).toBe(0);
}

/** Asserts d is canonical and equals the reference value. */
function expectRef(d: Decimal, r: Ref): void {
  expectCanonical(d);
  expect(d.toString()).toBe(refString(r));
}

const P = (text: string): Decimal => {
  const d = Decimal.parse(text);
  if (d === undefined) throw new Error(`test setup: cannot parse ${text}`);
  return d;
};

// ---------------------------------------------------------------------------
// Generators: up to 18 digits and 8 fraction digits. The "wide" and
// "near safe" arms force the bigint path (|m| > 2^53 − 1); the "small" arm
// exercises the fast path and lots of equal scales, zeros and carries.
// ---------------------------------------------------------------------------

const D18 = 10n ** 18n - 1n;
const arbRaw: fc.Arbitrary<Ref> = fc.oneof(
  fc.record({ m: fc.bigInt(-1000n, 1000n), s: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ m: fc.bigInt(-(10n ** 9n), 10n ** 9n), s: fc.integer({ min: 0, max: 8 }) }),
  fc.record({ m: fc.bigInt(-D18, D18), s: fc.integer({ min: 0, max: 8 }) }),
  fc.record({
    m: fc.oneof(fc.bigInt(BMAX - 1000n, BMAX + 1000n), fc.bigInt(-BMAX - 1000n, -BMAX + 1000n)),
    s: fc.integer({ min: 0, max: 8 }),
  }),
);

interface Pair {
  /** The reference value, normalised. */
  r: Ref;
  /** The same value parsed from text that may carry trailing zeros. */
  d: Decimal;
}
const arbPair: fc.Arbitrary<Pair> = arbRaw.map((r) => ({ r: norm(r), d: P(raw(r)) }));
const arbNonZero = arbPair.filter((p) => p.r.m !== 0n);
const arbPlaces = fc.integer({ min: 0, max: 12 });

const RUNS = { numRuns: 1000 };

// ---------------------------------------------------------------------------
// Properties against the reference
// ---------------------------------------------------------------------------

describe('Decimal properties (vs bigint reference)', () => {
  it('parse accepts any -?\\d+(\\.\\d+)? within limits and prints canonically', () => {
    fc.assert(
      fc.property(arbRaw, (r) => {
        expectRef(P(raw(r)), norm(r));
      }),
      RUNS,
    );
  });

  it('toString round-trips through parse', () => {
    fc.assert(
      fc.property(arbPair, ({ d }) => {
        const back = P(d.toString());
        expect(back.eq(d)).toBe(true);
        expect(back.toString()).toBe(d.toString());
        expect(repr(back)).toEqual(repr(d));
      }),
      RUNS,
    );
  });

  it('add is exact and commutative', () => {
    fc.assert(
      fc.property(arbPair, arbPair, (a, b) => {
        const ab = a.d.add(b.d);
        expectRef(ab, refAdd(a.r, b.r));
        expect(ab.eq(b.d.add(a.d))).toBe(true);
      }),
      RUNS,
    );
  });

  it('sub is exact and (a + b) − b = a', () => {
    fc.assert(
      fc.property(arbPair, arbPair, (a, b) => {
        expectRef(a.d.sub(b.d), refSub(a.r, b.r));
        const back = a.d.add(b.d).sub(b.d);
        expectCanonical(back);
        expect(back.eq(a.d)).toBe(true);
      }),
      RUNS,
    );
  });

  it('mul is exact and commutative', () => {
    fc.assert(
      fc.property(arbPair, arbPair, (a, b) => {
        const ab = a.d.mul(b.d);
        expectRef(ab, refMul(a.r, b.r));
        expect(ab.eq(b.d.mul(a.d))).toBe(true);
      }),
      RUNS,
    );
  });

  it('div rounds half away from zero to the requested places', () => {
    fc.assert(
      fc.property(arbPair, arbNonZero, arbPlaces, (a, b, p) => {
        expectRef(a.d.div(b.d, p), refDiv(a.r, b.r, p));
      }),
      RUNS,
    );
  });

  it('div without places is exact: (a / b) × b = a', () => {
    fc.assert(
      fc.property(arbPair, arbNonZero, (a, b) => {
        const q = a.d.div(b.d);
        expect(q.mul(b.d).eq(a.d)).toBe(true);
        // It terminates exactly when the reduced denominator has no prime factor but 2 and 5.
        const [, den] = reduce(a.r.m * pow(b.r.s), babs(b.r.m) * pow(a.r.s));
        expect(q.terminates()).toBe(onlyTwosAndFives(den));
        // A terminating quotient has at most 200 places here (mantissas below 10^40, scales up to 20).
        if (q.terminates()) expectRef(q, refDiv(a.r, b.r, 200));
      }),
      RUNS,
    );
  });

  it('divPow10 is div by a power of ten, to the representation (canonical form kept)', () => {
    fc.assert(
      fc.property(arbPair, fc.integer({ min: 0, max: 30 }), (a, k) => {
        const full = (x: Decimal) => ({ ...repr(x), d: (x as unknown as { d: unknown }).d });
        const pow10 = Decimal.parse('1' + '0'.repeat(k))!;
        expect(full(a.d.divPow10(k))).toEqual(full(a.d.div(pow10)));
        // a fraction too (its mantissa's trailing zeros move into the scale)
        const third = a.d.div(Decimal.fromInt(3));
        expect(full(third.divPow10(k))).toEqual(full(third.div(pow10)));
      }),
      RUNS,
    );
  });

  it('cmp matches the reference and the sign of sub; eq/lt/lte/gt/gte agree', () => {
    fc.assert(
      fc.property(arbPair, arbPair, (a, b) => {
        const c = a.d.cmp(b.d);
        expect(c).toBe(refCmp(a.r, b.r));
        expect(c).toBe(a.d.sub(b.d).sign());
        expect(b.d.cmp(a.d)).toBe(c === 0 ? 0 : -c);
        expect(a.d.eq(b.d)).toBe(c === 0);
        expect(a.d.lt(b.d)).toBe(c < 0);
        expect(a.d.lte(b.d)).toBe(c <= 0);
        expect(a.d.gt(b.d)).toBe(c > 0);
        expect(a.d.gte(b.d)).toBe(c >= 0);
        // Canonical form: equal values print identically.
        expect(a.d.toString() === b.d.toString()).toBe(c === 0);
      }),
      RUNS,
    );
  });

  it('cmp is right for values equal after scaling', () => {
    // Same value written with different scales before normalisation.
    fc.assert(
      fc.property(arbPair, fc.integer({ min: 0, max: 8 }), ({ r, d }, extra) => {
        const padded = P(raw({ m: r.m * pow(extra), s: r.s + extra }));
        expect(padded.cmp(d)).toBe(0);
        expect(padded.eq(d)).toBe(true);
      }),
      RUNS,
    );
  });

  it('round, floor, ceil and toFixed match the reference', () => {
    fc.assert(
      fc.property(arbPair, arbPlaces, ({ r, d }, p) => {
        expectRef(d.round(p), refRound(r, p));
        expectRef(d.floor(), refFloor(r));
        expectRef(d.ceil(), refCeil(r));
        expect(d.toFixed(p)).toBe(refToFixed(r, p));
      }),
      RUNS,
    );
  });

  it('neg, abs, sign, isZero, isInteger match the reference', () => {
    fc.assert(
      fc.property(arbPair, ({ r, d }) => {
        expectRef(d.neg(), { m: -r.m, s: r.s });
        expectRef(d.abs(), { m: babs(r.m), s: r.s });
        expect(d.sign()).toBe(r.m > 0n ? 1 : r.m < 0n ? -1 : 0);
        expect(d.isZero()).toBe(r.m === 0n);
        expect(d.isInteger()).toBe(r.s === 0);
        expect(d.neg().neg().eq(d)).toBe(true);
      }),
      RUNS,
    );
  });

  it('min, max and clamp', () => {
    fc.assert(
      fc.property(arbPair, arbPair, arbPair, (x, a, b) => {
        const lo = Decimal.min(a.d, b.d);
        const hi = Decimal.max(a.d, b.d);
        expect(lo.lte(hi)).toBe(true);
        expect(lo.eq(a.d) || lo.eq(b.d)).toBe(true);
        expect(hi.eq(a.d) || hi.eq(b.d)).toBe(true);
        const c = x.d.clamp(lo, hi);
        expect(c.gte(lo) && c.lte(hi)).toBe(true);
        if (x.d.gte(lo) && x.d.lte(hi)) expect(c).toBe(x.d);
        else expect(c).toBe(x.d.lt(lo) ? lo : hi);
      }),
      RUNS,
    );
  });

  it('toNumber is the correctly rounded double', () => {
    fc.assert(
      fc.property(arbPair, ({ r, d }) => {
        expect(d.toNumber()).toBe(Number(refString(r)));
      }),
      RUNS,
    );
  });

  it('fromNumber gives the shortest round-trip decimal of any finite double it accepts', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        // Reference: String(n) is digits[.digits][e±x]; its value is m × 10^(−s).
        const [mant, exp = '0'] = String(n).split('e');
        const [int, frac = ''] = mant.split('.');
        const k = Number(exp) - frac.length;
        const digits = BigInt(int + frac);
        const r: Ref = k >= 0 ? { m: digits * pow(k), s: 0 } : { m: digits, s: -k };
        // Accepted iff the plain form fits: ≤ 20 fraction digits, ≤ 40 significant.
        const fits = r.s <= 20 && (r.m === 0n || babs(r.m).toString().length <= 40);
        const d = Decimal.fromNumber(n);
        expect(d !== undefined).toBe(fits);
        if (d === undefined) return;
        expectRef(d, norm(r));
        expect(d.toNumber() === n).toBe(true); // −0 gives 0, and 0 === −0
      }),
      RUNS,
    );
  });

  it('fromInt agrees with parse', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const d = Decimal.fromInt(n);
        expectCanonical(d);
        expect(d.eq(P(String(n)))).toBe(true);
        expect(d.toNumber()).toBe(n);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------
// Worked examples
// ---------------------------------------------------------------------------

const I = (n: number): Decimal => Decimal.fromInt(n);

describe('Decimal worked numbers', () => {
  it('scheme examples', () => {
    expect(I(10).mul(I(8)).div(I(16)).toString()).toBe('5');
    expect(I(10).mul(I(4)).div(I(16)).toString()).toBe('2.5');
    expect(I(40).mul(I(72)).div(I(90)).toString()).toBe('32');
    const q = I(10).mul(I(3)).div(I(16));
    expect(q.toString()).toBe('1.875');
    expect(q.round(2).toString()).toBe('1.88');
    expect(I(1).div(I(3)).toString()).toBe('0.3333333333…');
    expect(I(1).div(I(3), 10).toString()).toBe('0.3333333333');
    expect(I(2).div(I(3), 10).toString()).toBe('0.6666666667');
    expect(I(-2).div(I(3), 10).toString()).toBe('-0.6666666667');
    expect(I(2).div(I(3), 0).toString()).toBe('1');
    expect(I(1).div(I(3), 0).toString()).toBe('0');
  });

  it('0.1 + 0.2 = 0.3', () => {
    expect(P('0.1').add(P('0.2')).eq(P('0.3'))).toBe(true);
    expect(P('0.1').add(P('0.2')).toString()).toBe('0.3');
  });

  it('850 × 0.1 summed is exactly 85', () => {
    const tenth = P('0.1');
    let sum = Decimal.ZERO;
    for (let i = 0; i < 850; i++) sum = sum.add(tenth);
    expect(sum.eq(I(85))).toBe(true);
    expect(sum.gte(I(85))).toBe(true);
    expect(sum.toString()).toBe('85');
    expect(repr(sum)).toEqual({ m: 85, s: 0 });
  });

  it('1.50 and 1.5 have the same representation', () => {
    expect(P('1.50').eq(P('1.5'))).toBe(true);
    expect(P('1.50').toString()).toBe('1.5');
    expect(repr(P('1.50'))).toEqual(repr(P('1.5')));
    expect(repr(P('100.000'))).toEqual(repr(Decimal.HUNDRED));
  });

  it('round is half away from zero', () => {
    expect(P('2.345').round(2).toString()).toBe('2.35');
    expect(P('-2.345').round(2).toString()).toBe('-2.35');
    expect(P('2.344').round(2).toString()).toBe('2.34');
    expect(P('0.5').round(0).toString()).toBe('1');
    expect(P('-0.5').round(0).toString()).toBe('-1');
    expect(P('-0.4').round(0).toString()).toBe('0');
    expect(P('2.5').round(5).toString()).toBe('2.5');
  });

  it('floor and ceil', () => {
    expect(P('2.5').floor().toString()).toBe('2');
    expect(P('2.5').ceil().toString()).toBe('3');
    expect(P('-2.5').floor().toString()).toBe('-3');
    expect(P('-2.5').ceil().toString()).toBe('-2');
    expect(P('-0.5').ceil().toString()).toBe('0');
    expect(P('7').floor().toString()).toBe('7');
  });

  it('toString and toFixed', () => {
    expect(P('85').toString()).toBe('85');
    expect(P('2.50').toString()).toBe('2.5');
    expect(P('-0.125').toString()).toBe('-0.125');
    expect(P('-0').toString()).toBe('0');
    expect(P('-0.000').toString()).toBe('0');
    expect(P('0007.50').toString()).toBe('7.5');
    expect(P('0.001').toString()).toBe('0.001');
    expect(P('2.5').toFixed(2)).toBe('2.50');
    expect(P('2.5').toFixed(0)).toBe('3');
    expect(P('-0.001').toFixed(2)).toBe('0.00');
    expect(P('-0.125').toFixed(2)).toBe('-0.13');
    expect(P('85').toFixed(1)).toBe('85.0');
  });

  it('toJSON serialises as a string', () => {
    expect(JSON.stringify({ score: P('92.50') })).toBe('{"score":"92.5"}');
    expect(JSON.stringify([P('12345678901234567890.12345')])).toBe('["12345678901234567890.12345"]');
  });

  it('constants', () => {
    expect(Decimal.ZERO.toString()).toBe('0');
    expect(Decimal.ONE.toString()).toBe('1');
    expect(Decimal.HUNDRED.toString()).toBe('100');
    expect(Decimal.ZERO.isZero()).toBe(true);
    expect(Decimal.ONE.sign()).toBe(1);
    expect(I(-3).sign()).toBe(-1);
    expect(Decimal.ZERO.sign()).toBe(0);
  });
});

describe('Decimal parsing', () => {
  it('rejects anything but -?\\d+(\\.\\d+)?', () => {
    for (const bad of [
      '', '-', '+1', '.5', '-.5', '5.', '1.2.3', '1e5', '1E5', ' 1', '1 ', '--1', '1_000',
      '0x10', 'NaN', 'Infinity', '1,5', '١', '٣.٥', '1.-5', '-1-',
    ]) {
      expect(Decimal.parse(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it('enforces 40 significant and 20 fraction digits', () => {
    const sig40 = '1234567890'.repeat(4);
    expect(P(sig40).toString()).toBe(sig40);
    expect(P('-' + sig40).toString()).toBe('-' + sig40);
    expect(Decimal.parse(sig40 + '1')).toBeUndefined();
    expect(P('000' + sig40).toString()).toBe(sig40); // leading zeros are not significant
    expect(P('0.' + '0'.repeat(19) + '1').toString()).toBe('0.' + '0'.repeat(19) + '1');
    expect(Decimal.parse('0.' + '0'.repeat(20) + '1')).toBeUndefined();
    expect(Decimal.parse('1.' + '0'.repeat(21))).toBeUndefined(); // as written
    const mixed = '12345678901234567890.12345678901234567890'; // 40 sig, 20 fraction
    expect(P(mixed).toString()).toBe(mixed.replace(/0+$/, ''));
  });
});

describe('Decimal fromNumber / fromInt', () => {
  it('uses the shortest round-trip decimal', () => {
    expect(Decimal.fromNumber(0.1)?.toString()).toBe('0.1');
    expect(Decimal.fromNumber(0.1 + 0.2)?.toString()).toBe('0.30000000000000004');
    expect(Decimal.fromNumber(-2.5)?.toString()).toBe('-2.5');
    expect(Decimal.fromNumber(-0)?.toString()).toBe('0');
    // 2^60 = 1152921504606846976, but its shortest round-trip form is:
    expect(Decimal.fromNumber(2 ** 60)?.toString()).toBe('1152921504606847000');
    expect(typeof repr(Decimal.fromNumber(2 ** 60)!).m).toBe('bigint');
    expect(Decimal.fromNumber(1e21)?.toString()).toBe('1' + '0'.repeat(21));
    expect(Decimal.fromNumber(1.5e25)?.toString()).toBe('15' + '0'.repeat(24));
    expect(Decimal.fromNumber(1e39)?.toString()).toBe('1' + '0'.repeat(39));
    expect(Decimal.fromNumber(1e-7)?.toString()).toBe('0.0000001');
    expect(Decimal.fromNumber(-1.25e-8)?.toString()).toBe('-0.0000000125');
    expect(Decimal.fromNumber(1e-20)?.toString()).toBe('0.' + '0'.repeat(19) + '1');
  });

  it('rejects non-finite numbers and exponents beyond the digit limits', () => {
    for (const bad of [NaN, Infinity, -Infinity, 1e40, -1e300, 1.5e-20, 1e-21, 5e-324, Number.MAX_VALUE]) {
      expect(Decimal.fromNumber(bad), String(bad)).toBeUndefined();
    }
  });

  it('fromInt takes safe integers only', () => {
    expect(I(0).toString()).toBe('0');
    expect(repr(I(-0))).toEqual({ m: 0, s: 0 });
    expect(I(MAX).toString()).toBe(String(MAX));
    expect(() => I(MAX + 1)).toThrow(RangeError);
    expect(() => I(1.5)).toThrow(RangeError);
    expect(() => I(NaN)).toThrow(RangeError);
  });
});

describe('Decimal fast path and bigint fallback', () => {
  it('overflowing results move to bigint and come back when safe', () => {
    const max = I(MAX);
    const over = max.add(Decimal.ONE);
    expect(typeof repr(over).m).toBe('bigint');
    expect(over.toString()).toBe('9007199254740992');
    const back = over.sub(Decimal.ONE);
    expect(typeof repr(back).m).toBe('number');
    expect(back.eq(max)).toBe(true);

    const sq = max.mul(max);
    expect(sq.toString()).toBe((BMAX * BMAX).toString());
    expect(sq.div(max).eq(max)).toBe(true);
    expect(typeof repr(sq.div(max)).m).toBe('number');
  });

  it('scale alignment that overflows falls back correctly', () => {
    // 9007199254740.993 needs 16 digits at scale 3; adding 1e-3 scales the other side.
    const a = I(9007199254740);
    const b = P('0.993');
    expect(a.add(b).toString()).toBe('9007199254740.993');
    expect(a.add(b).add(P('0.007')).toString()).toBe('9007199254741');
    // An aligned operand that is not safe must not be rounded and then pulled back.
    expect(I(MAX).sub(P('0.1')).toString()).toBe('9007199254740990.9');
    expect(I(MAX).sub(P('0.1')).cmp(I(MAX))).toBe(-1);
    // Aligned operand in [2^53, 2^54) (exact, even) with a safe total …
    expect(I(1000000000000001).add(P('-900000000000000.1')).toString()).toBe('100000000000000.9');
    expect(P('-900000000000000.1').add(I(1000000000000001)).toString()).toBe('100000000000000.9');
    // … and beyond 2^54, where the aligned operand is rounded: must go to bigint.
    expect(I(2000000000000001).add(P('-900719925474099.1')).toString()).toBe('1099280074525901.9');
    expect(I(-2000000000000001).sub(P('-900719925474099.1')).toString()).toBe('-1099280074525901.9');
    expect(P('0.0000000000000000001').cmp(Decimal.ZERO)).toBe(1);
    expect(Decimal.ZERO.add(P('0.0000000000000000001')).toString()).toBe('0.0000000000000000001');
  });

  it('small results have a number mantissa', () => {
    for (const d of [I(10).mul(I(8)).div(I(16)), P('0.1').add(P('0.2')), P('1.875').round(2)]) {
      expect(typeof repr(d).m).toBe('number');
    }
  });

  it('never produces −0', () => {
    expect(repr(I(-5).mul(Decimal.ZERO))).toEqual({ m: 0, s: 0 });
    expect(repr(Decimal.ZERO.mul(I(-5)))).toEqual({ m: 0, s: 0 });
    expect(repr(Decimal.ZERO.neg())).toEqual({ m: 0, s: 0 });
    expect(repr(Decimal.ZERO.sub(Decimal.ZERO))).toEqual({ m: 0, s: 0 });
    expect(repr(P('-0.4').round(0))).toEqual({ m: 0, s: 0 });
    expect(repr(P('-0.4').ceil())).toEqual({ m: 0, s: 0 });
    expect(repr(I(-1).div(I(1000), 2))).toEqual({ m: 0, s: 0 });
  });
});

describe('Decimal errors', () => {
  it('division by zero throws RangeError', () => {
    expect(() => I(1).div(Decimal.ZERO)).toThrow(RangeError);
    expect(() => Decimal.ZERO.div(P('-0'))).toThrow(RangeError);
  });

  it('invalid places throw RangeError', () => {
    expect(() => I(1).round(-1)).toThrow(RangeError);
    expect(() => I(1).round(1.5)).toThrow(RangeError);
    expect(() => I(1).toFixed(NaN)).toThrow(RangeError);
    expect(() => I(1).div(I(3), -2)).toThrow(RangeError);
  });

  it('clamp with lo > hi throws RangeError', () => {
    expect(() => I(5).clamp(I(10), I(0))).toThrow(RangeError);
    const five = I(5);
    expect(five.clamp(Decimal.ZERO, Decimal.HUNDRED)).toBe(five);
    expect(I(150).clamp(Decimal.ZERO, Decimal.HUNDRED)).toBe(Decimal.HUNDRED);
    expect(I(-1).clamp(Decimal.ZERO, Decimal.HUNDRED)).toBe(Decimal.ZERO);
  });
});

// ---------------------------------------------------------------------------
// Fractions: what a division that does not terminate gives.
// ---------------------------------------------------------------------------

function bgcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
/** n / d in lowest terms, d > 0. */
function reduce(n: bigint, d: bigint): [bigint, bigint] {
  if (d < 0n) [n, d] = [-n, -d];
  const g = bgcd(babs(n), d) || 1n;
  return [n / g, d / g];
}
function onlyTwosAndFives(d: bigint): boolean {
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}
const fractionOf = (d: Decimal): [bigint, bigint] => {
  const [n, den] = d.toFraction().split('/');
  if (den !== undefined) return [BigInt(n), BigInt(den)];
  const s = (n.split('.')[1] ?? '').length;
  return reduce(BigInt(n.replace('.', '')), pow(s));
};
/** A fraction p / q (q ≠ 0), as a Decimal: small integers (sums and comparisons without bigints) or a wide numerator (with them). */
const arbNumerator = fc.oneof(fc.integer({ min: -100000, max: 100000 }).map(BigInt), fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }));
const arbFraction = fc.tuple(arbNumerator, fc.integer({ min: 1, max: 997 }), fc.integer({ min: 0, max: 3 })).map(([p, q, s]) => ({
  d: Decimal.parse(p.toString())!.div(Decimal.fromInt(q)).div(Decimal.fromInt(10 ** s)),
  n: p,
  den: BigInt(q) * pow(s),
}));

describe('fractions', () => {
  it('100 / 3 is exact: × 3 gives 100; shown rounded to the display places and marked', () => {
    const third = Decimal.fromInt(100).div(Decimal.fromInt(3));
    expect(third.terminates()).toBe(false);
    expect(third.mul(Decimal.fromInt(3)).toString()).toBe('100');
    expect(third.toString()).toBe('33.3333333333' + NOT_TERMINATING);
    expect(Decimal.fromInt(2).div(Decimal.fromInt(3)).toString()).toBe('0.6666666667…');
    expect(Decimal.fromInt(-2).div(Decimal.fromInt(3)).toString()).toBe('-0.6666666667…');
    expect(third.toFraction()).toBe('100/3');
    expect(third.round(2).toString()).toBe('33.33');
    expect(third.add(third).add(third).eq(Decimal.fromInt(100))).toBe(true);
    expect(Decimal.parse(third.toString())).toBeUndefined();
    expect(DISPLAY_PLACES).toBe(10);
  });
  it('small decimals and fractions are shared, and print the same every time', () => {
    const seventy9 = () => Decimal.fromInt(70).div(Decimal.fromInt(9));
    expect(seventy9()).toBe(seventy9());
    expect(Decimal.parse('72.5')).toBe(Decimal.fromNumber(72.5));
    for (let k = 0; k < 3; k++) expect(seventy9().toString()).toBe('7.7777777778…');
    expect(Decimal.parse('7.25')!.toString()).toBe('7.25');
    expect(Decimal.parse('7.25')!.toString()).toBe('7.25');
    // Past the bounds of sharing, values are made as before.
    const big = Decimal.fromInt(2 ** 40).div(Decimal.fromInt(9));
    expect(big.toString()).toBe(big.round(DISPLAY_PLACES).toString() + NOT_TERMINATING);
  });
  it('a fraction that becomes a decimal again is one (canonical form)', () => {
    const x = Decimal.fromInt(1).div(Decimal.fromInt(3)).mul(Decimal.fromInt(6));
    expect(x.terminates()).toBe(true);
    expect(x.eq(Decimal.fromInt(2))).toBe(true);
    expect(Decimal.parse('0.3')!.div(Decimal.parse('0.6')!).toString()).toBe('0.5');
  });
  it('arithmetic on fractions matches exact rational arithmetic', () => {
    fc.assert(
      fc.property(arbFraction, arbFraction, (a, b) => {
        const check = (d: Decimal, n: bigint, den: bigint) => {
          const [rn, rd] = reduce(n, den);
          expect(fractionOf(d)).toEqual([rn, rd]);
          expect(d.terminates()).toBe(onlyTwosAndFives(rd));
        };
        check(a.d, a.n, a.den);
        check(a.d.add(b.d), a.n * b.den + b.n * a.den, a.den * b.den);
        check(a.d.sub(b.d), a.n * b.den - b.n * a.den, a.den * b.den);
        check(a.d.mul(b.d), a.n * b.n, a.den * b.den);
        if (b.n !== 0n) check(a.d.div(b.d), a.n * b.den, a.den * b.n);
        const c = a.n * b.den - b.n * a.den;
        expect(a.d.cmp(b.d)).toBe(c < 0n ? -1 : c > 0n ? 1 : 0);
        expect(a.d.eq(b.d)).toBe(c === 0n);
        expect(a.d.toString() === b.d.toString() || c !== 0n).toBe(true);
      }),
      RUNS,
    );
  });
  it('round, floor and ceil of a fraction are exact (half away from zero)', () => {
    fc.assert(
      fc.property(arbFraction, fc.integer({ min: 0, max: 12 }), (a, p) => {
        const [n, d] = reduce(a.n, a.den);
        const scaled = n * pow(p);
        let q = scaled / d;
        if (2n * babs(scaled % d) >= d) q += scaled < 0n ? -1n : 1n;
        expect(fractionOf(a.d.round(p))).toEqual(reduce(q, pow(p)));
        let f = n / d;
        if (n % d !== 0n && n < 0n) f -= 1n;
        expect(a.d.floor().toString()).toBe(f.toString());
        expect(a.d.ceil().toString()).toBe((n % d === 0n ? f : f + 1n).toString());
        expect(a.d.isInteger()).toBe(d === 1n);
        if (!a.d.terminates()) expect(a.d.toString()).toBe(a.d.round(DISPLAY_PLACES).toString() + NOT_TERMINATING);
      }),
      RUNS,
    );
  });
  it('toNumber of a fraction is the nearest double (no other double is closer), and keeps the order', () => {
    /** A finite double as an exact fraction of bigints. */
    const exact = (v: number): [bigint, bigint] => {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, v);
      const bits = view.getBigUint64(0);
      const sign = bits >> 63n ? -1n : 1n;
      const e = Number((bits >> 52n) & 0x7ffn);
      const frac = bits & ((1n << 52n) - 1n);
      const m = e === 0 ? frac : frac | (1n << 52n);
      const p = (e === 0 ? 1 : e) - 1075;
      return p >= 0 ? [sign * (m << BigInt(p)), 1n] : [sign * m, 1n << BigInt(-p)];
    };
    const neighbour = (v: number, up: boolean): number => {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, v);
      const bits = view.getBigInt64(0);
      view.setBigInt64(0, v === 0 ? (up ? 1n : -9223372036854775807n) : (v > 0) === up ? bits + 1n : bits - 1n);
      return view.getFloat64(0);
    };
    /** |n/d − v| compared with |n/d − w|: negative when v is closer. */
    const closer = (n: bigint, d: bigint, v: number, w: number) => {
      const dist = (x: number) => {
        const [a, b] = exact(x);
        const num = n * b - a * d;
        return [num < 0n ? -num : num, d * b] as const;
      };
      const [p, q] = dist(v);
      const [r, t] = dist(w);
      return p * t - r * q;
    };
    fc.assert(
      fc.property(arbFraction, arbFraction, (a, b) => {
        const [n, d] = fractionOf(a.d);
        const v = a.d.toNumber();
        expect(closer(n, d, v, neighbour(v, true)) <= 0n && closer(n, d, v, neighbour(v, false)) <= 0n).toBe(true);
        if (a.d.lt(b.d)) expect(a.d.toNumber()).toBeLessThanOrEqual(b.d.toNumber());
      }),
      RUNS,
    );
  });
  it('a denominator that would pass 2^256 is rounded to 60 places: sums of fractions cannot grow without end', () => {
    let x = Decimal.ONE;
    // 1/3 + 1/7 + 1/11 + … over the first primes: the denominator is their product.
    const primes = [3, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199];
    let rounded = false;
    for (const p of primes) {
      x = x.add(Decimal.ONE.div(Decimal.fromInt(p)));
      rounded ||= x.terminates();
    }
    // Once the product of the primes passes 2^256 the sum is rounded to 60 places; then the
    // denominators start small again.
    expect(rounded).toBe(true);
    const [, den] = fractionOf(x);
    expect(den.toString(2).length).toBeLessThan(256 + 200);
  });
});

describe('numberIdentifies: equal numbers are equal values', () => {
  const dec = (s: string) => Decimal.parse(s)!;
  it('holds for scores (below 1024, denominators below 2^20) and not past either bound', () => {
    expect(dec('79.9422222222').numberIdentifies()).toBe(false); // 10 places: 10^10 > 2^20
    expect(dec('1023.999999').numberIdentifies()).toBe(true);
    expect(dec('1024').numberIdentifies()).toBe(false);
    expect(dec('-1023.5').numberIdentifies()).toBe(true);
    expect(dec('70').div(dec('9')).numberIdentifies()).toBe(true);
    expect(dec('1').div(Decimal.fromInt(1048573)).numberIdentifies()).toBe(true); // 2^20 − 3: no factor 2 or 5
    expect(dec('1').div(Decimal.fromInt(1048577)).numberIdentifies()).toBe(false);
    expect(dec('123456789012345678901234567890').numberIdentifies()).toBe(false);
  });
  it('two values that both hold it and give the same number are equal', () => {
    // Nearby fractions p/q ≈ x with denominators up to 2^20: the closest two values can be.
    const near = fc.tuple(fc.double({ min: -1023, max: 1023, noNaN: true }), fc.integer({ min: 1, max: 1048575 })).map(([x, q]) => Decimal.fromInt(Math.round(x * q)).div(Decimal.fromInt(q)));
    fc.assert(
      fc.property(near, near, (a, b) => {
        if (a.numberIdentifies() && b.numberIdentifies() && a.toNumber() === b.toNumber()) expect(a.eq(b)).toBe(true);
        if (a.numberIdentifies() && b.numberIdentifies() && !a.eq(b)) expect(a.toNumber()).not.toBe(b.toNumber());
      }),
      { numRuns: 3000 },
    );
  });
});

describe('writeText: the text of toString, as UTF-8 bytes', () => {
  const utf8 = new TextDecoder();
  /** What writeText wrote for `x`, or undefined when it left it to toString. */
  const written = (x: Decimal): string | undefined => {
    const out = new Uint8Array(3 + TEXT_BYTES + 3).fill(120);
    const end = x.writeText(out, 3);
    if (end < 0) return undefined;
    expect(end - 3).toBeLessThanOrEqual(TEXT_BYTES);
    // Nothing before `at` or after the end is touched.
    expect([...out.subarray(0, 3), ...out.subarray(end)].every((b) => b === 120)).toBe(true);
    return utf8.decode(out.subarray(3, end));
  };
  it('writes what toString gives, for decimals, sums and quotients (fractions shown rounded)', () => {
    fc.assert(
      fc.property(arbPair, arbPair, arbNonZero, ({ d: a }, { d: b }, { d: c }) => {
        for (const x of [a, a.add(b), a.mul(b), a.div(c), a.div(c).add(b), b.div(Decimal.fromInt(7)).neg()]) {
          const text = written(x);
          if (text !== undefined) expect(text).toBe(x.toString());
        }
      }),
      RUNS,
    );
  });
  it('writes whole numbers about every power of ten, and quotients rounded near the last place', () => {
    const around = fc.oneof(fc.integer({ min: 0, max: 15 }).chain((k) => fc.integer({ min: -2, max: 2 }).map((e) => 10 ** k + e)), fc.integer({ min: 0, max: 2 ** 53 - 1 }));
    fc.assert(
      fc.property(around, fc.integer({ min: 0, max: 20 }), fc.boolean(), (m, s, neg) => {
        const x = Decimal.fromInt(neg ? -m : m).divPow10(s);
        expect(written(x)).toBe(x.toString());
      }),
      RUNS,
    );
    // Up to 2^52 once shown to ten places: every fraction of a score.
    fc.assert(
      fc.property(fc.integer({ min: -450359, max: 450359 }), fc.integer({ min: 1, max: 2 ** 32 }), fc.integer({ min: 0, max: 12 }), (m, d, s) => {
        const x = Decimal.fromInt(m).div(Decimal.fromInt(d)).divPow10(s);
        expect(written(x) ?? x.toString()).toBe(x.toString());
      }),
      RUNS,
    );
  });
  it('writes scores, small and negative values and zero itself; leaves bigint parts to toString', () => {
    const dec = (s: string) => Decimal.parse(s)!;
    for (const [x, text] of [
      [dec('0'), '0'],
      [dec('7'), '7'],
      [dec('-7.25'), '-7.25'],
      [dec('0.005'), '0.005'],
      [dec('-0.5'), '-0.5'],
      [dec('9007199254740991'), '9007199254740991'],
      [dec('64.3'), '64.3'],
      [dec('5789').div(dec('90')), '64.3222222222…'],
      [dec('-100').div(dec('3')), '-33.3333333333…'],
      [dec('2').div(dec('3')), '0.6666666667…'],
      [dec('1').div(dec('30000000000')), '0…'],
      [dec('1').div(dec('3')).divPow10(12), '0…'],
      [dec('299999999999').div(dec('300000000000')), '1…'],
      [dec('-599999999999').div(dec('300000000000')), '-2…'],
      [dec('9007199199999999'), '9007199199999999'],
      [dec('90071991.99999999'), '90071991.99999999'],
    ] as const)
      expect(written(x)).toBe(text);
    expect(written(dec('123456789012345678901234567890'))).toBeUndefined();
    expect(written(dec('1').divPow10(31))).toBeUndefined();
  });
});
