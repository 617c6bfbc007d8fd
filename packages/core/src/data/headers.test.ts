// Header mapping: columns headed by field names or labels, in any order, with the id column
// under any of its names, read the same from CSV, from records (JSON) and from cells.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, Headers, recordOf, rowsFromCsv, validateUnits, withFieldNames, type Plan } from '../index.js';

const SCHEME = `scheme "s" total 10
input {
  org : yes/no "组织体系"
  missing : count "少报次数"
  level : district | city
  honors : list of {
    project : text "项目"
    year : integer "年度"
  }
}
item "a" max 5 { 5 if org }
item "b" max 5: deduct 1 per missing
`;
const plan = (): Plan.Plan => compile('t.assess', SCHEME).plan!;

describe('Headers', () => {
  it('finds fields by name or label, the id and kind columns by any of their names', () => {
    const h = new Headers(plan().inputs);
    expect(h.columns(['单位名称', ' 组织体系 ', 'missing', 'level', '备注', 'unit', '单位类型']).map((c) => `${c.k}:${c.key}`)).toEqual([
      'id:id',
      'field:org',
      'field:missing',
      'field:level',
      'other:备注',
      'kind:unit',
      'kind:unit',
    ]);
    expect(['id', '单位'].map((x) => h.column(x).k)).toEqual(['id', 'id']);
  });

  it('a label never hides a field name, an id header never hides a field', () => {
    const p = compile('t.assess', `scheme "s" total 1\ninput {\n  a : count "b"\n  b : count\n  单位名称 : count "x"\n}\nitem "i" max 1: a + b + 单位名称\n`).plan!;
    const h = new Headers(p.inputs);
    expect(h.column('b').key).toBe('b');
    expect(h.column('单位名称')).toMatchObject({ k: 'field', key: '单位名称' });
    expect(h.column('单位').k).toBe('id');
    expect(h.column('id').k).toBe('id');
  });

  it('a list entry table knows its fields and no id headers', () => {
    const honors = plan().inputs.find((f) => f.name === 'honors')!;
    if (honors.type.k !== 'list') throw new Error('list');
    const h = new Headers(honors.type.fields, false);
    expect(h.columns(['项目', 'year', '单位']).map((c) => c.key)).toEqual(['project', 'year', '单位']);
  });
});

describe('recordOf', () => {
  it('blank cells are absent; a later non-blank cell for the same key wins; no prototype', () => {
    const h = new Headers(plan().inputs);
    const r = recordOf(h.columns(['id', '组织体系', 'org', 'missing', '__proto__']), ['甲', 'yes', 'no', '  ', 'x']);
    expect(Object.getPrototypeOf(r)).toBeNull();
    expect(Object.entries(r)).toEqual([['id', '甲'], ['org', 'no'], ['__proto__', 'x']]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('reading with labels', () => {
  it('CSV headed by labels in another order validates like one headed by names', () => {
    const p = plan();
    const byName = rowsFromCsv('id,org,missing,level\n甲,yes,2,city\n', 'd.csv', p);
    const byLabel = rowsFromCsv('少报次数,level,单位,组织体系\n2,city,甲,yes\n', 'd.csv', p);
    expect(byLabel.rows).toEqual(byName.rows);
    expect(validateUnits(p, byLabel.rows, { file: 'd.csv' }).diagnostics).toEqual([]);
  });

  it('JSON records keyed by labels, list entries too, get field names', () => {
    const p = plan();
    const rows = withFieldNames(p, [{ 单位: '甲', 组织体系: true, 少报次数: 1, level: 'city', honors: [{ 项目: '桥', 年度: 2024 }] }, 'not a record']);
    expect(JSON.parse(JSON.stringify(rows))).toEqual([{ id: '甲', org: true, missing: 1, level: 'city', honors: [{ project: '桥', year: 2024 }] }, 'not a record']);
    const { table, diagnostics } = validateUnits(p, rows.slice(0, 1), { file: 'd.json' });
    expect(diagnostics).toEqual([]);
    expect(table.ids).toEqual(['甲']);
  });

  it("a hole in a list keyed by labels stays a hole, whatever a prototype's index holds", () => {
    const p = plan();
    const proto = Array.prototype as unknown as Record<number, unknown>;
    try {
      proto[0] = { 项目: 'ghost', 年度: 2024 };
      // eslint-disable-next-line no-sparse-arrays
      const [row] = withFieldNames(p, [{ 单位: '甲', honors: [, { 项目: '桥', 年度: 2024 }] }]) as { honors: unknown[] }[];
      expect(Object.prototype.hasOwnProperty.call(row.honors, 0)).toBe(false);
      expect(row.honors[1]).toEqual({ project: '桥', year: 2024 });
    } finally {
      delete proto[0];
    }
  });

  it('any column order gives the same records (property)', () => {
    const p = plan();
    const headers = ['单位', '组织体系', 'missing', 'level'];
    const cells = ['甲', 'yes', '2', 'city'];
    const h = new Headers(p.inputs);
    const want = { ...recordOf(h.columns(headers), cells) };
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }), (order) => {
        expect({ ...recordOf(h.columns(order.map((j) => headers[j])), order.map((j) => cells[j])) }).toEqual(want);
      }),
    );
  });
});

describe('problems in a workbook are placed at their cell', () => {
  it('a bad value, a missing id, an unknown column', () => {
    const p = plan();
    const cell = (row: number, field: string) => `数据!${{ id: 'A', org: 'B', missing: 'C', extra: 'E' }[field] ?? '?'}${row + 2}`;
    const { diagnostics } = validateUnits(p, [{ id: '甲', org: 'maybe', missing: 1, level: 'city', extra: 1 }, { org: true, missing: 1, level: 'city' }], { file: 'd.xlsx', cell });
    expect(diagnostics.map((d) => `${d.code} ${d.span.file}`)).toEqual(['W0501 d.xlsx 数据!E2', 'E0501 d.xlsx 数据!B2', 'E0504 d.xlsx 数据!A3']);
  });
});

describe('records read one after another', () => {
  it('are named as each alone would be, whatever their keys and the order of them', () => {
    const p = plan();
    const key = fc.constantFrom('id', '单位', 'org', '组织体系', 'missing', '少报次数', 'level', 'other');
    const entryKey = fc.constantFrom('project', '项目', 'year', '年度', 'note');
    const entry = fc.uniqueArray(entryKey, { maxLength: 4 }).map((ks) => Object.fromEntries(ks.map((k) => [k, 1])));
    const record = fc.tuple(fc.uniqueArray(key, { maxLength: 6 }), fc.array(entry, { maxLength: 3 })).map(([ks, honors]) => ({ ...Object.fromEntries(ks.map((k) => [k, 1])), honors }));
    fc.assert(
      fc.property(fc.array(record, { maxLength: 10 }), (rows) => {
        // Each record named by a namer that has seen no other record.
        const alone = rows.map((r) => withFieldNames(p, [r])[0]);
        expect(withFieldNames(p, rows)).toEqual(alone);
      }),
      { numRuns: 300 },
    );
  });
});
