// Places: the fast ordering (doubles, radix-sorted when there are many) gives exactly the
// competition places of the exact totals, however close two totals are.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from './decimal.js';
import { competitionPlaces, descendingOrder, inPlaceOrder, placesOfSortedParts, placeTotals } from './places.js';

/** The definition: one more than the number of units with a higher total. */
function reference(units: number[], totals: Decimal[], first: number): (number | null)[] {
  const order = [...units].sort((a, b) => totals[b].cmp(totals[a]) || a - b);
  const places: (number | null)[] = new Array(totals.length).fill(null);
  order.forEach((u, k) => (places[u] = k > 0 && totals[order[k - 1]].eq(totals[u]) ? places[order[k - 1]] : first + k));
  return places;
}

/** Totals that tie, differ in their 17th digit or beyond (the same double), are negative, zero or huge. */
const total = fc.oneof(
  fc.integer({ min: -5, max: 100 }).map(String),
  fc.integer({ min: 0, max: 99 }).map((d) => `0.123456789012345${String(d).padStart(2, '0')}`),
  fc.integer({ min: 0, max: 9 }).map((d) => `-98765.4321098765432${d}`),
  fc.integer({ min: 0, max: 10 ** 6 }).map((d) => `${d}.5`),
  fc.constantFrom('0', '9'.repeat(40), `-${'9'.repeat(39)}.5`),
  // Doubles whose high 32 bits are the same, the keys themselves not.
  fc.integer({ min: 0, max: 999 }).map((d) => `1000.000000${String(d).padStart(3, '0')}`),
);

describe('competitionPlaces', () => {
  it('gives the places of the exact totals, for few units and for many (radix-sorted)', () => {
    fc.assert(
      fc.property(fc.array(total, { minLength: 0, maxLength: 60 }), fc.boolean(), fc.integer({ min: 1, max: 9 }), fc.boolean(), (texts, many, first, everyUnit) => {
        // Many units: the same totals repeated past the size where the radix sort takes over.
        const all = many ? Array.from({ length: 5000 }, (_, i) => texts[i % texts.length] ?? '0') : texts;
        const totals = all.map((t) => Decimal.parse(t)!);
        // Every unit, or a subset of the units, in data order, as a group's are.
        const units = totals.map((_, u) => u).filter((u) => everyUnit || u % 3 !== 1);
        const places: (number | null)[] = new Array(totals.length).fill(null);
        competitionPlaces(units, placeTotals(totals), first, places);
        expect(places).toEqual(reference(units, totals, first));
      }),
      { numRuns: 60 },
    );
  });
});

describe('competitionPlaces over many close totals', () => {
  it('orders doubles that share their high 32 bits, a few at a time (about five a ten-thousandth apart)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20000 }), { minLength: 4096, maxLength: 4500 }), (ds) => {
        const totals = ds.map((d) => Decimal.parse(`1000.${String(d).padStart(4, '0')}`)!);
        const units = totals.map((_, u) => u);
        const places: (number | null)[] = new Array(totals.length).fill(null);
        competitionPlaces(units, placeTotals(totals), 1, places);
        expect(places).toEqual(reference(units, totals, 1));
      }),
      { numRuns: 10 },
    );
  });
});

describe('placesOfSortedParts', () => {
  // Totals whose keys tell them apart (`numberIdentifies`): scores, ties among them.
  const score = fc.oneof(
    fc.integer({ min: -50, max: 100 }).map(String),
    fc.integer({ min: 0, max: 9999 }).map((d) => `${d / 100}`),
    fc.integer({ min: 0, max: 899 }).map((d) => `${d}/90`),
  );
  it('gives the places of every part’s units placed together, parts of any size (some empty, some radix-sorted)', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 40 }), fc.array(fc.nat({ max: 6000 }), { minLength: 1, maxLength: 5 }), fc.boolean(), (texts, sizes, many) => {
        const n = many ? sizes.reduce((a, b) => a + b, 0) : Math.min(texts.length, 40);
        const totals = Array.from({ length: n }, (_, u) => parseTotal(texts[(u * 7) % texts.length]));
        expect(totals.every((t) => t.numberIdentifies())).toBe(true);
        const { key } = placeTotals(totals);
        // The units cut into parts one after the other (the last takes what is left).
        const parts: { order: Uint32Array; sorted: Float64Array }[] = [];
        let at = 0;
        for (const [i, size] of sizes.entries()) {
          const end = i === sizes.length - 1 ? n : Math.min(n, at + (many ? size : size % 7));
          parts.push(descendingOrder(key.slice(at, end)));
          at = end;
        }
        const expected = reference(totals.map((_, u) => u), totals, 1);
        expect(Array.from(placesOfSortedParts(parts))).toEqual(expected);
      }),
      // (Its cases are large: a failure is reported as found, not shrunk.)
      { numRuns: 60, endOnFailure: true },
    );
  });
});

/** A score's text (a fraction as `a/b`) as the decimal it is. */
function parseTotal(text: string): Decimal {
  const [a, b] = text.split('/');
  return b === undefined ? Decimal.parse(a)! : Decimal.parse(a)!.div(Decimal.parse(b)!);
}

describe('inPlaceOrder', () => {
  it('orders units by place, and by unit number among equal places, as a comparison sort does', () => {
    const units = fc.uniqueArray(fc.nat(60), { maxLength: 40 });
    const places = fc.oneof(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 61, maxLength: 61 }), fc.array(fc.integer({ min: -2, max: 500 }), { minLength: 61, maxLength: 61 }));
    fc.assert(
      fc.property(units, places, fc.boolean(), (us, ps, sorted) => {
        const given = sorted ? [...us].sort((a, b) => a - b) : us;
        const place = (u: number) => ps[u];
        expect(inPlaceOrder(given, place)).toEqual([...given].sort((a, b) => place(a) - place(b) || a - b));
      }),
      { numRuns: 2000 },
    );
  });
});
