// `assess fmt FILE... [--check]`: the canonical layout, written in place (atomically).
import { readFileSync } from 'node:fs';
import { parseArgs, UsageError } from '../args.js';
import { cannotRead, chooseLang, EXIT, writeAtomically, type Command } from '../io.js';
import { report } from '../scheme.js';

export const fmt: Command = async (argv, io) => {
  const args = parseArgs(argv, { values: ['lang'], switches: ['check', 'no-color'] });
  const lang = chooseLang(args, io.env);
  if (args.positional.length === 0) throw new UsageError('assess fmt needs at least one FILE');
  // Prettier is loaded only by the command that needs it.
  const { formatFile } = await import('../format.js');
  const check = args.switches.has('check');
  let failed = false;
  const changed: string[] = [];
  for (const file of args.positional) {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      cannotRead(io, lang, file);
      failed = true;
      continue;
    }
    const r = await formatFile(source, file);
    if (!r.ok) {
      // Refused whole: a file with syntax errors is never partly rewritten.
      report(io, r.diagnostics, new Map([[file, source]]), file, lang, args);
      failed = true;
      continue;
    }
    if (r.formatted === source) continue;
    changed.push(file);
    if (!check) writeAtomically(file, r.formatted);
  }
  if (check) {
    for (const f of changed) io.stdout.write(`${f}\n`);
    if (changed.length) io.stderr.write(lang === 'zh' ? `${changed.length} 个文件需要格式化（运行 assess fmt）\n` : `${changed.length} file${changed.length === 1 ? '' : 's'} would be reformatted (run assess fmt)\n`);
    return failed || changed.length > 0 ? EXIT.userError : EXIT.ok;
  }
  io.stdout.write(lang === 'zh' ? `已格式化 ${changed.length} 个文件\n` : `formatted ${changed.length} file${changed.length === 1 ? '' : 's'}\n`);
  return failed ? EXIT.userError : EXIT.ok;
};
