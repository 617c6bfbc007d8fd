import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateRows, type InputSpec, type Problem } from './table.js';

const spec: InputSpec = {
  inputs: [
    { name: 'done', type: { k: 'percent' }, optional: true },
    { name: 'n', type: { k: 'count' }, optional: true },
  ],
  unitKinds: ['town'],
  gradeLabels: [],
};
const warnings = (values: unknown[]): Problem[] => validateRows(spec, values.map((done, i) => ({ id: `u${i + 1}`, done }))).problems.filter((p) => p.code === 'W0502');

describe('percentages written as shares (W0502)', () => {
  it('warns once, at the first fraction of a percent, when every value is between 0 and 1', () => {
    expect(warnings([1, 0.95, undefined, 0.8])).toEqual([{ code: 'W0502', row: 1, field: 'done', unit: 'u2', found: '0.95', asPercent: '95' }]);
    expect(warnings(['0.5%', 0])).toEqual([{ code: 'W0502', row: 0, field: 'done', unit: 'u1', found: '0.5', asPercent: '50' }]);
  });
  it('is quiet when one value is above 1, none is a fraction, or a value is negative', () => {
    expect(warnings([0.95, 0.8, 85])).toEqual([]);
    expect(warnings([0, 1, 1, 0])).toEqual([]);
    expect(warnings([0.5, -0.5])).toEqual([]);
    expect(warnings([undefined, undefined])).toEqual([]);
  });
  it('reads the values as written all the same', () => {
    const { table } = validateRows(spec, [{ id: 'a', done: 0.95 }]);
    expect(String(table.columns.get('done')![0])).toBe('0.0095');
  });
});

describe('keys the scheme does not declare (W0501)', () => {
  // What the builder must report: each undeclared key once, at the first row that has it, in the row's key order.
  function expected(rows: Record<string, unknown>[]): Problem[] {
    const known = new Set(['id', 'unit', 'done', 'n']);
    const seen = new Set<string>();
    const out: Problem[] = [];
    rows.forEach((row, i) => {
      for (const k of Object.keys(row))
        if (!known.has(k) && !seen.has(k)) {
          seen.add(k);
          out.push({ code: 'W0501', row: i, field: k, unit: String(row.id) });
        }
    });
    return out;
  }
  it('are reported once each, at the first row that has them, whatever the order of the rows’ keys', () => {
    const key = fc.constantFrom('done', 'n', 'unit', 'extra', 'other', '__proto__', 'constructor');
    const row = fc.uniqueArray(key, { maxLength: 6 }).map((keys) => Object.fromEntries(keys.map((k) => [k, k === 'unit' ? 'town' : k === 'done' ? 50 : 1])));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const withIds = rows.map((r, i) => ({ id: `u${i}`, ...r }));
        expect(validateRows(spec, withIds).problems.filter((p) => p.code === 'W0501')).toEqual(expected(withIds));
      }),
      { numRuns: 500 },
    );
  });
  it('are the row’s own: a key inherited from a polluted prototype is not one', () => {
    const proto = { inherited: 1 };
    const row = Object.assign(Object.create(proto) as Record<string, unknown>, { id: 'a', n: 1 });
    expect(validateRows(spec, [{ id: 'b', n: 2 }, row]).problems).toEqual([]);
  });
});

describe('rows an embedding program passes in, from anyone', () => {
  const lists: InputSpec = {
    inputs: [
      { name: 'n', type: { k: 'count' }, optional: false },
      { name: 'xs', type: { k: 'list', fields: [{ name: 'k', type: { k: 'text' }, optional: false }] }, optional: false },
    ],
    unitKinds: [],
    gradeLabels: [],
  };
  const codes = (r: { problems: Problem[] }) => r.problems.map((p) => p.code);

  it("a hole in the rows or in a list is no unit and no entry, whatever a prototype's index holds", () => {
    const proto = Array.prototype as unknown as Record<number, unknown>;
    try {
      proto[0] = { id: 'ghost', n: 0, xs: [], k: 'ghost' };
      // eslint-disable-next-line no-sparse-arrays
      const r = validateRows(lists, [, { id: 'b', n: 1, xs: [, { k: 'x' }] }]);
      expect(r.table.ids).not.toContain('ghost');
      expect(codes(r)).toEqual(['E0505', 'E0501']);
      expect(r.table.columns.get('xs')![r.table.ids.indexOf('b')]).toEqual([{ k: 'x' }]);
    } finally {
      delete proto[0];
    }
  });

  it('a list whose length is not a whole number up to the limit is not read (a Proxy may say anything)', () => {
    const lying = (lengths: number[]) => {
      let i = 0;
      return new Proxy([], { get: (t, k) => (k === 'length' ? lengths[Math.min(i++, lengths.length - 1)] : Reflect.get(t, k)) });
    };
    for (const xs of [lying([-1]), lying([1.5]), lying([2 ** 32]), lying([20_000])]) expect(codes(validateRows(lists, [{ id: 'a', n: 1, xs }]))).toEqual(['E0501']);
    // Read once: a length that grows after it was checked reads no more entries.
    const r = validateRows(lists, [{ id: 'a', n: 1, xs: new Proxy([{ k: 'e' }], { get: (t, k) => (k === 'length' ? (lyingReads++ ? 20_000 : 1) : Reflect.get(t, k)) }) }]);
    expect(r.table.columns.get('xs')![0]).toEqual([{ k: 'e' }]);
  });
  let lyingReads = 0;

  it('a value is described by its kind, never by running its own code or printing all of it', () => {
    let ran = false;
    const f = () => 0;
    f.toString = () => {
      ran = true;
      throw new Error('from data');
    };
    const found = (n: unknown) => (validateRows(lists, [{ id: 'a', n, xs: [] }]).problems[0] as { found: string }).found;
    expect(found(f)).toBe('a function');
    expect(ran).toBe(false);
    expect(found(Symbol('x'.repeat(100_000)))).toBe('a symbol');
    expect(found(10n ** 100_000n)).toBe('a whole number of more than 40 digits');
    expect(found(-5n)).toBe('-5n');
  });
});
