// The whole pipeline, one pass per line:
//
//   source → tokens → syntax tree → AST → checked scheme (+ semantic model) → plan
//
// Backends read the plan: evaluation (eval/), explanations (explain/), code generators.
// Nothing here throws on a user's mistake: every problem is a diagnostic.
import type * as A from './ast/ast.js';
import { buildAst } from './ast/build.js';
import { check, type CheckedScheme } from './check/check.js';
import type { SemanticModel } from './check/model.js';
import { dedupe, diag, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { lower } from './ir/lower.js';
import type { Plan } from './ir/plan.js';
import { lex, parseTokens } from './syntax/parse.js';
import { LIMITS, type SyntaxTree } from './syntax/tree.js';
import type { SyntaxReuse } from './syntax/reuse.js';

export interface Parsed {
  syntax: SyntaxTree;
  ast: A.Scheme;
  diagnostics: Diagnostic[];
}

/**
 * Source text → tokens → syntax tree → AST, with every syntax diagnostic. Never throws.
 * `reuse` (an edited file) carries the tokens of unchanged lines, and the syntax trees and ASTs
 * of unchanged declarations, from one parse of the file to the next.
 */
export function parse(source: string, file?: string, reuse?: SyntaxReuse): Parsed {
  const text = source.length > LIMITS.maxSourceChars ? '' : source;
  const syntax = parseTokens(text, lex(text, reuse), reuse);
  const { ast, diagnostics } = buildAst(syntax, file, reuse);
  const all = source === text ? [...syntax.diagnostics, ...diagnostics] : [diag('E0005', { start: 0, end: 0 }, { size: source.length, limit: LIMITS.maxSourceChars })];
  for (const d of all) if (file) d.span.file ??= file;
  return { syntax, ast, diagnostics: all };
}

/** A file through the whole pipeline. */
export interface Compiled {
  file: string;
  source: string;
  parsed: Parsed;
  /** What tools read (definitions, references, types, ranges); present even when there are errors. */
  model: SemanticModel;
  /** What backends read; present only when there are no errors (made on first use). */
  readonly plan?: Plan;
  /** This file's diagnostics, and the errors of files it imports, sorted. */
  diagnostics: Diagnostic[];
  /** The text of this file and of every file it imports, by path (for rendering diagnostics). */
  sources: Map<string, string>;
  ok: boolean;
  /** The checked scheme (for files that import this one). */
  checked: CheckedScheme;
}

/** The imports of a file, already compiled (the program's job: each file is compiled once). */
export interface Imports {
  /** Diagnostics of `use` lines that could not be followed, and errors of imported files. */
  diagnostics: Diagnostic[];
  compiled: Map<string, Compiled>;
  sources: Map<string, string>;
}

/** One file through the pipeline, given what its `use` lines lead to. */
export function compileSource(file: string, source: string, resolveImports: (ast: A.Scheme) => Imports, reuse?: SyntaxReuse): Compiled {
  const parsed = parse(source, file, reuse); //                     source → tokens → syntax tree → AST
  const imports = resolveImports(parsed.ast); //                     `use` → compiled imports
  const checked = check(parsed.ast, { file, source, imports: map(imports.compiled, (c) => c.checked) }); // AST → checked scheme + model
  // After a syntax error the checker sees a partial scheme: its warnings (unused inputs,
  // maxima never reached) would be noise about text it could not read.
  const syntaxBroken = hasErrors(parsed.diagnostics);
  const diagnostics = sortDiagnostics(dedupe([...parsed.diagnostics, ...imports.diagnostics, ...checked.diagnostics.filter((d) => !syntaxBroken || d.severity === 'error')]), file);
  const ok = !hasErrors(diagnostics);
  let plan: Plan | undefined;
  return {
    file,
    source,
    parsed,
    model: checked.scheme.model,
    // checked scheme → plan, when a backend first asks for it (checking alone never needs it)
    get plan() {
      if (ok) plan ??= lower(checked.scheme, map(imports.compiled, (c) => c.plan!));
      return plan;
    },
    diagnostics,
    sources: new Map([[file, source], ...imports.sources]),
    ok,
    checked: checked.scheme,
  };
}

function map<K, V, W>(m: Map<K, V>, f: (v: V) => W): Map<K, W> {
  return new Map([...m].map(([k, v]) => [k, f(v)]));
}
