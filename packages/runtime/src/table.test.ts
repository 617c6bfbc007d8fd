import { describe, expect, it } from 'vitest';
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
