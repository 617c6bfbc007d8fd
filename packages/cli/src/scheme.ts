// Reading and compiling a scheme, and printing diagnostics as code frames: what every command
// that reads a scheme shares.
import { readFileSync } from 'node:fs';
import { compile, renderDiagnostics, summary, type Compiled, type Diagnostic, type Lang } from '@assess/core';
import { nodeHost } from '@assess/language-server/node-host';
import type { Args } from './args.js';
import { cannotRead, type Io } from './io.js';

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
