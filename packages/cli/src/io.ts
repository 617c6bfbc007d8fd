// What every command shares: the terminal, exit codes, the message language, files written.
// Light on purpose (nothing of the compiler): `assess run` starts its threads before the
// compiler loads (commands/run.ts). Reading a scheme and printing diagnostics: scheme.ts.
import { renameSync, writeFileSync } from 'node:fs';
import type { Lang } from '@assess/core';
import { UsageError, type Args } from './args.js';

export interface Io {
  stdout: { write(s: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export const EXIT = { ok: 0, userError: 1, usage: 2 } as const;

export type Command = (argv: string[], io: Io) => Promise<number>;

/** Flags every command takes. */
export const COMMON = { values: ['lang', 'format'], switches: ['no-color'] };

/** Flags of the commands that read data. */
export const DATA_FLAGS = { values: [...COMMON.values, 'data', 'sheet', 'unit'], switches: COMMON.switches };

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

export function cannotRead(io: Io, lang: Lang, file: string, what: 'scheme' | 'data' = 'scheme') {
  if (what === 'data') io.stderr.write(lang === 'zh' ? `错误：无法读取数据文件 ${file}\n` : `error: cannot read the data file ${file}\n`);
  else io.stderr.write(lang === 'zh' ? `错误：无法读取文件 ${file}\n` : `error: cannot read ${file}\n`);
}

/** Where a file is written before it is renamed to its name, whole. */
export const temporaryFor = (file: string) => `${file}.${process.pid}.tmp`;

/** Write through a temporary file and a rename, so that a file is never left half-written. */
export function writeAtomically(file: string, content: string | Uint8Array) {
  const tmp = temporaryFor(file);
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

/** A command's output file written (atomically) and said so: `wrote 报告.html (7 units)`. */
export function writeOut(io: Io, lang: Lang, file: string, content: string | Uint8Array, detail?: { en: string; zh: string }) {
  writeAtomically(file, content);
  said(io, lang, file, detail);
}

/** That a command wrote its output file. */
export function said(io: Io, lang: Lang, file: string, detail?: { en: string; zh: string }) {
  io.stdout.write(lang === 'zh' ? `已写出 ${file}${detail ? `（${detail.zh}）` : ''}\n` : `wrote ${file}${detail ? ` (${detail.en})` : ''}\n`);
}
