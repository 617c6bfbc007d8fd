// The validator built from the plan (@assess/runtime's TableBuilder, behind validateUnits)
// against the zod path it replaced (testing/zod-validate.ts): the same diagnostics, in the
// same order, and the same table, on valid rows and on rows spoiled in every way a data file
// can be wrong (bad values, missing fields, bad ids, hostile keys, rows that are not records).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderScheme, schemeModel, unitData, type SchemeModel } from '@assess/testing';
import { compile, Decimal, validateUnits, type Plan, type UnitTable, type Value } from '../index.js';
import { validateUnitsWithZod } from './testing/zod-validate.js';

const RUNS = Number(process.env.FC_RUNS ?? 100);

/** A table as plain data: decimals as text, entries with their keys in order and whether anything is inherited. */
function plain(t: UnitTable) {
  const value = (v: Value): unknown => {
    if (v instanceof Decimal) return `dec:${v.toString()}`;
    if (Array.isArray(v))
      return v.map((rec) => {
        const proto = Object.getPrototypeOf(rec);
        const bare = proto === null || (Object.getOwnPropertyNames(proto).length === 0 && Object.getPrototypeOf(proto) === null);
        return { bare, fields: Object.keys(rec).map((k) => [k, value(rec[k])]) };
      });
    return v;
  };
  return { n: t.n, ids: [...t.ids], kinds: [...t.kinds], columns: [...t.columns].map(([k, col]) => [k, Array.from({ length: t.n }, (_, i) => value(col[i]))]) };
}

function same(plan: Plan.Plan, rows: unknown[]) {
  const fast = validateUnits(plan, rows, { file: 'd.json', rowSpan: (i) => ({ start: i, end: i + 1, file: 'd.json' }) });
  const zod = validateUnitsWithZod(plan, rows, { file: 'd.json', rowSpan: (i) => ({ start: i, end: i + 1, file: 'd.json' }) });
  // W0502 looks at a whole column once the table is built (percentages written as shares),
  // which the zod path, row by row, never did.
  expect(fast.diagnostics.filter((d) => d.code !== 'W0502')).toEqual(zod.diagnostics);
  if (!zod.diagnostics.some((d) => d.severity === 'error')) expect(plain(fast.table)).toEqual(plain(zod.table));
}

/** Values a data file may hold where a field's value should be. */
const JUNK: unknown[] = [
  null, '', '   ', '\u3000', 'maybe', 'yes', ' 是 ', 'Y', '√', '×', 'TRUE', 0, 1, 2, -1, -0, 0.5, 2.5, 1e21, 1e-7, Number.NaN, Infinity, -Infinity,
  '1,234.5', '1.5亿', '5000万', '85%', '85%%', '-2', '007', '2.50', '2.500000000000000000000000', '１２', '1e3', '.5', '5.', ' 12 ', '12abc',
  true, false, [], [1], [{}], {}, { a: 1 }, 'x'.repeat(10_001), 'district', ' city ', 'CITY', '__proto__', 'constructor',
];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'unknown_field', '2024'];

/** A row spoiled in one or more ways. */
function spoil(row: Record<string, unknown>, fields: string[]): fc.Arbitrary<unknown> {
  const edit = fc.oneof(
    fc.record({ k: fc.constant('set' as const), field: fc.constantFrom(...fields, 'id', 'unit'), value: fc.constantFrom(...JUNK) }),
    fc.record({ k: fc.constant('drop' as const), field: fc.constantFrom(...fields, 'id') }),
    fc.record({ k: fc.constant('key' as const), field: fc.constantFrom(...HOSTILE_KEYS), value: fc.constantFrom(...JUNK) }),
    fc.record({ k: fc.constant('entry' as const), value: fc.constantFrom(...JUNK) }),
  );
  return fc.oneof(
    { weight: 12, arbitrary: fc.array(edit, { minLength: 0, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 'row', 7, [row]) },
  ).map((edits) => {
    if (!Array.isArray(edits) || (edits.length > 0 && !('k' in (edits[0] as object)))) return edits;
    const out: Record<string, unknown> = JSON.parse(JSON.stringify(row));
    for (const e of edits as { k: string; field?: string; value?: unknown }[]) {
      if (e.k === 'set' || e.k === 'key') Object.defineProperty(out, e.field!, { value: e.value, enumerable: true, writable: true, configurable: true });
      else if (e.k === 'drop') delete out[e.field!];
      else {
        // Spoil a list entry: replace one, or give it a hostile key.
        const list = Object.values(out).find((v): v is unknown[] => Array.isArray(v) && v.length > 0);
        if (list) list[0] = typeof e.value === 'object' && e.value !== null ? JSON.parse('{"__proto__": {"level": "national"}, "constructor": 1}') : e.value;
      }
    }
    return out;
  });
}

function planOf(model: SchemeModel): Plan.Plan {
  const c = compile('g.assess', renderScheme(model));
  if (!c.plan) throw new Error(c.diagnostics.map((d) => d.message.en).join('; '));
  return c.plan;
}

describe('the validator built from the plan gives exactly what the zod path gave', () => {
  it('on generated schemes with valid and spoiled rows, and duplicate ids', () => {
    const arb = schemeModel({ examples: false }).chain((model) =>
      fc.tuple(
        fc.constant(model),
        fc.array(unitData(model), { minLength: 1, maxLength: 6 }).chain((rows) => {
          const fields = model.inputs.map((f) => f.name);
          const withIds = rows.map((r, i) => ({ id: `u${i % 4}`, ...r }));
          return fc.tuple(...withIds.map((r) => fc.oneof({ weight: 2, arbitrary: fc.constant<unknown>(r) }, { weight: 3, arbitrary: spoil(r, fields) })));
        }),
      ),
    );
    fc.assert(
      fc.property(arb, ([model, rows]) => same(planOf(model), rows)),
      { numRuns: RUNS },
    );
  });

  it('on values of every type, one by one', () => {
    const c = compile(
      't.assess',
      `scheme "s" total 10
unit a "A", b "B"
input {
  yn : yes/no   n : count   i : integer -5..5   x : 0..90   p : percent   t : text optional
  g : grade optional   e : district | city   o : number optional
  l : list of { k : text  e : district | city  v : number optional }
}
item "a" max 10 { 10 if yn }
grade { "good" if total >= 5  otherwise "poor" }`,
    );
    const plan = c.plan!;
    const base = { id: 'u', unit: 'a', yn: 'yes', n: 1, i: 0, x: 1, p: 1, e: 'city', l: [{ k: 'k', e: 'district' }] };
    const rows: unknown[] = [];
    for (const field of ['id', 'unit', 'yn', 'n', 'i', 'x', 'p', 't', 'g', 'e', 'o', 'l']) for (const v of JUNK) rows.push({ ...base, id: `${field}${rows.length}`, [field]: v });
    for (const v of JUNK) rows.push({ ...base, id: `entry${rows.length}`, l: [v, { k: v, e: v, v }] });
    same(plan, rows);
    // And one value per row, so that no row's problems hide another's.
    for (const r of rows) same(plan, [r]);
  });
});
