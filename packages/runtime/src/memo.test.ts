import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Memo } from './memo.js';

describe('Memo', () => {
  it('gives back what was kept for a key, and nothing for a key never set', () => {
    const m = new Memo<unknown, string>();
    const k = {};
    m.set(k, 'a');
    m.set(true, 'b');
    expect([m.get(k), m.get(true), m.get({}), m.get(false)]).toEqual(['a', 'b', undefined, undefined]);
  });
  it('never gives a value kept for another key, whatever the keys', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20_000 }), { maxLength: 30_000 }), (keys) => {
        const m = new Memo<number, string>();
        for (const k of keys) {
          const v = m.get(k);
          if (v !== undefined) expect(v).toBe(`v${k}`);
          else m.set(k, `v${k}`);
        }
      }),
      { numRuns: 20 },
    );
  });
  it('keeps repeating values for good, and stops looking up values that do not repeat', () => {
    const repeating = new Memo<number, number>();
    for (let u = 0; u < 100_000; u++) if (repeating.get(u % 900) === undefined) repeating.set(u % 900, u % 900);
    expect(repeating.get(899)).toBe(899);
    const unique = new Memo<number, number>();
    for (let u = 0; u < 20_000; u++) if (unique.get(u) === undefined) unique.set(u, u);
    // Past its trial, a memo that saved nothing is no longer consulted (nor holds anything).
    expect(unique.get(0)).toBeUndefined();
  });
});
