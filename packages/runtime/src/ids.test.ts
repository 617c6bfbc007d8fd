import { expect, it } from 'vitest';
import fc from 'fast-check';
import { FirstSeen } from './ids.js';

it('gives the row each id was first seen at, as a Map would', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 3000 }), (ids) => {
      const seen = new FirstSeen();
      const map = new Map<string, number>();
      ids.forEach((id, row) => {
        if (!map.has(id)) map.set(id, row);
        expect(seen.firstOr(id, row)).toBe(map.get(id));
      });
    }),
    { numRuns: 200 },
  );
});
