// Every code block of the documentation is checked, so that a change to the language that
// breaks a document fails the build (see blocks.ts for the comments a block may carry):
// - every fence names its language;
// - an ```assess block is a whole scheme, or a fragment completed by its `before`/`after`
//   lines; it checks clean, or gives exactly the codes of its `expect` comment, and its
//   `example` blocks pass (a failed `expect` line is E0701, and must be announced too);
// - a ```json block marked `data:` is validated and scored with its scheme the same way;
// - a ```text block marked `output` is what the command of the ```sh block before it prints.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, evaluate, memoryHost, rowsFromJson, runExamples, validateUnits, type Compiled, type Diagnostic } from '@assess/core';
import { main, type Io } from '../packages/cli/src/main.js';
import { directiveText, docPaths, expectedCodes, growth, readDoc, where, type Block, type Doc } from './blocks.js';

const docs = docPaths().map(readDoc);
const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code as string).sort();
const messages = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.code} ${d.message.en}`).join('\n');

/** The last line repeated until the text has `size` characters. */
function grownText(text: string, size: number): string {
  const lines = text.trimEnd().split('\n');
  const last = lines[lines.length - 1] + '\n';
  const head = lines.slice(0, -1).join('\n') + '\n';
  return head + last.repeat(Math.ceil(Math.max(0, size - head.length) / last.length));
}

/** The parts of each named file seen so far in a document, put together. */
type Files = Map<string, string>;

function schemeSource(doc: Doc, b: Block, files: Files): { name: string; source: string } {
  const g = growth(b);
  const text = g?.unit === 'characters' ? grownText(b.text, g.size) : b.text;
  const name = b.directives.get('file') ?? '示例.assess';
  const whole = (files.get(name) ?? '') + text;
  if (b.directives.has('file')) files.set(name, whole);
  return { name, source: directiveText(doc, b.directives.get('before')) + whole + directiveText(doc, b.directives.get('after')) };
}

function compileIn(files: Files, name: string, source: string): Compiled {
  return compile(name, source, memoryHost({ ...Object.fromEntries(files), [name]: source }));
}

/** Compile diagnostics, then the failures of the scheme's examples. */
function schemeDiagnostics(c: Compiled): Diagnostic[] {
  return [...c.diagnostics, ...(c.plan ? runExamples(c.plan).flatMap((o) => o.failures) : [])];
}

/** Read, validate and score a data block with its scheme. */
function dataDiagnostics(b: Block, files: Files): Diagnostic[] {
  const scheme = b.directives.get('data')!.trim();
  const source = files.get(scheme);
  if (source === undefined) throw new Error(`${where(b)}: no block before it is the file ${scheme}`);
  const c = compileIn(files, scheme, source);
  if (!c.plan) return c.diagnostics;
  const read = rowsFromJson(b.text, 'data.json');
  const g = growth(b);
  const rows = g?.unit === 'units' ? [...read.rows, ...Array(Math.max(0, g.size - read.rows.length)).fill(read.rows[read.rows.length - 1])] : read.rows;
  if (read.diagnostics.length > 0) return read.diagnostics;
  const valid = validateUnits(c.plan, rows, { file: 'data.json', rowSpan: read.rowSpan });
  if (valid.diagnostics.some((d) => d.severity === 'error')) return valid.diagnostics;
  return [...valid.diagnostics, ...evaluate(c.plan, valid.table).diagnostics];
}

/** Run the `assess` command in-process in a folder holding the document's files; stderr and stdout as a terminal shows them. */
async function commandOutput(command: string, files: Files): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'assess-docs-'));
  try {
    for (const [name, text] of files) writeFileSync(join(dir, name), text);
    const argv = command.replace(/^(\$\s*)?(pnpm\s+)?assess\s+/, '').split(/\s+/).map((a) => (files.has(a) ? join(dir, a) : a));
    let out = '';
    const io: Io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, env: {} };
    await main(argv, io);
    return out.split(`${dir}/`).join('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(docs.map((d) => [d.path, d] as const))('%s', (_path, doc) => {
  it('names the language of every code block', () => {
    expect(doc.untagged.map((l) => `${doc.path}:${l}`)).toEqual([]);
  });

  // Blocks run in document order: the parts of a file accumulate, and outputs see the files as they are there.
  const files: Files = new Map();
  const steps = doc.blocks.map((b, i) => {
    if (b.lang === 'assess') {
      const { name, source } = schemeSource(doc, b, files);
      const snapshot = new Map(files);
      return { b, run: async () => ({ actual: schemeDiagnostics(compileIn(snapshot, name, source)) }) };
    }
    if (b.lang === 'json' && b.directives.has('data')) {
      const snapshot = new Map(files);
      if (b.directives.has('file')) files.set(b.directives.get('file')!, b.text);
      return { b, run: async () => ({ actual: dataDiagnostics(b, snapshot) }) };
    }
    if (b.lang === 'text' && b.directives.has('output')) {
      const command = doc.blocks[i - 1];
      const snapshot = new Map(files);
      return { b, run: async () => ({ output: await commandOutput(command?.lang === 'sh' ? command.text.trim() : '', snapshot) }) };
    }
    if (b.directives.has('file')) files.set(b.directives.get('file')!, b.text);
    return undefined;
  });

  for (const step of steps) {
    if (!step) continue;
    const { b } = step;
    const title = `${where(b)} ${b.lang}${b.directives.has('expect') ? ` gives ${expectedCodes(b).join(' ')}` : ''}`;
    it(title, async () => {
      const r = await step.run();
      if ('output' in r) {
        expect(doc.blocks[doc.blocks.indexOf(b) - 1]?.lang, `${where(b)}: an output follows a \`sh\` block with its command`).toBe('sh');
        expect(r.output).toBe(b.text);
      } else {
        expect(codes(r.actual!), `${where(b)}:\n${messages(r.actual!)}`).toEqual(expectedCodes(b));
      }
    });
  }
});
