// The printer: syntax tree (CST) → Prettier document.
//
// It works on the CST, not on the AST, so every keyword is printed exactly as it was written
// (English or Chinese, any of its spellings) and every label and number keeps its spelling.
// The canonical layout is described in docs/formatting.md.
//
// Comments. The lexer keeps comments aside, so the printer puts them back itself, by offsets:
// - a comment with a token before it on the same line is an end-of-line comment of that token:
//   it is printed after the token (as a line suffix) and the line always breaks after it;
// - any other comment is an own-line comment of the token that follows it: it is printed on
//   lines of its own just before that token (inside the block, for a closing `}`);
// - comments after the last token are printed at the end of the file.
// Every token is printed through `tk`, which prints the comments attached to it, and every
// separator between two elements goes through `gap`, which turns it into a line break when a
// comment needs one. At the end the printer checks that every token and every comment was
// printed: a construct it does not know is printed by the generic fallback (`words`), which
// prints all of its tokens in order.
import { doc, util, type Doc } from 'prettier';
import { isTok, type AssessRoot, type CNode, type Elem, type Tok } from './parser.js';

const { group, indent, hardline, hardlineWithoutBreakParent, line, softline, fill, lineSuffix, ifBreak } = doc.builders;

/** How two neighbouring elements are separated when no comment forces a line break. */
type Sep = 'none' | 'space' | 'line' | 'soft';

const SEP_DOC: Record<Sep, Doc> = { none: '', space: ' ', line, soft: softline };

/** Top-level declarations that may stand in a run without blank lines between them. */
const RUN_KINDS = new Set(['useDecl', 'letDecl', 'veto', 'unitDecl', 'adjust']);

/** Nodes printed as a chain of operands and operators (`a and b`, `x + y`, `p ?? q`). */
const CHAINS = new Set(['expression', 'andExpr', 'comparison', 'additive', 'multiplicative', 'coalesce']);
/** Chains that never break at their operator (`a >= b`, `p ?? q`): their operands break instead. */
const UNBROKEN_CHAINS = new Set(['comparison', 'coalesce']);
/** Full-width punctuation carries its own spacing: no space is printed after it. */
const FULL_WIDTH_OPENERS = /[：，、（]$/;
/** Nodes printed without spaces between their parts (`-5`, `0..90`, `a.b`, `-x`). */
const GLUED = new Set(['signedNumber', 'range', 'postfix', 'unary']);

/** A character that may be part of a name, a keyword or a number. */
const WORDY = /[A-Za-z0-9_%\u3400-\u9fff\uf900-\ufaff]/;
const GLUE_BEFORE = new Set(['Comma', 'Colon', 'RParen', 'RBracket', 'Dot', 'DotDot']);
const GLUE_AFTER = new Set(['LParen', 'LBracket', 'Dot', 'DotDot']);

export interface PrintOptions {
  printWidth: number;
  tabWidth: number;
}

export function printRoot(root: AssessRoot, options: PrintOptions = { printWidth: 80, tabWidth: 2 }): Doc {
  return new Printer(root, options).print();
}

interface BlockLine {
  first: Elem;
  print: () => Doc;
}
type BlockEntry = BlockLine | { drop: Tok };

class Printer {
  private readonly text: string;
  /** Tokens and comments, in source order. */
  private readonly all: Tok[];
  private readonly indexOf = new Map<Tok, number>();
  private readonly leading = new Map<Tok, Tok[]>();
  private readonly trailing = new Map<Tok, Tok>();
  private readonly endComments: Tok[] = [];
  private readonly commentSet: Set<Tok>;
  private readonly spanCache = new Map<CNode, [Tok | null, Tok | null]>();
  private readonly orderedCache = new Map<CNode, Elem[]>();

  /** Own-line comments of dropped tokens, printed before the next token. */
  private pendingLead: Tok[] = [];
  /** An end-of-line comment was printed and no line break has followed yet. */
  private trailingPending = false;
  /** The last token printed ends with full-width punctuation (`：` `，` `、` `（`). */
  private afterFullWidth = false;
  private printedTokens = 0;
  private readonly printedComments = new Set<Tok>();

  /** The padding before each end-of-line comment (one space, or more once aligned). */
  private lastSuffix: { pad: Doc[]; seq: number } | null = null;
  private suffixSeq = 0;
  /** Nesting of blocks, for the indentation of their lines. */
  private depth = 0;

  constructor(
    private readonly root: AssessRoot,
    private readonly options: PrintOptions,
  ) {
    this.text = root.text;
    const tokens = root.tokens.filter((t) => !t.isInsertedInRecovery && !isNaN(t.startOffset));
    this.commentSet = new Set(root.commentTokens);
    this.all = [...tokens, ...root.commentTokens].sort((a, b) => a.startOffset - b.startOffset);
    this.all.forEach((t, i) => this.indexOf.set(t, i));
    this.attachComments();
  }

  // ── comments ──────────────────────────────────────────────────────
  private attachComments() {
    let waiting: Tok[] = [];
    for (let i = 0; i < this.all.length; i++) {
      const t = this.all[i];
      if (!this.commentSet.has(t)) {
        if (waiting.length > 0) {
          this.leading.set(t, waiting);
          waiting = [];
        }
        continue;
      }
      const prev = this.all[i - 1];
      if (prev && !this.commentSet.has(prev) && !/[\n\r]/.test(this.text.slice(end(prev), t.startOffset))) this.trailing.set(prev, t);
      else waiting.push(t);
    }
    this.endComments.push(...waiting);
  }

  /** Newlines between the end of the element before `t` (token or comment) and `t`. */
  private newlinesBefore(t: Tok): number {
    const i = this.indexOf.get(t)!;
    const prev = this.all[i - 1];
    if (!prev) return 0;
    let n = 0;
    for (let k = end(prev); k < t.startOffset; k++) if (this.text.charCodeAt(k) === 10) n++;
    return n;
  }

  /** Did the author leave a blank line before this element (or before its own-line comments)? */
  private blankBefore(e: Elem): boolean {
    const first = this.first(e);
    if (!first) return false;
    const start = this.leading.get(first)?.[0] ?? first;
    return this.newlinesBefore(start) >= 2;
  }

  /** Own-line comments, one per line; a blank line after one is kept (at most one). */
  private commentLines(list: Tok[], breakAfterLast: boolean): Doc {
    const parts: Doc[] = [];
    list.forEach((c, i) => {
      parts.push(c.image.trimEnd());
      this.printedComments.add(c);
      if (i < list.length - 1 || breakAfterLast) {
        parts.push(hardline);
        const next = this.all[this.indexOf.get(c)! + 1];
        if (next && this.newlinesBefore(next) >= 2) parts.push(hardline);
      }
    });
    this.trailingPending = false;
    return parts;
  }

  private takeLeading(t: Tok): Tok[] {
    const own = this.leading.get(t);
    this.leading.delete(t);
    const list = own ? [...this.pendingLead, ...own] : this.pendingLead;
    this.pendingLead = [];
    return list;
  }

  private trailingOf(t: Tok): Doc {
    const c = this.trailing.get(t);
    if (!c) return '';
    if (this.trailingPending) throw new Error(`prettier-plugin-assess: internal error: two end-of-line comments on one line (${JSON.stringify(c.image)})`);
    this.trailing.delete(t);
    this.printedComments.add(c);
    this.trailingPending = true;
    // No breakParent: the separator after the comment is forced to a line break (sepDoc), which
    // breaks the groups it is in, while a group the comment merely ends stays on one line.
    const pad: Doc[] = [' '];
    this.lastSuffix = { pad, seq: ++this.suffixSeq };
    return [lineSuffix([pad, c.image.trimEnd()])];
  }

  /** A token, with its comments. */
  private tk(t: Tok): Doc {
    const lead = this.takeLeading(t);
    const before = lead.length > 0 ? this.commentLines(lead, true) : '';
    this.printedTokens++;
    // Multi-word keywords (`by rank of`, `if zero`) may be written with any blanks inside: one space.
    const image = t.tokenType.name === 'StringLit' || !/[ \t]/.test(t.image) ? t.image : t.image.replace(/[ \t]+/g, ' ');
    this.afterFullWidth = FULL_WIDTH_OPENERS.test(image);
    const after = this.trailingOf(t);
    return before === '' && after === '' ? image : [before, image, after];
  }

  /** A token the canonical layout leaves out (an optional comma): its comments still print. */
  private drop(t: Tok): Doc {
    // (takeLeading empties `pendingLead`, so take first, then keep.)
    const lead = this.takeLeading(t);
    this.pendingLead = lead;
    this.printedTokens++;
    const c = this.trailing.get(t);
    if (c && (this.trailingPending || lead.length > 0)) {
      // The line already ends with a comment, or comments before this token were deferred: this
      // one goes on its own line too, before the next token (comments keep their order).
      this.trailing.delete(t);
      this.pendingLead.push(c);
      return '';
    }
    return this.trailingOf(t);
  }

  private hasLead(e: Elem): boolean {
    if (this.pendingLead.length > 0) return true;
    const f = this.first(e);
    return !!f && this.leading.has(f);
  }

  /**
   * The separator before `e`: `sep`, unless a comment needs a line break here (an own-line
   * comment before `e`, or an end-of-line comment before it on the line). A forced break after
   * a space indents what follows; a forced break replacing a line of the layout keeps its indentation.
   */
  private sepDoc(sep: Sep, e: Elem): { doc: Doc; forced: boolean } {
    // After an end-of-line comment the next token always starts a new line, even a `,` or a `)`
    // glued to its token: a comment never moves past a token, which keeps the layout stable.
    if (this.hasLead(e) || this.trailingPending) {
      this.trailingPending = false;
      return { doc: hardline, forced: true };
    }
    if (this.afterFullWidth) return { doc: sep === 'line' || sep === 'soft' ? softline : '', forced: false };
    return { doc: SEP_DOC[sep], forced: false };
  }

  private gap(sep: Sep, e: Elem, print: () => Doc = () => this.el(e), indentOnBreak = true): Doc {
    const s = this.sepDoc(sep, e);
    // A `{` moved to a line of its own by a comment stays at the construct's indentation.
    if (s.forced && indentOnBreak && (sep === 'space' || sep === 'none') && this.first(e)?.tokenType.name !== 'LBrace') return indent([hardline, print()]);
    return [s.doc, print()];
  }

  /** A line break before a line of a block, keeping one blank line if the author left one. */
  private lineBreak(e: Elem, blankAllowed: boolean): Doc {
    this.trailingPending = false;
    return blankAllowed && this.blankBefore(e) ? [hardline, hardline] : hardline;
  }

  // ── tree helpers ──────────────────────────────────────────────────
  private first(e: Elem): Tok | null {
    return isTok(e) ? (e.isInsertedInRecovery ? null : e) : this.span(e)[0];
  }

  private last(e: Elem): Tok | null {
    return isTok(e) ? (e.isInsertedInRecovery ? null : e) : this.span(e)[1];
  }

  /** The first and the last token of a node (null for a node without tokens). */
  private span(n: CNode): [Tok | null, Tok | null] {
    let s = this.spanCache.get(n);
    if (s) return s;
    let first: Tok | null = null;
    let last: Tok | null = null;
    // Within one key the children are in source order: only the ends of each list matter
    // (unless an end has no tokens, which only error recovery produces).
    const children = n.children;
    for (const key of Object.keys(children)) {
      const list = children[key];
      if (!list || list.length === 0) continue;
      let f: Tok | null = null;
      for (let i = 0; i < list.length && !f; i++) f = this.first(list[i]);
      let l: Tok | null = null;
      for (let i = list.length - 1; i >= 0 && !l; i--) l = this.last(list[i]);
      if (f && (!first || f.startOffset < first.startOffset)) first = f;
      if (l && (!last || l.startOffset > last.startOffset)) last = l;
    }
    s = [first, last];
    this.spanCache.set(n, s);
    return s;
  }

  /** The children of a node in source order (children without tokens are left out). */
  private ordered(n: CNode): Elem[] {
    let out = this.orderedCache.get(n);
    if (out) return out;
    out = [];
    const children = n.children;
    for (const key of Object.keys(children)) for (const c of children[key] ?? []) if (this.first(c)) out.push(c);
    if (out.length > 1) out.sort((a, b) => this.first(a)!.startOffset - this.first(b)!.startOffset);
    this.orderedCache.set(n, out);
    return out;
  }

  /** The only child of a node, if it has exactly one. */
  private only(n: CNode): Elem | null {
    let found: Elem | null = null;
    const children = n.children;
    for (const key of Object.keys(children)) {
      const list = children[key];
      if (!list || list.length === 0) continue;
      if (found || list.length > 1) return null;
      found = list[0];
    }
    return found;
  }

  private defaultSep(a: Elem, b: Elem): Sep {
    const la = this.last(a);
    const fb = this.first(b);
    if (fb && GLUE_BEFORE.has(fb.tokenType.name)) return 'none';
    if (la && GLUE_AFTER.has(la.tokenType.name)) return 'none';
    return 'space';
  }

  private is(e: Elem | undefined, tokenName: string): e is Tok {
    return !!e && isTok(e) && e.tokenType.name === tokenName;
  }

  // ── the file ──────────────────────────────────────────────────────
  print(): Doc {
    const cst = this.root.cst;
    const decls = this.ordered(cst);
    const out: Doc[] = [];
    const printed: { doc: Doc; blank: boolean; pad: Doc[] | null }[] = [];
    decls.forEach((d, i) => {
      let blank = false;
      if (i > 0) {
        const k = kindOf(d);
        const grouped = RUN_KINDS.has(k) && kindOf(decls[i - 1]) === k;
        blank = !grouped || this.blankBefore(d);
        out.push(grouped ? this.lineBreak(d, true) : this.lineBreak(d, false), grouped ? '' : hardline);
      }
      const seq = this.suffixSeq;
      const doc = this.el(d);
      out.push(doc);
      printed.push({ doc, blank, pad: this.lastSuffix && this.lastSuffix.seq > seq ? this.lastSuffix.pad : null });
    });
    // End-of-line comments of a run of one-line declarations (vetoes, lets, …) are aligned.
    this.alignComments(printed);
    const rest = [...this.pendingLead, ...this.endComments];
    this.pendingLead = [];
    if (rest.length > 0) {
      if (decls.length > 0) out.push(hardline, this.newlinesBefore(rest[0]) >= 2 ? hardline : '');
      out.push(this.commentLines(rest, false));
    }
    out.push(hardline);
    this.verify();
    return out;
  }

  private verify() {
    const tokens = this.all.length - this.commentSet.size;
    if (this.printedTokens !== tokens || this.printedComments.size !== this.commentSet.size) {
      const lost = [...this.commentSet].filter((c) => !this.printedComments.has(c));
      throw new Error(
        `prettier-plugin-assess: internal error: printed ${this.printedTokens} of ${tokens} tokens and ${this.printedComments.size} of ${this.commentSet.size} comments` +
          (lost.length ? ` (not printed: ${lost.map((c) => JSON.stringify(c.image)).join(', ')})` : ''),
      );
    }
  }

  // ── dispatch ──────────────────────────────────────────────────────
  private el(e: Elem): Doc {
    return isTok(e) ? this.tk(e) : this.node(e);
  }

  private node(n: CNode): Doc {
    // A node with a single child prints as that child (most expression levels: `expression`
    // → `andExpr` → … → `primary` → a name).
    const only = this.only(n);
    if (only && this.first(only)) return this.el(only);
    if (CHAINS.has(n.name)) return this.chain(n);
    if (GLUED.has(n.name)) return this.glued(n);
    switch (n.name) {
      case 'unitDecl':
        return this.unitDecl(n);
      case 'fieldList':
        return this.fieldList(n);
      case 'section':
      case 'gradeBlock':
        return this.headAndBlock(n, (e) => !this.is(e, 'Comma'));
      case 'itemBody':
        return this.itemBody(n);
      case 'rule':
        return this.rule(n);
      case 'example':
        return this.example(n);
      case 'record':
        return this.record(n);
      case 'value':
        return this.value(n);
      case 'call':
        return this.call(n);
      case 'bands':
        return this.bands(n);
      case 'linear':
        return this.linear(n);
      default:
        return this.words(n);
    }
  }

  /**
   * The generic printer, and the fallback for any node whose shape is not the expected one:
   * every child in source order, separated by a space (no space before `,` `:` `)` `]` `.`
   * `..` and none after `(` `[` `.` `..`).
   */
  private words(n: CNode | Elem[]): Doc {
    const elems = Array.isArray(n) ? n : this.ordered(n);
    if (elems.length === 0) return '';
    const out: Doc[] = [this.el(elems[0])];
    for (let i = 1; i < elems.length; i++) out.push(this.gap(this.defaultSep(elems[i - 1], elems[i]), elems[i]));
    return out;
  }

  private glued(n: CNode): Doc {
    const elems = this.ordered(n);
    if (elems.length === 0) return '';
    const out: Doc[] = [this.el(elems[0])];
    for (let i = 1; i < elems.length; i++) {
      // Two word tokens are never glued (`a` `and` would read as one name `aand`).
      const words = WORDY.test(this.last(elems[i - 1])?.image.slice(-1) ?? '') && WORDY.test(this.first(elems[i])?.image.charAt(0) ?? '');
      out.push(this.gap(words ? 'space' : 'none', elems[i]));
    }
    return out;
  }

  // ── expressions ───────────────────────────────────────────────────
  /** `a op b op c`: one line if it fits, else broken before each operator, indented. */
  private chain(n: CNode): Doc {
    const elems = this.ordered(n);
    const alternates = elems.every((e, i) => (i % 2 === 0 ? !isTok(e) : isTok(e))) && elems.length % 2 === 1;
    if (!alternates) return this.words(elems);
    if (elems.length === 1) return this.el(elems[0]);
    const first = this.el(elems[0]);
    const unbroken = UNBROKEN_CHAINS.has(n.name);
    const rest: Doc[] = [];
    for (let i = 1; i < elems.length; i += 2) rest.push(this.gap(unbroken ? 'space' : 'line', elems[i]), this.gap('space', elems[i + 1]));
    return unbroken ? [first, rest] : group([first, indent(rest)]);
  }

  /** `sum(x.y where c)`, `max(a, b)`, `round(x, 2)` */
  private call(n: CNode): Doc {
    const elems = this.ordered(n);
    const open = elems.findIndex((e) => this.is(e, 'LParen'));
    const close = elems.length - 1;
    if (open !== 1 || !this.is(elems[close], 'RParen')) return this.words(elems);
    const head: Doc[] = [this.el(elems[0]), this.gap('none', elems[1])];
    const inner: Doc[] = [];
    let prev: 'open' | 'comma' | 'where' | 'other' = 'open';
    for (const e of elems.slice(2, close)) {
      if (this.is(e, 'Comma')) {
        inner.push(this.gap('none', e));
        prev = 'comma';
      } else if (this.is(e, 'Where')) {
        inner.push(this.gap('line', e));
        prev = 'where';
      } else {
        inner.push(this.gap(prev === 'open' ? 'soft' : prev === 'comma' ? 'line' : 'space', e));
        prev = 'other';
      }
    }
    return group([head, indent(inner), this.gap('soft', elems[close])]);
  }

  /** `bands x { < 1亿: 0, < 5亿: 4, else: 10 }` */
  private bands(n: CNode): Doc {
    const elems = this.ordered(n);
    const open = elems.findIndex((e) => this.is(e, 'LBrace'));
    if (open < 0 || !this.is(elems[elems.length - 1], 'RBrace')) return this.words(elems);
    const head = elems.slice(0, open);
    const body = elems.slice(open + 1, -1);
    // One entry per band (commas between bands are optional).
    const items: { elems: Elem[]; comma: Tok | null }[] = [];
    for (const e of body) {
      const lastItem = items[items.length - 1];
      if (this.is(e, 'Comma') && lastItem && !lastItem.comma) lastItem.comma = e;
      else if (!isTok(e) || !lastItem || lastItem.comma) items.push({ elems: [e], comma: null });
      else lastItem.elems.push(e);
    }
    return [this.words(head), this.gap('space', elems[open], () => this.commaList(elems[open] as Tok, items, elems[elems.length - 1] as Tok, 'line', false))];
  }

  /** `linear x from 1亿 -> 0 to 5亿 -> 10`: broken before each `to` when too long. */
  private linear(n: CNode): Doc {
    const elems = this.ordered(n);
    const head: Doc[] = [this.el(elems[0])];
    const tail: Doc[] = [];
    for (let i = 1; i < elems.length; i++) {
      const e = elems[i];
      if (this.is(e, 'To')) tail.push(this.gap('line', e));
      else (tail.length > 0 ? tail : head).push(this.gap('space', e));
    }
    return group([head, indent(tail)]);
  }

  // ── declarations ──────────────────────────────────────────────────
  /** `unit town "镇", subdistrict "街道"`: broken after the commas when too long. */
  private unitDecl(n: CNode): Doc {
    const elems = this.ordered(n);
    if (elems.length < 2) return this.words(elems);
    const first = this.el(elems[0]);
    const second = this.gap('space', elems[1], undefined, false);
    // The kinds, each with its comma, fill the lines.
    const contents: Doc[] = [];
    let cur: Doc[] = [second];
    for (const e of elems.slice(2)) {
      if (this.is(e, 'Comma')) cur.push(this.gap('none', e));
      else {
        contents.push(cur, this.sepDoc('line', e).doc);
        cur = [this.el(e)];
      }
    }
    contents.push(cur);
    return [first, indent(fill(contents))];
  }

  /** The part of a node before its `{`, then the block: one line per element, commas left out. */
  private headAndBlock(n: CNode, isLine: (e: Elem) => boolean): Doc {
    const elems = this.ordered(n);
    const open = elems.findIndex((e) => this.is(e, 'LBrace'));
    const close = elems.length - 1;
    if (open < 0 || !this.is(elems[close], 'RBrace')) return this.words(elems);
    const entries: BlockEntry[] = elems.slice(open + 1, close).map((e) => (isLine(e) || !isTok(e) ? { first: e, print: () => this.el(e) } : { drop: e }));
    const head = elems.slice(0, open);
    const block = () => this.block(elems[open] as Tok, entries, elems[close] as Tok);
    return head.length === 0 ? block() : [this.words(head), this.gap('space', elems[open], block)];
  }

  /**
   * `{`, one line per entry (blank lines between them kept, at most one), own-line comments
   * before the `}` inside the block, `}`. An empty block is `{}`.
   */
  private block(open: Tok, entries: BlockEntry[], close: Tok): Doc {
    const head = this.tk(open);
    const body: Doc[] = [];
    let lines = 0;
    this.depth++;
    const printed: { doc: Doc; blank: boolean; seq: number; pad: Doc[] | null }[] = [];
    for (const en of entries) {
      if ('drop' in en) {
        body.push(this.drop(en.drop));
        // An end-of-line comment on a dropped comma ends the line before it.
        const cur = printed[printed.length - 1];
        if (cur && this.lastSuffix && this.lastSuffix.seq > cur.seq) cur.pad = this.lastSuffix.pad;
        continue;
      }
      const blank = lines > 0 && this.blankBefore(en.first);
      const seq = this.suffixSeq;
      body.push(this.lineBreak(en.first, lines > 0));
      const doc = en.print();
      body.push(doc);
      printed.push({ doc, blank, seq, pad: this.lastSuffix && this.lastSuffix.seq > seq ? this.lastSuffix.pad : null });
      lines++;
    }
    this.alignComments(printed);
    this.depth--;
    const dangling = this.takeLeading(close);
    if (dangling.length > 0) {
      body.push(hardline, lines > 0 && this.newlinesBefore(dangling[0]) >= 2 ? hardline : '', this.commentLines(dangling, false));
    }
    if (lines === 0 && dangling.length === 0 && !this.trailingPending) return [head, this.tk(close)];
    this.trailingPending = false;
    return [head, indent(body), hardline, this.tk(close)];
  }

  /**
   * End-of-line comments of consecutive one-line lines of a block start in the same column
   * (one space after the longest of those lines). A blank line, a line without such a comment
   * or a line that does not fit on one line ends the run.
   */
  private alignComments(lines: { doc: Doc; blank: boolean; pad: Doc[] | null }[]) {
    const indentCols = this.depth * this.options.tabWidth;
    let run: { pad: Doc[]; w: number }[] = [];
    const flush = () => {
      if (run.length > 1) {
        const max = Math.max(...run.map((r) => r.w));
        for (const r of run) r.pad[0] = ' '.repeat(max - r.w + 1);
      }
      run = [];
    };
    for (const l of lines) {
      if (l.blank) flush();
      const w = l.pad ? this.flatWidth(l.doc, l.pad) : null;
      if (w === null || indentCols + w > this.options.printWidth) {
        flush();
        continue;
      }
      run.push({ pad: l.pad!, w });
    }
    flush();
  }

  /** The width of a line's code printed flat, or null if it has a line break (a comment inside). */
  private flatWidth(d: Doc, pad: Doc[]): number | null {
    const saved = pad[0];
    pad[0] = '\u0000';
    const out = doc.printer.printDocToString(d, { printWidth: Number.MAX_SAFE_INTEGER, tabWidth: this.options.tabWidth, useTabs: false } as Parameters<typeof doc.printer.printDocToString>[1]).formatted;
    pad[0] = saved;
    if (out.includes('\n')) return null;
    return width(out.split('\u0000')[0]);
  }

  /**
   * A comma-separated list that stays on one line if it fits and otherwise puts one entry per
   * line (`fillEntries`: as many as fit per line). Missing optional commas are added, a trailing
   * comma is left out.
   */
  private commaList(
    open: Tok,
    items: { elems: Elem[]; comma: Tok | null }[],
    close: Tok,
    inner: Sep,
    fillEntries: boolean,
    /** In a filled list, an entry that stands on lines of its own once the list breaks. */
    alone: (item: { elems: Elem[] }) => boolean = () => false,
  ): Doc {
    const head = this.tk(open);
    const commaImage = items.find((i) => i.comma)?.comma?.image ?? ',';
    const contents: Doc[] = [];
    const id = Symbol('list');
    let openSep: Doc = '';
    items.forEach((item, i) => {
      const last = i === items.length - 1;
      const s = this.sepDoc(i === 0 ? inner : 'line', item.elems[0]);
      // Around an entry that stands alone: a line break once the list is broken (and a space while it is not).
      const sep = i > 0 && !s.forced && fillEntries && (alone(item) || alone(items[i - 1])) ? ifBreak(hardlineWithoutBreakParent, line, { groupId: id }) : s.doc;
      if (i === 0) openSep = sep;
      else contents.push(sep);
      const entry: Doc[] = [this.words(item.elems)];
      if (item.comma) entry.push(last ? this.drop(item.comma) : this.gap('none', item.comma));
      else if (!last) {
        entry.push(commaImage);
        this.afterFullWidth = FULL_WIDTH_OPENERS.test(commaImage);
      }
      contents.push(entry);
    });
    const dangling = this.takeLeading(close);
    const danglingDoc = dangling.length > 0 ? [hardline, this.commentLines(dangling, false)] : '';
    if (items.length === 0 && dangling.length === 0 && !this.trailingPending) return [head, this.tk(close)];
    const body = fillEntries ? fill(contents) : contents;
    return group([head, indent([openSep, body, danglingDoc]), this.gap(inner, close)], { id });
  }

  // ── input ─────────────────────────────────────────────────────────
  /** `{ fields }`: one field per line; names, types and labels in aligned columns. */
  private fieldList(n: CNode): Doc {
    const elems = this.ordered(n);
    const close = elems.length - 1;
    if (!this.is(elems[0], 'LBrace') || !this.is(elems[close], 'RBrace')) return this.words(elems);
    const inner = elems.slice(1, close);
    const fields = inner.filter((e): e is CNode => !isTok(e) && e.name === 'field' && this.fieldShape(e) !== null);
    const pads = this.alignment(fields);
    const entries: BlockEntry[] = inner.map((e) => {
      if (this.is(e, 'Comma')) return { drop: e };
      const pad = pads.get(e as CNode);
      return { first: e, print: () => (pad ? this.field(e as CNode, pad.name, pad.type) : this.el(e)) };
    });
    return this.block(elems[0] as Tok, entries, elems[close] as Tok);
  }

  /** The parts of a field `name : type ["label"] [optional]`, or null if it has another shape. */
  private fieldShape(f: CNode): { name: Tok; colon: Tok; type: CNode; label?: Tok; optional?: Tok } | null {
    const e = this.ordered(f);
    if (!this.is(e[0], 'Identifier') || !this.is(e[1], 'Colon') || !e[2] || isTok(e[2])) return null;
    let i = 3;
    const label = this.is(e[i], 'StringLit') ? (e[i++] as Tok) : undefined;
    const optional = this.is(e[i], 'Optional') ? (e[i++] as Tok) : undefined;
    if (i !== e.length) return null;
    return { name: e[0] as Tok, colon: e[1] as Tok, type: e[2] as CNode, label, optional };
  }

  /**
   * Column padding for each field. Fields are aligned in runs of consecutive one-line fields;
   * a blank line or a `list of { … }` field ends a run. Labels are aligned among the fields of
   * the run that have one.
   */
  private alignment(fields: CNode[]): Map<CNode, { name: number; type: number }> {
    const pads = new Map<CNode, { name: number; type: number }>();
    let run: { f: CNode; nameW: number; typeW: number; labelled: boolean }[] = [];
    const flush = () => {
      const nameMax = Math.max(0, ...run.map((r) => r.nameW));
      const typeMax = Math.max(0, ...run.filter((r) => r.labelled).map((r) => r.typeW));
      for (const r of run) pads.set(r.f, { name: nameMax - r.nameW, type: r.labelled ? typeMax - r.typeW : 0 });
      run = [];
    };
    for (const f of fields) {
      const s = this.fieldShape(f)!;
      const flat = this.hasInnerComments(f) ? null : this.flatText(s.type);
      if (flat === null) {
        flush();
        pads.set(f, { name: 0, type: 0 });
        continue;
      }
      if (this.blankBefore(f)) flush();
      const colonPart = FULL_WIDTH_OPENERS.test(s.colon.image) ? s.colon.image : ` ${s.colon.image} `;
      run.push({ f, nameW: width(s.name.image) + width(colonPart), typeW: width(flat), labelled: !!s.label });
    }
    flush();
    return pads;
  }

  /** Does a comment sit between the first and the last token of this node? */
  private hasInnerComments(n: CNode): boolean {
    const a = this.indexOf.get(this.first(n)!)!;
    const b = this.indexOf.get(this.last(n)!)!;
    for (let i = a + 1; i < b; i++) if (this.commentSet.has(this.all[i])) return true;
    return false;
  }

  /** A type as it prints on one line, or null for a `list of { … }` type (never aligned). */
  private flatText(type: CNode): string | null {
    let out = '';
    let prev: Tok | null = null;
    const walk = (n: CNode): boolean => {
      for (const e of this.ordered(n)) {
        if (!isTok(e)) {
          if (e.name === 'fieldList') return false;
          if (!walk(e)) return false;
          continue;
        }
        const glue = prev && (GLUE_BEFORE.has(e.tokenType.name) || GLUE_AFTER.has(prev.tokenType.name) || prev.tokenType.name === 'Minus');
        out += (prev && !glue ? ' ' : '') + e.image;
        prev = e;
      }
      return true;
    };
    return walk(type) ? out : null;
  }

  private field(f: CNode, namePad: number, typePad: number): Doc {
    const s = this.fieldShape(f)!;
    const fullWidth = FULL_WIDTH_OPENERS.test(s.colon.image);
    const out: Doc[] = [this.tk(s.name), ' '.repeat(namePad), this.gap(fullWidth ? 'none' : 'space', s.colon), this.gap('space', s.type)];
    if (s.label) out.push(' '.repeat(typePad), this.gap('space', s.label));
    if (s.optional) out.push(this.gap('space', s.optional));
    return out;
  }

  // ── items ─────────────────────────────────────────────────────────
  /** `: rule` or `{ lines }`; a block of one line without comments may stay on one line: `{ 2 if a }`. */
  private itemBody(n: CNode): Doc {
    const elems = this.ordered(n);
    if (this.is(elems[0], 'Colon') && elems.length === 2 && !isTok(elems[1])) {
      return [this.el(elems[0]), this.gap('space', elems[1])];
    }
    const close = elems.length - 1;
    if (elems.length === 3 && this.is(elems[0], 'LBrace') && this.is(elems[close], 'RBrace') && !isTok(elems[1]) && !this.hasInnerComments(n) && !this.trailing.has(elems[0] as Tok)) {
      return group([this.tk(elems[0] as Tok), indent([line, this.el(elems[1])]), line, this.tk(elems[close] as Tok)]);
    }
    return this.headAndBlock(n, (e) => !this.is(e, 'Comma'));
  }

  /**
   * A rule: its head, then its clauses. The clauses are kept as written (commas included);
   * when the rule does not fit, it breaks after commas, as many clauses per line as fit.
   */
  private rule(n: CNode): Doc {
    const elems = this.ordered(n);
    const segments: { elems: Elem[]; comma: Tok | null }[] = [];
    let cur: Elem[] = [];
    for (const e of elems) {
      if (this.is(e, 'Comma')) {
        segments.push({ elems: cur, comma: e });
        cur = [];
      } else cur.push(e);
    }
    if (cur.length > 0 || segments.length === 0) segments.push({ elems: cur, comma: null });
    // The first segment stays outside the indentation, so that a block in it (`bands x { … }`)
    // closes at the item's indentation; the following lines are indented.
    const printSeg = (seg: { elems: Elem[]; comma: Tok | null }) => {
      const parts: Doc[] = [];
      seg.elems.forEach((e, j) => parts.push(j === 0 ? this.el(e) : this.gap('space', e)));
      if (seg.comma) parts.push(this.gap('none', seg.comma));
      return parts;
    };
    // When the head itself breaks over lines (a long formula), its clauses start on a line of their
    // own rather than trailing its last line; a head that ends in a block (`bands x { … }`) keeps
    // them after its `}`.
    const headId = Symbol('rule head');
    const headElems = segments[0].elems;
    const endsInBlock = headElems.length > 0 && this.last(headElems[headElems.length - 1])?.tokenType.name === 'RBrace';
    const head = endsInBlock ? printSeg(segments[0]) : group(printSeg(segments[0]), { id: headId });
    const contents: Doc[] = [''];
    segments.slice(1).forEach((seg, i) => {
      const sep = seg.elems.length > 0 ? this.sepDoc('line', seg.elems[0]).doc : line;
      contents.push(i === 0 && !endsInBlock ? ifBreak(hardline, sep, { groupId: headId }) : sep, printSeg(seg));
    });
    return contents.length === 1 ? head : [head, indent(fill(contents))];
  }

  // ── examples ──────────────────────────────────────────────────────
  /** `example "label" {` then one line per `given`, `unit "name" {…}` and `expect`. */
  private example(n: CNode): Doc {
    const elems = this.ordered(n);
    const open = elems.findIndex((e) => this.is(e, 'LBrace'));
    const close = elems.length - 1;
    if (open < 0 || !this.is(elems[close], 'RBrace')) return this.words(elems);
    const lines: Elem[][] = [];
    for (const e of elems.slice(open + 1, close)) {
      const starts = this.is(e, 'Given') || this.is(e, 'Unit') || (!isTok(e) && e.name === 'expectation');
      if (starts || lines.length === 0) lines.push([e]);
      else lines[lines.length - 1].push(e);
    }
    const entries: BlockEntry[] = lines.map((l) => ({ first: l[0], print: () => this.words(l) }));
    return [this.words(elems.slice(0, open)), this.gap('space', elems[open], () => this.block(elems[open] as Tok, entries, elems[close] as Tok))];
  }

  /** `{ key: value, … }`: one line if it fits, else one entry per line. */
  private record(n: CNode): Doc {
    const elems = this.ordered(n);
    const close = elems.length - 1;
    if (!this.is(elems[0], 'LBrace') || !this.is(elems[close], 'RBrace')) return this.words(elems);
    // Entries start at a key (a name, or `unit`: the token before a `:`); commas are optional between them.
    const items: { elems: Elem[]; comma: Tok | null }[] = [];
    const inner = elems.slice(1, close);
    inner.forEach((e, i) => {
      const lastItem = items[items.length - 1];
      const key = isTok(e) && this.is(inner[i + 1], 'Colon');
      if (this.is(e, 'Comma') && lastItem && !lastItem.comma) lastItem.comma = e;
      else if (key || !lastItem || lastItem.comma) items.push({ elems: [e], comma: null });
      else lastItem.elems.push(e);
    });
    // The entries fill the lines; an entry whose value is a record or holds records has lines of its own.
    return this.commaList(elems[0] as Tok, items, elems[close] as Tok, 'line', true, (item) => item.elems.some((e) => !isTok(e) && e.name === 'value' && holdsRecords(e)));
  }

  /** A value; a list `[…]` fills its lines when its entries are plain values, else one per line. */
  private value(n: CNode): Doc {
    const elems = this.ordered(n);
    const close = elems.length - 1;
    if (!this.is(elems[0], 'LBracket') || !this.is(elems[close], 'RBracket')) return this.words(elems);
    const items = splitOnCommas(elems.slice(1, close), (e) => this.is(e, 'Comma'));
    const plain = items.every((i) => i.elems.length === 1 && !isTok(i.elems[0]) && i.elems[0].name === 'value' && isScalarValue(i.elems[0]));
    return this.commaList(elems[0] as Tok, items, elems[close] as Tok, 'soft', plain);
  }
}

/** Is this value a record, or a list with a record or a list in it? */
function holdsRecords(v: CNode): boolean {
  if (v.children.record?.length) return true;
  return !!v.children.LBracket && (v.children.value ?? []).some((x) => !isScalarValue(x as CNode));
}

function isScalarValue(v: CNode): boolean {
  const c = v.children;
  return !c.record && !c.LBracket;
}

function splitOnCommas(elems: Elem[], isComma: (e: Elem) => boolean): { elems: Elem[]; comma: Tok | null }[] {
  const items: { elems: Elem[]; comma: Tok | null }[] = [];
  let cur: Elem[] = [];
  for (const e of elems) {
    if (isComma(e) && cur.length > 0) {
      items.push({ elems: cur, comma: e as Tok });
      cur = [];
    } else cur.push(e);
  }
  if (cur.length > 0) items.push({ elems: cur, comma: null });
  return items;
}

function kindOf(d: Elem): string {
  if (isTok(d)) return d.tokenType.name;
  if (d.name !== 'declaration') return d.name;
  const [name] = Object.keys(d.children);
  return name ?? d.name;
}

function end(t: Tok): number {
  return (t.endOffset ?? t.startOffset + t.image.length - 1) + 1;
}

function width(s: string): number {
  return util.getStringWidth(s);
}
