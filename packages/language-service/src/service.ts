// The Assess language service: one object that holds the open documents in a core `Program`
// and answers every editor question with LSP types. No platform API: the language server runs
// it in Node, the browser studio in a Web Worker. Each feature lives in its own module and
// reads the semantic model and the syntax tree of the compiled file (`FileContext`).
import { compile, Program, type Compiled, type Lang, type SourceHost } from '@assess/core';
import type {
  CodeAction,
  CodeActionContext,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  Position,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { codeActions } from './code-actions.js';
import { completion } from './completion.js';
import type { FileContext } from './context.js';
import { toLspDiagnostics } from './diagnostics.js';
import { fileLanguage } from './file-language.js';
import { formatDocument, formatRange } from './formatting.js';
import { hover } from './hover.js';
import { inlayHints } from './inlay-hints.js';
import { definition, prepareRename, references, rename } from './navigation.js';
import { Positions } from './positions.js';
import { runScheme, type RunResult } from './run.js';
import { documentSymbols, foldingRanges } from './symbols.js';
import { offsetDiagnostics, tokenClasses, type ClassifiedToken, type OffsetDiagnostic } from './editor.js';

export interface ServiceOptions {
  /** Reads the files that are not open (the targets of `use`). Default: none can be read. */
  host?: SourceHost;
  /** Message language. */
  lang?: Lang;
  /** Document URI → the path the host and the program know it by (default: the URI itself). */
  uriToPath?: (uri: string) => string;
  /** The inverse of `uriToPath`. */
  pathToUri?: (path: string) => string;
  /** The docs folder as a URL ending in `/`: each diagnostic links its code's section in the diagnostics page there. Default: no link. */
  docsUrl?: string;
}

const identity = (s: string) => s;
const NO_FILES: SourceHost = { read: () => undefined, resolve: (_from, rel) => rel };

export class LanguageService {
  private readonly program: Program;
  /** Open documents: URI → path. */
  private readonly open = new Map<string, string>();
  private readonly positionCache = new Map<string, Positions>();
  private readonly toPath: (uri: string) => string;
  private readonly toUri: (path: string) => string;
  /** The language of messages, hover headings and inlay hints. */
  lang: Lang;
  /** Where diagnostics link to (see `ServiceOptions.docsUrl`). */
  docsUrl: string | undefined;

  private readonly host: SourceHost;

  constructor(options: ServiceOptions = {}) {
    this.host = options.host ?? NO_FILES;
    this.program = new Program(this.host);
    this.lang = options.lang ?? 'en';
    this.docsUrl = options.docsUrl;
    this.toPath = options.uriToPath ?? identity;
    this.toUri = options.pathToUri ?? identity;
  }

  // ── documents ─────────────────────────────────────────────────────
  /** Open a document, or give it new text. */
  update(uri: string, text: string): void {
    const path = this.toPath(uri);
    this.open.set(uri, path);
    this.program.update(path, text);
  }

  close(uri: string): void {
    const path = this.open.get(uri);
    if (path === undefined) return;
    this.open.delete(uri);
    this.program.close(path);
    this.positionCache.delete(path);
  }

  /** A file that is not open changed on disk: read it again when next needed. */
  fileChanged(uri: string): void {
    this.program.invalidate(this.toPath(uri));
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  /** The open documents whose result depends on a file (it is imported by them, directly or not). */
  dependents(uri: string): string[] {
    const uris = new Set(this.program.dependents(this.toPath(uri)).map(this.toUri));
    return [...this.open.keys()].filter((u) => uris.has(u));
  }

  /** The compiled document (compiled now if its text or an import changed since the last time). */
  compiled(uri: string): Compiled | undefined {
    const path = this.open.get(uri) ?? this.toPath(uri);
    return this.program.file(path);
  }

  // ── features ──────────────────────────────────────────────────────
  diagnostics(uri: string): Diagnostic[] {
    const cx = this.context(uri);
    return cx ? toLspDiagnostics(cx) : [];
  }

  completion(uri: string, position: Position): CompletionItem[] {
    return this.with(uri, [], (cx) => completion(cx, cx.positions.offset(position)));
  }

  hover(uri: string, position: Position): Hover | null {
    return this.with(uri, null, (cx) => hover(cx, cx.positions.offset(position)));
  }

  definition(uri: string, position: Position): Location[] {
    return this.with(uri, [], (cx) => definition(cx, cx.positions.offset(position)));
  }

  references(uri: string, position: Position, includeDeclaration = true): Location[] {
    return this.with(uri, [], (cx) => references(cx, cx.positions.offset(position), includeDeclaration));
  }

  prepareRename(uri: string, position: Position): { range: Range; placeholder: string } | null {
    return this.with(uri, null, (cx) => prepareRename(cx, cx.positions.offset(position)));
  }

  /** The edits of a rename; an Error (with a message in the chosen language) when the new name cannot be used. */
  rename(uri: string, position: Position, newName: string): WorkspaceEdit | Error | null {
    return this.with(uri, null, (cx) => rename(cx, cx.positions.offset(position), newName));
  }

  documentSymbols(uri: string): DocumentSymbol[] {
    return this.with(uri, [], documentSymbols);
  }

  foldingRanges(uri: string): FoldingRange[] {
    return this.with(uri, [], foldingRanges);
  }

  /** Edits that give the document the canonical layout; none when it has syntax errors. */
  format(uri: string): Promise<TextEdit[]> {
    return this.with(uri, Promise.resolve([]), formatDocument);
  }

  /** Edits that give the top-level declarations the range touches the canonical layout. */
  formatRange(uri: string, range: Range): Promise<TextEdit[]> {
    return this.with(uri, Promise.resolve([]), (cx) => formatRange(cx, { start: cx.positions.offset(range.start), end: cx.positions.offset(range.end) }));
  }

  codeActions(uri: string, range: Range, context?: CodeActionContext): CodeAction[] {
    return this.with(uri, [], (cx) => codeActions(cx, { start: cx.positions.offset(range.start), end: cx.positions.offset(range.end) }, context));
  }

  inlayHints(uri: string, range: Range): InlayHint[] {
    return this.with(uri, [], (cx) => inlayHints(cx, { start: cx.positions.offset(range.start), end: cx.positions.offset(range.end) }));
  }

  /** Score the units of a data file (its text, JSON or CSV by its name) with the document's scheme. */
  run(uri: string, dataText: string, dataName: string): RunResult | undefined {
    const c = this.compiled(uri);
    return c ? runScheme(c, dataText, dataName, this.lang) : undefined;
  }

  // ── for editors that speak in offsets (the studio's CodeMirror) ──
  /** The diagnostics as offsets, each with its quick fixes. */
  offsetDiagnostics(uri: string): OffsetDiagnostic[] {
    return this.with(uri, [], offsetDiagnostics);
  }

  /** Every token with its class (keyword, name, label, number, comment, operator), for highlighting. */
  tokenClasses(uri: string): ClassifiedToken[] {
    return this.with(uri, [], tokenClasses);
  }

  /** The LSP position of an offset in an open document. */
  positionAt(uri: string, offset: number): Position {
    return this.with(uri, { line: 0, character: 0 }, (cx) => cx.positions.position(offset));
  }

  /** The offset of an LSP position in an open document. */
  offsetAt(uri: string, position: Position): number {
    return this.with(uri, 0, (cx) => cx.positions.offset(position));
  }

  // ── plumbing ──────────────────────────────────────────────────────
  private with<T>(uri: string, none: T, f: (cx: FileContext) => T): T {
    const cx = this.context(uri);
    return cx ? f(cx) : none;
  }

  private context(uri: string): FileContext | undefined {
    const compiled = this.compiled(uri);
    if (!compiled) return undefined;
    const path = compiled.file;
    const fileLang = fileLanguage(compiled.parsed.syntax.tokens);
    return {
      uri,
      path,
      compiled,
      model: compiled.model,
      lang: this.lang,
      docsUrl: this.docsUrl,
      fileLang: fileLang ?? this.lang,
      positions: this.positions(path, compiled.source),
      positionsOf: (file) => {
        const text = compiled.sources.get(file);
        return text === undefined ? undefined : this.positions(file, text);
      },
      uriOf: (file) => (file === path ? uri : this.toUri(file)),
      // Other files as the program has them (open buffers first); nothing kept.
      compileAs: (text) => compile(path, text, { read: (p) => this.program.text(p), resolve: this.host.resolve }),
    };
  }

  private positions(path: string, text: string): Positions {
    const cached = this.positionCache.get(path);
    if (cached && cached.text === text) return cached;
    const p = new Positions(text);
    this.positionCache.set(path, p);
    return p;
  }
}
