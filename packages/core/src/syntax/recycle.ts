// Reusing the tokens and syntax trees of an edited file's previous parse (what a `SyntaxReuse`
// remembers; reuse.ts is its public face, free of Chevrotain types).
//
// Only the lines an edit touched are lexed again (relex.ts). The parser already parses each
// top-level declaration on its own (parse.ts), so a keystroke changes one declaration's tree
// and leaves the others as they were, only moved. A declaration is reused when its text —
// from its first token to its last — is exactly the text of a declaration of the previous
// parse that parsed without errors: the lexer then made the same tokens, at the same
// distances from each other.
//
// The old tree is recycled, not copied (a copy of every tree at every keystroke costs more
// than the parse it saves, mostly in garbage collection): its tokens are replaced by the new
// token objects and its offsets moved to the declaration's new place. A declaration with a
// syntax error is always parsed again (its messages read the text around).
import type { IToken } from 'chevrotain';
import { tokenize, type Tokens } from './lexer.js';
import { relex } from './relex.js';
import type { SyntaxReuse } from './reuse.js';
import type { SyntaxElement, SyntaxNode, SyntaxToken } from './tree.js';

/** A kept declaration: where it starts (kept apart: its tokens may be moved in place), its tokens and tree. */
interface Kept {
  start: number;
  tokens: IToken[];
  node: SyntaxNode;
  /** Where in the tree its offsets and tokens are: found when first reused. */
  slots?: Slots;
}

/**
 * The places of a tree's offsets and tokens, as flat lists, so that moving it is two tight
 * loops rather than a walk of the tree.
 */
interface Slots {
  /** Every node with a location. */
  located: SyntaxNode[];
  /** Every token slot: the child list it is in, its place there, and which token of the declaration it holds. */
  lists: SyntaxElement[][];
  places: number[];
  which: number[];
}

/** What one parse of a file leaves for the next: its text and tokens, its error-free declarations by their text. */
export class Memory {
  private previous = new Map<string, Kept[]>();
  private current = new Map<string, Kept[]>();
  private lexed?: { text: string; tokens: Tokens };

  constructor(private readonly stats: SyntaxReuse['stats']) {}

  /** The tokens of the file's new text: only the lines changed since the last time are lexed. */
  tokenize(text: string): Tokens {
    const tokens = this.lexed ? relex(this.lexed.text, this.lexed.tokens, text) : tokenize(text);
    this.lexed = { text, tokens };
    return tokens;
  }

  /** Start a parse: what the last parse kept is what this one may reuse. */
  begin(): void {
    this.previous = this.current;
    this.current = new Map();
    this.stats.reused = 0;
    this.stats.parsed = 0;
  }

  /** The tree of a declaration whose text was parsed before, moved to where it is now. */
  take(source: string, chunk: IToken[]): SyntaxNode | undefined {
    const key = keyOf(source, chunk);
    const kept = this.previous.get(key)?.pop();
    if (!kept) return undefined;
    recycle(kept, chunk);
    this.store(key, kept);
    this.stats.reused++;
    return kept.node;
  }

  /** Keep a declaration that parsed without errors for the next parse. */
  keep(source: string, chunk: IToken[], node: SyntaxNode): void {
    this.store(keyOf(source, chunk), { start: chunk[0].startOffset, tokens: chunk, node });
  }

  parsed(): void {
    this.stats.parsed++;
  }

  private store(key: string, kept: Kept): void {
    const list = this.current.get(key);
    if (list) list.push(kept);
    else this.current.set(key, [kept]);
  }
}

const memories = new WeakMap<SyntaxReuse, Memory>();

/** What the last parse with `reuse` left (nothing yet at the first). */
export function memoryOf(reuse: SyntaxReuse): Memory {
  let m = memories.get(reuse);
  if (!m) memories.set(reuse, (m = new Memory(reuse.stats)));
  return m;
}

function keyOf(source: string, chunk: IToken[]): string {
  const last = chunk[chunk.length - 1];
  return source.slice(chunk[0].startOffset, (last.endOffset ?? last.startOffset) + 1);
}

/** Where a declaration's offsets and tokens are in its tree. */
function slotsOf(node: SyntaxNode, tokens: IToken[]): Slots {
  const index = new Map<SyntaxToken, number>();
  tokens.forEach((t, i) => index.set(t, i));
  const slots: Slots = { located: [], lists: [], places: [], which: [] };
  const walk = (n: SyntaxNode) => {
    if (n.location) slots.located.push(n);
    for (const list of Object.values(n.children)) {
      list!.forEach((e, i) => {
        if (!('tokenType' in e)) return walk(e);
        slots.lists.push(list!);
        slots.places.push(i);
        slots.which.push(index.get(e)!);
      });
    }
  };
  walk(node);
  return slots;
}

/** Put the new tokens of the same text in place of the old ones, and move every offset. */
function recycle(kept: Kept, tokens: IToken[]): void {
  const slots = (kept.slots ??= slotsOf(kept.node, kept.tokens));
  const delta = tokens[0].startOffset - kept.start;
  kept.start = tokens[0].startOffset;
  kept.tokens = tokens;
  for (let i = 0; i < slots.lists.length; i++) slots.lists[i][slots.places[i]] = tokens[slots.which[i]];
  if (delta === 0) return;
  for (const n of slots.located) {
    const loc = n.location!;
    loc.startOffset += delta;
    if (loc.endOffset !== undefined) loc.endOffset += delta;
  }
}
