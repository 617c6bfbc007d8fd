// The `assess` command. Exit codes: 0 ok; 1 the user's scheme, data or tests are wrong;
// 2 bad usage. A user's mistake is always a diagnostic, never a stack trace.
import { readFileSync } from 'node:fs';
import { compile, diagnosticsToJson, renderDiagnostics, summary, type Compiled, type Diagnostic, type Lang } from '@assess/core';
import { parseArgs, UsageError, type Args } from './args.js';
import { nodeHost } from './host.js';

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export const EXIT = { ok: 0, userError: 1, usage: 2 } as const;

const HELP = `assess — write, check and run assessment schemes

Usage:
  assess check FILE...                      check schemes (errors exit 1)
  assess run FILE --data DATA [--format table|json|csv]
                                            score every unit of DATA (.json or .csv)
  assess explain FILE --data DATA --unit ID explain how one unit's numbers came about
  assess test FILE...                       run the example blocks of schemes
  assess fmt FILE... [--check]              format files in place (--check: only list)

Options:
  --lang en|zh       language of messages (default: from LANG)
  --format json      machine-readable output (check, run)
  --no-color         plain output
`;

/** Message language: --lang, else the locale (LC_ALL, LC_MESSAGES, LANG). */
export function chooseLang(args: Args, env: Io['env']): Lang {
  const flag = args.values.lang;
  if (flag !== undefined) {
    if (flag !== 'en' && flag !== 'zh') throw new UsageError(`--lang must be en or zh, not ${flag}`);
    return flag;
  }
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(loc) ? 'zh' : 'en';
}

export type Command = (argv: string[], io: Io) => Promise<number>;

const COMMON = { values: ['lang', 'format'], switches: ['no-color'] };

const commands: Record<string, Command> = {
  check: async (argv, io) => {
    const args = parseArgs(argv, COMMON);
    const lang = chooseLang(args, io.env);
    const format = formatFlag(args, ['text', 'json']);
    if (args.positional.length === 0) throw new UsageError('assess check needs at least one FILE');
    let failed = false;
    const json: unknown[] = [];
    for (const file of args.positional) {
      const c = loadScheme(file);
      if (!c) {
        failed = true;
        cannotRead(io, lang, file);
        continue;
      }
      if (!c.ok) failed = true;
      if (format === 'json') json.push(...diagnosticsToJson(c.diagnostics, c.sources, file, lang));
      else report(io, c.diagnostics, c.sources, file, lang, args);
    }
    if (format === 'json') io.stdout.write(JSON.stringify(json, null, 2) + '\n');
    return failed ? EXIT.userError : EXIT.ok;
  },
};

/** Register a command (the run/explain/test/fmt modules add theirs). */
export function registerCommand(name: string, cmd: Command) {
  commands[name] = cmd;
}

export function formatFlag<T extends string>(args: Args, allowed: T[]): T {
  const f = (args.values.format ?? allowed[0]) as T;
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return f;
}

/** Read and compile a scheme; undefined when the file cannot be read. */
export function loadScheme(file: string): Compiled | undefined {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return compile(file, source, nodeHost);
}

export function cannotRead(io: Io, lang: Lang, file: string, what: 'scheme' | 'data' = 'scheme') {
  if (what === 'data') io.stderr.write(lang === 'zh' ? `错误：无法读取数据文件 ${file}\n` : `error: cannot read the data file ${file}\n`);
  else io.stderr.write(lang === 'zh' ? `错误：无法读取文件 ${file}\n` : `error: cannot read ${file}\n`);
}

/** Print diagnostics as code frames to stderr, followed by a summary line. */
export function report(io: Io, ds: readonly Diagnostic[], sources: ReadonlyMap<string, string>, file: string, lang: Lang, args: Args) {
  if (ds.length === 0) return;
  const color = !args.switches.has('no-color') && !!io.stderr.isTTY && !io.env.NO_COLOR;
  io.stderr.write(renderDiagnostics(ds, sources, file, { lang, color }) + '\n\n');
  io.stderr.write(`${file}: ${summary(ds, lang)}\n`);
}

export async function main(argv: string[], io: Io): Promise<number> {
  await import('./commands.js');
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(HELP);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version') {
    io.stdout.write('assess 0.1.0\n');
    return EXIT.ok;
  }
  const cmd = commands[name];
  try {
    if (!cmd) throw new UsageError(`unknown command \`${name}\``);
    return await cmd(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`error: ${e.message}\n\n${HELP}`);
      return EXIT.usage;
    }
    // A bug of ours, not the user's mistake: say so plainly.
    io.stderr.write(`internal error in assess (please report it): ${e instanceof Error ? e.message : String(e)}\n`);
    if (io.env.ASSESS_DEBUG && e instanceof Error) io.stderr.write(`${e.stack}\n`);
    return 70;
  }
}
