// Reusing the AST of top-level declarations whose syntax tree the parse recycled
// (syntax/recycle.ts): the same syntax node means the same text, so the AST built from it
// before is the AST now, only moved. Its spans (and those of the diagnostics the builder made
// for it) are moved in place, like the syntax tree's offsets: an edited file's previous AST is
// not to be read after its next parse with the same `SyntaxReuse`.
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { SyntaxReuse } from '../syntax/reuse.js';
import type { SyntaxNode } from '../syntax/tree.js';
import type * as A from './ast.js';
import { children } from './walk.js';

interface Built {
  /** Where the declaration started when it was built. */
  start: number;
  result: A.Node | A.Node[] | undefined;
  diagnostics: Diagnostic[];
  /** Every span object in the result and its diagnostics, each once (some are shared): found when first reused. */
  spans?: Span[];
}

export class AstMemo {
  private readonly built = new WeakMap<SyntaxNode, Built>();

  /** The AST of a declaration's syntax node: the one built before (moved to `start`), else `build()`'s, kept. */
  reuse<T extends A.Node | A.Node[] | undefined>(node: SyntaxNode, start: number, diagnostics: Diagnostic[], build: () => T): T {
    const b = this.built.get(node);
    if (b) {
      const delta = start - b.start;
      if (delta !== 0) {
        b.spans ??= spansOf(b.result, b.diagnostics);
        for (const s of b.spans) {
          s.start += delta;
          s.end += delta;
        }
        b.start = start;
      }
      diagnostics.push(...b.diagnostics);
      return b.result as T;
    }
    const mark = diagnostics.length;
    const result = build();
    this.built.set(node, { start, result, diagnostics: diagnostics.slice(mark) });
    return result;
  }
}

function spansOf(result: A.Node | A.Node[] | undefined, diagnostics: Diagnostic[]): Span[] {
  const spans = new Set<Span>();
  // A stack, not recursion: a sum of thousands of terms is a tree thousands deep.
  const todo: A.Node[] = Array.isArray(result) ? [...result] : result ? [result] : [];
  for (let n = todo.pop(); n; n = todo.pop()) {
    spans.add(n.span);
    todo.push(...children(n));
  }
  for (const d of diagnostics) {
    spans.add(d.span);
    for (const l of d.labels) spans.add(l.span);
    for (const f of d.fixes) for (const e of f.edits) spans.add(e.span);
  }
  return [...spans];
}

const memos = new WeakMap<SyntaxReuse, AstMemo>();

/** The ASTs the last parses with `reuse` built. */
export function astMemoOf(reuse: SyntaxReuse): AstMemo {
  let m = memos.get(reuse);
  if (!m) memos.set(reuse, (m = new AstMemo()));
  return m;
}
