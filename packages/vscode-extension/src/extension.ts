// The VS Code extension: starts the language server (bundled beside this file) for .assess
// files, and adds the command that runs the current scheme on a data file.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { RunResult } from '@assess/language-service';
import { resultsHtml } from './results.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = { module, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'assess' }],
    initializationOptions: { language: vscode.workspace.getConfiguration('assess').get('language'), docsUrl: docsUrl(context) },
    synchronize: { configurationSection: 'assess', fileEvents: vscode.workspace.createFileSystemWatcher('**/*.assess') },
  };
  client = new LanguageClient('assess', 'Assess', serverOptions, clientOptions);
  context.subscriptions.push(vscode.commands.registerCommand('assess.runOnData', () => runOnData(context)));
  await client.start();
}

/** Where diagnostics link to: the `assess.docsUrl` setting, else the diagnostics pages packed beside the server (dist/docs/). */
function docsUrl(context: vscode.ExtensionContext): string {
  const configured = vscode.workspace.getConfiguration('assess').get<string>('docsUrl');
  return configured || `${vscode.Uri.file(context.asAbsolutePath(path.join('dist', 'docs'))).toString()}/`;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Ask for a data file, have the server score it with the current scheme, show the table. */
async function runOnData(context: vscode.ExtensionContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'assess' || !client) return;
  const zh = vscode.env.language.startsWith('zh');
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    defaultUri: vscode.Uri.joinPath(editor.document.uri, '..'),
    filters: { [zh ? '数据文件' : 'Data']: ['json', 'csv'] },
    openLabel: zh ? '计分' : 'Score',
  });
  if (!picked?.[0]) return;
  const result = await client.sendRequest<RunResult>('assess/run', { uri: editor.document.uri.toString(), data: picked[0].toString() });
  const title = path.basename(editor.document.fileName);
  const panel = vscode.window.createWebviewPanel('assess.results', `${title} — ${path.basename(picked[0].fsPath)}`, vscode.ViewColumn.Beside, { enableScripts: false });
  panel.webview.html = resultsHtml(result, title);
  context.subscriptions.push(panel);
}
