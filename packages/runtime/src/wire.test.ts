import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from './decimal.js';
import { scoresFromWire, scoresToWire, wireBuffers } from './wire.js';

/** Decimals of every form: shared small ones, long ones, fractions, and bigints in either part. */
const arbScore: fc.Arbitrary<Decimal | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -100_000, max: 100_000 }).map((m) => Decimal.parse(String(m / 100))!),
  fc.tuple(fc.bigInt(-(10n ** 30n), 10n ** 30n), fc.integer({ min: 0, max: 12 })).map(([m, s]) => Decimal.parse(String(m))!.div(Decimal.parse(String(10n ** BigInt(s)))!)),
  fc.tuple(fc.bigInt(-(10n ** 25n), 10n ** 25n), fc.integer({ min: 1, max: 99_991 })).map(([n, d]) => Decimal.parse(String(n))!.div(Decimal.fromInt(d))),
);

describe('scores on the wire', () => {
  it('come back the same decimals, after a structured clone as postMessage makes', () => {
    fc.assert(
      fc.property(fc.array(arbScore, { maxLength: 60 }), (col) => {
        const w = scoresToWire(col);
        const back = scoresFromWire(structuredClone(w, { transfer: wireBuffers(w) }));
        expect(back.length).toBe(col.length);
        col.forEach((x, u) => {
          const y = back[u];
          if (x === null) return expect(y).toBeNull();
          expect(y).not.toBeNull();
          expect(y!.cmp(x)).toBe(0);
          expect([y!.toFraction(), y!.toString(), y!.toParts()]).toEqual([x.toFraction(), x.toString(), x.toParts()]);
        });
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
  it('leave the shared decimals shared', () => {
    const w = scoresToWire([Decimal.parse('72.5')!, Decimal.ZERO]);
    const [a, z] = scoresFromWire(w);
    expect(a).toBe(Decimal.parse('72.5'));
    expect(z).toBe(Decimal.ZERO);
  });
});
