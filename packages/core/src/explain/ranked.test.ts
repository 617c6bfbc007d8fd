// Units in place order: group by group where units are placed within groups (the groups in the
// order their first units come), by place, data order among equal places, units without a place last.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ranked, rankedOrder } from './ranked.js';

const place = fc.option(fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 400 })), { freq: 5 });

describe('rankedOrder', () => {
  it('orders units by place, data order among equal places, those without a place last', () => {
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

  it('lists units placed within groups group by group, in the order the groups first come', () => {
    const unit = fc.record({ place, group: fc.constantFrom('城市', '乡镇', '村庄', '') });
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const placed = units.map((_, i) => i).filter((i) => units[i].place !== null);
        const groups = [...new Set(placed.map((i) => units[i].group))];
        const key = (i: number) => [units[i].place === null ? groups.length : groups.indexOf(units[i].group), units[i].place ?? 0, i];
        const expected = units.map((_, i) => i).sort((a, b) => {
          const [x, y] = [key(a), key(b)];
          return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
        });
        expect(rankedOrder(units.length, (i) => units[i].place, (i) => units[i].group)).toEqual(expected);
        expect(ranked(units.map((u, i) => ({ ...u, i }))).map((u) => u.i)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
