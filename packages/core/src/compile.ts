// The whole pipeline, one pass per line:
//   source → tokens → syntax tree → AST → checked scheme → (evaluation | formatting)
import { tokenize } from './tokens.js';
import { parseTokens, LIMITS, type SyntaxTree } from './syntax.js';
import { buildAst } from './ast-builder.js';
import type * as A from './ast.js';
import { diag, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { check, type CheckedScheme } from './checked.js';

export interface Parsed {
  syntax: SyntaxTree;
  ast: A.Scheme;
  diagnostics: Diagnostic[];
}

/** Source text → AST, with every syntax diagnostic. Never throws. */
export function parse(source: string, file?: string): Parsed {
  if (source.length > LIMITS.maxSourceChars) {
    const syntax = parseTokens('', tokenize(''));
    const ast = buildAst(syntax, file).ast;
    return { syntax, ast, diagnostics: [diag('E0005', { start: 0, end: 0, file }, { size: source.length, limit: LIMITS.maxSourceChars })] };
  }
  const tokens = tokenize(source);
  const syntax = parseTokens(source, tokens);
  const { ast, diagnostics } = buildAst(syntax, file);
  return { syntax, ast, diagnostics: withFile([...syntax.diagnostics, ...diagnostics], file) };
}

function withFile(ds: Diagnostic[], file: string | undefined): Diagnostic[] {
  if (file) for (const d of ds) d.span.file ??= file;
  return ds;
}

/** Where `use "path"` finds other files: the CLI reads the disk, a browser a map of sources. */
export interface SourceHost {
  /** The text of a file, or undefined when it cannot be read. */
  read(path: string): string | undefined;
  /** The path of `relative` as written in a `use` of the file `from`. */
  resolve(from: string, relative: string): string;
}

/** A host over an in-memory map of files (browsers, tests). Paths are `/`-separated. */
export function memoryHost(files: Record<string, string>): SourceHost {
  return {
    read: (p) => (Object.prototype.hasOwnProperty.call(files, p) ? files[p] : undefined),
    resolve: (from, rel) => joinPath(from, rel),
  };
}

/** `dir/a.assess` + `../b.assess` → `b.assess`, without any platform API. */
export function joinPath(from: string, rel: string): string {
  if (rel.startsWith('/')) return rel;
  const parts = from.split('/').slice(0, -1);
  for (const seg of rel.split('/')) {
    if (seg === '..') parts.length > 0 && parts[parts.length - 1] !== '..' ? parts.pop() : parts.push('..');
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

export interface Compiled {
  parsed: Parsed;
  /** Present even when there are errors (the checker works on what it could read). */
  scheme: CheckedScheme;
  diagnostics: Diagnostic[];
  /** Sources of every file read, by path (for rendering diagnostics). */
  sources: Map<string, string>;
  ok: boolean;
}

/**
 * The front end as one function: read → parse → resolve imports → check.
 * Never throws on a user's mistake.
 */
export function compile(file: string, source: string, host?: SourceHost): Compiled {
  const sources = new Map<string, string>([[file, source]]);
  const compiled = compileFile(file, source, host, sources, []);
  return { ...compiled, sources };
}

function compileFile(file: string, source: string, host: SourceHost | undefined, sources: Map<string, string>, stack: string[]): Omit<Compiled, 'sources'> {
  const parsed = parse(source, file);
  const diagnostics = [...parsed.diagnostics];
  const imports = new Map<string, CheckedScheme>();
  for (const u of parsed.ast.uses) {
    const span = { ...u.path.span, file };
    if (!host) {
      diagnostics.push(diag('E0401', span, { path: u.path.text, reason: 'imports are not available here' }));
      continue;
    }
    const path = host.resolve(file, u.path.text);
    if (path === file || stack.includes(path)) {
      const cycle = [...stack.slice(stack.indexOf(path) >= 0 ? stack.indexOf(path) : 0), file, path].join(' → ');
      diagnostics.push(diag('E0402', span, { path: u.path.text, cycle }));
      continue;
    }
    const text = sources.get(path) ?? host.read(path);
    if (text === undefined) {
      diagnostics.push(diag('E0401', span, { path: u.path.text }));
      continue;
    }
    sources.set(path, text);
    const sub = compileFile(path, text, host, sources, [...stack, file]);
    if (!sub.ok) {
      diagnostics.push(diag('E0403', span, { path: u.path.text }));
      diagnostics.push(...sub.diagnostics.filter((d) => d.severity === 'error'));
      continue;
    }
    imports.set(u.alias.name, sub.scheme);
  }
  const checked = check(parsed.ast, { file, source, imports });
  // After a syntax error the checker sees a partial scheme: its warnings (unused inputs,
  // maxima never reached) would be noise about text it could not read.
  const syntaxBroken = hasErrors(parsed.diagnostics);
  diagnostics.push(...checked.diagnostics.filter((d) => !syntaxBroken || d.severity === 'error'));
  return { parsed, scheme: checked.scheme, diagnostics: sortDiagnostics(dedupe(diagnostics), stack[0] ?? file), ok: !hasErrors(diagnostics) };
}

/** The same error reached through two paths is reported once. */
function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = `${d.code}:${d.span.file}:${d.span.start}:${d.span.end}:${d.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
