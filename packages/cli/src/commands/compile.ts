// `assess compile FILE [-o OUT.mjs]`: the scheme as a standalone ES module (score(rows),
// exact decimals, importing only @assess/runtime) and its declarations beside it
// (OUT.d.mts for a .mjs module, OUT.d.ts for a .js one: where TypeScript looks for them).
import { basename, extname } from 'node:path';
import { compileModule } from '@assess/compiler';
import { parseArgs, shortOut, UsageError } from '../args.js';
import { chooseLang, EXIT, writeAtomically, type Command } from '../io.js';
import { schemeOrReport } from '../scheme.js';

/** The declarations file TypeScript reads for a module file. */
export function declarationsFile(out: string): string {
  const ext = extname(out);
  const stem = out.slice(0, out.length - ext.length);
  return ext === '.mjs' ? `${stem}.d.mts` : ext === '.cjs' ? `${stem}.d.cts` : `${stem}.d.ts`;
}

export const compile: Command = async (argv, io) => {
  const args = parseArgs(shortOut(argv), { values: ['lang', 'out', 'runtime'], switches: ['no-color'] });
  const lang = chooseLang(args, io.env);
  const [file, ...extra] = args.positional;
  if (!file || extra.length) throw new UsageError('assess compile needs one scheme FILE');
  const out = args.values.out ?? file.replace(/\.assess$/i, '') + '.mjs';
  if (!['.mjs', '.js'].includes(extname(out))) throw new UsageError(`-o must name a .mjs or .js file, not ${out}`);
  const c = schemeOrReport(file, io, lang, args);
  if (!c) return EXIT.userError;
  const m = compileModule(c.plan, { source: basename(file), runtime: args.values.runtime });
  const dts = declarationsFile(out);
  writeAtomically(out, m.js);
  writeAtomically(dts, m.dts);
  io.stdout.write(lang === 'zh' ? `已写出 ${out} 与 ${dts}\n` : `wrote ${out} and ${dts}\n`);
  return EXIT.ok;
};
