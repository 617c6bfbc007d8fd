// The language server as an editor sees it, in a fresh process:
//   node --expose-gc dist/editor-child.js <lines>
// Opens a generated scheme through the protocol (an in-memory client), then makes 200
// one-character edits (typing a character into a label, then deleting it again) and times
// each from the `didChange` notification to the `publishDiagnostics` of that version; then
// times completion and hover requests at places spread over the file. Prints one line of JSON.
import { performance } from 'node:perf_hooks';
import { TestClient } from '@assess/language-server/test-client';
import { generateScheme } from './gen-scheme.js';
import { rng } from './gen-data.js';

export interface EditorReport {
  lines: number;
  /** ms from each edit to its published diagnostics. */
  edits: number[];
  /** CPU ms (user + system, all threads of the process: server, client, garbage collector) of each edit. */
  editsCpu: number[];
  completion: number[];
  hover: number[];
  /** ms to open the file (its first diagnostics). */
  open: number;
}

const EDITS = 200;
const REQUESTS = 200;

async function main(): Promise<void> {
  const g = generateScheme(Number(process.argv[2] ?? 5000));
  const uri = 'file:///bench/generated.assess';
  const client = await TestClient.start({ locale: 'en' });
  const t0 = performance.now();
  const first = await client.open(uri, g.source);
  const open = performance.now() - t0;
  if (first.some((d) => d.severity === 1)) throw new Error('the generated scheme has errors');
  const lines = g.source.split('\n');
  // Every label's opening quote: a character typed there changes a label (and its diagnostics).
  const labelLines = lines.map((l, i) => [i, l.indexOf('"')] as const).filter(([, c]) => c >= 0);
  const random = rng(7);
  const edits: number[] = [];
  const editsCpu: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const [line, character] = labelLines[Math.floor(random() * labelLines.length)];
    const at = { line, character: character + 1 };
    for (const change of [{ range: { start: at, end: at }, text: 'x' }, { range: { start: at, end: { line, character: character + 2 } }, text: '' }]) {
      const c = process.cpuUsage();
      const s = performance.now();
      const version = await client.edit(uri, change.range, change.text);
      await client.nextDiagnostics(uri, version);
      edits.push(performance.now() - s);
      const cpu = process.cpuUsage(c);
      editsCpu.push((cpu.user + cpu.system) / 1000);
    }
  }
  const timeRequests = async (method: string) => {
    const out: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const line = Math.floor(random() * lines.length);
      const character = Math.floor(random() * (lines[line].length + 1));
      const s = performance.now();
      await client.request(method, { textDocument: { uri }, position: { line, character } });
      out.push(performance.now() - s);
    }
    return out;
  };
  const completion = await timeRequests('textDocument/completion');
  const hover = await timeRequests('textDocument/hover');
  client.dispose();
  const report: EditorReport = { lines: lines.length, edits, editsCpu, completion, hover, open };
  process.stdout.write(JSON.stringify(report) + '\n');
  process.exit(0);
}

void main();
