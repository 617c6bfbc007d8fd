// `Item.readsOnly`: the one input a rule reads when it reads nothing else (backends work such a
// rule out once per distinct value of it). Anything else a rule may read rules it out.
import { describe, expect, it } from 'vitest';
import { compile } from '../index.js';

/** Each item's `readsOnly`, by label, in a scheme of the given items (max 10 each) over a few inputs. */
function readsOnlyOf(items: string[], extra = ''): Record<string, string | undefined> {
  const src = [
    `scheme "r" total ${10 * items.filter((l) => l.startsWith('item')).length}`,
    'input {',
    '  x : 0..100',
    '  y : 0..100',
    '  ok : yes/no',
    '  level : city | province',
    '  honours : list of { level2 : city | province }',
    '}',
    extra,
    ...items,
  ].join('\n');
  const c = compile('r.assess', src);
  expect(c.diagnostics.filter((d) => d.severity === 'error'), src).toEqual([]);
  return Object.fromEntries(c.plan!.items.map((it) => [it.label, it.readsOnly]));
}

describe('readsOnly', () => {
  it('names the one input of a rule that reads nothing else', () => {
    expect(
      readsOnlyOf([
        'item "formula" max 10: x * 70 / 90',
        'item "bands" max 10: bands x { >= 90: 10, >= 60: 6, else: 0 }',
        'item "deduct" max 10: deduct 1 per x',
        'item "points" max 10 {',
        '  5 if ok',
        '  deduct 2 if not ok',
        '}',
        'item "tiers" max 10: level, city 3, province 6',
        'item "rank" max 10: rank x, first 10, step 1',
        'item "through a named value" max 10: half',
        'item "if" max 10: if x > 50 then min(x / 10, 10) else round(x / 20, 1)',
      ], 'let half = x / 2'),
    ).toEqual({ formula: 'x', bands: 'x', deduct: 'x', points: 'ok', tiers: 'level', rank: 'x', 'through a named value': 'x', if: 'x' });
  });
  it('is absent when the rule reads two inputs, a score, the cohort, a list or nothing', () => {
    expect(
      readsOnlyOf([
        'item "two inputs" max 10: x + y',
        'item "ratio" max 10: ratio x / y',
        'item "a score" max 10: item "two inputs" / 2',
        'item "the cohort" max 10: by rank of x desc',
        'item "a list" max 10: count(honours)',
        'item "list tiers" max 10: honours, city 3, province 6',
        'item "a constant" max 10: 5',
        'item "a named value of two" max 10: both / 2',
      ], 'let both = x + y'),
    ).toEqual({ 'two inputs': undefined, ratio: undefined, 'a score': undefined, 'the cohort': undefined, 'a list': undefined, 'list tiers': undefined, 'a constant': undefined, 'a named value of two': undefined });
  });
});
