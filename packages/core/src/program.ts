// A program: the files a tool works on, each compiled once and kept. An imported file shared
// by two others is compiled once; when a file's text changes, only it and the files that
// import it (directly or not) are compiled again. The language server and the studio hold one;
// the CLI makes one per command.
import type * as A from './ast/ast.js';
import { diag, type Diagnostic } from './diagnostics/diagnostic.js';
import { memoryHost, type SourceHost } from './host.js';
import { compileSource, type Compiled, type Imports } from './pipeline.js';
import { SyntaxReuse } from './syntax/reuse.js';

interface Entry {
  /** Bumped whenever the file's result changes. */
  stamp: number;
  /** The request in which it was last found up to date. */
  checked: number;
  result: Compiled;
  text: string;
  /** The stamp of each import it was compiled against. */
  deps: Map<string, number>;
}

let stamps = 0;

export class Program {
  private readonly texts = new Map<string, string>();
  private readonly entries = new Map<string, Entry>();
  /** Per edited file (one with a buffer): what its last parse leaves for the next (tokens, declarations' syntax trees and ASTs). */
  private readonly reuse = new Map<string, SyntaxReuse>();

  constructor(private readonly host: SourceHost = memoryHost({})) {}

  /** Set a file's text (an editor's unsaved buffer); it and its dependents are compiled again when next asked for. */
  update(path: string, text: string): void {
    this.texts.set(path, text);
  }

  /** Forget a buffer: the file is read from the host again. */
  close(path: string): void {
    this.texts.delete(path);
    this.reuse.delete(path);
  }

  /** The host's copy of a file changed (on disk, say): read it again when needed. */
  invalidate(path: string): void {
    if (!this.texts.has(path)) this.entries.delete(path);
    this.readCache.delete(path);
  }

  private readonly readCache = new Map<string, string | undefined>();

  /** The current text of a file: its buffer, or the host's copy. */
  text(path: string): string | undefined {
    const buffer = this.texts.get(path);
    if (buffer !== undefined) return buffer;
    if (!this.readCache.has(path)) this.readCache.set(path, this.host.read(path));
    return this.readCache.get(path);
  }

  /** The compiled file, or undefined when it cannot be read. Compiles it and its imports as needed. */
  file(path: string): Compiled | undefined {
    this.request++;
    return this.get(path, [])?.result;
  }

  private request = 0;

  /** Files whose compilation read `path` (directly or through other imports), among those compiled. */
  dependents(path: string): string[] {
    const out = new Set<string>();
    const visit = (p: string) => {
      for (const [other, e] of this.entries) if (e.deps.has(p) && !out.has(other)) {
        out.add(other);
        visit(other);
      }
    };
    visit(path);
    return [...out];
  }

  /** How many times a file was compiled (for tests of the cache). */
  readonly compilations = new Map<string, number>();

  private get(path: string, stack: string[]): { result: Compiled; stamp: number; cyclic: boolean } | undefined {
    const text = this.text(path);
    if (text === undefined) return undefined;
    const cached = this.entries.get(path);
    const upToDate = (e: Entry) => e.checked === this.request || (e.text === text && [...e.deps].every(([dep, stamp]) => !stack.includes(dep) && this.get(dep, [...stack, path])?.stamp === stamp));
    if (cached && upToDate(cached)) {
      cached.checked = this.request;
      return { result: cached.result, stamp: cached.stamp, cyclic: false };
    }
    const deps = new Map<string, number>();
    let cyclic = false;
    const result = compileSource(
      path,
      text,
      (ast) => {
        const r = this.imports(path, ast, stack, deps);
        cyclic = r.cyclic;
        return r.imports;
      },
      this.reuseFor(path),
    );
    this.compilations.set(path, (this.compilations.get(path) ?? 0) + 1);
    const stamp = ++stamps;
    // What a file in an import cycle reports depends on where the cycle was entered: never kept.
    if (cyclic) this.entries.delete(path);
    else this.entries.set(path, { stamp, checked: this.request, result, text, deps });
    return { result, stamp, cyclic };
  }

  /** Files being edited are parsed again at every change: they reuse their unchanged lines and declarations. */
  private reuseFor(path: string): SyntaxReuse | undefined {
    if (!this.texts.has(path)) return undefined;
    let r = this.reuse.get(path);
    if (!r) this.reuse.set(path, (r = new SyntaxReuse()));
    return r;
  }

  private imports(file: string, ast: A.Scheme, stack: string[], deps: Map<string, number>): { imports: Imports; cyclic: boolean } {
    const imports: Imports = { diagnostics: [], compiled: new Map(), sources: new Map() };
    let cyclic = false;
    const fail = (d: Diagnostic) => imports.diagnostics.push(d);
    for (const u of ast.uses) {
      const span = { ...u.path.span, file };
      const path = this.host.resolve(file, u.path.text);
      if (path === file || stack.includes(path)) {
        const cycle = path === file ? undefined : [...stack.slice(Math.max(0, stack.indexOf(path))), file, path].join(' → ');
        fail(diag('E0402', span, { path: u.path.text, cycle }));
        cyclic = true;
        continue;
      }
      const sub = this.get(path, [...stack, file]);
      if (!sub) {
        fail(diag('E0401', span, { path: u.path.text, reason: this.host === noImports ? { en: 'imports are not available here', zh: '此处不能引用其他文件' } : undefined }));
        continue;
      }
      deps.set(path, sub.stamp);
      cyclic ||= sub.cyclic;
      for (const [p, t] of sub.result.sources) imports.sources.set(p, t);
      if (!sub.result.ok) {
        fail(diag('E0403', span, { path: u.path.text }));
        imports.diagnostics.push(...sub.result.diagnostics.filter((d) => d.severity === 'error'));
        continue;
      }
      imports.compiled.set(u.alias.name, sub.result);
    }
    return { imports, cyclic };
  }
}

/** Compile one file and what it imports (a program of one file). Never throws on a user's mistake. */
export function compile(file: string, source: string, host?: SourceHost): Compiled {
  const program = new Program(host ?? noImports);
  program.update(file, source);
  return program.file(file)!;
}

/** Without a host, a `use` cannot be followed. */
const noImports: SourceHost = { read: () => undefined, resolve: (_from, rel) => rel };
