// `assess check`, run in-process with a fake terminal: exit codes, text and JSON output,
// languages, colour. A user's mistake is a diagnostic and an exit code, never a stack trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from './main.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], opts: { env?: Record<string, string | undefined>; tty?: boolean } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.tty ?? false },
    env: opts.env ?? {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const CLEAN = `scheme "农村实事工程考核（镇）" total 10

input {
  org_system      : yes/no "组织领导体系健全且运转正常"
  missing_reports : count  "少报次数"
}

section "定性考核" max 10 {
  item "组织领导" max 5 {
    5 if org_system
  }
  item "材料报送" max 5: deduct 1 per missing_reports
}
`;
const WARNINGS = CLEAN.replace('  missing_reports : count  "少报次数"\n', '  missing_reports : count  "少报次数"\n  targets_split   : yes/no "年度目标任务明确，分解到位"\n');
// Line 12, columns 35–48: `missing_report`.
const ERRORS = CLEAN.replace('per missing_reports', 'per missing_report');
const SYNTAX = CLEAN.replace('item "组织领导"', 'item 组织领导').replace(/}\n$/, '');

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assess-check-'));
  writeFileSync(file('clean.assess'), CLEAN);
  writeFileSync(file('warnings.assess'), WARNINGS);
  writeFileSync(file('errors.assess'), ERRORS);
  writeFileSync(file('syntax.assess'), SYNTAX);
  mkdirSync(file('departments'));
  writeFileSync(file('departments/agriculture.assess'), 'scheme "农业" total 10\ninput { grain : number }\nitem "粮食" max 10: min(grain, 10) + grian\n');
  writeFileSync(file('uses.assess'), 'scheme "综合" total 10\nuse "departments/agriculture.assess" as agri\nitem "农业" max 10: agri.total\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** No JavaScript stack frames or exception names in what a user sees. */
function expectNoStackTrace(r: Run) {
  for (const out of [r.stdout, r.stderr]) {
    expect(out).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
    expect(out).not.toMatch(/\b(TypeError|ReferenceError|RangeError|SyntaxError|internal error)\b/);
  }
}

describe('assess check', () => {
  it('a clean scheme: exit 0, nothing printed', async () => {
    const r = await run(['check', file('clean.assess')]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('a scheme with only warnings: exit 0, the warning and a summary on stderr', async () => {
    const r = await run(['check', file('warnings.assess')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('warning[W0303]: input `targets_split` is never used');
    expect(r.stderr).toContain(`--> ${file('warnings.assess')}:6:3`);
    expect(r.stderr.trimEnd().split('\n').pop()).toBe(`${file('warnings.assess')}: 1 warning`);
  });

  it('a scheme with errors: exit 1, code frame with caret, hint and page, no stack trace', async () => {
    const r = await run(['check', file('errors.assess')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'error[E0101]: unknown name `missing_report`',
        `  --> ${file('errors.assess')}:12:35`,
        '   |',
        '12 |   item "材料报送" max 5: deduct 1 per missing_report',
        '   |                                       ^^^^^^^^^^^^^^',
        '   = hint: did you mean `missing_reports`?',
        '   = see: docs/diagnostics.md#e0101',
        '',
        `${file('errors.assess')}: 1 error`,
        '',
      ].join('\n'),
    );
    expectNoStackTrace(r);
  });

  it('syntax errors: exit 1, every error of the run reported, no stack trace', async () => {
    const r = await run(['check', file('syntax.assess')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E0002]: expected a quoted label, found `组织领导`');
    expect(r.stderr).toContain('hint: labels are quoted: "组织领导"');
    expectNoStackTrace(r);
  });

  it('errors in an imported file are shown in that file', async () => {
    const r = await run(['check', file('uses.assess')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E0403]: `departments/agriculture.assess` has errors');
    expect(r.stderr).toContain(`--> ${file('departments/agriculture.assess')}:3:`);
    expect(r.stderr).toContain('unknown name `grian`');
    expectNoStackTrace(r);
  });

  it('a missing file: exit 1, one plain line', async () => {
    const r = await run(['check', file('nope.assess')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: cannot read ${file('nope.assess')}\n`);
    expectNoStackTrace(r);
  });

  it('a directory instead of a file: exit 1, no stack trace', async () => {
    const r = await run(['check', dir]);
    expect(r.code).toBe(1);
    expectNoStackTrace(r);
  });

  it('several files: every one is checked; any error makes exit 1', async () => {
    const r = await run(['check', file('clean.assess'), file('errors.assess'), file('warnings.assess')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file('errors.assess')}: 1 error`);
    expect(r.stderr).toContain(`${file('warnings.assess')}: 1 warning`);
    expect(r.stderr).not.toContain(`${file('clean.assess')}:`);
  });

  describe('usage errors exit 2', () => {
    it('an unknown flag', async () => {
      const r = await run(['check', '--frobnicate', file('clean.assess')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('unknown option --frobnicate');
      expectNoStackTrace(r);
    });
    it('no file', async () => {
      const r = await run(['check']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('assess check needs at least one FILE');
    });
    it('a bad --lang', async () => {
      const r = await run(['check', '--lang', 'fr', file('clean.assess')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--lang must be en or zh, not fr');
    });
    it('--lang without a value', async () => {
      expect((await run(['check', file('clean.assess'), '--lang'])).code).toBe(2);
    });
    it('a bad --format', async () => {
      const r = await run(['check', '--format', 'xml', file('clean.assess')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--format must be one of text, json');
    });
    it('an unknown command, and no command at all', async () => {
      expect((await run(['chek', file('clean.assess')])).code).toBe(2);
      expect((await run([])).code).toBe(2);
    });
    it("a command's --help (or -h, or `assess help COMMAND`) is that command's usage and the options, exit 0, whatever else is given", async () => {
      for (const argv of [['run', '--help'], ['run', file('clean.assess'), '--data', 'nowhere.csv', '-h'], ['help', 'run']]) {
        const r = await run(argv);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('assess run FILE --data DATA');
        expect(r.stdout).toContain('a large CSV or JSON-lines file on up to N threads');
        expect(r.stdout).toContain('--no-color');
        expect(r.stdout).not.toContain('assess check FILE');
      }
      expect((await run(['lsp', '--help'])).stdout).toContain('assess lsp ');
      // After `--`, `--help` is a file's name.
      expect((await run(['check', '--', '--help'])).code).toBe(1);
    });
  });

  describe('--format json', () => {
    it('valid JSON on stdout with 1-based positions, end, code, severity and message', async () => {
      const r = await run(['check', '--format', 'json', file('errors.assess'), file('warnings.assess')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      const ds = JSON.parse(r.stdout);
      expect(ds).toEqual([
        {
          file: file('errors.assess'),
          code: 'E0101',
          severity: 'error',
          message: 'unknown name `missing_report`',
          hint: 'did you mean `missing_reports`?',
          start: { line: 12, column: 35 },
          end: { line: 12, column: 49 },
          labels: [],
          // The suggestion as an edit an editor can apply.
          fixes: [{ title: 'Change to `missing_reports`', edits: [{ file: file('errors.assess'), start: { line: 12, column: 35 }, end: { line: 12, column: 49 }, text: 'missing_reports' }] }],
        },
        {
          file: file('warnings.assess'),
          code: 'W0303',
          severity: 'warning',
          message: 'input `targets_split` is never used',
          hint: 'remove it, or use it in a rule',
          start: { line: 6, column: 3 },
          end: { line: 6, column: 16 },
          labels: [],
        },
      ]);
    });

    it('a clean scheme is an empty array, exit 0', async () => {
      const r = await run(['check', '--format=json', file('clean.assess')]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual([]);
    });

    it('labels carry positions; messages follow --lang', async () => {
      writeFileSync(file('sum.assess'), CLEAN.replace('item "材料报送" max 5', 'item "材料报送" max 4'));
      const r = await run(['check', '--format', 'json', '--lang', 'zh', file('sum.assess')]);
      const [d] = JSON.parse(r.stdout);
      expect(d.code).toBe('E0301');
      expect(d.message).toBe('小节 "定性考核" 各指标满分合计 9，与小节满分 10 不符');
      expect(d.start).toEqual({ line: 8, column: 20 });
      expect(d.labels.map((l: { message: string; start: unknown }) => [l.message, l.start])).toEqual([
        // Columns count characters (a Chinese character is one column), not terminal cells.
        ['5', { line: 9, column: 19 }],
        ['4', { line: 12, column: 19 }],
      ]);
    });

    it('a missing file among others: still valid JSON, the missing file on stderr, exit 1', async () => {
      const r = await run(['check', '--format', 'json', file('nope.assess'), file('clean.assess')]);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout)).toEqual([]);
      expect(r.stderr).toContain('nope.assess');
    });
  });

  describe('language', () => {
    it('--lang zh: Chinese messages, hint, the Chinese page and summary', async () => {
      const r = await run(['check', '--lang', 'zh', file('errors.assess')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('错误[E0101]：未定义的名称 `missing_report`');
      expect(r.stderr).toContain('= 提示：是不是要写 `missing_reports`？');
      expect(r.stderr).toContain('= 参见：docs/zh/诊断.md#e0101');
      expect(r.stderr.trimEnd().split('\n').pop()).toBe(`${file('errors.assess')}: 1 个错误`);
    });
    it('--lang zh for a missing file', async () => {
      const r = await run(['check', '--lang=zh', file('nope.assess')]);
      expect(r.stderr).toBe(`错误：无法读取文件 ${file('nope.assess')}\n`);
    });
    it('the locale chooses Chinese; --lang wins over it', async () => {
      expect((await run(['check', file('errors.assess')], { env: { LANG: 'zh_CN.UTF-8' } })).stderr).toContain('未定义的名称');
      expect((await run(['check', file('errors.assess')], { env: { LC_ALL: 'zh_TW' } })).stderr).toContain('未定义的名称');
      expect((await run(['check', '--lang', 'en', file('errors.assess')], { env: { LANG: 'zh_CN.UTF-8' } })).stderr).toContain('unknown name');
      expect((await run(['check', file('errors.assess')], { env: { LANG: 'en_US.UTF-8' } })).stderr).toContain('unknown name');
    });
  });

  describe('colour', () => {
    const ESC = '\x1b[';
    it('on a terminal: coloured', async () => {
      expect((await run(['check', file('errors.assess')], { tty: true })).stderr).toContain(ESC);
    });
    it('not on a terminal, with --no-color, or with NO_COLOR: plain', async () => {
      expect((await run(['check', file('errors.assess')])).stderr).not.toContain(ESC);
      expect((await run(['check', '--no-color', file('errors.assess')], { tty: true })).stderr).not.toContain(ESC);
      expect((await run(['check', file('errors.assess')], { tty: true, env: { NO_COLOR: '1' } })).stderr).not.toContain(ESC);
    });
    it('JSON is never coloured', async () => {
      expect((await run(['check', '--format', 'json', file('errors.assess')], { tty: true })).stdout).not.toContain(ESC);
    });
  });
});
