// Input validation: every bad value is reported (unit, field, expected) before anything is
// scored; data is untrusted (no prototype pollution); the input block as zod and JSON Schema.
import { afterEach, describe, expect, it } from 'vitest';
import { inputJsonSchema, inputSchema } from '../schema.js';
import { compile, evaluate, rowsFromCsv, rowsFromJson, validateUnits, Decimal, type Plan, type Diagnostic } from '../index.js';

function schemeOf(src: string): Plan.Plan {
  const c = compile('t.assess', src);
  expect(c.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message.en}`)).toEqual([]);
  return c.plan!;
}
const validate = (scheme: Plan.Plan, rows: unknown[]) => validateUnits(scheme, rows, { file: 'data.json' });
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
const messages = (ds: Diagnostic[]) => ds.map((d) => d.message.en);
/** Unit i's validated value of a field, as text. */
function value(t: ReturnType<typeof validate>['table'], field: string, i = 0): unknown {
  const v = t.columns.get(field)![i];
  return v instanceof Decimal ? v.toString() : v;
}

const TOWNS = `scheme "s" total 100
unit town "镇（区）"
input {
  org_system      : yes/no   "组织领导体系健全且运转正常"
  missing_reports : count    "少报次数"
  dept_score      : 0..90    "牵头部门定量考核得分"
  coverage        : percent
  sales           : number
  staff           : integer 1..500
  level           : district | city | province | national
  last_grade      : grade optional
  remark          : text optional
  self_value      : 0..100 optional
  honors : list of {
    project  : text
    level    : district | city | province | national
    evidence : text optional
  }
}
item "组织领导" max 5 { 5 if org_system }
item "材料报送" max 5: deduct 1 per missing_reports
item "部门考核" max 90: dept_score * coverage + sales * 0 + staff * 0 + (self_value ?? 0) * 0
bonus "项目加分" max 10: honors with evidence, best per project, district 1, city 3, province 6, national 10
bonus "级别" max 1: level, national 1
grade {
  "规范化单位" if total >= 85
  otherwise "下年重新考评"
}`;

const good = (over: Record<string, unknown> = {}) => ({
  id: '甲镇',
  org_system: 'yes',
  missing_reports: 2,
  dept_score: 80,
  coverage: 100,
  sales: '1.5亿',
  staff: 12,
  level: 'city',
  honors: [{ project: '桥梁', level: 'province', evidence: '省政府文件' }],
  ...over,
});

describe('a good row', () => {
  it('validates without diagnostics and evaluates', () => {
    const s = schemeOf(TOWNS);
    const { table, diagnostics } = validate(s, [good()]);
    expect(diagnostics).toEqual([]);
    expect(table.n).toBe(1);
    expect(table.ids).toEqual(['甲镇']);
    const ev = evaluate(s, table);
    expect(ev.unit(0).total?.toString()).toBe('94');
  });
  it('optional fields may be absent, null or empty', () => {
    const s = schemeOf(TOWNS);
    const { table, diagnostics } = validate(s, [good(), good({ id: 'b', last_grade: null, remark: '', self_value: '  ' }), good({ id: 'c', self_value: 50, remark: 'x', last_grade: '规范化单位' })]);
    expect(diagnostics).toEqual([]);
    expect(value(table, 'self_value', 0)).toBeUndefined();
    expect(value(table, 'self_value', 1)).toBeUndefined();
    expect(value(table, 'remark', 1)).toBeUndefined();
    expect(value(table, 'self_value', 2)).toBe('50');
    expect(value(table, 'last_grade', 2)).toBe('规范化单位');
  });
  it('an optional field of a list entry may be absent', () => {
    const s = schemeOf(TOWNS);
    const { table, diagnostics } = validate(s, [good({ honors: [{ project: 'a', level: 'city' }] })]);
    expect(diagnostics).toEqual([]);
    const entry = (table.columns.get('honors')![0] as Record<string, unknown>[])[0];
    expect(entry.evidence).toBeUndefined();
    expect(entry.level).toBe('city');
  });
});

describe('bad values: every one reported with the unit, the field and what was expected', () => {
  it('several errors in one run are all reported', () => {
    const s = schemeOf(TOWNS);
    const { diagnostics } = validate(s, [
      good({ id: '甲镇', org_system: 'maybe', missing_reports: -1 }),
      good({ id: '乙镇', dept_score: 95, coverage: 'lots', level: 'county' }),
      good({ id: '丙镇', staff: 2.5, sales: 'many', last_grade: '优秀' }),
      good({ id: '丁镇', honors: [{ project: 'a', level: 'galactic' }, 'oops'] }),
    ]);
    const errs = errors(diagnostics);
    expect(codes(errs).every((c) => c === 'E0501')).toBe(true);
    const m = messages(errs);
    expect(m).toHaveLength(10);
    expect(m).toContain('unit `甲镇`, field `org_system`: expected yes or no, found "maybe"');
    expect(m).toContain('unit `甲镇`, field `missing_reports`: expected a whole number, 0 or more, found -1');
    expect(m).toContain('unit `乙镇`, field `dept_score`: expected a number from 0 to 90, found 95');
    expect(m).toContain('unit `乙镇`, field `coverage`: expected a percentage such as 85 or "85%", found "lots"');
    expect(m).toContain('unit `乙镇`, field `level`: expected one of district, city, province, national, found "county"');
    expect(m).toContain('unit `丙镇`, field `staff`: expected a whole number from 1 to 500, found 2.5');
    expect(m).toContain('unit `丙镇`, field `sales`: expected a number, found "many"');
    expect(m).toContain('unit `丙镇`, field `last_grade`: expected one of the grades 规范化单位, 下年重新考评, found "优秀"');
    expect(m).toContain('unit `丁镇`, field `honors[1].level`: expected one of district, city, province, national, found "galactic"');
    expect(m).toContain('unit `丁镇`, field `honors[2]`: expected a record, found "oops"');
    // …and the Chinese message says the same
    expect(errs[0].message.zh).toContain('甲镇');
    expect(errs[0].message.zh).toContain('org_system');
    expect(errs[0].message.zh).toContain('是或否');
  });
  it('a required field missing is E0502, naming the unit, the field and what is expected', () => {
    const s = schemeOf(TOWNS);
    const row = good();
    delete (row as Record<string, unknown>).dept_score;
    const { diagnostics } = validate(s, [row, good({ id: 'b', org_system: null }), good({ id: 'c', level: '' })]);
    expect(codes(diagnostics)).toEqual(['E0502', 'E0502', 'E0502']);
    expect(messages(diagnostics)).toEqual([
      'unit `甲镇` has no value for `dept_score` (expected a number from 0 to 90)',
      'unit `b` has no value for `org_system` (expected yes or no)',
      'unit `c` has no value for `level` (expected one of district, city, province, national)',
    ]);
    expect(diagnostics[0].hint?.en).toContain('optional');
  });
  it('a required field of a list entry missing is E0502 with its path', () => {
    const s = schemeOf(TOWNS);
    const { diagnostics } = validate(s, [good({ honors: [{ project: 'a', level: 'city' }, { level: 'city' }] })]);
    expect(codes(diagnostics)).toEqual(['E0502']);
    expect(diagnostics[0].message.en).toBe('unit `甲镇` has no value for `honors[2].project` (expected text)');
  });
  it('a list that is not a list', () => {
    const s = schemeOf(TOWNS);
    const { diagnostics } = validate(s, [good({ honors: 'bridge' })]);
    expect(messages(diagnostics)).toEqual(['unit `甲镇`, field `honors`: expected a list of records, found "bridge"']);
  });
  it('an empty list is fine', () => {
    const s = schemeOf(TOWNS);
    const { table, diagnostics } = validate(s, [good({ honors: [] })]);
    expect(diagnostics).toEqual([]);
    expect(table.columns.get('honors')![0]).toEqual([]);
  });
  it('a row that is not a record is E0505, and the others are still checked', () => {
    const s = schemeOf(TOWNS);
    const { diagnostics } = validate(s, [good(), 42, null, good({ id: 'b', dept_score: 'x' })]);
    expect(codes(diagnostics)).toEqual(['E0505', 'E0505', 'E0501']);
    expect(diagnostics[0].message.en).toBe('unit #2 is not a record');
  });
});

describe('ids and unknown fields', () => {
  it('duplicate ids → E0503, naming both rows', () => {
    const s = schemeOf(TOWNS);
    const { diagnostics } = validate(s, [good({ id: 'a' }), good({ id: 'b' }), good({ id: 'a' })]);
    expect(codes(diagnostics)).toEqual(['E0503']);
    expect(diagnostics[0].message.en).toBe('two units have the id `a` (#1 and #3)');
  });
  it('ids are text; a number id is its text, and `1` and "1" are the same id', () => {
    const s = schemeOf(TOWNS);
    const { table, diagnostics } = validate(s, [good({ id: 1 }), good({ id: ' 1 ' })]);
    expect(table.ids).toEqual(['1', '1']);
    expect(codes(diagnostics)).toEqual(['E0503']);
  });
  it('a missing or empty id → E0504 for each such row', () => {
    const s = schemeOf(TOWNS);
    const row = good();
    delete (row as Record<string, unknown>).id;
    const { table, diagnostics } = validate(s, [row, good({ id: '  ' }), good({ id: 'ok' })]);
    expect(codes(diagnostics)).toEqual(['E0504', 'E0504']);
    expect(messages(diagnostics)).toEqual(['unit #1 has no `id`', 'unit #2 has no `id`']);
    expect(table.ids).toEqual(['#1', '#2', 'ok']);
  });
  it('unknown fields → one warning per field, not per row; the data is still usable', () => {
    const s = schemeOf(TOWNS);
    const { diagnostics } = validate(s, [good({ id: 'a', colour: 'red', extra: 1 }), good({ id: 'b', colour: 'blue' }), good({ id: 'c', colour: 'green' })]);
    expect(errors(diagnostics)).toEqual([]);
    expect(codes(diagnostics)).toEqual(['W0501', 'W0501']);
    expect(diagnostics[0].severity).toBe('warning');
    expect(diagnostics[0].message.en).toContain('`colour`');
    expect(diagnostics[0].message.en).toContain('`a`');
    expect(diagnostics[1].message.en).toContain('`extra`');
  });
  it('with several unit kinds every row must say its `unit`', () => {
    const s = schemeOf(`scheme "s" total 5
unit township "乡镇", subdistrict "街道"
input { n : count }
item "x" max 5: deduct 1 per n`);
    const { table, diagnostics } = validate(s, [
      { id: 'a', unit: 'township', n: 1 },
      { id: 'b', unit: ' subdistrict ', n: 1 },
      { id: 'c', n: 1 },
      { id: 'd', unit: 'village', n: 1 },
    ]);
    expect(table.kinds.slice(0, 2)).toEqual(['township', 'subdistrict']);
    expect(messages(diagnostics)).toEqual([
      'unit `c`, field `unit`: expected one of township, subdistrict, found undefined',
      'unit `d`, field `unit`: expected one of township, subdistrict, found "village"',
    ]);
  });
});

describe('value spellings', () => {
  const s = () =>
    schemeOf(`scheme "s" total 5
input { f : yes/no  p : percent  x : number  c : count }
item "x" max 5 { 5 if f }`);
  it('yes/no: yes, no, true, false, 是, 否, 1, 0, and JSON booleans and numbers', () => {
    const yes = ['yes', 'Yes', 'YES', 'true', 'True', '1', '是', true, 1, ' yes '];
    const no = ['no', 'No', 'false', '0', '否', false, 0];
    const { table, diagnostics } = validate(
      s(),
      [...yes, ...no].map((f, i) => ({ id: `u${i}`, f, p: 1, x: 1, c: 1 })),
    );
    expect(diagnostics).toEqual([]);
    expect(table.columns.get('f')).toEqual([...yes.map(() => true), ...no.map(() => false)]);
  });
  it('yes/no: anything else is an error', () => {
    const { diagnostics } = validate(
      s(),
      ['maybe', 2, '对', 'ok'].map((f, i) => ({ id: `u${i}`, f, p: 1, x: 1, c: 1 })),
    );
    expect(codes(diagnostics)).toEqual(['E0501', 'E0501', 'E0501', 'E0501']);
  });
  it('percent: 85, "85" and "85%" all mean 0.85', () => {
    const ps = [85, '85', '85%', ' 85 % ', 12.5, '12.5%', 0, '100%', 150];
    const { table, diagnostics } = validate(
      s(),
      ps.map((p, i) => ({ id: `u${i}`, f: 'yes', p, x: 1, c: 1 })),
    );
    expect(diagnostics).toEqual([]);
    expect(table.columns.get('p')!.map(String)).toEqual(['0.85', '0.85', '0.85', '0.85', '0.125', '0.125', '0', '1', '1.5']);
  });
  it('percent: text that is not a percentage is an error', () => {
    const { diagnostics } = validate(s(), [{ id: 'a', f: 'yes', p: 'high', x: 1, c: 1 }]);
    expect(messages(diagnostics)).toEqual(['unit `a`, field `p`: expected a percentage such as 85 or "85%", found "high"']);
  });
  it('numbers: "1.5亿", "5000万", "1,234.5", "-2", and exact decimals from JSON numbers', () => {
    const xs = ['1.5亿', '5000万', '1,234.5', '-2', 0.1, '0.1', 1e21, '  7 '];
    const { table, diagnostics } = validate(
      s(),
      xs.map((x, i) => ({ id: `u${i}`, f: 'yes', p: 1, x, c: 1 })),
    );
    expect(diagnostics).toEqual([]);
    expect(table.columns.get('x')!.map(String)).toEqual(['150000000', '50000000', '1234.5', '-2', '0.1', '0.1', '1000000000000000000000', '7']);
  });
  it('numbers: words, several points and booleans are errors', () => {
    const xs = ['many', '1.2.3', true, '1e5x', [1]];
    const { diagnostics } = validate(
      s(),
      xs.map((x, i) => ({ id: `u${i}`, f: 'yes', p: 1, x, c: 1 })),
    );
    expect(codes(diagnostics)).toEqual(['E0501', 'E0501', 'E0501', 'E0501', 'E0501']);
    expect(diagnostics[4].message.en).toContain('found a list');
  });
  it('count: whole numbers 0 or more; "3" and 3.0 are fine, 2.5 and -1 are not', () => {
    const cs = [0, '3', 3.0, '1万', 2.5, -1];
    const { table, diagnostics } = validate(
      s(),
      cs.map((c, i) => ({ id: `u${i}`, f: 'yes', p: 1, x: 1, c })),
    );
    expect(table.columns.get('c')!.slice(0, 4).map(String)).toEqual(['0', '3', '3', '10000']);
    expect(messages(diagnostics)).toEqual([
      'unit `u4`, field `c`: expected a whole number, 0 or more, found 2.5',
      'unit `u5`, field `c`: expected a whole number, 0 or more, found -1',
    ]);
  });
  it('enum members are matched after trimming; text may be a number', () => {
    const sch = schemeOf(`scheme "s" total 5
input { level : district | city  name : text }
item "x" max 5: level, city 5`);
    const { table, diagnostics } = validate(sch, [{ id: 'a', level: ' city ', name: 12 }]);
    expect(diagnostics).toEqual([]);
    expect(table.columns.get('level')![0]).toBe('city');
    expect(table.columns.get('name')![0]).toBe('12');
  });
});

describe('files', () => {
  const sch = () => schemeOf(TOWNS);
  it('JSON: `{ "units": [ … ] }` or a bare list', () => {
    const a = rowsFromJson(JSON.stringify({ units: [good()] }), 'd.json');
    const b = rowsFromJson(JSON.stringify([good()]), 'd.json');
    expect(a.diagnostics).toEqual([]);
    expect(b.rows).toEqual(a.rows);
    const { diagnostics } = validateUnits(sch(), a.rows, { file: 'd.json', rowSpan: a.rowSpan });
    expect(diagnostics).toEqual([]);
  });
  it('JSON: a file saved with a byte-order mark reads as without it, its values where they are in the file', () => {
    const text = JSON.stringify({ units: [good()] });
    const marked = rowsFromJson('\uFEFF' + text, 'd.json', sch());
    const plain = rowsFromJson(text, 'd.json', sch());
    expect(marked.diagnostics).toEqual([]);
    expect(marked.rows).toEqual(plain.rows);
    const at = plain.valueSpan(0, 'dept_score')!;
    expect(marked.valueSpan(0, 'dept_score')).toEqual({ ...at, start: at.start + 1, end: at.end + 1 });
    // Anything else after the mark is still not JSON.
    expect(codes(rowsFromJson('\uFEFF\uFEFF[]', 'd.json').diagnostics)).toEqual(['E0505']);
  });
  it('JSON: not JSON, or not a list of units → E0505', () => {
    expect(codes(rowsFromJson('{ "units": [ ', 'd.json').diagnostics)).toEqual(['E0505']);
    expect(codes(rowsFromJson('{ "towns": [] }', 'd.json').diagnostics)).toEqual(['E0505']);
    expect(codes(rowsFromJson('42', 'd.json').diagnostics)).toEqual(['E0505']);
  });
  it('JSON: `units` twice is E0505 at the second (JSON.parse would keep the last list without a word)', () => {
    const text = '{ "units": [{ "id": "A" }], "note": { "units": 1 }, "units": [{ "id": "B" }] }';
    const read = rowsFromJson(text, 'd.json');
    expect(read.rows).toEqual([]);
    expect(read.diagnostics.map((d) => [d.code, d.message.en, text.slice(d.span.start, d.span.start + 1)])).toEqual([['E0505', 'the data file has `units` twice: keep the one list of units meant', '[']]);
    expect(read.diagnostics[0].span.start).toBe(text.lastIndexOf('['));
    // Once, beside other keys (one of them `units` inside another value): read as before.
    expect(rowsFromJson('{ "note": { "units": 1 }, "units": [{ "id": "B" }] }', 'd.json').rows).toEqual([{ id: 'B' }]);
  });
  it('JSON: a data error points at the unit’s id in the file', () => {
    const text = JSON.stringify({ units: [good({ id: '甲镇' }), good({ id: '乙镇', dept_score: 99 })] }, null, 2);
    const read = rowsFromJson(text, 'd.json');
    const { diagnostics } = validateUnits(sch(), read.rows, { file: 'd.json', rowSpan: read.rowSpan });
    expect(codes(diagnostics)).toEqual(['E0501']);
    expect(text.slice(diagnostics[0].span.start, diagnostics[0].span.end)).toBe('"乙镇"');
    expect(diagnostics[0].span.file).toBe('d.json');
  });
  it('CSV: quoted cells (commas, doubled quotes, line breaks), CRLF, a BOM and a JSON list cell', () => {
    const s = sch();
    const csv =
      '\ufeffid,org_system,missing_reports,dept_score,coverage,sales,staff,level,remark,honors\r\n' +
      '甲镇,是,2,80,85%,1.5亿,12,city,"a, b and ""c""",' +
      '"[{""project"":""桥梁"",""level"":""province"",""evidence"":""省政府文件""},{""project"":""桥梁"",""level"":""city"",""evidence"":""x""}]"\r\n' +
      '"乙镇",否,0,"70.5",100,"1,000",3,national,"two\nlines",\r\n' +
      '\r\n';
    const read = rowsFromCsv(csv, 'd.csv', s);
    expect(read.diagnostics).toEqual([]);
    expect(read.rows).toHaveLength(2);
    const { table, diagnostics } = validateUnits(s, read.rows, { file: 'd.csv', rowSpan: read.rowSpan });
    expect(diagnostics).toEqual([]);
    expect(table.ids).toEqual(['甲镇', '乙镇']);
    expect(value(table, 'remark', 0)).toBe('a, b and "c"');
    expect(value(table, 'remark', 1)).toBe('two\nlines');
    expect(value(table, 'coverage', 0)).toBe('0.85');
    expect(value(table, 'sales', 0)).toBe('150000000');
    expect(value(table, 'sales', 1)).toBe('1000');
    expect(value(table, 'dept_score', 1)).toBe('70.5');
    expect(table.columns.get('honors')![0]).toHaveLength(2);
    expect(table.columns.get('honors')![1]).toEqual([]); // an empty list cell
    const ev = evaluate(s, table);
    expect(ev.unit(0).bonuses[0].score?.toString()).toBe('6'); // best per project
    expect(ev.unit(1).bonuses[1].score?.toString()).toBe('1'); // national
  });
  it('CSV: an empty cell of a required field is E0502; a bad list cell is E0501', () => {
    const s = sch();
    const csv = 'id,org_system,missing_reports,dept_score,coverage,sales,staff,level,honors\na,yes,,80,85,1,1,city,not json\n';
    const read = rowsFromCsv(csv, 'd.csv', s);
    const { diagnostics } = validateUnits(s, read.rows, { file: 'd.csv', rowSpan: read.rowSpan });
    expect(codes(diagnostics)).toEqual(['E0502', 'E0501']);
    expect(messages(diagnostics)[1]).toBe('unit `a`, field `honors`: expected a list of records, found "not json"');
    expect(csv.slice(diagnostics[0].span.start, diagnostics[0].span.end)).toBe('a,yes,,80,85,1,1,city,not json');
  });
});

describe('untrusted keys', () => {
  afterEach(() => {
    // Never leave a polluted prototype behind for other tests.
    delete (Object.prototype as Record<string, unknown>).polluted;
  });
  const sch = () => schemeOf(TOWNS);
  const hostile = `{ "units": [
    { "id": "甲镇", "org_system": "yes", "missing_reports": 2, "dept_score": 80, "coverage": 100, "sales": 1, "staff": 12, "level": "city",
      "__proto__": { "polluted": "row", "dept_score": 0 },
      "constructor": { "prototype": { "polluted": "constructor" } },
      "prototype": { "polluted": "prototype" },
      "honors": [
        { "project": "桥梁", "level": "province", "evidence": "doc", "__proto__": { "polluted": "entry", "level": "national" } },
        { "project": "路", "level": "district", "evidence": "doc", "constructor": { "prototype": { "polluted": "entry" } }, "prototype": { "polluted": 1 } },
        { "__proto__": { "project": "x", "level": "national", "evidence": "y" } }
      ] } ] }`;
  const clean = `{ "units": [
    { "id": "甲镇", "org_system": "yes", "missing_reports": 2, "dept_score": 80, "coverage": 100, "sales": 1, "staff": 12, "level": "city",
      "honors": [
        { "project": "桥梁", "level": "province", "evidence": "doc" },
        { "project": "路", "level": "district", "evidence": "doc" }
      ] } ] }`;
  it('rows and list entries with __proto__, constructor and prototype keys do not pollute Object.prototype', () => {
    const s = sch();
    const read = rowsFromJson(hostile, 'd.json');
    const { table, diagnostics } = validateUnits(s, read.rows, { file: 'd.json', rowSpan: read.rowSpan });
    const ev = evaluate(s, table, { trace: true });
    void ev.units;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    // The keys are reported as unknown fields, and the entry made only of __proto__ lacks its fields.
    expect(diagnostics.filter((d) => d.code === 'W0501').map((d) => d.message.en.match(/`([^`]+)`/)![1])).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(messages(errors(diagnostics))).toEqual([
      'unit `甲镇` has no value for `honors[3].project` (expected text)',
      'unit `甲镇` has no value for `honors[3].level` (expected one of district, city, province, national)',
    ]);
  });
  it('…and do not change results', () => {
    const s = sch();
    const readHostile = rowsFromJson(hostile, 'd.json');
    // Drop the third entry (all of whose fields are behind __proto__) to compare scores.
    (readHostile.rows[0] as { honors: unknown[] }).honors.pop();
    const a = validateUnits(s, readHostile.rows, { file: 'd.json' });
    const b = validateUnits(s, rowsFromJson(clean, 'd.json').rows, { file: 'd.json' });
    expect(errors(a.diagnostics)).toEqual([]);
    const ra = evaluate(s, a.table).unit(0);
    const rb = evaluate(s, b.table).unit(0);
    expect(ra.total?.toString()).toBe(rb.total?.toString());
    expect(ra.bonuses.map((x) => x.score?.toString())).toEqual(['7', '0']);
    expect(ra.items.map((x) => x.score?.toString())).toEqual(rb.items.map((x) => x.score?.toString()));
    // Validated entries hold only the declared keys, and nothing of Object.prototype.
    const entry = (a.table.columns.get('honors')![0] as object[])[0];
    expect(Object.prototype.isPrototypeOf(entry)).toBe(false);
    expect('constructor' in entry).toBe(false);
    expect('__proto__' in entry).toBe(false);
    expect(Object.keys(entry).sort()).toEqual(['evidence', 'level', 'project']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('CSV headers __proto__, constructor and prototype do not pollute either', () => {
    const s = sch();
    const csv =
      'id,org_system,missing_reports,dept_score,coverage,sales,staff,level,__proto__,constructor,prototype,honors\n' +
      'a,yes,0,80,100,1,1,city,polluted,polluted,polluted,"[{""project"":""p"",""level"":""city"",""__proto__"":{""polluted"":1}}]"\n';
    const read = rowsFromCsv(csv, 'd.csv', s);
    const { table, diagnostics } = validateUnits(s, read.rows, { file: 'd.csv', rowSpan: read.rowSpan });
    expect(errors(diagnostics)).toEqual([]);
    expect(evaluate(s, table).unit(0).total?.toString()).toBe('90'); // 5 + 5 + 80; the honour has no evidence
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('inputs named like Object.prototype members read the data, not the prototype', () => {
    const s = schemeOf(`scheme "s" total 10
input { constructor : 0..5  toString : 0..5  hasOwnProperty : yes/no  valueOf : 0..5 optional }
item "a" max 5: constructor + toString + (valueOf ?? 0)
item "b" max 5 { 5 if hasOwnProperty }`);
    const ok = validate(s, [{ id: 'a', constructor: 2, toString: 1, hasOwnProperty: 'yes' }]);
    expect(ok.diagnostics).toEqual([]);
    expect(evaluate(s, ok.table).unit(0).total?.toString()).toBe('8');
    const missing = validate(s, [{ id: 'a' }]);
    expect(messages(missing.diagnostics)).toEqual([
      'unit `a` has no value for `constructor` (expected a number from 0 to 5)',
      'unit `a` has no value for `toString` (expected a number from 0 to 5)',
      'unit `a` has no value for `hasOwnProperty` (expected yes or no)',
    ]);
  });
});

describe('the input block as a zod schema and as JSON Schema', () => {
  it('inputSchema accepts a good row and rejects a bad one', () => {
    const s = schemeOf(TOWNS);
    const schema = inputSchema(s);
    expect(schema.safeParse(good()).success).toBe(true);
    expect(schema.safeParse(good({ last_grade: '规范化单位', remark: 'x' })).success).toBe(true);
    const bad = schema.safeParse(good({ dept_score: 95, level: 'county' }));
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('dept_score');
    expect(paths).toContain('level');
    const row = good();
    delete (row as Record<string, unknown>).org_system;
    expect(schema.safeParse(row).success).toBe(false);
    expect(schema.safeParse(good({ honors: [{ project: 'a' }] })).success).toBe(false);
    expect(schema.safeParse(good({ id: '' })).success).toBe(false);
  });
  it('inputSchema requires `unit` when the scheme has several kinds', () => {
    const s = schemeOf(`scheme "s" total 5
unit township "乡镇", subdistrict "街道"
input { n : count }
item "x" max 5: deduct 1 per n`);
    expect(inputSchema(s).safeParse({ id: 'a', unit: 'township', n: 1 }).success).toBe(true);
    expect(inputSchema(s).safeParse({ id: 'a', n: 1 }).success).toBe(false);
    expect(inputSchema(s).safeParse({ id: 'a', unit: 'village', n: 1 }).success).toBe(false);
  });
  it('inputSchema does not pollute Object.prototype on hostile rows', () => {
    const s = schemeOf(TOWNS);
    const row = JSON.parse(JSON.stringify(good()).replace('{', '{"__proto__":{"polluted":1},'));
    inputSchema(s).safeParse(row);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('inputJsonSchema returns a JSON Schema object mentioning every input', () => {
    const s = schemeOf(TOWNS);
    const js = inputJsonSchema(s);
    expect(typeof js).toBe('object');
    expect(String(js.$schema)).toContain('json-schema.org');
    const text = JSON.stringify(js);
    for (const f of s.inputs) expect(text, f.name).toContain(`"${f.name}"`);
    for (const sub of ['project', 'evidence']) expect(text).toContain(`"${sub}"`);
    expect(text).toContain('组织领导体系健全且运转正常'); // labels become descriptions
    const units = (js.properties as Record<string, { items: { properties: Record<string, unknown>; required: string[] } }>).units;
    expect(Object.keys(units.items.properties).sort()).toEqual(['id', ...s.inputs.map((f) => f.name)].sort());
    expect(units.items.required).toContain('dept_score');
    expect(units.items.required).not.toContain('remark');
    expect(JSON.parse(text)).toEqual(js); // plain JSON
  });
  // An optional field named like an Object.prototype member (`toString`, `valueOf`): zod read
  // the inherited function when the field was absent, and rejected a row validateUnits accepts.
  it('inputSchema agrees with validateUnits on absent optional fields named like inherited members', () => {
    const s = schemeOf(`scheme "s" total 5
input {
  n : 0..5
  valueOf : 0..5 optional
  items : list of { toString : text optional  k : 0..5 }
}
item "a" max 5: n + (valueOf ?? 0)`);
    const rows = [{ id: 'a', n: 1, items: [{ k: 2 }] }];
    expect(validate(s, rows).diagnostics).toEqual([]);
    expect(inputSchema(s).safeParse(rows[0]).success).toBe(true);
    // Present, they are checked as any other field is.
    expect(inputSchema(s).safeParse({ id: 'a', n: 1, valueOf: 'x' }).success).toBe(false);
    expect(inputSchema(s).safeParse({ id: 'a', n: 1, items: [{ k: 2, toString: [] }] }).success).toBe(false);
  });
});
