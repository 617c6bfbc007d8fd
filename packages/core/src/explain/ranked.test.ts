// Units in place order: by place, data order among equal places, units without a place last.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ranked, rankedOrder } from './ranked.js';

describe('rankedOrder', () => {
  it('orders units by place, data order among equal places, those without a place last', () => {
    const place = fc.option(fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 400 })), { freq: 5 });
    fc.assert(
      fc.property(fc.array(place, { maxLength: 40 }), (places) => {
        const key = (i: number) => places[i] ?? Number.POSITIVE_INFINITY;
        const expected = places.map((_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
        expect(rankedOrder(places.length, (i) => places[i])).toEqual(expected);
        expect(ranked(places.map((p, i) => ({ place: p, i }))).map((u) => u.i)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
