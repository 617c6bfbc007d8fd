import { expect, it } from 'vitest';
import fc from 'fast-check';
import { idHash, IdHashes } from './ids.js';

/** Each row whose id an earlier row has, and that row, as a Map finds them. */
function reference(ids: string[]) {
  const first = new Map<string, number>();
  const out: { row: number; first: number }[] = [];
  ids.forEach((id, row) => {
    if (id === '') return;
    const seen = first.get(id);
    if (seen === undefined) first.set(id, row);
    else out.push({ row, first: seen });
  });
  return out;
}

it('finds the rows whose id an earlier row has, as a Map would, and sorts the hashes', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('', 'U1', 'U2')), { maxLength: 3000 }), (ids) => {
      const h = new IdHashes();
      ids.forEach((id, row) => h.add(row, id));
      const sorted = h.sorted();
      expect(sorted.length).toBe(ids.filter((id) => id !== '').length);
      for (let k = 1; k < sorted.length; k++) expect(sorted[k - 1] <= sorted[k]).toBe(true);
      expect(h.repeats(sorted, ids)).toEqual(reference(ids));
    }),
    { numRuns: 200 },
  );
});

it('compares ids whose hashes are equal: equal hashes of different ids are no repeat', () => {
  const h = new IdHashes();
  ['a', 'b', 'a'].forEach((id, row) => h.add(row, id));
  // The ids as the table keeps them differ from what was hashed: no two of them are the same.
  expect(h.repeats(h.sorted(), ['a', 'b', 'c'])).toEqual([]);
  expect(h.repeats(h.sorted(), ['a', 'b', 'a'])).toEqual([{ row: 2, first: 0 }]);
});

it('hashes to whole numbers below 2^52, the same for the same id', () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const x = idHash(s);
      expect(Number.isInteger(x) && x >= 0 && x < 2 ** 52).toBe(true);
      expect(idHash(s.slice())).toBe(x);
    }),
  );
});

it('leaves rows never given an id without one', () => {
  const h = new IdHashes();
  h.add(0, 'a');
  h.add(3000, 'a');
  expect(h.sorted().length).toBe(2);
  expect(h.repeats(h.sorted(), Object.assign(new Array(3001).fill('#'), { 0: 'a', 3000: 'a' }))).toEqual([{ row: 3000, first: 0 }]);
});
