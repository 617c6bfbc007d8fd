// An edited file parsed with reuse (only the edited lines lexed again, unchanged declarations'
// syntax trees and ASTs recycled) gives exactly what a fresh parse of its text gives: the same
// tokens (offsets, lines, columns), comments, diagnostics, syntax tree, AST and checker
// diagnostics, edit after edit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assessFiles } from '@assess/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../check/check.js';
import { parse } from '../pipeline.js';
import { SyntaxReuse } from './reuse.js';
import type { SyntaxElement, SyntaxNode } from './tree.js';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const EXAMPLES = assessFiles(join(repo, 'examples')).sort().map((f) => readFileSync(f, 'utf8'));
const PIECES = ['\n', ' ', '{', '}', '"', '满分', '每', 'max', 'if', '#', '1', '：', 'x', '少报次数', 'by rank of', '\n\n'];

const token = (t: { image: string; tokenType: { name: string }; startOffset: number; endOffset?: number; startLine?: number; endLine?: number; startColumn?: number; endColumn?: number }) =>
  [t.image, t.tokenType.name, t.startOffset, t.endOffset, t.startLine, t.endLine, t.startColumn, t.endColumn].join(' ');
const offsets = (t: { image: string; tokenType: { name: string }; startOffset: number; endOffset?: number }) => [t.image, t.tokenType.name, t.startOffset, t.endOffset].join(' ');
/** A syntax tree as plain data: node names, locations, tokens. */
const tree = (n: SyntaxNode, show: typeof token): unknown => ({
  name: n.name,
  location: n.location,
  children: Object.fromEntries(Object.entries(n.children).map(([k, list]) => [k, (list ?? []).map((e: SyntaxElement) => ('tokenType' in e ? show(e) : tree(e, show)))])),
});

/** The checker marks the file on the spans its diagnostics share with the AST: not a difference of the parse. */
const withoutFile = (ast: unknown) => JSON.parse(JSON.stringify(ast, (k, v) => (k === 'file' ? undefined : v)));

const EDIT = fc.record({ at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), remove: fc.nat(24), piece: fc.nat(PIECES.length - 1), example: fc.nat(EXAMPLES.length - 1), paste: fc.boolean() });

describe('parsing an edited file with reuse', () => {
  it('equals a fresh parse after every edit', () => {
    fc.assert(
      fc.property(fc.nat(EXAMPLES.length - 1), fc.array(EDIT, { minLength: 1, maxLength: 25 }), (first, edits) => {
        const reuse = new SyntaxReuse();
        let text = EXAMPLES[first];
        parse(text, 'f.assess', reuse);
        for (const e of edits) {
          const at = Math.floor(e.at * (text.length + 1));
          const other = EXAMPLES[e.example];
          const insert = e.paste ? other.slice(at % other.length, (at % other.length) + e.remove * 4) : PIECES[e.piece];
          text = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + e.remove));
          const reused = parse(text, 'f.assess', reuse);
          const fresh = parse(text, 'f.assess');
          // (Lines and columns of the tokens read again after an unclosed label are the lexer's own guess: offsets only there.)
          const where = fresh.diagnostics.some((d) => d.code === 'E0013') ? offsets : token;
          expect(reused.syntax.tokens.map(where)).toEqual(fresh.syntax.tokens.map(where));
          expect(reused.syntax.comments.map(token)).toEqual(fresh.syntax.comments.map(token));
          expect(reused.diagnostics).toEqual(fresh.diagnostics);
          expect(tree(reused.syntax.root, where)).toEqual(tree(fresh.syntax.root, where));
          expect(withoutFile(reused.ast)).toEqual(withoutFile(fresh.ast));
          // Checked too, as an editor does: the checker's diagnostics share the AST's spans.
          expect(check(reused.ast, { file: 'f.assess', source: text }).diagnostics).toEqual(check(fresh.ast, { file: 'f.assess', source: text }).diagnostics);
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 40) },
    );
  });

  it('parses only the declaration an edit touched', () => {
    const reuse = new SyntaxReuse();
    const text = EXAMPLES.find((t) => t.includes('满分 5：每 少报次数 扣 1'))!;
    parse(text, 'f.assess', reuse);
    parse(text.replace('满分 5：每 少报次数 扣 1', '满分 5：每 少报次数 扣 2'), 'f.assess', reuse);
    expect(reuse.stats.parsed).toBe(1);
    expect(reuse.stats.reused).toBeGreaterThan(5);
  });
});
