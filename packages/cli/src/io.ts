// What every command shares: the terminal, exit codes, the message language, reading and
// compiling a scheme, and printing diagnostics.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { compile, renderDiagnostics, summary, type Compiled, type Diagnostic, type Lang } from '@assess/core';
import { UsageError, type Args } from './args.js';
import { nodeHost } from '@assess/language-server/node-host';

export interface Io {
  stdout: { write(s: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export const EXIT = { ok: 0, userError: 1, usage: 2 } as const;

export type Command = (argv: string[], io: Io) => Promise<number>;

/** Flags every command takes. */
export const COMMON = { values: ['lang', 'format'], switches: ['no-color'] };

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

/** Where a diagnostic's `= see:` line sends the reader: the docs folder of the repository. */
const DOCS = 'docs/';

/** Print diagnostics as code frames to stderr, each with its page in the docs, followed by a summary line. */
export function report(io: Io, ds: readonly Diagnostic[], sources: ReadonlyMap<string, string>, file: string, lang: Lang, args: Args) {
  if (ds.length === 0) return;
  const color = !args.switches.has('no-color') && !!io.stderr.isTTY && !io.env.NO_COLOR;
  io.stderr.write(renderDiagnostics(ds, sources, file, { lang, color, docs: DOCS }) + '\n\n');
  io.stderr.write(`${file}: ${summary(ds, lang)}\n`);
}

/** Compile a scheme, printing its diagnostics; undefined (after printing) when it cannot be used. */
export function schemeOrReport(file: string, io: Io, lang: Lang, args: Args): (Compiled & { plan: NonNullable<Compiled['plan']> }) | undefined {
  const c = loadScheme(file);
  if (!c) {
    cannotRead(io, lang, file);
    return undefined;
  }
  if (!c.ok || !c.plan) {
    report(io, c.diagnostics, c.sources, file, lang, args);
    return undefined;
  }
  return c as Compiled & { plan: NonNullable<Compiled['plan']> };
}

/** Write through a temporary file and a rename, so that a file is never left half-written. */
export function writeAtomically(file: string, content: string | Uint8Array) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

/** A command's output file written (atomically) and said so: `wrote 报告.html (7 units)`. */
export function writeOut(io: Io, lang: Lang, file: string, content: string | Uint8Array, detail?: { en: string; zh: string }) {
  writeAtomically(file, content);
  io.stdout.write(lang === 'zh' ? `已写出 ${file}${detail ? `（${detail.zh}）` : ''}\n` : `wrote ${file}${detail ? ` (${detail.en})` : ''}\n`);
}
