// Names and labels reach a compiled module only as quoted string literals or mangled
// identifiers: a scheme whose labels, reasons, grades and field names are made to break out
// (quotes, backslashes, `*/`, `</script>`, U+2028/U+2029, `${`, `__proto__`, `constructor`)
// compiles to a module that behaves exactly like the interpreter and runs nothing else.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileModule } from './index.js';
import { interpret, load, loadPlan, planOf, run } from './testing/modules.js';

const BREAKOUTS = [
  '"); globalThis.pwned = 1; ("',
  "'); globalThis.pwned = 1; ('",
  '*/ globalThis.pwned = 1; /*',
  '\u2028globalThis.pwned = 1;//',
  '\u2029globalThis.pwned = 1;//',
  '</script><script>globalThis.pwned = 1</script>',
  '<!-- --> ${globalThis.pwned = 1} `',
  '\\"; globalThis.pwned = 1; //\\',
  '__proto__',
  'constructor',
];

const hostile = (i: number) => BREAKOUTS[i % BREAKOUTS.length];
const label = (s: string) => `“${s}”`;

function scheme(labels: (i: number) => string): string {
  return `scheme ${label(labels(0))} total 20
unit 甲 ${label(labels(1))}, __proto__ ${label(labels(2))}
input {
  __proto__   : 0..10 ${label(labels(3))}
  constructor : yes/no ${label(labels(4))}
  toString    : count
  hasOwnProperty : district | city | __proto__
  valueOf : list of { prototype : text  __defineGetter__ : district | city | __proto__ }
}
eligible if toString < 100
within hasOwnProperty
section ${label(labels(5))} max 10 {
  section ${label(labels(14))} max 5 {
    item ${label(labels(6))} max 5: __proto__ / 2
  }
  item ${label(labels(7))} max 5 { 5 if constructor and hasOwnProperty != city }
}
item ${label(labels(8))} max 10: deduct 1 per toString
bonus ${label(labels(9))} max 5: valueOf, best per prototype, district 1, city 2, __proto__ 3
penalty ${label(labels(15))} max 1: deduct 0.5 per toString
veto ${label(labels(10))} if toString > 8
grade {
  veto ${label(labels(11))}
  ineligible ${label(labels(16))}
  ${label(labels(12))} if total >= 10, max 1
  otherwise ${label(labels(13))}
}`;
}

// As a JSON data file gives them: `__proto__` is then a key like any other.
const rows = JSON.parse(`[
  { "id": "a", "unit": "甲", "__proto__": 7, "constructor": "yes", "toString": 1, "hasOwnProperty": "__proto__",
    "valueOf": [{ "prototype": "x", "__defineGetter__": "__proto__" }, { "prototype": "x", "__defineGetter__": "city" }] },
  { "id": "\\"); globalThis.pwned = 1; //", "unit": "__proto__", "__proto__": 3, "constructor": "no", "toString": 9, "hasOwnProperty": "city", "valueOf": [] }
]`) as Record<string, unknown>[];

afterEach(() => {
  delete (globalThis as { pwned?: unknown }).pwned;
});

describe('hostile names and labels', () => {
  it('compile to a module that runs nothing else and agrees with the interpreter', async () => {
    const plan = planOf(scheme(hostile));
    const { js, dts } = compileModule(plan, { source: '</script>\u2028.assess' });
    // Nothing a page or a comment could be broken by.
    for (const text of [js, dts]) {
      expect(text).not.toMatch(/[\u2028\u2029]/);
      expect(text).not.toMatch(/<\/?script|<!--/i);
    }
    const mod = await load(js);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    const compiled = run(mod, rows, true, plan);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    expect(compiled).toEqual(interpret(plan, rows, true));
    // a: 3.5 + 5 + 9 + 3 − 0.5; b: 1.5 + 0 + 1 + 0 − min(4.5, 1). Each the only one of its group (`__proto__`, `city`).
    expect((compiled.units as { total: string; group: string; place: number }[]).map((u) => [u.total, u.group, u.place])).toEqual([
      ['20', '__proto__', 1],
      ['1.5', 'city', 1],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('any label text', async () => {
    // Any text a label may hold (no closing quote, no line feed), among the break-outs.
    const text = fc.oneof(fc.constantFrom(...BREAKOUTS), fc.string({ unit: 'binary', maxLength: 12 })).filter((s) => !/[”\n\r]/.test(s));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 17, maxLength: 17 }), async (texts) => {
        // Labels must differ where the scheme needs them to.
        const labels = (i: number) => `${texts[i]}${i}`;
        const plan = planOf(scheme(labels));
        const mod = await loadPlan(plan);
        expect(run(mod, rows, true, plan)).toEqual(interpret(plan, rows, true));
        expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 25) },
    );
  });
});
