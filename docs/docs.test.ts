// Every code block of the documentation is checked, so that a change to the language that
// breaks a document fails the build (see blocks.ts for the comments a block may carry):
// - every fence names its language;
// - an ```assess block is a whole scheme, or a fragment completed by its `before`/`after`
//   lines; it checks clean, or gives exactly the codes of its `expect` comment, and its
//   `example` blocks pass (a failed `expect` line is E0701, and must be announced too);
// - a ```json block marked `data:` is validated and scored with its scheme the same way;
// - a ```text block marked `diagnostics` is what the command prints about the block before it,
//   in the page's language (`assess check`, `assess test` when an example fails, `assess run`
//   for data, or `assess explain … --unit U` with `<!-- diagnostics: explain U -->`); one marked
//   `output` is what the command of the ```sh block before it prints.
//   Both run the CLI in-process on the document's files; `UPDATE_GOLDEN=1` rewrites them.
// - a scheme a reader may copy (a whole block that checks clean, or the parts of a file put
//   together) is in the canonical layout of `assess fmt`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, evaluate, memoryHost, rowsFromJson, runExamples, validateUnits, type Compiled, type Diagnostic, type Lang } from '@assess/core';
import { formatFile } from '../packages/cli/src/format.js';
import { main, type Io } from '../packages/cli/src/main.js';
import { directiveText, docPaths, expectedCodes, growth, readDoc, ROOT, where, type Block, type Doc } from './blocks.js';

const UPDATE = !!process.env.UPDATE_GOLDEN;
const docs = docPaths().map(readDoc);
const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code as string).sort();
const messages = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.code} ${d.message.en}`).join('\n');
const langOf = (doc: Doc): Lang => (doc.path.startsWith('docs/zh/') || /\.zh\.md$/.test(doc.path) ? 'zh' : 'en');

/** The last line repeated until the text has `size` characters. */
function grownText(text: string, size: number): string {
  const lines = text.trimEnd().split('\n');
  const last = lines[lines.length - 1] + '\n';
  const head = lines.slice(0, -1).join('\n') + '\n';
  return head + last.repeat(Math.ceil(Math.max(0, size - head.length) / last.length));
}

/** The parts of each named file seen so far in a document, put together. */
type Files = Map<string, string>;

/** What checking a block found, and the command that prints it, with the files it reads. */
interface Checked {
  diagnostics: Diagnostic[];
  /** The command, in a language; for data, `explain UNIT` asks for that unit's explanation instead of the run. */
  command: (lang: Lang, explain?: string) => string;
  files: Files;
}

function compileIn(files: Files, name: string, source: string): Compiled {
  return compile(name, source, memoryHost({ ...Object.fromEntries(files), [name]: source }));
}

/** Compile a scheme block (with its fragment lines); its diagnostics, then its examples' failures. */
function checkScheme(doc: Doc, b: Block, files: Files): () => Checked {
  const g = growth(b);
  const text = g?.unit === 'characters' ? grownText(b.text, g.size) : b.text;
  const name = b.directives.get('file') ?? (langOf(doc) === 'zh' ? '示例.assess' : 'example.assess');
  const whole = (files.get(name) ?? '') + text;
  if (b.directives.has('file')) files.set(name, whole);
  const source = directiveText(doc, b.directives.get('before')) + whole + directiveText(doc, b.directives.get('after'));
  const snapshot = new Map([...files, [name, source]]);
  return () => {
    const c = compileIn(snapshot, name, source);
    const diagnostics = [...c.diagnostics, ...(c.plan ? runExamples(c.plan).flatMap((o) => o.failures) : [])];
    // Examples are run by `assess test`; `assess check` reports everything else.
    const verb = c.ok && diagnostics.some((d) => d.code.startsWith('E07')) ? 'test' : 'check';
    return { diagnostics, command: (lang) => `assess ${verb} ${name} --lang ${lang}`, files: snapshot };
  };
}

/** Read, validate and score a data block with its scheme, as `assess run` does. */
function checkData(b: Block, files: Files): () => Checked {
  const scheme = b.directives.get('data')!.trim();
  const file = b.directives.get('file') ?? 'data.json';
  const snapshot = new Map([...files, [file, b.text]]);
  if (b.directives.has('file')) files.set(file, b.text);
  return () => {
    const source = snapshot.get(scheme);
    if (source === undefined) throw new Error(`${where(b)}: no block before it is the file ${scheme}`);
    const c = compileIn(snapshot, scheme, source);
    const command = (lang: Lang, explain?: string) => `assess ${explain ? 'explain' : 'run'} ${scheme} --data ${file}${explain ? ` --unit ${explain}` : ''} --lang ${lang}`;
    const done = (diagnostics: Diagnostic[]): Checked => ({ diagnostics, command, files: snapshot });
    if (!c.plan) return done(c.diagnostics);
    const read = rowsFromJson(b.text, file);
    if (read.diagnostics.length > 0) return done(read.diagnostics);
    const g = growth(b);
    const rows = g?.unit === 'units' ? [...read.rows, ...Array<unknown>(Math.max(0, g.size - read.rows.length)).fill(read.rows[read.rows.length - 1])] : read.rows;
    const valid = validateUnits(c.plan, rows, { file, rowSpan: read.rowSpan });
    if (valid.diagnostics.some((d) => d.severity === 'error')) return done(valid.diagnostics);
    return done([...valid.diagnostics, ...evaluate(c.plan, valid.table).diagnostics]);
  };
}

/** Run the `assess` command in-process in a folder holding the given files; stderr and stdout as a terminal in the page's language shows them. */
async function commandOutput(command: string, files: Files, lang: Lang): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'assess-docs-'));
  try {
    for (const [name, text] of files) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    // Files the command reads, and those it writes (`-o OUT`), are in the temporary folder.
    const argv = command.replace(/^(\$\s*)?(pnpm\s+)?assess\s+/, '').split(/\s+/).map((a, i, all) => (files.has(a) || all[i - 1] === '-o' ? join(dir, a) : a));
    let out = '';
    // A Chinese page shows what a terminal set to Chinese (LANG=zh_CN.UTF-8) prints.
    const env = lang === 'zh' ? { LANG: 'zh_CN.UTF-8' } : {};
    // Results come as UTF-8 bytes, other output as text.
    const utf8 = new TextDecoder();
    const io: Io = { stdout: { write: (s) => (out += typeof s === 'string' ? s : utf8.decode(s, { stream: true })) }, stderr: { write: (s) => (out += String(s)) }, env };
    await main(argv, io);
    return out.split(`${dir}/`).join('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Replace the bodies of text blocks (UPDATE_GOLDEN), last first so that earlier line numbers hold. */
function rewrite(doc: Doc, bodies: Map<Block, string>) {
  const path = join(ROOT, doc.path);
  const lines = readFileSync(path, 'utf8').split('\n');
  for (const [b, body] of [...bodies].sort((x, y) => y[0].line - x[0].line)) {
    const indent = /^\s*/.exec(lines[b.line - 1])![0];
    lines.splice(b.line, b.lines, ...body.replace(/\n$/, '').split('\n').map((l) => (l ? indent + l : l)));
  }
  writeFileSync(path, lines.join('\n'));
}

describe.each(docs.map((d) => [d.path, d] as const))('%s', (_path, doc) => {
  it('names the language of every code block', () => {
    expect(doc.untagged.map((l) => `${doc.path}:${l}`)).toEqual([]);
  });

  // Blocks are taken in document order: the parts of a file accumulate, and a command sees the files as they are there.
  const files: Files = new Map();
  const checks = new Map<Block, () => Checked>();
  const printed = new Map<Block, () => Promise<string>>();
  /** Schemes as a reader copies them: whole clean blocks, and the last state of each file whose last part is clean. */
  const copied = new Map<string, string>();
  /** A fragment, a wrong example or a generated file: shown, not meant to be copied as it is. */
  const notToCopy = (b: Block) => ['before', 'after', 'expect', 'grow'].some((d) => b.directives.has(d));
  doc.blocks.forEach((b, i) => {
    const before = doc.blocks[i - 1];
    if (b.lang === 'assess') {
      checks.set(b, checkScheme(doc, b, files));
      const file = b.directives.get('file');
      if (file && !notToCopy(b)) copied.set(file, files.get(file)!);
      else if (file) copied.delete(file);
      else if (!notToCopy(b)) copied.set(where(b), b.text);
    } else if (b.lang === 'json' && b.directives.has('data')) checks.set(b, checkData(b, files));
    else if (b.lang === 'text' && b.directives.has('diagnostics')) {
      const check = before && checks.get(before);
      if (!check) throw new Error(`${where(b)}: a diagnostics block follows the block it is about`);
      const explain = /^explain\s+(\S+)$/.exec(b.directives.get('diagnostics')!.trim())?.[1];
      printed.set(b, () => {
        const c = check();
        return commandOutput(c.command(langOf(doc), explain), c.files, langOf(doc));
      });
    } else if (b.lang === 'text' && b.directives.has('output')) {
      if (before?.lang !== 'sh') throw new Error(`${where(b)}: an output follows the \`sh\` block of its command`);
      const snapshot = new Map(files);
      printed.set(b, () => commandOutput(before.text.trim(), snapshot, langOf(doc)));
    } else if (b.directives.has('file')) files.set(b.directives.get('file')!, b.text);
  });

  for (const [b, check] of checks) {
    it(`${where(b)} ${b.lang}${b.directives.has('expect') ? ` gives ${expectedCodes(b).join(' ')}` : ' is clean'}`, () => {
      const c = check();
      expect(codes(c.diagnostics), `${where(b)}:\n${messages(c.diagnostics)}`).toEqual(expectedCodes(b));
    });
  }

  for (const [name, text] of copied) {
    it(`${name} is in the canonical layout (assess fmt)`, async () => {
      const r = await formatFile(text, name);
      expect(r.ok && r.formatted).toBe(text);
    });
  }

  const updates = new Map<Block, string>();
  for (const [b, print] of printed) {
    it(`${where(b)} shows what ${b.directives.has('output') ? 'the command' : 'assess'} prints`, async () => {
      const actual = await print();
      if (UPDATE && actual !== b.text) updates.set(b, actual);
      else expect(actual).toBe(b.text);
    });
  }
  afterAll(() => {
    if (updates.size > 0) rewrite(doc, updates);
  });
});
