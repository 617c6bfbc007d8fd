// `pnpm package:vscode` makes a .vsix: the test builds it, opens the archive and checks what is
// inside — the manifest's contributions, the generated grammar and snippets, the client, and a
// server bundle that, started on its own, speaks LSP over stdio and reports a scheme's errors.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { generatedFiles } from './contributions.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const entries = new Map<string, Buffer>();

/** Every file of a zip archive, by name. */
function unzip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Buffer>();
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  const printed = execFileSync(process.execPath, [join(root, 'scripts/package.mjs')], { encoding: 'utf8' });
  const vsix = printed.trim().split('\n').pop()!;
  for (const [name, data] of await unzip(vsix)) entries.set(name, data);
}, 120_000);

const text = (name: string) => entries.get(name)!.toString('utf8');

describe('the .vsix', () => {
  it('holds the manifest, the language configuration, the bundles, the generated files and the diagnostics pages, and no node_modules', () => {
    expect([...entries.keys()].sort()).toEqual(
      [
        '[Content_Types].xml',
        'extension.vsixmanifest',
        'extension/package.json',
        'extension/readme.md',
        'extension/language-configuration.json',
        'extension/dist/extension.js',
        'extension/dist/server.js',
        'extension/dist/syntaxes/assess.tmLanguage.json',
        'extension/dist/snippets/assess.json',
        'extension/dist/docs/diagnostics.md',
        'extension/dist/docs/zh/诊断.md',
      ].sort(),
    );
  });

  it('contributes the language, the grammar, the snippets and the command, from files in the package', () => {
    const manifest = JSON.parse(text('extension/package.json'));
    const c = manifest.contributes;
    expect(c.languages[0]).toMatchObject({ id: 'assess', extensions: ['.assess'] });
    for (const p of [manifest.main, c.languages[0].configuration, c.grammars[0].path, c.snippets[0].path]) expect(entries.has(join('extension', p))).toBe(true);
    expect(c.commands.map((x: { command: string }) => x.command)).toEqual(['assess.runOnData']);
    for (const [path, content] of Object.entries(generatedFiles())) expect(text(`extension/dist/${path}`)).toBe(content);
    const config = JSON.parse(text('extension/language-configuration.json'));
    expect(config.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close)).toEqual(expect.arrayContaining(['""', '“”', '（）']));
    expect(config.comments.lineComment).toBe('#');
  });

  it('has a client bundle that compiles and loads vscode from the editor', () => {
    const code = text('extension/dist/extension.js');
    expect(() => new Script(code)).not.toThrow();
    expect(code).toContain('require("vscode")');
  });

  it('has a server bundle that serves LSP over stdio on its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assess-vsix-'));
    writeFileSync(join(dir, 'server.js'), entries.get('extension/dist/server.js')!);
    const server = spawn(process.execPath, [join(dir, 'server.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
    const send = (m: object) => {
      const s = JSON.stringify({ jsonrpc: '2.0', ...m });
      server.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
    };
    let out = '';
    const published = new Promise<string>((resolve) =>
      server.stdout.on('data', (d: Buffer) => {
        out += d.toString('utf8');
        if (out.includes('publishDiagnostics')) resolve(out);
      }),
    );
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, locale: 'zh-cn' } });
    send({ method: 'initialized', params: {} });
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///x.assess', languageId: 'assess', version: 1, text: '方案 "x" 总分 5\n指标 "a" 满分 5：5 若 没有\n' } } });
    const got = await published;
    expect(got).toContain('"code":"E0101"');
    expect(got).toContain('未定义的名称');
    send({ id: 2, method: 'shutdown' });
    send({ method: 'exit' });
    expect(await new Promise((r) => server.on('exit', r))).toBe(0);
  });
});
