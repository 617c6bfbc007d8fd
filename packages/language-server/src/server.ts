// The Assess language server: LSP over streams (stdio for editors), a thin adapter over the
// language service. Every answer comes from @assess/language-service; this file only moves
// documents, settings and requests between the protocol and the service.
//
// Diagnostics are published as the user types: a change schedules one check of the changed
// document and of the open documents that import it (changes that arrive before the check
// runs are checked together).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DIAGNOSTIC_PAGES, type Lang } from '@assess/core';
import { LanguageService, type RunResult } from '@assess/language-service';
import { TextDocument, type Position, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { createConnection, ProposedFeatures, RequestType, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';
import { nodeHost } from './node-host.js';

/** `assess/run`: score the units of a data file (.json or .csv) with a document's scheme. */
export const RunRequest = new RequestType<{ uri: string; data: string }, RunResult | { ok: false; problems: string }, void>('assess/run');

/** Settings the server reads (`initializationOptions`, or the `assess` section of the configuration). */
export interface Settings {
  /** The language of messages: `en` or `zh`. Default: the client's locale. */
  language?: string;
  /** The docs folder (a URL ending in `/`) whose diagnostics pages the diagnostics link to. Default: the server's own (`startServer`'s `docsUrl`). */
  docsUrl?: string;
}

/** Where a server finds the docs when no setting says: see `docsFolder`. */
export interface ServerOptions {
  docsUrl?: string;
}

/** A folder as the docs diagnostics link to, if it holds the diagnostics pages (a checkout of the repository, or a copy beside a bundle). */
export function docsFolder(url: URL): string | undefined {
  return existsSync(new URL(DIAGNOSTIC_PAGES.en, url)) ? url.href : undefined;
}

/** A setting's docs URL, if it is one: an absolute URL, read as a folder. */
function docsUrlOf(settings: Settings | undefined): string | undefined {
  const url = settings?.docsUrl;
  if (!url || !URL.canParse(url)) return undefined;
  return url.endsWith('/') ? url : `${url}/`;
}

/** A file URI's path; any other URI, or a file URI with no path here (a host: `file://server/share/…`), names a document held only in memory. */
const uriToPath = (uri: string) => {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
};
const pathToUri = (path: string) => (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) ? pathToFileURL(path).href : path);

/**
 * A document's changes, one at a time, each range first made one of the document as it is then:
 * a position past the end of a line or of the text is its end (the text-document library's own
 * update does not, and a range starting past the last line made its copy differ from the client's).
 */
function applyChanges(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
  for (const c of changes) {
    if (typeof c?.text !== 'string') continue;
    if (!('range' in c) || !c.range) {
      doc = TextDocument.update(doc, [{ text: c.text }], version);
      continue;
    }
    const at = (p: Position) => doc.positionAt(doc.offsetAt({ line: Math.max(0, Math.trunc(p?.line) || 0), character: Math.max(0, Math.trunc(p?.character) || 0) }));
    doc = TextDocument.update(doc, [{ range: { start: at(c.range.start), end: at(c.range.end) }, text: c.text }], version);
  }
  return doc;
}

function languageOf(settings: Settings | undefined, locale: string | undefined): Lang | undefined {
  if (settings?.language === 'en' || settings?.language === 'zh') return settings.language;
  return locale === undefined ? undefined : /^zh/i.test(locale) ? 'zh' : 'en';
}

/** Serve one client on a connection (stdio by default). Resolves when the connection closes. */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout), options: ServerOptions = {}): Promise<void> {
  const service = new LanguageService({ host: nodeHost, uriToPath, pathToUri, docsUrl: options.docsUrl });
  const documents = new TextDocuments({ create: TextDocument.create, update: applyChanges });
  let locale: string | undefined;
  let canAskConfiguration = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    locale = params.locale;
    const init = params.initializationOptions as Settings | undefined;
    service.lang = languageOf(init, locale) ?? 'en';
    service.docsUrl = docsUrlOf(init) ?? options.docsUrl;
    canAskConfiguration = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['.', '"', '“', ' '] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        inlayHintProvider: true,
      },
      serverInfo: { name: 'assess-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (canAskConfiguration) await readConfiguration();
  });

  async function readConfiguration() {
    const settings = (await connection.workspace.getConfiguration('assess').catch(() => undefined)) as Settings | undefined;
    apply(settings);
  }

  /** Take the settings that are given; republish when what diagnostics say has changed. */
  function apply(settings: Settings | undefined) {
    const lang = languageOf(settings, locale) ?? service.lang;
    const docsUrl = docsUrlOf(settings) ?? service.docsUrl;
    if (lang === service.lang && docsUrl === service.docsUrl) return;
    service.lang = lang;
    service.docsUrl = docsUrl;
    republishAll();
  }

  connection.onDidChangeConfiguration(async (change) => {
    const settings = (change.settings as { assess?: Settings } | undefined)?.assess;
    if (settings) apply(settings);
    else if (canAskConfiguration) await readConfiguration();
  });

  // ── diagnostics as you type ───────────────────────────────────────
  const pending = new Set<string>();
  let scheduled = false;
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(publishPending);
  }
  function publishPending() {
    scheduled = false;
    const uris = new Set(pending);
    pending.clear();
    for (const uri of [...uris]) guarded(uri, () => service.dependents(uri).forEach((d) => uris.add(d)));
    for (const uri of uris)
      guarded(uri, () => {
        const compiled = service.isOpen(uri) ? service.compiled(uri) : undefined;
        // A dependent whose import did not really change compiles to the very same result: nothing new to say.
        if (!compiled || published.get(uri) === compiled) return;
        published.set(uri, compiled);
        void connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics: service.diagnostics(uri) });
      });
  }
  /** A document's work, outside any request: a bug of ours is logged and the next document checked, not the server ended. */
  function guarded(uri: string, work: () => void) {
    try {
      work();
    } catch (e) {
      connection.console.error(`internal error in assess while checking ${uri} (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  /** What was last published for each open document. */
  const published = new Map<string, object>();
  function republishAll() {
    published.clear();
    for (const d of documents.all()) pending.add(d.uri);
    schedule();
  }
  const changed = (uri: string, text: unknown) => {
    // (A client's notification with no text is no document.)
    if (typeof text !== 'string') return;
    service.update(uri, text);
    pending.add(uri);
    schedule();
  };
  documents.onDidOpen((e) => changed(e.document.uri, e.document.getText()));
  documents.onDidChangeContent((e) => changed(e.document.uri, e.document.getText()));
  documents.onDidClose((e) => {
    service.close(e.document.uri);
    published.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    // Files that import it read it from the disk again.
    for (const d of service.dependents(e.document.uri)) pending.add(d);
    schedule();
  });
  connection.onDidChangeWatchedFiles((e) => {
    for (const c of e.changes) {
      if (service.isOpen(c.uri)) continue;
      service.fileChanged(c.uri);
      for (const d of service.dependents(c.uri)) pending.add(d);
    }
    schedule();
  });

  // ── requests ──────────────────────────────────────────────────────
  // Requests: the service already has every change (applied as each notification arrives).
  connection.onCompletion((p) => service.completion(p.textDocument.uri, p.position));
  connection.onHover((p) => service.hover(p.textDocument.uri, p.position));
  connection.onDefinition((p) => service.definition(p.textDocument.uri, p.position));
  connection.onReferences((p) => service.references(p.textDocument.uri, p.position, p.context.includeDeclaration));
  connection.onPrepareRename((p) => service.prepareRename(p.textDocument.uri, p.position));
  connection.onRenameRequest((p) => {
    const r = service.rename(p.textDocument.uri, p.position, p.newName);
    if (r instanceof Error) throw r;
    return r;
  });
  connection.onDocumentSymbol((p) => service.documentSymbols(p.textDocument.uri));
  connection.onFoldingRanges((p) => service.foldingRanges(p.textDocument.uri));
  connection.onDocumentFormatting((p) => service.format(p.textDocument.uri));
  connection.onDocumentRangeFormatting((p) => service.formatRange(p.textDocument.uri, p.range));
  connection.onCodeAction((p) => service.codeActions(p.textDocument.uri, p.range, p.context));
  connection.languages.inlayHint.on((p) => service.inlayHints(p.textDocument.uri, p.range));
  connection.onRequest(RunRequest, ({ uri, data }) => {
    const path = uriToPath(data);
    const text = nodeHost.read(path);
    if (text === undefined) return { ok: false, problems: service.lang === 'zh' ? `无法读取数据文件 ${path}` : `cannot read the data file ${path}` };
    return service.run(uri, text, path) ?? { ok: false, problems: service.lang === 'zh' ? `无法读取方案 ${uri}` : `cannot read the scheme ${uri}` };
  });

  documents.listen(connection);
  const closed = new Promise<void>((done) => connection.onExit(() => done()));
  connection.listen();
  return closed;
}
