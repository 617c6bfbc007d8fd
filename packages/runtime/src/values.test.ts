// Submitted values: the direct path of toDecimal (plain digits) agrees with the general one.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from './decimal.js';
import { NUMBER_TEXT, numberValue } from './numbers.js';
import { isAbsent, toDecimal, toPercent } from './values.js';

/** The general path alone: trim, drop thousands separators (only where they separate thousands), 万/亿/%, then parse. */
function general(v: string): string | undefined {
  const trimmed = v.trim();
  if (trimmed.includes(',') && !/^-?\d{1,3}(,\d{3})+(\.\d+)?(万|亿)?%?$/.test(trimmed)) return undefined;
  const t = trimmed.replace(/,/g, '');
  return NUMBER_TEXT.test(t) ? Decimal.parse(numberValue(t))?.toString() : undefined;
}

describe('toDecimal', () => {
  it('gives what the general path gives, for any text made of number characters', () => {
    const text = fc.array(fc.constantFrom(...'0123456789-.,% 万亿'.split(''), '00', '000000000000'), { maxLength: 30 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(toDecimal(s)?.toString()).toBe(general(s));
      }),
      { numRuns: 2000 },
    );
  });
  it('reads commas only as thousands separators, and one percent sign', () => {
    expect(['1,200', ' 12,345.5 ', '-1,000,000', '1,200万'].map((s) => toDecimal(s)?.toString())).toEqual(['1200', '12345.5', '-1000000', '12000000']);
    expect(['1,2,3', ',,1', '1,20', '12,34.5', '1,', ',1'].map((s) => toDecimal(s))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(['85%', '85', '1,200%'].map((s) => toPercent(s)?.toString())).toEqual(['0.85', '0.85', '12']);
    expect(['85%%', '85 %%', '%'].map((s) => toPercent(s))).toEqual([undefined, undefined, undefined]);
  });
  it('keeps the limits of exactness: too many digits are not a number', () => {
    expect(toDecimal('1'.repeat(41))).toBeUndefined();
    expect(toDecimal('0.' + '1'.repeat(21))).toBeUndefined();
    expect(toDecimal('2.500000000000000000000000')?.toString()).toBe('2.5');
  });
});

describe('Decimal.fromNumber on numbers with a few decimals (its direct path)', () => {
  it('gives the decimal String(n) writes', () => {
    const few = fc.oneof(
      fc.tuple(fc.integer({ min: -(2 ** 53), max: 2 ** 53 }), fc.integer({ min: 1, max: 6 })).map(([m, k]) => m / 10 ** k),
      fc.tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom(10, 100, 1000)).map(([a, b, k]) => a / k + b / k),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    );
    fc.assert(
      fc.property(few, (n) => {
        const text = String(n);
        if (text.includes('e')) return;
        expect(Decimal.fromNumber(n)?.toString()).toBe(Decimal.parse(text)?.toString());
      }),
      { numRuns: 5000 },
    );
  });
});

describe('isAbsent', () => {
  it('is blank text, null or undefined', () => {
    for (const v of [undefined, null, '', ' ', '\t\n', '\u3000', '\u00a0', '\ufeff']) expect(isAbsent(v)).toBe(true);
    for (const v of [0, false, 'a', ' a', '\u3000a', [], {}]) expect(isAbsent(v)).toBe(false);
  });
});
