// `assess run` in parts (parts.ts, run-worker.ts): where a file is cut, and that a run made in
// parts gives what the run on one thread gives, byte for byte, exit code and messages included:
// on clean data (CSV with LF or CRLF line breaks, a byte-order mark, quoted cells holding
// commas, quotes and line breaks; JSON lines; groups, units not assessed, vetoes, tied totals),
// and on every kind of data it hands back to one thread. The runs are of the built command
// (`pnpm test` builds first): the parts' threads load the built worker module. ASSESS_DEBUG
// makes the run say whether it was made in parts, so that a test knows which path it took.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitFile } from './parts.js';

const BIN = fileURLToPath(new URL('../bin/assess.js', import.meta.url));
const run = promisify(execFile);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assess-parts-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('splitFile', () => {
  const cutsOf = (content: string, csv: boolean, wanted: number) => {
    const p = file(`split-${csv ? 'c' : 'j'}.txt`, content);
    return splitFile(p, csv ? 'csv' : 'jsonl', Buffer.byteLength(content), wanted);
  };
  it('cuts after line breaks, covering the file from its first byte to its last, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z,"é中\r]{0,12}$/), { minLength: 1, maxLength: 40 }), fc.boolean(), fc.boolean(), fc.integer({ min: 2, max: 6 }), (lines, csv, crlf, wanted) => {
        const content = lines.join(crlf ? '\r\n' : '\n') + '\n';
        const bytes = Buffer.from(content);
        const split = cutsOf(content, csv, wanted);
        if (!split) return;
        const { ranges, header } = split;
        expect(ranges.length).toBeGreaterThanOrEqual(2);
        expect(ranges.length).toBeLessThanOrEqual(wanted);
        expect(ranges[0].start).toBe(0);
        expect(ranges.at(-1)!.end).toBe(bytes.length);
        for (let i = 1; i < ranges.length; i++) {
          const cut = ranges[i].start;
          expect(cut).toBe(ranges[i - 1].end);
          expect(bytes[cut - 1]).toBe(10);
          // With a CSV header line ending in CRLF, only CRLF ends a line.
          if (csv && bytes[header!.end - 2] === 13) expect(bytes[cut - 2]).toBe(13);
          if (csv) expect(cut).toBeGreaterThan(header!.end - 1);
        }
        if (csv) expect(bytes[header!.end - 1]).toBe(10);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
  it('does not cut a CSV whose header line holds a lone carriage return, or that has one line', () => {
    expect(cutsOf('id\rx,y\n1,2\n3,4\n5,6\n', true, 2)).toBeUndefined();
    expect(cutsOf('id,x,y', true, 2)).toBeUndefined();
    expect(cutsOf('id,x\n1,2\n3,4\n5,6\n', true, 2)).toBeDefined();
  });
  it('cuts a .json list just after the comma before a unit that starts as the first does, and nowhere else', () => {
    const list = (us: unknown[], indent?: number) => JSON.stringify(us, null, indent);
    const us = Array.from({ length: 40 }, (_, i) => ({ id: `u${i}`, honors: [{ id: 'x', level: 'city' }, { level: 'province' }] }));
    for (const [text, wrapped] of [[list(us), false], [list(us, 2), false], [`{ "units": ${list(us, 2)} }`, true], [`{"scheme": "s", "m": {"id": [1]}, "units": ${list(us)}, "n": 1}`, true]] as const) {
      const p = file('split.json', text);
      const bytes = Buffer.from(text);
      const split = splitFile(p, 'json', bytes.length, 4)!;
      expect(split.wrapped).toBe(wrapped);
      expect(split.ranges.map((r) => r.start)).toHaveLength(4);
      for (const r of split.ranges.slice(1)) {
        // After a comma: then the unit's brace and its first key, "id" (not the honours' own "id").
        expect(bytes[r.start - 1]).toBe(0x2c);
        expect(text.slice(r.start).trimStart()).toMatch(/^\{\s*"id": ?"u\d+"/);
      }
    }
    // Not a list of records with a first key: not cut.
    for (const text of ['[1,2,3,4,5,6,7,8]', '[{}, {}, {}, {}, {}]', '{"scheme": "s", "list": [{"id": "a"}, {"id": "b"}]}']) expect(splitFile(file('n.json', text), 'json', Buffer.byteLength(text), 2)).toBeUndefined();
  });
});

// ── whole runs ──────────────────────────────────────────────────────
const SCHEME = `scheme "分片考核" total 100

unit town "镇"

input {
  name     : text "名称" optional
  area     : north | south "片区"
  active   : yes/no "参评"
  x        : 0..100 "得分"
  cov      : percent "覆盖率"
  missing  : count "少报次数"
  accident : yes/no "事故"
}

eligible if active
within area

section "甲" max 60 {
  item "得分" max 50: x / 3
  item "少报" max 10: deduct 2 per missing
}

section "乙" max 40 {
  item "覆盖" max 40: bands cov { >= 90%: 40, >= 60%: 20, else: 0 }
}

veto "事故" if accident

grade {
  veto "否决"
  "优秀" if total >= 80
  "良好" if total >= 60
  otherwise "一般"
}
`;

/** The same scheme with cohort values: a value across units, a rank, `cap … prorata` (in parts, given to each part). */
const ACROSS = SCHEME.replace('item "得分" max 50: x / 3', 'item "得分" max 50: x / max of x across units * 50')
  .replace('item "少报" max 10: deduct 2 per missing', 'item "少报" max 10: rank by x desc, first 10, step 0.01')
  .replace('veto "事故"', 'bonus "加分": missing * 2, cap 3 prorata\n\nveto "事故"');

/** The same scheme with points by rank and a grade line that reads the group's size (each part is given its groups' sizes). */
const RANKED = SCHEME.replace('item "得分" max 50: x / 3', 'item "得分" max 50: by rank of x desc').replace('"优秀" if total >= 80', '"优秀" if total >= 70 and cohort size > 1300');

/** The same scheme with a grade line that reads places: only one thread may score it. */
const BY_PLACE = SCHEME.replace('"优秀" if total >= 80', '"优秀" if place <= 10');

interface Unit {
  id: string;
  name: string;
  area: string;
  active: boolean;
  x: number | string;
  cov: string;
  missing: number;
  accident: boolean;
}

/** n units from a seed: ties in x, a tenth not assessed, a twentieth vetoed, names with commas, quotes and line breaks. */
function units(n: number, seed = 1): Unit[] {
  let s = seed;
  const rnd = (k: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % k;
  };
  const names = ['甲镇', 'a, "b"', 'line\nbreak', 'plain', '"quoted"', ''];
  return Array.from({ length: n }, (_, i) => ({
    id: `U${String(i + 1).padStart(6, '0')}`,
    name: names[rnd(names.length)] + (rnd(3) === 0 ? `，${i}` : ''),
    area: rnd(2) ? 'north' : 'south',
    active: rnd(10) !== 0,
    x: rnd(40) + 60 + (rnd(4) === 0 ? 0.5 : 0),
    cov: `${rnd(101)}%`,
    missing: rnd(4),
    accident: rnd(20) === 0,
  }));
}

const cell = (v: unknown) => {
  const s = typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const FIELDS = ['id', 'name', 'area', 'active', 'x', 'cov', 'missing', 'accident'] as const;
const csv = (us: Unit[], eol = '\n') => [FIELDS.join(','), ...us.map((u) => FIELDS.map((f) => cell(u[f])).join(','))].join(eol) + eol;
const jsonl = (us: Unit[]) => us.map((u) => JSON.stringify(u)).join('\n') + '\n';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** What ASSESS_DEBUG said of the parts. */
  how: string;
}

async function assess(args: string[]): Promise<Run> {
  const r = await run(process.execPath, [BIN, 'run', ...args], { env: { ...process.env, ASSESS_DEBUG: '1', LANG: 'zh_CN.UTF-8' }, maxBuffer: 1 << 28 }).then(
    (ok) => ({ code: 0, stdout: ok.stdout, stderr: ok.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
  const how = r.stderr.split('\n').filter((l) => l.startsWith('assess: ')).join('\n');
  return { ...r, stderr: r.stderr.split('\n').filter((l) => !l.startsWith('assess: ')).join('\n'), how };
}

/** The run in three parts and on one thread: the same code, output and messages; how the first was made. */
async function inPartsAndAlone(scheme: string, data: string, format = 'csv'): Promise<Run> {
  const args = [scheme, '--data', data, '--format', format];
  const [parts, alone] = await Promise.all([assess([...args, '--jobs', '3']), assess([...args, '--jobs', '1'])]);
  expect(alone.how).toBe('');
  expect({ code: parts.code, stdout: parts.stdout, stderr: parts.stderr }).toEqual({ code: alone.code, stdout: alone.stdout, stderr: alone.stderr });
  return parts;
}

describe('a run in parts', () => {
  const N = 3000;
  let scheme: string;
  beforeAll(() => {
    scheme = file('rich.assess', SCHEME);
  });

  it('gives the CSV of one thread, on a CSV with quoted cells', async () => {
    const r = await inPartsAndAlone(scheme, file('lf.csv', csv(units(N))));
    expect(r.how).toBe('assess: 3 parts');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(N);
  });
  it('gives the JSON of one thread, on a CSV with CRLF line breaks and a byte-order mark', async () => {
    const r = await inPartsAndAlone(scheme, file('crlf.csv', '\uFEFF' + csv(units(N, 7), '\r\n')), 'json');
    expect(r.how).toBe('assess: 3 parts');
    expect(JSON.parse(r.stdout).units).toHaveLength(N);
  });
  it('gives the table of one thread, its columns aligned over every part\'s rows', async () => {
    // The widest ids in one part only: wide (Chinese) in the last, longer than the others in the first.
    const us = units(N, 12).map((u, i) => ({ ...u, id: i === N - 3 ? `U-${'长'.repeat(30)}` : i === 4 ? `U-${'x'.repeat(20)}` : u.id }));
    for (const [name, data] of [
      ['table.csv', csv(us)],
      ['table.jsonl', jsonl(us)],
    ]) {
      const r = await inPartsAndAlone(scheme, file(name, data), 'table');
      expect(r.how, name).toBe('assess: 3 parts');
      expect(r.code, name).toBe(0);
      expect(r.stdout.split('\n').length, name).toBeGreaterThan(N);
      expect(r.stdout, name).toContain('长'.repeat(30));
    }
  });
  it('gives the CSV of one thread, on JSON lines', async () => {
    const r = await inPartsAndAlone(scheme, file('units.jsonl', jsonl(units(N, 3))));
    expect(r.how).toBe('assess: 3 parts');
  });
  it('reads JSON lines and a .json list saved with a byte-order mark as it reads them without, in parts', async () => {
    const us = units(N, 9);
    for (const [name, text] of [
      ['units.jsonl', jsonl(us)],
      ['units.json', JSON.stringify({ units: us }, null, 2)],
    ]) {
      const plain = await inPartsAndAlone(scheme, file(name, text));
      const marked = await inPartsAndAlone(scheme, file(`marked ${name}`, '\uFEFF' + text));
      expect(marked.how, name).toBe('assess: 3 parts');
      expect(marked.code, name).toBe(0);
      expect(marked.stdout, name).toBe(plain.stdout);
    }
  });
  it('gives the CSV of one thread, on a .json list of units: compact, indented, in {"units": …}, with keys around it', async () => {
    const us = units(N, 5);
    for (const [name, text] of [
      ['compact.json', JSON.stringify(us)],
      ['indented.json', JSON.stringify(us, null, 2)],
      ['wrapped.json', JSON.stringify({ units: us }, null, '\t')],
      ['keys around the list.json', JSON.stringify({ scheme: '分片考核', year: 2024, units: us, note: { by: ['x'] } })],
    ]) {
      const r = await inPartsAndAlone(scheme, file(name, text));
      expect(r.how, name).toBe('assess: 3 parts');
      expect(r.stdout.split('\n').length).toBeGreaterThan(N);
    }
  });
  it('hands a .json list cut inside a unit back to one thread (a list in a unit whose records start as units do)', async () => {
    // Each unit holds a long list of records whose first key is `id`: a cut lands in one.
    const notes = file('notes.assess', 'scheme "s" total 20\n\ninput {\n  x : 0..10\n  notes : list of {\n    id : text\n  }\n}\n\nitem "x" max 10: x\nitem "notes" max 10: count(notes)\n');
    const us = Array.from({ length: N }, (_, i) => ({ id: `U${i}`, notes: Array.from({ length: 12 }, (_, k) => ({ id: `n${k}` })), x: i % 11 }));
    const r = await inPartsAndAlone(notes, file('notes.json', JSON.stringify(us)));
    expect(r.how).toMatch(/^assess: one thread: part \d: a part that is not whole units of a list$/);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(N);
  });
  it('says a wrong value in a .json list as one thread does, from the parts', async () => {
    const us = units(N, 8);
    us[N - 10].x = 'abc';
    const r = await inPartsAndAlone(scheme, file('bad.json', JSON.stringify(us, null, 2)));
    expect(r.how).toBe('assess: 3 parts');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.json:');
    expect(r.stderr).toContain('abc');
  });
  it('says the problems of every part as one thread does: wrong and missing values, ids a part repeats, warnings', async () => {
    const us: (Unit & { 备注?: string })[] = units(N, 4).map((u, i) => ({ ...u, 备注: i === N - 5 ? 'x' : '' }));
    us[10].x = 'abc';
    us[N / 2].cov = 'lots';
    us[N / 2 + 7].x = '';
    us[N - 20].id = us[N - 200].id;
    const cols = [...FIELDS, '备注'] as const;
    const text = [cols.join(','), ...us.map((u) => cols.map((f) => cell(u[f])).join(','))].join('\n') + '\n';
    for (const [name, data] of [
      ['bad.csv', text],
      ['bad.jsonl', jsonl(us)],
    ]) {
      const r = await inPartsAndAlone(scheme, file(name, data));
      expect(r.how, name).toBe('assess: 3 parts');
      expect(r.code, name).toBe(1);
      expect(r.stdout, name).toBe('');
      for (const code of ['E0501', 'E0502', 'E0503', 'W0501']) expect(r.stderr, `${name} ${code}`).toContain(code);
    }
  });
  it('names rows without an id by their row numbers in the whole file, as one thread does', async () => {
    // In the last part: one with a wrong value, one that fills a field the scheme does not declare first.
    const us: (Unit & { 备注?: string })[] = units(N, 4);
    us[N - 10].id = '';
    us[N - 10].x = 'abc';
    us[N - 30].id = '';
    us[N - 30].备注 = 'x';
    const r = await inPartsAndAlone(scheme, file('no id.jsonl', jsonl(us)));
    expect(r.how).toBe('assess: 3 parts');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E0504');
    expect(r.stderr).toContain(`#${N - 9}`);
    expect(r.stderr).toContain(`#${N - 29}`);
  });
  it('says the ids that rows of different parts share as one thread does, each repeat after the first row that has it', async () => {
    const us: (Unit & { 备注?: string })[] = units(N, 5);
    // In the first and last parts; in all three, twice in the last (whose own repeat names a first in the first part).
    us[N - 1].id = us[0].id;
    for (const i of [N / 2, N - 100, N - 50]) us[i].id = us[7].id;
    // A wrong value on a repeated row, a warning after it.
    us[N - 100].x = 'abc';
    us[N - 40].备注 = 'x';
    for (const [name, data] of [
      ['dup.jsonl', jsonl(us)],
      ['dup.csv', csv(us)],
    ]) {
      const r = await inPartsAndAlone(scheme, file(name, data));
      expect(r.how, name).toBe('assess: 3 parts');
      expect(r.code, name).toBe(1);
      expect(r.stderr.match(/E0503/g), name).toHaveLength(4);
    }
    // Clean but for an id two parts share: not scored either.
    const clean = units(N, 6);
    clean[N - 1].id = clean[0].id;
    const r = await inPartsAndAlone(scheme, file('dup only.jsonl', jsonl(clean)));
    expect(r.how).toBe('assess: 3 parts');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });
  it('gives each part the cohort values taken over every part\'s units (values across units, ranks, cap prorata)', async () => {
    const r = await inPartsAndAlone(file('across.assess', ACROSS), file('across.csv', csv(units(N, 6))));
    expect(r.how).toBe('assess: 3 parts');
    expect(r.code).toBe(0);
    const json = await inPartsAndAlone(file('across.assess', ACROSS), file('across.jsonl', jsonl(units(N, 13))), 'json');
    expect(json.how).toBe('assess: 3 parts');
  });
  it('gives each part its groups\' sizes (by rank of, cohort size)', async () => {
    const r = await inPartsAndAlone(file('ranked.assess', RANKED), file('ranked.csv', csv(units(N, 16))));
    expect(r.how).toBe('assess: 3 parts');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('优秀');
  });
  it('says a wrong value as one thread does where the other parts wait for their cohort values, and stops them', async () => {
    // The error in the last part; a warning in the first, which waits: said with it.
    const us: (Unit & { 备注?: string })[] = units(N, 15);
    us[N - 5].cov = 'lots';
    us[20].备注 = 'x';
    const r = await inPartsAndAlone(file('across.assess', ACROSS), file('across-bad.jsonl', jsonl(us)));
    expect(r.how).toBe('assess: 3 parts');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lots');
    expect(r.stderr).toContain('W0501');
  });
  it('gives the grades of one thread where grade lines read places or have quotas, worked out over every part\'s units', async () => {
    const schemes = {
      'place.assess': BY_PLACE,
      // A share of each group (ties at its edge left out), a number of units, and a place, in one scheme.
      'quota.assess': SCHEME.replace('"优秀" if total >= 80', '"优秀" if total >= 60, max 20%').replace('"良好" if total >= 60', '"良好" if total >= 40 and place > 5 and missing < 3, max 300'),
    };
    for (const [name, text] of Object.entries(schemes)) {
      const data = file(`${name}.csv`, csv(units(N, 6)));
      for (const format of ['csv', 'json', 'table']) {
        const r = await inPartsAndAlone(file(name, text), data, format);
        expect(r.how, `${name} ${format}`).toBe('assess: 3 parts');
        expect(r.code, `${name} ${format}`).toBe(0);
      }
    }
    // Every grade given: the quota lines take some units and leave others to the lines below.
    const graded = (await inPartsAndAlone(file('quota.assess', schemes['quota.assess']), file('quota.assess.csv', csv(units(N, 6))))).stdout;
    for (const grade of ['优秀', '良好', '一般', '否决']) expect(graded, grade).toContain(`,${grade},`);
  });
  it('goes back to one thread where a grade line that reads places fails for a unit, and says so as one thread does', async () => {
    const failing = SCHEME.replace('"优秀" if total >= 80', '"优秀" if place <= 10 and 10 / missing > 3');
    const r = await inPartsAndAlone(file('fails.assess', failing), file('fails.csv', csv(units(N, 6))));
    expect(r.how).toMatch(/\nassess: one thread: part \d: a grade line that failed$/);
    expect(r.code).toBe(1);
  });
  it('hands back a file whose last quoted cell is never closed', async () => {
    const r = await inPartsAndAlone(scheme, file('open.csv', csv(units(N, 8)) + 'U999999,"no end,north,yes,70,80%,0,no\n'));
    expect(r.how).toMatch(/^assess: one thread: part 3: lines the reader gave up on$/);
    expect(r.code).toBe(1);
  });
  it('gives the warnings of one thread, in parts: percentages written as fractions, in every part or only in some', async () => {
    const fractions = units(N, 9).map((u, i) => ({ ...u, cov: i < N / 2 ? '0' : '0.5' }));
    const r = await inPartsAndAlone(scheme, file('fractions.csv', csv(fractions)));
    expect(r.how).toBe('assess: 3 parts');
    // At the first fraction, in the second part.
    expect(r.stderr).toContain('W0502');
    expect(r.stderr).toContain(`U${String(N / 2 + 1).padStart(6, '0')}`);
    // A part with a value over 1%: no warning, whichever part has it.
    for (const at of [0, N - 1]) {
      const over = fractions.map((u, i) => (i === at ? { ...u, cov: '80%' } : u));
      const none = await inPartsAndAlone(scheme, file(`over ${at}.jsonl`, jsonl(over)));
      expect(none.how).toBe('assess: 3 parts');
      expect(none.stderr).toBe('');
    }
  });
  it('gives the warnings of one thread, in parts: fields the scheme does not declare, each where a unit first has it', async () => {
    // `note` first in the second part (blank before), again in the third; `备注` in the first.
    const us = units(N, 17).map((u, i) => ({ ...u, note: i > N / 2 && i % 7 === 0 ? `n${i}` : '', 备注: i === 5 || i === N - 3 ? 'x' : '' }));
    const cols = [...FIELDS, 'note', '备注'] as const;
    const text = [cols.join(','), ...us.map((u) => cols.map((f) => cell(u[f])).join(','))].join('\n') + '\n';
    for (const [name, data] of [
      ['extra.csv', text],
      ['marked extra.csv', '\uFEFF' + text.replaceAll('\n', '\r\n')],
      // Keys only where not blank; blank lines, and a byte-order mark.
      ['extra.jsonl', '\uFEFF' + us.map((u) => JSON.stringify(Object.fromEntries(Object.entries(u).filter(([, v]) => v !== ''))) + (u.id.endsWith('7') ? '\n  ' : '')).join('\n') + '\n'],
      ['extra.json', JSON.stringify(us.map((u) => Object.fromEntries(Object.entries(u).filter(([, v]) => v !== ''))), null, 1)],
    ]) {
      const r = await inPartsAndAlone(scheme, file(name, data));
      expect(r.how, name).toBe('assess: 3 parts');
      expect(r.code, name).toBe(0);
      expect(r.stderr.match(/W0501/g), name).toHaveLength(2);
      expect(r.stderr, name).toContain(`U${String(Math.floor(N / 2) + 6).padStart(6, '0')}`);
    }
  });
  it('gives the same failures as one thread (a division by zero)', async () => {
    const div = SCHEME.replace('item "得分" max 50: x / 3', 'item "得分" max 50: 50 / (x - 70)');
    const r = await inPartsAndAlone(file('div.assess', div), file('div.csv', csv(units(N, 10))));
    expect(r.how).toMatch(/^assess: one thread: part \d: scores that failed$/);
    expect(r.code).toBe(1);
  });
  it('gives the same failures as one thread when a value a cohort value is taken over fails', async () => {
    const div = SCHEME.replace('item "得分" max 50: x / 3', 'item "得分" max 50: x / max of (50 / (x - 70)) across units');
    const r = await inPartsAndAlone(file('div-across.assess', div), file('div-across.csv', csv(units(N, 14))));
    expect(r.how).toMatch(/^assess: one thread: part \d: a value a cohort value is taken over failed$/);
    expect(r.code).toBe(1);
  });
  it('cuts a file whose rows hold line breaks in quoted cells where a record may end, or hands it back', async () => {
    const us = units(N, 11).map((u) => ({ ...u, name: 'a\nb\nc\nd' }));
    const r = await inPartsAndAlone(scheme, file('breaks.csv', csv(us)));
    expect(r.how).toMatch(/^assess: (3 parts|one thread: part \d: lines the reader gave up on)$/);
  });
  it('points at rows past what it first reads of a large file for its messages, as one thread does (long rows first)', async () => {
    // How far the text is read for messages is first guessed from the rows' share of the bytes:
    // here the rows before those named are far longer than the rest, so the guess falls short and
    // the text is read further.
    const us = units(N, 5).map((u, i) => (i < 200 ? { ...u, name: '甲'.repeat(9000) } : u));
    us[200].x = 'abc';
    const list = '[\n' + us.map((u) => JSON.stringify(u)).join(',\n') + '\n]\n';
    for (const [name, data] of [
      ['long.csv', csv(us)],
      ['long.jsonl', jsonl(us)],
      ['long.json', list],
    ]) {
      expect(Buffer.byteLength(data), name).toBeGreaterThan(5_000_000);
      const r = await inPartsAndAlone(scheme, file(name, data));
      expect(r.how, name).toBe('assess: 3 parts');
      expect(r.code, name).toBe(1);
      // The message at its row's line (where its id is: names may hold line breaks).
      const line = (u: Unit) => data.slice(0, data.indexOf(u.id)).split('\n').length;
      expect(r.stderr, name).toMatch(new RegExp(`${name}:${line(us[200])}:\\d+\n`));
    }
  });
});

describe('a reader that stops early', () => {
  it('(`assess run … | head`) ends the run quietly, exit 0, in parts or not', async () => {
    const scheme = file('quiet.assess', SCHEME);
    const data = file('quiet.csv', csv(units(20_000, 12)));
    for (const jobs of ['1', '2']) {
      const child = spawn(process.execPath, [BIN, 'run', scheme, '--data', data, '--format', 'csv', '--jobs', jobs]);
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b));
      // Like `head -1`: read the first piece, then close the pipe.
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect({ jobs, code, stderr: stderr.replace(/^(warning|  |\s*\||\d+ \||.*= (hint|see)|.*-->|quiet.assess:).*\n?/gm, '') }).toEqual({ jobs, code: 0, stderr: '' });
    }
  });
});
