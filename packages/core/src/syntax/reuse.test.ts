// An edited file parsed with reuse (only the edited lines lexed again, unchanged declarations'
// syntax trees recycled) gives exactly what a fresh parse of its text gives: the same tokens
// (offsets, lines, columns), comments, diagnostics, syntax tree and AST, edit after edit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assessFiles } from '@assess/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../pipeline.js';
import { SyntaxReuse } from './reuse.js';
import type { SyntaxElement, SyntaxNode } from './tree.js';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const EXAMPLES = assessFiles(join(repo, 'examples')).sort().map((f) => readFileSync(f, 'utf8'));
const PIECES = ['\n', ' ', '{', '}', '"', '满分', '每', 'max', 'if', '#', '1', '：', 'x', '少报次数', 'by rank of', '\n\n'];

const token = (t: { image: string; tokenType: { name: string }; startOffset: number; endOffset?: number; startLine?: number; endLine?: number; startColumn?: number; endColumn?: number }) =>
  [t.image, t.tokenType.name, t.startOffset, t.endOffset, t.startLine, t.endLine, t.startColumn, t.endColumn].join(' ');
/** A syntax tree as plain data: node names, locations, tokens. */
const tree = (n: SyntaxNode): unknown => ({
  name: n.name,
  location: n.location,
  children: Object.fromEntries(Object.entries(n.children).map(([k, list]) => [k, (list ?? []).map((e: SyntaxElement) => ('tokenType' in e ? token(e) : tree(e)))])),
});

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
          expect(reused.syntax.tokens.map(token)).toEqual(fresh.syntax.tokens.map(token));
          expect(reused.syntax.comments.map(token)).toEqual(fresh.syntax.comments.map(token));
          expect(reused.diagnostics).toEqual(fresh.diagnostics);
          expect(tree(reused.syntax.root)).toEqual(tree(fresh.syntax.root));
          expect(reused.ast).toEqual(fresh.ast);
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
