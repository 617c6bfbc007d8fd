// `scoredUnitByUnit`: whether a unit's scores, vetoes and grade come from its own data alone
// (then a cohort may be scored in parts and placed together). Anything that reads other units
// rules it out, wherever it is written.
import { describe, expect, it } from 'vitest';
import { compile } from '../index.js';
import { scoredUnitByUnit } from './unit-by-unit.js';

const HEAD = ['input {', '  x : 0..100', '  ok : yes/no', '  kind : city | province', '}'];

function unitByUnit(lines: string[], total = 10): boolean {
  const src = [`scheme "u" total ${total}`, ...HEAD, ...lines].join('\n');
  const c = compile('u.assess', src);
  expect(c.diagnostics.filter((d) => d.severity === 'error'), src).toEqual([]);
  return scoredUnitByUnit(c.plan!);
}

describe('scoredUnitByUnit', () => {
  it('holds for rules, vetoes, eligibility, groups and grades that read the unit alone', () => {
    expect(unitByUnit(['item "a" max 10: x / 10'])).toBe(true);
    expect(
      unitByUnit([
        'eligible if ok',
        'within kind',
        'let half = x / 2',
        'item "a" max 10: bands half { >= 40: 10, else: 5 }',
        'veto "v" if x < 5',
        'grade {',
        '  "A" if total >= 9',
        '  otherwise "B"',
        '}',
      ]),
    ).toBe(true);
  });
  it('holds for points from a rank the data gives', () => {
    expect(unitByUnit(['item "a" max 10: rank x, first 10, step 1'])).toBe(true);
  });
  it('fails for every way of reading the cohort', () => {
    const cases = [
      ['item "a" max 10: by rank of x desc'],
      ['item "a" max 10: x / max of x across units * 10'],
      ['let best = max of x across units', 'item "a" max 10: x / best * 10'],
      ['item "a" max 10: x / 10', 'veto "v" if x < avg of x across units'],
      ['item "a" max 10: x / 10', 'grade {', '  "A" if place <= 3', '  otherwise "B"', '}'],
      ['item "a" max 10: x / 10', 'grade {', '  "A" if total >= 9, max 20%', '  otherwise "B"', '}'],
      ['item "a" max 10: x / 10', 'grade {', '  "A" if cohort size > 10', '  otherwise "B"', '}'],
    ];
    for (const lines of cases) expect(unitByUnit(lines), lines.join('\n')).toBe(false);
  });
  it('reads imported schemes too', () => {
    const plan = (src: string) => compile('u.assess', src).plan!;
    const inner = plan(['scheme "i" total 10', ...HEAD, 'item "a" max 10: x / max of x across units * 10'].join('\n'));
    const outer = plan(['scheme "o" total 10', ...HEAD, 'item "a" max 10: x / 10'].join('\n'));
    expect(scoredUnitByUnit(outer)).toBe(true);
    expect(scoredUnitByUnit({ ...outer, imports: [{ alias: 'i', plan: inner }] })).toBe(false);
    expect(scoredUnitByUnit({ ...outer, imports: [{ alias: 'i', plan: outer }] })).toBe(true);
  });
});
