// `assess run`, `assess explain` and `assess test`, in-process with a fake terminal.
// Exit codes: 0 ok, 1 the scheme/data/examples are wrong, 2 bad usage. A user's mistake is
// always a diagnostic, never a stack trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from './main.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function assess(argv: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  // Results come as bytes (UTF-8), other output as text.
  const utf8 = new TextDecoder();
  const io: Io = {
    stdout: { write: (s) => (stdout += typeof s === 'string' ? s : utf8.decode(s, { stream: true })), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** No stack trace and no "internal error" in what the user sees. */
function expectNoCrash(r: Run) {
  const all = r.stdout + r.stderr;
  expect(all).not.toMatch(/^\s+at /m);
  expect(all).not.toContain('internal error');
  expect(all).not.toMatch(/\b(TypeError|ReferenceError|RangeError)\b/);
}

const SCHEME = `scheme "新一轮农村实事工程考核（镇）" total 100

unit town "镇（区）"

input {
  org_system      : yes/no   "组织领导体系健全且运转正常"
  targets_split   : yes/no   "年度目标任务明确，分解到位"
  missing_reports : count    "少报次数"
  dept_score      : 0..90    "牵头部门定量考核得分"
  deficit_budget  : yes/no
  honors : list of {
    project  : text
    level    : district | city | province | national
    evidence : text optional
  }
}

section "定性考核" max 10 {
  item "组织领导" max 5 {
    2 if org_system
    3 if targets_split
  }
  item "材料报送" max 5: deduct 1 per missing_reports
}

section "定量考核" max 90 {
  item "部门考核" max 90: dept_score
}

bonus "项目加分": honors with evidence, best per project,
  district 1, city 3, province 6, national 10, cap 10 prorata

veto "编制赤字预算" if deficit_budget

grade {
  veto "不予命名"
  "规范化单位" if total >= 85
  otherwise "下年重新考评"
}

example "two missing reports, one provincial honour" {
  given { org_system: yes, targets_split: yes, missing_reports: 2, dept_score: 80, deficit_budget: no,
          honors: [{ project: "桥梁", level: province, evidence: "省政府文件" }] }
  expect item "材料报送" = 3
  expect total = 94
  expect grade = "规范化单位"
}

example "cap prorata" {
  unit "甲镇" { org_system: yes, targets_split: yes, missing_reports: 0, dept_score: 70, deficit_budget: no,
    honors: [{ project: "桥", level: national, evidence: "a" }, { project: "路", level: province, evidence: "b" }] }
  unit "乙镇" { org_system: yes, targets_split: yes, missing_reports: 0, dept_score: 70, deficit_budget: yes,
    honors: [{ project: "桥", level: province, evidence: "a" }, { project: "路", level: district, evidence: "b" }, { project: "水", level: district, evidence: "c" }] }
  expect "甲镇" bonus = 10
  expect "乙镇" bonus = 5
  expect "乙镇" veto "编制赤字预算"
  expect "甲镇" not veto
}
`;

const h = (project: string, level: string, evidence?: string) => ({ project, level, ...(evidence ? { evidence } : {}) });
const UNITS = [
  { id: '甲镇', org_system: 'yes', targets_split: 'yes', missing_reports: 2, dept_score: 80, deficit_budget: 'no', honors: [h('桥梁', 'province', '省政府文件')] },
  { id: '乙镇', org_system: '是', targets_split: '否', missing_reports: 0, dept_score: 70, deficit_budget: 'yes', honors: [h('桥', 'national', 'a'), h('路', 'province', 'b'), h('路', 'city')] },
  { id: '王家村', org_system: true, targets_split: true, missing_reports: 7, dept_score: 82.5, deficit_budget: false, honors: [h('桥', 'city', 'doc'), h('桥', 'district', 'doc')] },
];
// Raw bonuses: 6, 16 (the city honour has no evidence), 3 (best per project) → cap 10 prorata
// over r_max 16: 3.75, 10, 1.875. Totals: 5+3+80+3.75, 2+5+70+10, 5+0+82.5+1.875.

// Who is assessed, groups, an item that does not apply, a penalty.
const COHORTS = `scheme "分组考核" total 20
unit city "城市", town "乡镇"
input { self : 0..100, a : 0..10, b : 0..10, skip : yes/no, notices : count }
eligible if self >= 60
within unit
section "甲" max 10 {
  item "a" max 5: a / 2
  item "b" max 5: b / 2, not applicable if skip
}
item "c" max 10: a
penalty "通报": deduct 2 per notices
grade {
  ineligible "未申报"
  "优秀" if place <= 1
  otherwise "合格"
}
`;
const COHORT_UNITS = [
  { id: 'c1', unit: 'city', self: 90, a: 8, b: 6, skip: 'no', notices: 0 },
  { id: 'c2', unit: 'city', self: 70, a: 6, b: 10, skip: 'yes', notices: 1 },
  { id: 'c3', unit: 'city', self: 50, a: 9, b: 9, skip: 'no', notices: 0 },
  { id: 't1', unit: 'town', self: 80, a: 2, b: 2, skip: 'no', notices: 0 },
];
// c1: 4 + 3 = 7, + 8 = 15. c2: b does not apply, a's 3 of 5 scaled to 10 = 6, + 6 − 2 = 10.
// c3 is not assessed. t1: 1 + 1 + 2 = 4, first of the towns.

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assess-run-'));
  writeFileSync(file('towns.assess'), SCHEME);
  writeFileSync(file('towns.json'), JSON.stringify({ units: UNITS }, null, 2));
  writeFileSync(
    file('towns.csv'),
    'id,org_system,targets_split,missing_reports,dept_score,deficit_budget,honors\n' +
      UNITS.map((u) => [u.id, String(u.org_system), String(u.targets_split), u.missing_reports, u.dept_score, String(u.deficit_budget), `"${JSON.stringify(u.honors).replace(/"/g, '""')}"`].join(',')).join('\n') +
      '\n',
  );
  writeFileSync(
    file('bad.json'),
    JSON.stringify({
      units: [
        { ...UNITS[0], org_system: 'maybe' },
        { ...UNITS[1], dept_score: 95, missing_reports: -1 },
        { ...UNITS[2], id: '甲镇', honors: [h('桥', 'galactic', 'x')] },
        { org_system: 'yes', targets_split: 'yes', missing_reports: 0, dept_score: 1, deficit_budget: 'no', honors: [] },
      ],
    }),
  );
  writeFileSync(file('broken.json'), '{ "units": [ { "id": "a", ');
  writeFileSync(file('towns.txt'), 'not data');
  writeFileSync(file('wrong-example.assess'), SCHEME.replace('expect total = 94', 'expect total = 95'));
  writeFileSync(file('scheme-error.assess'), SCHEME.replace('per missing_reports', 'per missing_report'));
  writeFileSync(
    file('ratio.assess'),
    `scheme "r" total 40
input { done : number  target : number }
item "完成" max 40: ratio done / target`,
  );
  writeFileSync(file('ratio.json'), JSON.stringify([{ id: 'a', done: 72, target: 90 }, { id: 'b', done: 1, target: 0 }]));
  writeFileSync(
    file('comma.assess'),
    `scheme "c" total 10
input { n : count }
item "a, b" max 10: deduct 1 per n`,
  );
  writeFileSync(file('comma.json'), JSON.stringify([{ id: 'x,"y"', n: 3 }]));
  writeFileSync(file('cohorts.assess'), COHORTS);
  writeFileSync(file('cohorts.json'), JSON.stringify(COHORT_UNITS));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ── run ─────────────────────────────────────────────────────────────
describe('assess run', () => {
  it('prints a table of every unit: sections, bonus, total, place, grade, vetoes', async () => {
    const r = await assess(['run', file('towns.assess'), '--data', file('towns.json')]);
    expectNoCrash(r);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('新一轮农村实事工程考核（镇）');
    expect(lines[2]).toMatch(/^unit\s+定性考核\s+定量考核\s+bonus\s+total\s+place\s+grade\s+veto$/);
    expect(lines[3]).toMatch(/^─+(\s+─+)+$/);
    // 乙镇 is vetoed: placed after the others
    expect(lines[4].split(/\s{2,}/)).toEqual(['甲镇', '8', '80', '3.75', '91.75', '1', '规范化单位']);
    expect(lines[5].split(/\s{2,}/)).toEqual(['乙镇', '7', '70', '10', '87', '3', '不予命名', '编制赤字预算']);
    expect(lines[6].split(/\s{2,}/)).toEqual(['王家村', '5', '82.5', '1.875', '89.375', '2', '规范化单位']);
  });
  it('the table in Chinese with --lang zh', async () => {
    const r = await assess(['run', file('towns.assess'), '--data', file('towns.json'), '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[2]).toMatch(/^单位\s+定性考核\s+定量考核\s+加分\s+总分\s+名次\s+等级\s+否决$/);
  });
  it('--format json keeps labels as written: line and paragraph separators, __proto__, a number', async () => {
    const scheme = ['scheme "s" total 35', 'input {\n  x : 0..10\n}', 'item "a\u2028b" max 10: x', 'item "c\u2029d" max 5: x / 2', 'item "__proto__" max 10: x', 'item "12" max 10: x'].join('\n\n') + '\n';
    writeFileSync(file('separators.assess'), scheme);
    writeFileSync(file('separators.json'), JSON.stringify([{ id: 'u1', x: 4 }]));
    const r = await assess(['run', file('separators.assess'), '--data', file('separators.json'), '--format', 'json']);
    expectNoCrash(r);
    expect(r.code).toBe(0);
    const unit = JSON.parse(r.stdout).units[0];
    expect(Object.entries(unit.items)).toEqual([
      ['12', '4'],
      ['a\u2028b', '4'],
      ['c\u2029d', '2'],
      ['__proto__', '4'],
    ]);
  });
  it('prints no escape sequence from a scheme or its data on a terminal: table, explanation, messages', async () => {
    const scheme = ['scheme "s\x1b]0;title\x07" total 10', 'input {\n  x : 0..10\n  note : text\n}', 'item "a\x1b[31mred\x1b[0m" max 10: x'].join('\n\n') + '\n';
    writeFileSync(file('escapes.assess'), scheme);
    writeFileSync(file('escapes.json'), JSON.stringify([{ id: 'u\x1b[2J', x: 4, note: '\x9b1m' }, { id: 'v', x: 'x\x1b[1m' }]));
    writeFileSync(file('escapes-ok.json'), JSON.stringify([{ id: 'u\x1b[2J', x: 4, note: '\x9b1m' }]));
    const runs = [
      await assess(['run', file('escapes.assess'), '--data', file('escapes-ok.json')]),
      await assess(['explain', file('escapes.assess'), '--data', file('escapes-ok.json'), '--unit', 'u\x1b[2J']),
      await assess(['explain', file('escapes.assess'), '--data', file('escapes-ok.json'), '--unit', 'w\x1b[2J']),
      await assess(['run', file('escapes.assess'), '--data', file('escapes.json')]),
    ];
    for (const r of runs) {
      expectNoCrash(r);
      expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    expect(runs[0].code).toBe(0);
    expect(runs[0].stdout).toContain('a␛[31mred␛[0m');
    expect(runs[0].stdout).toContain('u␛[2J');
    expect(runs[1].stdout).toContain('a␛[31mred␛[0m');
    expect(runs[2].code).toBe(1);
    expect(runs[3].code).toBe(1);
    // (A value found is quoted as JSON: its control characters escaped.)
    expect(runs[3].stderr).toContain('found "x\\u001b[1m"');
  });
  it('--format csv: a text cell that a spreadsheet would take for a formula starts with a quote mark', async () => {
    writeFileSync(file('formulas.assess'), 'scheme "s" total 10\n\ninput {\n  x : 0..10\n}\n\nitem "@分" max 10: x\n');
    writeFileSync(file('formulas.json'), JSON.stringify([{ id: '=HYPERLINK("http://e.example","c")', x: 1 }, { id: '+1', x: 2 }, { id: '-a', x: 3 }, { id: 'ok-1', x: 4 }, { id: '-1+HYPERLINK("y")', x: 5 }, { id: '-5', x: 6 }]));
    const r = await assess(['run', file('formulas.assess'), '--data', file('formulas.json'), '--format', 'csv']);
    expectNoCrash(r);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe("id,'@分,total,place,grade,vetoes");
    expect(lines.slice(1).map((l) => l.replace(/,[^"]*$/, ''))).toEqual([`"'=HYPERLINK(""http://e.example"",""c"")"`, "'+1", "'-a", 'ok-1', `"'-1+HYPERLINK(""y"")"`, '-5']);
  });
  it('the language may come from LANG', async () => {
    const r = await assess(['run', file('towns.assess'), '--data', file('towns.json')], { LANG: 'zh_CN.UTF-8' });
    expect(r.stdout.split('\n')[2]).toMatch(/^单位/);
  });
  it('--format json: every unit with exact decimal strings', async () => {
    const r = await assess(['run', file('towns.assess'), '--data', file('towns.json'), '--format', 'json']);
    expectNoCrash(r);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.scheme).toBe('新一轮农村实事工程考核（镇）');
    expect(out.total).toBe('100');
    expect(out.units.map((u: { id: string }) => u.id)).toEqual(['甲镇', '乙镇', '王家村']);
    expect(out.units[0]).toEqual({
      id: '甲镇',
      total: '91.75',
      place: 1,
      grade: '规范化单位',
      vetoed: false,
      vetoes: [],
      sections: { 定性考核: '8', 定量考核: '80' },
      items: { 组织领导: '5', 材料报送: '3', 部门考核: '80' },
      bonus: '3.75',
      bonuses: { 项目加分: '3.75' },
    });
    expect(out.units[1]).toMatchObject({ id: '乙镇', total: '87', grade: '不予命名', vetoed: true, vetoes: ['编制赤字预算'] });
    expect(out.units[2]).toMatchObject({ total: '89.375', items: { 材料报送: '0' }, bonus: '1.875' });
  });
  it('--format csv: a header and one line per unit', async () => {
    const r = await assess(['run', file('towns.assess'), '--data', file('towns.json'), '--format', 'csv']);
    expectNoCrash(r);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'id,组织领导,材料报送,部门考核,定性考核,定量考核,bonus,total,place,grade,vetoes',
      '甲镇,5,3,80,8,80,3.75,91.75,1,规范化单位,',
      '乙镇,2,5,70,7,70,10,87,3,不予命名,编制赤字预算',
      '王家村,5,0,82.5,5,82.5,1.875,89.375,2,规范化单位,',
    ]);
  });
  it('groups, places, items that do not apply, penalties and units not assessed, in the table and the CSV', async () => {
    const table = await assess(['run', file('cohorts.assess'), '--data', file('cohorts.json')]);
    expectNoCrash(table);
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[2].split(/\s{2,}/)).toEqual(['unit', 'group', '甲', 'c', 'penalty', 'total', 'place', 'grade', 'veto']);
    expect(lines.slice(4, 8).map((l) => l.split(/\s{2,}/))).toEqual([
      ['c1', 'city', '7', '8', '0', '15', '1', '优秀'],
      ['c2', 'city', '6', '6', '−2', '10', '2', '合格'],
      ['c3', 'city', '—', '—', '0', 'not assessed', '未申报'],
      ['t1', 'town', '2', '2', '0', '4', '1', '优秀'],
    ]);
    const zh = await assess(['run', file('cohorts.assess'), '--data', file('cohorts.json'), '--lang', 'zh']);
    expect(zh.stdout.split('\n')[2].split(/\s{2,}/)).toEqual(['单位', '组别', '甲', 'c', '减分', '总分', '名次', '等级', '否决']);
    expect(zh.stdout.split('\n')[6]).toContain('不参评');
    const csv = await assess(['run', file('cohorts.assess'), '--data', file('cohorts.json'), '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.trimEnd().split('\n')).toEqual([
      'id,group,a,b,c,甲,penalty,total,place,grade,vetoes',
      'c1,city,4,3,8,7,0,15,1,优秀,',
      'c2,city,3,n/a,6,6,2,10,2,合格,',
      'c3,city,n/a,n/a,n/a,—,0,—,,未申报,',
      't1,town,1,1,2,2,0,4,1,优秀,',
    ]);
  });
  it('--format csv quotes cells with commas and quotes', async () => {
    const r = await assess(['run', file('comma.assess'), '--data', file('comma.json'), '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual(['id,"a, b",total,place,grade,vetoes', '"x,""y""",7,7,1,,']);
  });
  it('reads CSV data too, with the same results', async () => {
    const json = await assess(['run', file('towns.assess'), '--data', file('towns.json'), '--format', 'json']);
    const csv = await assess(['run', file('towns.assess'), '--data', file('towns.csv'), '--format', 'json']);
    expectNoCrash(csv);
    expect(csv.code).toBe(0);
    expect(JSON.parse(csv.stdout)).toEqual(JSON.parse(json.stdout));
  });
  it('reads JSON lines (.jsonl) too, a unit per line, with the same results', async () => {
    writeFileSync(file('towns.jsonl'), UNITS.map((u) => JSON.stringify(u)).join('\n') + '\n\n');
    const json = await assess(['run', file('towns.assess'), '--data', file('towns.json'), '--format', 'json']);
    const jsonl = await assess(['run', file('towns.assess'), '--data', file('towns.jsonl'), '--format', 'json']);
    expectNoCrash(jsonl);
    expect(jsonl.code).toBe(0);
    expect(jsonl.stdout).toBe(json.stdout);
  });
  it('every output format is the same text whatever the data format', async () => {
    for (const format of ['table', 'csv', 'json']) {
      const json = await assess(['run', file('towns.assess'), '--data', file('towns.json'), '--format', format]);
      const csv = await assess(['run', file('towns.assess'), '--data', file('towns.csv'), '--format', format]);
      expect(csv.stdout, format).toBe(json.stdout);
    }
  });
  it('a JSON-lines file with a line that is not JSON, and a bad value: both reported, with their lines', async () => {
    writeFileSync(file('bad.jsonl'), [JSON.stringify(UNITS[0]), '{ "id": "x", ', JSON.stringify({ ...UNITS[1], org_system: 'maybe' })].join('\n'));
    const r = await assess(['run', file('towns.assess'), '--data', file('bad.jsonl')]);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 2 of the data file is not valid JSON');
    expect(r.stderr).toContain('unit `乙镇`, field `org_system`: expected yes or no, found "maybe"');
    expect(r.stderr).toMatch(/bad\.jsonl:3/);
  });
  it('a CSV file the reader cannot read (an unclosed quote): E0505, exit 1', async () => {
    writeFileSync(file('bad.csv'), 'id,org_system\n"a,yes\n');
    const r = await assess(['run', file('towns.assess'), '--data', file('bad.csv')]);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not valid CSV');
  });
  it('a CSV value error points at its line', async () => {
    writeFileSync(file('bad-value.csv'), 'id,org_system,targets_split,missing_reports,dept_score,deficit_budget,honors\na,yes,yes,1,80,no,\nb,maybe,yes,1,80,no,\n');
    const r = await assess(['run', file('towns.assess'), '--data', file('bad-value.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unit `b`, field `org_system`');
    expect(r.stderr).toMatch(/bad-value\.csv:3/);
  });
  it('data errors: exit 1, EVERY error listed, no stack trace, nothing scored', async () => {
    const r = await assess(['run', file('towns.assess'), '--data', file('bad.json')]);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const e = r.stderr;
    expect(e).toContain('unit `甲镇`, field `org_system`: expected yes or no, found "maybe"');
    expect(e).toContain('unit `乙镇`, field `dept_score`: expected a number from 0 to 90, found 95');
    expect(e).toContain('unit `乙镇`, field `missing_reports`: expected a whole number, 0 or more, found -1');
    expect(e).toContain('unit `甲镇`, field `honors[1].level`: expected one of district, city, province, national, found "galactic"');
    expect(e).toContain('two units have the id `甲镇` (#1 and #3)');
    expect(e).toContain('unit #4 has no `id`');
    expect(e.match(/^error\[E05\d\d\]/gm)).toHaveLength(6);
    expect(e).toContain('6 errors');
    // Each error is shown with its place in the data file.
    expect(e).toContain('bad.json');
  });
  it('data errors in Chinese', async () => {
    const r = await assess(['run', file('towns.assess'), '--data', file('bad.json'), '--lang', 'zh']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('单位 `甲镇` 的 `org_system`：应为是或否，实际是 "maybe"');
    expectNoCrash(r);
  });
  it('a data file that is not JSON: exit 1 with a diagnostic', async () => {
    const r = await assess(['run', file('towns.assess'), '--data', file('broken.json')]);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E0505');
    expect(r.stderr).toContain('not valid JSON');
  });
  it('an evaluation error (ratio target 0): exit 1 naming the unit', async () => {
    const r = await assess(['run', file('ratio.assess'), '--data', file('ratio.json')]);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E0602');
    expect(r.stderr).toContain('unit `b`');
  });
  it('an error in a cohort value (cap prorata over a target of 0) is listed once, not once per unit', async () => {
    writeFileSync(file('prorata.assess'), 'scheme "r" total 40\ninput { done : number  target : number }\nitem "完成" max 40: ratio done / target, cap 40 prorata\n');
    writeFileSync(file('prorata.json'), JSON.stringify([{ id: 'a', done: 72, target: 90 }, { id: 'b', done: 1, target: 0 }, { id: 'c', done: 1, target: 2 }]));
    const r = await assess(['run', file('prorata.assess'), '--data', file('prorata.json')]);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/error\[E0602\]/g)).toHaveLength(1);
    expect(r.stderr).toContain('1 error');
  });
  it('a scheme with errors: exit 1, the scheme’s diagnostics, no scoring', async () => {
    const r = await assess(['run', file('scheme-error.assess'), '--data', file('towns.json')]);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('E0101');
    expect(r.stderr).toContain('missing_report');
  });
  it('missing --data: usage error, exit 2', async () => {
    const r = await assess(['run', file('towns.assess')]);
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--data');
    expect(r.stderr).toContain('Usage:');
  });
  it('other usage errors exit 2: no file, a bad --format, a data file that is neither .json nor .csv, an unknown flag', async () => {
    for (const argv of [
      ['run', '--data', file('towns.json')],
      ['run', file('towns.assess'), '--data', file('towns.json'), '--format', 'xml'],
      ['run', file('towns.assess'), '--data', file('towns.txt')],
      ['run', file('towns.assess'), '--data', file('towns.json'), '--colour'],
      ['run', file('towns.assess'), '--data'],
    ]) {
      const r = await assess(argv);
      expectNoCrash(r);
      expect(r.code, argv.join(' ')).toBe(2);
    }
  });
  it('files that cannot be read: exit 1 with a message', async () => {
    const a = await assess(['run', file('nope.assess'), '--data', file('towns.json')]);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('cannot read');
    const b = await assess(['run', file('towns.assess'), '--data', file('nope.json')]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('cannot read the data file');
    expectNoCrash(a);
    expectNoCrash(b);
  });
});

// ── explain ─────────────────────────────────────────────────────────
describe('assess explain', () => {
  it('--unit ID shows every rule, the inputs it read and the steps, in English', async () => {
    const r = await assess(['explain', file('towns.assess'), '--data', file('towns.json'), '--unit', '王家村']);
    expectNoCrash(r);
    expect(r.code).toBe(0);
    const o = r.stdout;
    expect(o.split('\n')[0]).toBe('王家村: total 89.375, place 2, grade "规范化单位"');
    expect(o).toContain('section "定性考核"  5 / 10');
    expect(o).toContain('item "材料报送"  0 / 5');
    expect(o).toContain('rule: deduct 1 per missing_reports');
    expect(o).toContain('input: missing_reports (少报次数) = 7');
    expect(o).toContain('5 − 1 × 7 (missing_reports) = -2');
    expect(o).toContain('not below 0');
    expect(o).toContain('input: org_system (组织领导体系健全且运转正常) = yes');
    expect(o).toContain('bonus "项目加分"  1.875');
    expect(o).toContain('rule: honors with evidence, best per project, district 1, city 3, province 6, national 10, cap 10 prorata');
    expect(o).toContain('not counted');
    expect(o).toContain('cap 10 prorata: the highest raw value in the cohort is 16 > 10, so 3 × 10 / 16 = 1.875');
    expect(o).toContain('total = 5 + 82.5 + 1.875 (bonus) = 89.375');
    expect(o).toContain('total >= 85 holds (total 89.375), so "规范化单位"');
  });
  it('in Chinese with --lang zh', async () => {
    const r = await assess(['explain', file('towns.assess'), '--data', file('towns.json'), '--unit', '王家村', '--lang', 'zh']);
    expectNoCrash(r);
    expect(r.code).toBe(0);
    const o = r.stdout;
    expect(o.split('\n')[0]).toBe('王家村：总分 89.375，第 2 名，等级 "规范化单位"');
    expect(o).toContain('小节 "定性考核"  5 / 10');
    expect(o).toContain('指标 "材料报送"  0 / 5');
    expect(o).toContain('规则: deduct 1 per missing_reports');
    expect(o).toContain('数据: missing_reports (少报次数) = 7');
    expect(o).toContain('数据: org_system (组织领导体系健全且运转正常) = 是');
    expect(o).toContain('不低于 0');
    expect(o).toContain('封顶 10 按比例');
    expect(o).toContain('总分 = 5 + 82.5 + 1.875（加分） = 89.375');
    expect(o).not.toContain('holds');
  });
  it('a vetoed unit: the veto reason and the forced grade', async () => {
    const r = await assess(['explain', file('towns.assess'), '--data', file('towns.json'), '--unit', '乙镇']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('乙镇: total 87, place 3, grade "不予命名" (vetoed: 编制赤字预算)');
    expect(r.stdout).toContain('veto "编制赤字预算": deficit_budget holds');
    expect(r.stdout).toContain('vetoed, so the grade is "不予命名" whatever the points');
  });
  it('an unknown unit: exit 1, with a suggestion when one is close', async () => {
    const r = await assess(['explain', file('towns.assess'), '--data', file('towns.json'), '--unit', '王家']);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no unit `王家` in the data');
    expect(r.stderr).toContain('`王家村`');
    const far = await assess(['explain', file('towns.assess'), '--data', file('towns.json'), '--unit', 'Z']);
    expect(far.code).toBe(1);
    expect(far.stderr).toContain('no unit `Z`');
  });
  it('missing --unit or --data: exit 2', async () => {
    expect((await assess(['explain', file('towns.assess'), '--data', file('towns.json')])).code).toBe(2);
    expect((await assess(['explain', file('towns.assess'), '--unit', '甲镇'])).code).toBe(2);
  });
  it('data errors stop explain too: exit 1, every error listed', async () => {
    const r = await assess(['explain', file('towns.assess'), '--data', file('bad.json'), '--unit', '甲镇']);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/^error\[E05\d\d\]/gm)).toHaveLength(6);
  });
});

// ── test ────────────────────────────────────────────────────────────
describe('assess test', () => {
  it('all examples pass: exit 0 and `N passed, 0 failed`', async () => {
    const r = await assess(['test', file('towns.assess')]);
    expectNoCrash(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓');
    expect(r.stdout).toContain('two missing reports, one provincial honour (3)');
    expect(r.stdout).toContain('cap prorata (4)');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('2 passed, 0 failed');
  });
  it('a failing example: exit 1, the expected and actual values, `1 passed, 1 failed`', async () => {
    const r = await assess(['test', file('wrong-example.assess')]);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('1 passed, 1 failed');
    expect(r.stderr).toContain('E0701');
    expect(r.stderr).toContain('expected total = 95, got 94');
  });
  it('counts over several files', async () => {
    const r = await assess(['test', file('towns.assess'), file('wrong-example.assess')]);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('3 passed, 1 failed');
  });
  it('a scheme with errors counts as failed', async () => {
    const r = await assess(['test', file('scheme-error.assess')]);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('0 passed, 1 failed');
  });
  it('the summary in Chinese with --lang zh', async () => {
    const r = await assess(['test', '--lang', 'zh', file('towns.assess'), file('wrong-example.assess')]);
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('通过 3 个，失败 1 个');
  });
  it('a scheme without examples says so', async () => {
    const r = await assess(['test', file('ratio.assess')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no examples');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('0 passed, 0 failed');
  });
  it('no file: exit 2', async () => {
    expect((await assess(['test'])).code).toBe(2);
  });
});
