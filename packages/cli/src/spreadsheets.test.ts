// Spreadsheets through the real `assess` command, in-process with a fake terminal, on the
// seed scheme of article 3 (Chinese words, labelled fields, a labelled unit kind `镇（区）`,
// a list field): `assess template`, `assess run --data` on JSON, JSON lines, CSV and a
// workbook (headers as labels, columns in another order, a template filled in with exceljs
// and read back), every data error at its value or cell, and `assess run --format xlsx`.
//
// What `assess run` writes to stderr for bad data is kept in tests/spreadsheets/NAME.txt.
// Rewrite them after an intended change with UPDATE_GOLDEN=1 and read the diff.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile, type Plan } from '@assess/core';
import { loadWorkbook } from '@assess/sheets';
import { filledTemplate } from '@assess/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from './main.js';

const EXAMPLE = new URL('../../../examples/article3-towns/', import.meta.url);
const GOLDEN = new URL('../tests/spreadsheets/', import.meta.url);
const UPDATE = !!process.env.UPDATE_GOLDEN;
const SCHEME = readFileSync(new URL('scheme.assess', EXAMPLE), 'utf8');
const PLAN: Plan.Plan = compile('scheme.assess', SCHEME).plan!;
/** The first three units of the example: enough for every kind of problem, short goldens. */
const UNITS: Record<string, unknown>[] = JSON.parse(readFileSync(new URL('data.json', EXAMPLE), 'utf8')).units.slice(0, 3);
const EXPECTED = JSON.parse(readFileSync(new URL('expected.json', EXAMPLE), 'utf8'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  bytes: Uint8Array[];
}

let dir: string;
const file = (name: string) => join(dir, name);

async function assess(argv: string[], tty = false): Promise<Run> {
  const r: Run = { code: 0, stdout: '', stderr: '', bytes: [] };
  // Paths as a user in the directory would see them.
  const local = (s: string) => s.replaceAll(`${dir}/`, '');
  const io: Io = {
    stdout: { write: (s) => (typeof s === 'string' ? (r.stdout += local(s)) : r.bytes.push(s)), isTTY: tty },
    stderr: { write: (s) => (r.stderr += local(String(s))), isTTY: false },
    env: {},
  };
  r.code = await main(argv, io);
  return r;
}

function golden(name: string, text: string) {
  const path = new URL(`${name}.txt`, GOLDEN);
  if (UPDATE || !existsSync(path)) writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

/** The scheme's label of each field, and of each list entry's field. */
const label = new Map(PLAN.inputs.flatMap((f) => [[f.name, f.label ?? f.name] as const, ...(f.type.k === 'list' ? f.type.fields.map((e) => [`${f.name}.${e.name}`, e.label ?? e.name] as const) : [])]));

/** The units with their keys written as labels (list entries' too). */
const labelled = (units: Record<string, unknown>[]) =>
  units.map((u) => Object.fromEntries(Object.entries(u).map(([k, v]) => [label.get(k) ?? k, Array.isArray(v) ? v.map((e) => Object.fromEntries(Object.entries(e).map(([ek, ev]) => [label.get(`${k}.${ek}`) ?? ek, ev]))) : v])));

/** A CSV of the units headed by labels, columns in another order than the scheme's, the id under the unit kind's label. */
function labelledCsv(units: Record<string, unknown>[]): string {
  const columns = ['部门得分', '荣誉', 'id', '少报次数', '目标分解', '组织体系'];
  const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const header = columns.map((c) => (c === 'id' ? '镇（区）' : label.get(c)!));
  const rows = labelled(units).map((u, i) => columns.map((c) => cell(c === '荣誉' ? JSON.stringify(u[label.get(c)!] ?? []) : c === 'id' ? String(units[i].id) : String(u[label.get(c)!] ?? ''))));
  return [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';
}

/** The same three mistakes: a word for a count, a level the scheme does not have (in a list entry), a missing score. */
function spoiled(): Record<string, unknown>[] {
  const units = structuredClone(UNITS);
  units[1].少报次数 = '两次';
  (units[0].荣誉 as Record<string, unknown>[])[1].级别 = '县级';
  delete units[2].部门得分;
  return units;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assess-sheets-'));
  writeFileSync(file('scheme.assess'), SCHEME);
  writeFileSync(file('data.json'), JSON.stringify({ units: UNITS }, null, 2));
  writeFileSync(file('labels.jsonl'), labelled(UNITS).map((u) => JSON.stringify(u)).join('\n') + '\n');
  writeFileSync(file('labels.csv'), labelledCsv(UNITS));
  writeFileSync(file('bad.json'), JSON.stringify({ units: spoiled() }, null, 2));
  writeFileSync(file('bad.jsonl'), labelled(spoiled()).map((u) => JSON.stringify(u)).join('\n') + '\n');
  writeFileSync(file('bad.csv'), labelledCsv(spoiled()));
  writeFileSync(file('bad.xlsx'), await filledTemplate(PLAN, spoiled()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Results are written as UTF-8 bytes. */
const results = (r: Run) => Buffer.concat(r.bytes).toString('utf8');
const units = (r: Run) => JSON.parse(results(r)).units;
/** Scores of the example's first three units, as expected.json has them (places among all its units aside). */
const expectedUnits = () => EXPECTED.units.filter((u: { id: string }) => UNITS.some((x) => x.id === u.id)).map(({ place: _, ...u }: Record<string, unknown>) => u);
const withoutPlaces = (us: Record<string, unknown>[]) => us.map(({ place: _, ...u }) => u);

describe('assess template', () => {
  it('writes the workbook beside the scheme, in the scheme’s language, and never replaces one unless -o names it', async () => {
    const r = await assess(['template', file('scheme.assess')]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'wrote scheme-填报表.xlsx\n', '']);
    const book = await loadWorkbook(readFileSync(file('scheme-填报表.xlsx')));
    expect(book.worksheets.map((w) => w.name)).toEqual(['数据', '字段说明', '荣誉']);
    expect(book.getWorksheet('数据')!.getCell('B3').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    const again = await assess(['template', file('scheme.assess')]);
    expect([again.code, again.stderr]).toEqual([2, 'error: scheme-填报表.xlsx already exists (it may have been filled in); name the file to write with -o\n']);
    const named = await assess(['template', file('scheme.assess'), '-o', file('scheme-填报表.xlsx'), '--rows', '10']);
    expect(named.code).toBe(0);
    expect((await loadWorkbook(readFileSync(file('scheme-填报表.xlsx')))).getWorksheet('数据')!.getCell('B13').dataValidation).toBeUndefined();
  });

  it('--lang en: the workbook’s words in English; usage errors exit 2', async () => {
    const r = await assess(['template', file('scheme.assess'), '--lang', 'en', '-o', file('en.xlsx')]);
    expect(r.code).toBe(0);
    expect((await loadWorkbook(readFileSync(file('en.xlsx')))).worksheets.map((w) => w.name)).toEqual(['data', 'fields', '荣誉']);
    for (const argv of [['template'], ['template', file('scheme.assess'), '-o', file('t.csv')], ['template', file('scheme.assess'), '--rows', '0'], ['template', file('scheme.assess'), '--rows', 'many']]) {
      const bad = await assess(argv);
      expect(bad.code, argv.join(' ')).toBe(2);
      expect(bad.stderr).toMatch(/^error: /);
    }
  });

  it('a template written by the command, filled in with exceljs, is read back by assess run: the example’s scores', async () => {
    await assess(['template', file('scheme.assess'), '-o', file('filled.xlsx')]);
    writeFileSync(file('filled.xlsx'), await filledTemplate(PLAN, UNITS, readFileSync(file('filled.xlsx'))));
    const r = await assess(['run', file('scheme.assess'), '--data', file('filled.xlsx'), '--format', 'json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(withoutPlaces(units(r))).toEqual(expectedUnits());
  });
});

describe('assess run reads every kind of data file, headed by names or labels, in any order', () => {
  it.each(['data.json', 'labels.jsonl', 'labels.csv'])('%s gives the same results', async (data) => {
    const r = await assess(['run', file('scheme.assess'), '--data', file(data), '--format', 'json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(withoutPlaces(units(r))).toEqual(expectedUnits());
  });

  it.each([
    ['json', 'zh'],
    ['jsonl', 'zh'],
    ['csv', 'zh'],
    ['xlsx', 'zh'],
    ['xlsx', 'en'],
  ])('bad.%s (%s): every error at its value (a workbook: its sheet and cell), exit 1', async (kind, lang) => {
    const r = await assess(['run', file('scheme.assess'), '--data', file(`bad.${kind}`), '--lang', lang]);
    expect([r.code, r.stdout]).toEqual([1, '']);
    golden(`bad-${kind}.${lang}`, r.stderr);
  });
});

describe('assess run --sheet', () => {
  it('names the data sheet of a workbook: a sheet it does not have is E0505; for another kind of file it is a usage error', async () => {
    const missing = await assess(['run', file('scheme.assess'), '--data', file('bad.xlsx'), '--sheet', '汇总']);
    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([1, 'error[E0505]: the workbook has no sheet `汇总`']);
    const csv = await assess(['run', file('scheme.assess'), '--data', file('labels.csv'), '--sheet', '数据']);
    expect([csv.code, csv.stderr.split('\n')[0]]).toEqual([2, 'error: --sheet is for an .xlsx workbook']);
  });
});

describe('assess run --format xlsx', () => {
  it('-o: the ranked results with places, and every unit’s explanation', async () => {
    const r = await assess(['run', file('scheme.assess'), '--data', file('data.json'), '--format', 'xlsx', '-o', file('结果.xlsx'), '--lang', 'zh']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '已写出 结果.xlsx\n', '']);
    const book = await loadWorkbook(readFileSync(file('结果.xlsx')));
    expect(book.worksheets.map((w) => w.name)).toEqual(['结果', '得分说明']);
    const [header, ...rows] = book.getWorksheet('结果')!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(header).toEqual(['单位', '组织领导', '材料报送', '牵头部门考核', '定性考核', '定量考核', '加分', '总分', '名次', '等级', '否决']);
    const json = units(await assess(['run', file('scheme.assess'), '--data', file('data.json'), '--format', 'json']));
    const byPlace = [...json].sort((a, b) => a.place - b.place);
    expect(rows.map((row) => [row[0], String(row[7]), row[8], row[9]])).toEqual(byPlace.map((u) => [u.id, u.total, u.place, u.grade]));
    const explained = book.getWorksheet('得分说明')!.getColumn(1).values.filter((v) => typeof v === 'string' && v !== '' && v !== '单位');
    expect(explained).toEqual(byPlace.map((u) => u.id));
  });

  it('never to a terminal: exit 2 before anything is read; to a pipe, the workbook’s bytes', async () => {
    const tty = await assess(['run', file('scheme.assess'), '--data', file('missing.json'), '--format', 'xlsx'], true);
    expect(tty.code).toBe(2);
    expect(tty.stderr.split('\n')[0]).toBe('error: --format xlsx writes a workbook: name it with -o OUT.xlsx (or pipe the output)');
    const piped = await assess(['run', file('scheme.assess'), '--data', file('data.json'), '--format', 'xlsx']);
    expect([piped.code, piped.stdout]).toEqual([0, '']);
    expect((await loadWorkbook(Buffer.concat(piped.bytes))).worksheets.map((w) => w.name)).toEqual(['results', 'explanations']);
  });

  it('-o only with --format xlsx, and only an .xlsx file; bad data writes nothing', async () => {
    expect((await assess(['run', file('scheme.assess'), '--data', file('data.json'), '-o', file('x.xlsx')])).code).toBe(2);
    expect((await assess(['run', file('scheme.assess'), '--data', file('data.json'), '--format', 'xlsx', '-o', file('x.csv')])).code).toBe(2);
    const bad = await assess(['run', file('scheme.assess'), '--data', file('bad.json'), '--format', 'xlsx', '-o', file('bad-results.xlsx')]);
    expect(bad.code).toBe(1);
    expect(existsSync(file('bad-results.xlsx'))).toBe(false);
  });
});

describe('places in every output', () => {
  it('the table, JSON, CSV and the workbook give each unit the same place', async () => {
    const run = (format: string) => assess(['run', file('scheme.assess'), '--data', file('data.json'), '--format', format, '--lang', 'zh']);
    const json: { id: string; place: number }[] = units(await run('json'));
    const places = new Map(json.map((u) => [u.id, u.place]));
    expect([...places.values()].sort()).toEqual([1, 2, 3]);
    const table = results(await run('table')).split('\n').slice(4, 7).map((l) => l.split(/\s{2,}/));
    expect(new Map(table.map((cells) => [cells[0], Number(cells[5])]))).toEqual(places);
    const [header, ...lines] = results(await run('csv')).trimEnd().split('\n').map((l) => l.split(','));
    expect(new Map(lines.map((cells) => [cells[0], Number(cells[header.indexOf('place')])]))).toEqual(places);
    await assess(['run', file('scheme.assess'), '--data', file('data.json'), '--format', 'xlsx', '-o', file('places.xlsx'), '--lang', 'zh']);
    const sheet = (await loadWorkbook(readFileSync(file('places.xlsx')))).getWorksheet('结果')!;
    expect(new Map(sheet.getSheetValues().slice(2).map((row) => [(row as unknown[])[1], (row as unknown[])[9]]))).toEqual(places);
  });
});
