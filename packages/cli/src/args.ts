// Command-line arguments: `assess COMMAND [FILES…] [--flag value]…`. No dependency, strict:
// an unknown flag is a usage error (exit 2), never silently ignored.
import { extname } from 'node:path';

export class UsageError extends Error {}

export interface FlagSpec {
  /** Flags that take a value. */
  values?: string[];
  /** Flags that are on/off. */
  switches?: string[];
}

export interface Args {
  positional: string[];
  values: Record<string, string>;
  switches: Set<string>;
}

export function parseArgs(argv: string[], spec: FlagSpec): Args {
  const out: Args = { positional: [], values: {}, switches: new Set() };
  const values = new Set(spec.values ?? []);
  const switches = new Set(spec.switches ?? []);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (values.has(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        out.values[name] = v;
      } else if (switches.has(name) && inline === undefined) out.switches.add(name);
      else throw new UsageError(`unknown option --${name}`);
    } else out.positional.push(a);
  }
  return out;
}

/** A workbook named by -o must be an .xlsx file (when -o is given at all). */
export function xlsxOut(out: string | undefined): void {
  if (out !== undefined && extname(out).toLowerCase() !== '.xlsx') throw new UsageError(`-o must name an .xlsx file, not ${out}`);
}

/** `-o FILE` is the short form of `--out FILE`. */
export const shortOut = (argv: string[]): string[] => argv.map((a) => (a === '-o' ? '--out' : a));
