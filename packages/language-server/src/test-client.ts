// An in-memory LSP client for tests and benchmarks (`@assess/language-server/test-client`): the
// real server (`startServer`) on one end of a pair of streams, a JSON-RPC client on the other.
// Tests speak the protocol, as an editor does.
import { PassThrough } from 'node:stream';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { startServer } from './server.js';

export interface ClientOptions {
  locale?: string;
  initializationOptions?: unknown;
  /** What `workspace/configuration` answers for the `assess` section (absent: the client cannot answer it). */
  configuration?: unknown;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  /** Every publication, by URI, in order. */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: { uri: string; test: (p: PublishDiagnosticsParams) => boolean; done: (p: PublishDiagnosticsParams) => void }[] = [];
  private versions = new Map<string, number>();

  private constructor(connection: ProtocolConnection) {
    this.connection = connection;
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== p.uri || !w.test(p)) return true;
        w.done(p);
        return false;
      });
    });
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    void startServer(createConnection(ProposedFeatures.all, toServer, toClient));
    const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const client = new TestClient(connection);
    if (options.configuration !== undefined) connection.onRequest('workspace/configuration', () => [options.configuration]);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      locale: options.locale,
      initializationOptions: options.initializationOptions,
      capabilities: { workspace: { configuration: options.configuration !== undefined } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Open a document and wait for its first diagnostics. */
  async open(uri: string, text: string): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const next = this.nextDiagnostics(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'assess', version: 1, text } });
    return next;
  }

  /** Replace a document's text and wait for the diagnostics of the new version. */
  async replace(uri: string, text: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const next = this.nextDiagnostics(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return next;
  }

  /** Send an incremental change without waiting (the random-edit test sends many). */
  async edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  /** The publication of a version (or a later one), possibly made already; without a version, the next one from now on. */
  nextDiagnostics(uri: string, version?: number): Promise<Diagnostic[]> {
    const last = this.published.get(uri)?.at(-1);
    if (version !== undefined && last && (last.version ?? 0) >= version) return Promise.resolve(last.diagnostics);
    return new Promise((resolve) => this.waiters.push({ uri, test: (p) => version === undefined || (p.version ?? 0) >= version, done: (p) => resolve(p.diagnostics) }));
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  dispose(): void {
    this.connection.dispose();
  }
}

/** A position from a text and a marker substring: the offset of `marker`'s start plus `delta`. */
export function positionOf(text: string, marker: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`marker not found: ${marker}`);
  const offset = at + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
