// Where a data file's values are, so that a message points at the value itself: every span
// found in a JSON text is exactly that value's text; a list entry's value inside a CSV cell
// (quotes doubled) is found too; an id column may be headed by the unit kind's label.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, jsonValueSpans, rowsFromCsv, rowsFromJson, unitHeaders, validateUnits, withFieldNames } from '../index.js';

const SCHEME = `scheme "s" total 10
unit town "镇（区）"
input {
  n : count "少报次数"
  honors : list of {
    level : district | city "级别"
    year : integer
  }
}
item "a" max 10: deduct 1 per n
`;
const plan = compile('t.assess', SCHEME).plan!;

const value = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }));
const entry = fc.dictionary(fc.constantFrom('level', '级别', 'year', 'x y'), value);
const unit = fc.record({ id: fc.string(), n: value, honors: fc.array(entry, { maxLength: 3 }), 'odd "key"': value }, { requiredKeys: ['id'] });

describe('jsonValueSpans', () => {
  it('each span is the text of its value (by field name, labels read as names), in any layout', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 4 }), fc.constantFrom(undefined, 2, '\t'), fc.boolean(), (units, indent, wrapped) => {
        const text = JSON.stringify(wrapped ? { before: [1, { units: 2 }], units } : units, null, indent);
        // What the text says (-0 is written as 0).
        units = JSON.parse(JSON.stringify(units));
        const found = jsonValueSpans(text, plan);
        expect(found).toHaveLength(units.length);
        units.forEach((u, i) => {
          const at = (path: string) => found[i].values.get(path)!;
          const parsed = (path: string) => JSON.parse(text.slice(at(path).start, at(path).end));
          expect(JSON.parse(text.slice(found[i].record.start, found[i].record.end))).toEqual(u);
          expect(parsed('id')).toEqual(u.id);
          if ('n' in u) expect(parsed('n')).toEqual(u.n);
          (u.honors ?? []).forEach((e, j) => {
            expect(parsed(`honors[${j + 1}]`)).toEqual(e);
            // A key written twice (by name and by label): the later one is what is read.
            const level = Object.keys(e).filter((k) => k === 'level' || k === '级别').pop();
            if (level) expect(parsed(`honors[${j + 1}].level`)).toEqual(e[level]);
          });
        });
      }),
    );
  });

  it('a bad value in a .json file is pointed at, a missing one at its unit’s id', () => {
    const text = '[\n  {"id": 7, "少报次数": "两次"},\n  {"id": "b", "honors": [{"级别": "县级", "year": 1}]}\n]';
    const r = rowsFromJson(text, 'd.json', plan);
    const { diagnostics } = validateUnits(plan, withFieldNames(plan, r.rows), { file: 'd.json', rowSpan: r.rowSpan, valueSpan: r.valueSpan });
    expect(diagnostics.map((d) => `${d.code} ${text.slice(d.span.start, d.span.end)}`)).toEqual(['E0501 "两次"', 'E0502 "b"', 'E0501 "县级"']);
  });
});

describe('CSV values', () => {
  it('a list entry’s value is found inside its cell, quotes doubled; the id column under the unit kind’s label', () => {
    const text = '镇（区）,少报次数,honors\r\n甲,1,"[{""级别"":""city"",""year"":1},{""级别"":""县级"",""year"":2}]"\r\n';
    const r = rowsFromCsv(text, 'd.csv', plan);
    const at = r.valueSpan(0, 'honors[2].level')!;
    expect(text.slice(at.start, at.end)).toBe('""县级""');
    const n = r.valueSpan(0, 'n')!;
    expect(text.slice(n.start, n.end)).toBe('1');
    expect(unitHeaders(plan).column('镇（区）')).toEqual({ k: 'id', key: 'id' });
    expect(r.rows[0]).toMatchObject({ id: '甲' });
  });
});

describe('CSV rows wanted', () => {
  // Cells with commas, quotes, line breaks; blank lines; CRLF or LF; a byte-order mark or not.
  const cellText = fc.oneof(fc.constantFrom('', '1', '甲', 'a,b', 'say "hi"', 'two\nlines', ' '), fc.string({ maxLength: 4 }));
  const quoted = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const csvFile = fc.record({
    rows: fc.array(fc.array(cellText, { minLength: 3, maxLength: 3 }), { maxLength: 8 }),
    blank: fc.array(fc.nat(9), { maxLength: 3 }),
    eol: fc.constantFrom('\n', '\r\n'),
    mark: fc.boolean(),
  });
  const textOf = ({ rows, blank, eol, mark }: fc.RecordValue<{ rows: string[][]; blank: number[]; eol: string; mark: boolean }>) => {
    const lines = rows.map((r) => r.map(quoted).join(','));
    for (const b of blank) lines.splice(Math.min(b, lines.length), 0, '');
    return (mark ? '\ufeff' : '') + ['id,n,x y', ...lines].join(eol) + eol;
  };

  it('the rows from any record’s start, as many as wanted, are those of the whole file, at the same places; cells only of those named', () => {
    fc.assert(
      fc.property(csvFile, fc.nat(9), fc.nat(9), fc.option(fc.array(fc.nat(9))), (f, k, count, named) => {
        const text = textOf(f);
        const all = rowsFromCsv(text, 'd.csv', plan);
        // From the header on, or from row `k`'s start; the cells of the named rows only, or of all.
        const first = k < all.rows.length ? k : 0;
        const from = k < all.rows.length ? all.rowSpan(k).start : undefined;
        const some = rowsFromCsv(text, 'd.csv', plan, { from, rows: count, named: named ? new Set(named) : undefined });
        const expected = all.rows.slice(first, first + count);
        const keeps = (i: number) => !named || named.includes(i);
        expect(some.rows).toEqual(expected.map((row, i) => (keeps(i) ? row : {})));
        expected.forEach((_, i) => {
          expect(some.rowSpan(i)).toEqual(all.rowSpan(first + i));
          expect(some.valueSpan(i, 'n')).toEqual(keeps(i) ? all.valueSpan(first + i, 'n') : undefined);
        });
      }),
    );
  });
});

describe('JSON units wanted', () => {
  it('the units from any unit’s start, as many as wanted, are those of the whole document, at the same places; values only of those named', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 6 }), fc.constantFrom(undefined, 2), fc.boolean(), fc.nat(6), fc.nat(6), fc.array(fc.nat(6)), (units, indent, wrapped, k, count, named) => {
        const text = JSON.stringify(wrapped ? { before: [1, { units: 2 }], units } : units, null, indent);
        const all = jsonValueSpans(text, plan);
        const first = k < all.length ? k : 0;
        const from = k < all.length ? all[k].record.start : undefined;
        const some = jsonValueSpans(text, plan, { from, units: count, named: new Set(named) });
        expect(some).toHaveLength(Math.min(count, all.length - first));
        some.forEach((u, i) => {
          expect(u.record).toEqual(all[first + i].record);
          expect(u.values).toEqual(named.includes(i) ? all[first + i].values : new Map());
        });
        // Without `named`, every unit's values.
        expect(jsonValueSpans(text, plan, { from, units: count })).toEqual(all.slice(first, first + count));
      }),
    );
  });
});
