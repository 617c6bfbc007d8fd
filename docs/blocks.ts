// The code blocks of the documentation, and what the HTML comments before them say about
// them. The docs tests read every Markdown file through this module.
//
// A fence names its language (```assess, ```json, ```sh, ```text …). The HTML comments right
// before a fence (blank lines between them are allowed) are its directives:
//   <!-- expect: E0301 W0303 -->   the diagnostic codes the block gives (default: none)
//   <!-- before: …lines… -->       a fragment: these lines come before it …
//   <!-- after: …lines… -->        … and these after it; either may instead name texts
//   <!-- define NAME: …lines… -->  defined anywhere in the same file (`before: header inputs`)
//   <!-- file: 方案.assess -->      the block is (a part of) this file; the parts of one file
//                                   in one document are put together in order
//   <!-- data: 方案.assess -->      a ```json block: units for that scheme, validated and scored
//   <!-- grow: 2000001 characters --> the block's last line (or, for data, its last unit)
//   <!-- grow: 5000001 units -->      is repeated until the text or the list is that large
//   <!-- diagnostics -->           a ```text block: what the CLI prints about the block before it
//   <!-- diagnostics: explain U --> (for data: what `assess explain` prints about unit U)
//   <!-- output -->                a ```text block: what the command of the ```sh block before it prints
// Headings may carry an anchor comment on the line before them: `<!-- construct: deduct -->`,
// `<!-- recipe: deduct-per -->`.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface Block {
  /** The Markdown file, relative to the repository. */
  doc: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  text: string;
  /** How many lines the body has (the lines between the fences). */
  lines: number;
  directives: Map<string, string>;
  /** The headings the block is under, outermost first. */
  headings: Heading[];
}

export interface Heading {
  level: number;
  title: string;
  line: number;
  /** The value of an anchor comment (`<!-- construct: x -->`) on the line before it. */
  anchor?: { kind: string; name: string };
}

export interface Doc {
  path: string;
  text: string;
  blocks: Block[];
  headings: Heading[];
  /** `<!-- define NAME: … -->` texts. */
  defined: Map<string, string>;
  /** Fences that name no language (a mistake: every block must say what it is). */
  untagged: number[];
}

const SKIP = new Set(['node_modules', 'dist', '.git']);

/** Every Markdown file the docs tests read: all of docs/, and every README of the repository. */
export function docPaths(): string[] {
  const walk = (dir: string, keep: (name: string) => boolean): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      SKIP.has(e.name) ? [] : e.isDirectory() ? walk(join(dir, e.name), keep) : keep(e.name) ? [join(dir, e.name)] : [],
    );
  const readmes = walk('.', (name) => /^README(\.[\w-]+)?\.md$/.test(name));
  return [...new Set([...readmes, ...walk('docs', (name) => name.endsWith('.md'))])].sort();
}

/** An HTML comment as `key: value`, or `define NAME: value`. */
function readComment(comment: string): { key: string; name?: string; value: string } | undefined {
  const body = /^<!--\s*([\w-]+)([\s\S]*?)\s*-->$/.exec(comment);
  if (!body) return undefined;
  const [, key, rest] = body;
  if (key !== 'define') return { key, value: rest.replace(/^\s*:?\s*/, '') };
  const named = /^\s+([^\s:]+)\s*:\s*([\s\S]*)$/.exec(rest);
  return named ? { key, name: named[1], value: named[2] } : undefined;
}

/** Read one Markdown file into its blocks and headings. */
export function readDoc(path: string): Doc {
  const text = readFileSync(join(ROOT, path), 'utf8');
  return parseDoc(relative(ROOT, join(ROOT, path)), text);
}

export function parseDoc(path: string, text: string): Doc {
  const lines = text.split('\n');
  const doc: Doc = { path, text, blocks: [], headings: [], defined: new Map(), untagged: [] };
  let pending = new Map<string, string>();
  let anchor: Heading['anchor'];
  const stack: Heading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^(\s*)```\s*([\w-]*)/.exec(line);
    if (fence) {
      const indent = fence[1].length;
      const body: string[] = [];
      const start = i;
      for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]); i++) body.push(lines[i].slice(Math.min(indent, /^\s*/.exec(lines[i])![0].length)));
      if (!fence[2]) doc.untagged.push(start + 1);
      doc.blocks.push({ doc: path, line: start + 1, lang: fence[2], text: body.length ? body.join('\n') + '\n' : '', lines: body.length, directives: pending, headings: [...stack] });
      pending = new Map();
      continue;
    }
    if (line.trimStart().startsWith('<!--')) {
      let comment = line.trim();
      while (!comment.endsWith('-->') && i + 1 < lines.length) comment += '\n' + lines[++i];
      const c = readComment(comment);
      if (!c) continue;
      const { key, name, value } = c;
      if (key === 'define' && name) doc.defined.set(name, value + '\n');
      else if (key === 'construct' || key === 'recipe') anchor = { kind: key, name: value.trim() };
      else pending.set(key, value);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const h: Heading = { level: heading[1].length, title: heading[2].trim(), line: i + 1, ...(anchor ? { anchor } : {}) };
      while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
      stack.push(h);
      doc.headings.push(h);
    }
    if (line.trim() !== '') {
      // Directives belong to the fence right after them; an anchor to the heading right after it.
      pending = new Map();
      anchor = undefined;
    }
  }
  return doc;
}

/** A `before`/`after` directive's text: inline lines, or the names of texts made with `define`. */
export function directiveText(doc: Doc, value: string | undefined): string {
  if (value === undefined) return '';
  const names = value.trim().split(/\s+/);
  if (names.every((n) => doc.defined.has(n))) return names.map((n) => doc.defined.get(n)).join('');
  if (!value.includes('\n') && !/["“]/.test(value)) throw new Error(`${doc.path}: \`${value.trim()}\` is not all defined (\`<!-- define NAME: … -->\`)`);
  return value + '\n';
}

/** The codes of an `expect` directive, sorted. */
export function expectedCodes(block: Block): string[] {
  return (block.directives.get('expect') ?? '').split(/[\s,]+/).filter(Boolean).sort();
}

/** `<!-- grow: N characters|units -->`. */
export function growth(block: Block): { size: number; unit: 'characters' | 'units' } | undefined {
  const g = block.directives.get('grow');
  if (!g) return undefined;
  const m = /^(\d+)\s+(characters|units)$/.exec(g.trim());
  if (!m) throw new Error(`${block.doc}:${block.line}: grow must read \`N characters\` or \`N units\`, not \`${g}\``);
  return { size: Number(m[1]), unit: m[2] as 'characters' | 'units' };
}

/** Where a block is, for test names: `docs/cookbook.md:120`. */
export const where = (b: Block) => `${b.doc}:${b.line}`;
