// `assess fmt`: the canonical layout of a scheme (docs/formatting.md), through Prettier and
// prettier-plugin-assess. The options are fixed, so every file gets the same layout whatever
// Prettier configuration lies around.
import { format } from 'prettier';
import { parse, type Diagnostic } from '@assess/core';
import plugin, { syntaxErrors } from 'prettier-plugin-assess';

/** The options of the canonical layout. */
export const CANONICAL_OPTIONS = {
  parser: 'assess',
  printWidth: 80,
  tabWidth: 2,
  useTabs: false,
  endOfLine: 'lf',
} as const;

export type FormatResult = { ok: true; formatted: string } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Format one file. A file with syntax errors is not formatted: the result holds the core
 * parser's diagnostics (with `span.file` set to `file`), never a partial output.
 */
export async function formatFile(source: string, file: string): Promise<FormatResult> {
  // Parse first: a file that does not parse is reported with our own diagnostics, and Prettier
  // is not involved. (The plugin would refuse it too, with the same diagnostics.)
  const errors = syntaxErrors(parse(source, file));
  if (errors.length > 0) return { ok: false, diagnostics: errors };
  try {
    const formatted = await format(source, { ...CANONICAL_OPTIONS, filepath: file, plugins: [plugin] });
    return { ok: true, formatted };
  } catch (e) {
    const diagnostics = (e as { diagnostics?: Diagnostic[] }).diagnostics;
    if (Array.isArray(diagnostics) && diagnostics.length > 0) return { ok: false, diagnostics };
    throw e;
  }
}
