// `scoredInParts`: whether a cohort may be scored in parts, given its cohort values, and placed
// together. A grade line that reads places, a cohort value taken over another, anything
// reading the cohort where parts cannot be given it rules it out, wherever it is written.
import { describe, expect, it } from 'vitest';
import { compile } from '../index.js';
import { scoredInParts } from './in-parts.js';

const HEAD = ['input {', '  x : 0..100', '  ok : yes/no', '  kind : city | province', '}'];

/** Whether a scheme of these lines (items of max 10 each) may be scored in parts. */
function inParts(lines: string[]): boolean {
  const total = 10 * lines.filter((l) => l.startsWith('item ')).length;
  const src = [`scheme "u" total ${total}`, ...HEAD, ...lines].join('\n');
  const c = compile('u.assess', src);
  expect(c.diagnostics.filter((d) => d.severity === 'error'), src).toEqual([]);
  return scoredInParts(c.plan!);
}

describe('scoredInParts', () => {
  it('holds for rules, vetoes, eligibility, groups and grades that read the unit alone', () => {
    expect(inParts(['item "a" max 10: x / 10'])).toBe(true);
    expect(
      inParts([
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
    expect(inParts(['item "a" max 10: rank x, first 10, step 1'])).toBe(true);
  });
  it('holds for cohort values taken over the units\' own data, read anywhere but in who is assessed', () => {
    const cases = [
      ['item "a" max 10: rank by x desc, first 10, step 1'],
      ['let half = x / 2', 'item "a" max 10: rank by half desc, first 10, step 1'],
      ['item "a" max 10: x / max of x across units * 10'],
      ['let best = max of x across units', 'item "a" max 10: x / best * 10'],
      ['item "a" max 10: x / 10', 'veto "v" if x < avg of x across units'],
      ['item "a" max 10: x / 10', 'bonus "b": x / 10, cap 1 prorata'],
      ['item "a" max 10: x / 10', 'grade {', '  "A" if total >= avg of x across units / 10', '  otherwise "B"', '}'],
      ['item "a" max 10: x / 10', 'grade {', '  "A" if cohort size > 10', '  otherwise "B"', '}'],
      ['item "a" max 10: by rank of x desc'],
    ];
    for (const lines of cases) expect(inParts(lines), lines.join('\n')).toBe(true);
  });
  it('holds for grade lines that read places or have a quota (their grades are given after the places)', () => {
    const cases = [
      ['item "a" max 10: x / 10', 'grade {', '  "A" if place <= 3', '  otherwise "B"', '}'],
      ['item "a" max 10: x / 10', 'grade {', '  "A" if total >= 9, max 20%', '  otherwise "B"', '}'],
      ['within kind', 'item "a" max 10: x / max of x across units * 10', 'grade {', '  "A" if place <= 3 and total >= 5, max 2', '  otherwise "B"', '}'],
    ];
    for (const lines of cases) expect(inParts(lines), lines.join('\n')).toBe(true);
  });
  it('fails for cohort values over scores or cohort values', () => {
    const cases = [
      ['item "a" max 10: x / max of x across units * 10', 'item "b" max 10: by rank of item "a" desc'],
      ['let best = max of x across units', 'let rel = x / best', 'item "a" max 10: rank by rel desc, first 10, step 1'],
      ['item "a" max 10: x / 10', 'item "b" max 10: item "a" / max of item "a" across units * 10'],
      ['item "a" max 10: x / 10', 'item "b" max 10: rank by item "a" desc, first 10, step 1'],
    ];
    for (const lines of cases) expect(inParts(lines), lines.join('\n')).toBe(false);
  });
  it('reads imported schemes too', () => {
    const plan = (src: string) => compile('u.assess', src).plan!;
    const inner = plan(['scheme "i" total 10', ...HEAD, 'item "a" max 10: x / max of x across units * 10'].join('\n'));
    const outer = plan(['scheme "o" total 10', ...HEAD, 'item "a" max 10: x / 10'].join('\n'));
    expect(scoredInParts(outer)).toBe(true);
    expect(scoredInParts({ ...outer, imports: [{ alias: 'i', plan: inner }] })).toBe(false);
    expect(scoredInParts({ ...outer, imports: [{ alias: 'i', plan: outer }] })).toBe(true);
    const sized = plan(['scheme "s" total 10', ...HEAD, 'item "a" max 10: x / 10', 'grade {', '  "A" if cohort size > 3', '  otherwise "B"', '}'].join('\n'));
    expect(scoredInParts(sized)).toBe(true);
    expect(scoredInParts({ ...outer, imports: [{ alias: 'i', plan: sized }] })).toBe(false);
    // An imported scheme is scored with its own places, in each part: it may not read them.
    const placed = plan(['scheme "p" total 10', ...HEAD, 'item "a" max 10: x / 10', 'grade {', '  "A" if place <= 3', '  otherwise "B"', '}'].join('\n'));
    expect(scoredInParts(placed)).toBe(true);
    expect(scoredInParts({ ...outer, imports: [{ alias: 'i', plan: placed }] })).toBe(false);
  });
});
