// The `assess` command. Exit codes: 0 ok; 1 the user's scheme, data or tests are wrong;
// 2 bad usage. A user's mistake is always a diagnostic, never a stack trace.
import { UsageError } from './args.js';
import { EXIT, type Command, type Io } from './io.js';

export type { Io } from './io.js';

const HELP = `assess — write, check and run assessment schemes

Usage:
  assess check FILE...                      check schemes (errors exit 1)
  assess run FILE --data DATA [--format table|json|csv|xlsx -o OUT.xlsx] [--jobs N]
                                            score every unit of DATA (.json, .jsonl, .csv or .xlsx;
                                            a large CSV or JSON-lines file on up to N threads)
  assess explain FILE --data DATA --unit ID explain how one unit's numbers came about
  assess template FILE [-o OUT.xlsx]        a data-entry workbook for the scheme (default FILE-填报表.xlsx)
  assess test FILE...                       run the example blocks of schemes
  assess fmt FILE... [--check]              format files in place (--check: only list)
  assess compile FILE [-o OUT.mjs]          the scheme as a standalone ES module and its .d.mts
                                            (imports @assess/runtime; --runtime SPECIFIER to change)
  assess table FILE [--format md|html|xlsx|docx] [-o OUT]
                                            the published rules table (考核细则表)
  assess report FILE --data DATA -o OUT.html [--lang en]
                                            the results as one HTML page: ranks, charts, explanations
  assess lsp                                the language server for editors (LSP over stdio)

Options:
  --lang en|zh       language of messages (default: from LANG)
  --format json      machine-readable output (check, run)
  --sheet NAME       the sheet of an .xlsx workbook the units are on (default 数据, data or the first)
  --no-color         plain output
`;

/**
 * Every command, by name, loaded when it is asked for: a command loads only what it uses (and
 * `assess run` starts the threads of a run in parts before the compiler loads).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./commands/check.js')).check,
  run: async () => (await import('./commands/run.js')).run,
  explain: async () => (await import('./commands/explain.js')).explain,
  test: async () => (await import('./commands/test.js')).test,
  fmt: async () => (await import('./commands/fmt.js')).fmt,
  compile: async () => (await import('./commands/compile.js')).compile,
  lsp: async () => (await import('./commands/lsp.js')).lsp,
  template: async () => (await import('./commands/template.js')).template,
  table: async () => (await import('./commands/table.js')).table,
  report: async () => (await import('./commands/report.js')).report,
};

const asksHelp = (a: string) => a === '--help' || a === '-h';
const isCommand = (name: string) => Object.prototype.hasOwnProperty.call(COMMANDS, name);

/** One command's lines of the help (its usage and what it does), and the options. */
function commandHelp(name: string): string {
  const lines = HELP.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`  assess ${name} `) || l === `  assess ${name}`);
  let end = at + 1;
  while (end < lines.length && /^ {20,}\S/.test(lines[end])) end++;
  return `${lines[0]}\n\nUsage:\n${lines.slice(at, end).join('\n')}\n\n${HELP.slice(HELP.indexOf('Options:'))}`;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || asksHelp(name)) {
    // `assess help run`: that command's help.
    const of = name === 'help' && rest.length > 0 && isCommand(rest[0]) ? rest[0] : undefined;
    io.stdout.write(of ? commandHelp(of) : HELP);
    return name ? EXIT.ok : EXIT.usage;
  }
  // `assess run --help` (before any `--`): that command's help, whatever else is given.
  const flags = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (isCommand(name) && flags.some(asksHelp)) {
    io.stdout.write(commandHelp(name));
    return EXIT.ok;
  }
  if (name === '--version') {
    io.stdout.write('assess 0.1.0\n');
    return EXIT.ok;
  }
  const cmd = isCommand(name) ? COMMANDS[name] : undefined;
  try {
    if (!cmd) throw new UsageError(`unknown command \`${name}\``);
    return await (await cmd())(rest, io);
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
