// `assess run FILE --data DATA [--format table|json|csv|xlsx] [-o OUT]`: every unit's scores.
// Here only the arguments are read and the threads of a run in parts started (parts.ts), before
// the compiler and the rest of the program load (about 0.3 s, which the threads spend loading
// their own modules); the run itself is run-scheme.ts's.
import { parseArgs, shortOut, UsageError, xlsxOut, type Args } from '../args.js';
import { chooseLang, DATA_FLAGS, formatFlag, type Command, type Io } from '../io.js';
import { jobsFlag, startParts } from '../parts.js';

export const run: Command = async (argv, io) => {
  const started = Date.now();
  const args = parseArgs(shortOut(argv), { ...DATA_FLAGS, values: [...DATA_FLAGS.values, 'out', 'jobs'] });
  const lang = chooseLang(args, io.env);
  const format = formatFlag(args, ['table', 'json', 'csv', 'xlsx']);
  const [file, ...extra] = args.positional;
  if (!file || extra.length) throw new UsageError('assess run needs one scheme FILE');
  const data = args.values.data;
  if (!data) throw new UsageError('assess run needs --data FILE.json|FILE.jsonl|FILE.csv|FILE.xlsx');
  if (format !== 'xlsx' && args.values.out !== undefined) throw new UsageError('-o is for --format xlsx (other formats go to standard output)');
  // Where a workbook goes is settled before anything is read.
  const target = format === 'xlsx' ? workbookTarget(args, io) : undefined;
  const parts = startParts(data, format, jobsFlag(args.values.jobs));
  const { runScheme } = await import('../run-scheme.js');
  return runScheme({ file, data, args, lang, format, target, parts, started }, io);
};

/** Where a results workbook goes: -o, else standard output when it is not a terminal. */
function workbookTarget(args: Args, io: Io): string | undefined {
  const out = args.values.out;
  if (out === undefined && io.stdout.isTTY) throw new UsageError('--format xlsx writes a workbook: name it with -o OUT.xlsx (or pipe the output)');
  xlsxOut(out);
  return out;
}
