// The worker's engine in Node: every seed example's results equal what `assess run --format
// json` gives (its expected.json); data read from CSV with labels, problems at grid cells and
// at their place in the file; explanations as `assess explain` prints them.
import { readFileSync } from 'node:fs';
import { compile, evaluate, explainUnit, rowsFromJson, validateUnits } from '@assess/core';
import { describe, expect, it } from 'vitest';
import { exampleFolders } from '@assess/testing';
import { Engine } from './engine.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url);
const folders = exampleFolders(EXAMPLES);
const read = (name: string, file: string) => readFileSync(new URL(`${name}/${file}`, EXAMPLES), 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

async function engineWith(name: string, lang: 'zh' | 'en' = 'zh') {
  const e = new Engine();
  e.setLang(lang);
  const checked = e.check({ text: read(name, 'scheme.assess'), version: 1 });
  const data = await e.readData({ name: 'data.json', bytes: bytes(read(name, 'data.json')) });
  return { e, checked, data };
}

describe.each(folders)('examples/%s in the studio', (name) => {
  it('scores exactly as expected.json (assess run --format json), its example blocks pass', async () => {
    const { e, checked, data } = await engineWith(name);
    expect(checked.diagnostics).toEqual([]);
    expect(checked.examples!.every((x) => x.passed)).toBe(true);
    const r = e.run({ rows: data.rows, pristine: true });
    expect(r.problems).toEqual([]);
    expect(r.results!.rows).toHaveLength(data.rows.length);
    expect(e.resultsJson()).toEqual(JSON.parse(read(name, 'expected.json')));
  });
});

describe('the engine', () => {
  it('ranks the table by place, sorts numbers by exact value, explains a unit as assess explain does', async () => {
    const { e, data } = await engineWith('article3-towns');
    const r = e.run({ rows: data.rows, pristine: true }).results!;
    const place = r.header.indexOf('名次');
    expect(r.rows.map((row) => Number(row[place]))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const total = r.header.indexOf('总分');
    const byTotal = r.rows.map((_, i) => i).sort((a, b) => r.order[total]![a] - r.order[total]![b]);
    expect(byTotal.map((i) => r.rows[i][0])).toEqual([...r.rows].reverse().map((row) => row[0]));
    const plan = compile('scheme.assess', read('article3-towns', 'scheme.assess')).plan!;
    const { table } = validateUnits(plan, rowsFromJson(read('article3-towns', 'data.json'), 'd').rows, { file: 'd' });
    const i = table.ids.indexOf('石桥镇');
    expect(e.explain({ unit: '石桥镇' })).toBe(explainUnit(evaluate(plan, table, { trace: true }).unit(i), 'zh'));
    expect(r.chart.totals.categories).toEqual(r.rows.map((row) => row[0]));
    expect(r.chart.grades.reduce((n, g) => n + g.count, 0)).toBe(7);
  });

  it('reads a CSV headed by labels; marks each bad cell and says which line of the file it is on', async () => {
    const e = new Engine();
    e.setLang('en');
    e.check({ text: 'scheme "s" total 10\ninput {\n  n : count "少报次数"\n  ok : yes/no\n}\nitem "a" max 5: deduct 1 per n\nitem "b" max 5 { 5 if ok }\n', version: 1 });
    const data = await e.readData({ name: 'd.csv', bytes: bytes('单位,少报次数,ok\n甲,2,yes\n乙,two,no\n,1,yes\n') });
    expect(data.rows[0]).toEqual({ id: '甲', n: '2', ok: 'yes' });
    // The rows read are the worker's: the page need not send them back for the first run.
    const r = e.run({ pristine: true });
    expect(r.results).toBeUndefined();
    expect(r.problems.map((p) => [p.code, p.row, p.key, p.at])).toEqual([
      ['E0501', 1, 'n', 'd.csv:3'],
      ['E0504', 2, 'id', 'd.csv:4'],
    ]);
    // Edited in the grid: no longer where the file had it.
    expect(e.run({ rows: data.rows, pristine: false }).problems.map((p) => p.at)).toEqual([undefined, undefined]);
    data.rows[1].n = '1';
    data.rows[2].id = '丙';
    expect(e.run({ rows: data.rows, pristine: false }).results!.rows).toHaveLength(3);
  });

  it('reads a workbook: its problems at their cells; writes the template and the results workbook', async () => {
    const { e } = await engineWith('article3-towns');
    const template = await e.template();
    const { loadWorkbook, readWorkbook } = await import('@assess/sheets');
    const plan = compile('scheme.assess', read('article3-towns', 'scheme.assess')).plan!;
    expect((await readWorkbook(plan, template!)).rows).toEqual([]);
    const book = await loadWorkbook(template!);
    book.getWorksheet('数据')!.addRow(['甲镇', '是', '是', '三', 80]);
    const data = await e.readData({ name: 'x.xlsx', bytes: (await book.xlsx.writeBuffer()) as ArrayBuffer });
    expect(data.sheets).toEqual(['数据', '字段说明', '荣誉']);
    const r = e.run({ rows: data.rows, pristine: true });
    expect(r.problems.map((p) => [p.code, p.row, p.key, p.at])).toEqual([['E0501', 0, '少报次数', '数据!D3']]);
    data.rows[0]['少报次数'] = 3;
    expect(e.run({ rows: data.rows, pristine: false }).results!.rows[0]).toContain('87');
    expect(e.resultsJson()!.units[0].total).toBe('87');
    expect((await e.resultsXlsx())!.byteLength).toBeGreaterThan(1000);
    expect(e.resultsCsv()!.split('\r\n')[0]).toBe('单位,定性考核,定量考核,加分,总分,名次,等级,否决');
  });

  it('data is scored again only when what the plan computes changes; rows not sent are the last ones', async () => {
    const { e, data } = await engineWith('article3-towns');
    const text = read('article3-towns', 'scheme.assess');
    const key = e.scheme({ text }).planKey!;
    expect(e.scheme({ text: `# 注释\n\n${text}` }).planKey).toBe(key);
    expect(e.scheme({ text: text.replace('满分 5：每 少报次数 扣 1', '满分 5：每 少报次数 扣 2') }).planKey).not.toBe(key);
    expect(e.scheme({ text: `${text}\n指标 "x" 满分 5：未知` })).toEqual({});
    e.run({ rows: data.rows, pristine: true });
    const again = e.run({ pristine: true });
    // Scored with the last plan without errors (扣 2): 石桥镇 misses one report, 89.5 − 1.
    expect(again.results!.rows.find((r) => r[0] === '石桥镇')).toContain('88.5');
  });

  it('a unit id that a spreadsheet would run as a formula is written into the CSV as text', async () => {
    const e = new Engine();
    e.check({ text: 'scheme "s" total 5\ninput { n : count }\nitem "a" max 5: deduct 1 per n\n', version: 1 });
    const data = await e.readData({ name: 'd.json', bytes: bytes(JSON.stringify([{ id: '=HYPERLINK("x")', n: 1 }, { id: '-2', n: 0 }, { id: '@SUM(A1)', n: 2 }, { id: '-1+HYPERLINK("y")', n: 3 }])) });
    e.run({ rows: data.rows, pristine: true });
    expect(e.resultsCsv()!.split('\r\n').slice(1, 5)).toEqual(['-2,5,5,1,,', '"\'=HYPERLINK(""x"")",4,4,2,,', "'@SUM(A1),3,3,3,,", '"\'-1+HYPERLINK(""y"")",2,2,4,,']);
  });

  it('a unit that is not a record (null) is said where it is, and the grid gets the records', async () => {
    const e = new Engine();
    e.check({ text: 'scheme "s" total 5\ninput { n : count }\nitem "a" max 5: deduct 1 per n\n', version: 1 });
    const data = await e.readData({ name: 'd.json', bytes: bytes('{"units": [{"id": "a", "n": 1}, null, 5]}') });
    expect(data.rows).toEqual([{ id: 'a', n: 1 }]);
    expect(data.problems.map((p) => [p.code, p.message])).toEqual([
      ['E0505', '第 2 个单位不是记录'],
      ['E0505', '第 3 个单位不是记录'],
    ]);
  });

  it('says (E0505) that a file is not a workbook; reads nothing while the scheme has never been without errors', async () => {
    const { e } = await engineWith('article3-towns', 'en');
    const bad = await e.readData({ name: 'x.xlsx', bytes: bytes('not a zip') });
    expect(bad.problems.map((p) => [p.code, p.message])).toEqual([['E0505', 'the data file is not an .xlsx workbook that can be read (at most 50 MB, 128 MB unpacked)']]);
    const broken = new Engine();
    broken.check({ text: 'scheme "s" total', version: 1 });
    await expect(broken.readData({ name: 'd.json', bytes: bytes('[]') })).rejects.toThrow(/no scheme/);
  });
});
