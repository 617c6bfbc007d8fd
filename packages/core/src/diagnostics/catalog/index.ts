// The catalog: every diagnostic the toolchain can produce, one module per pass.
// Codes are stable: E = error, W = warning; E00xx syntax, E01xx names, E02xx types,
// E03xx points and structure, E04xx imports, E05xx data, E06xx evaluation, E07xx examples.
// A code names one kind of mistake; a new kind gets a new code.
import { data } from './data.js';
import type { Entry } from './entry.js';
import { evaluation } from './evaluation.js';
import { examples } from './examples.js';
import { imports } from './imports.js';
import { names } from './names.js';
import { points } from './points.js';
import { syntax } from './syntax.js';
import { types } from './types.js';

export type { Entry, Severity } from './entry.js';
export type { SyntaxAdvice } from './syntax.js';
export type { TypeAdvice } from './types.js';
export type { FileProblem } from './data.js';

export const CATALOG = { ...syntax, ...names, ...types, ...points, ...imports, ...data, ...evaluation, ...examples };

export type Code = keyof typeof CATALOG;
/** The arguments a code's message is made from. */
export type ArgsOf<C extends Code> = (typeof CATALOG)[C] extends Entry<infer A> ? A : never;
