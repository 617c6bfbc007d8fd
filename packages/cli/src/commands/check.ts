// `assess check FILE... [--format json]`: every error and warning of each scheme.
import { diagnosticsToJson } from '@assess/core';
import { parseArgs, UsageError } from '../args.js';
import { cannotRead, chooseLang, COMMON, EXIT, formatFlag, type Command } from '../io.js';
import { loadScheme, report } from '../scheme.js';

export const check: Command = async (argv, io) => {
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
};
