// The semantic model: what the checker learned about a file, for the tools that work on it
// while it is written (the language server, the browser studio). Built even when the file
// has errors, from whatever could be read.
//
// - every definition (inputs and list-entry fields, lets, sections, items, bonuses, vetoes,
//   grade labels, imports, enum members, unit kinds) with its type, label, max and static
//   range, and every reference to it, both ways;
// - what is under a cursor (`nodeAt`), and where list-entry fields are in scope;
// - the outline: sections → items with their max.
import type * as A from '../ast/ast.js';
import { nodesAt } from '../ast/walk.js';
import type { Text } from '../common/text.js';
import type { Span } from '../diagnostics/diagnostic.js';
import { describeTy, type Ty } from '../types/types.js';

export type DefinitionKind = 'input' | 'entryField' | 'let' | 'section' | 'item' | 'bonus' | 'veto' | 'grade' | 'import' | 'member' | 'unitKind';

export interface Definition {
  id: number;
  kind: DefinitionKind;
  /** The name, or the label of a section, item, bonus, veto or grade. */
  name: string;
  /** The label of an input or list-entry field (`"少报次数"`). */
  label?: string;
  /** Where the name or label is written (without quotes): what rename edits. */
  nameSpan: Span;
  /** The whole declaration. */
  span: Span;
  /** Inputs, entry fields, lets: the type as a drafter reads it. */
  type?: Text;
  /** The checker's type (inputs, entry fields, lets). */
  ty?: Ty;
  /** Inputs and entry fields: may be absent. */
  optional?: boolean;
  /** Items and bonuses: their max; sections: their scale. */
  max?: string;
  /** Sections: the sum of their items' maxima. */
  itemsMax?: string;
  /** Items, bonuses, sections: the static range of the score. */
  range?: { low: string; high: string | null };
  /** Sections: the weight as written (`40%`). */
  weight?: string;
  /** The definition this one belongs to: an entry field's list input, an item's section, a member's enum input. */
  parent?: number;
  /** Items and bonuses: the declaration (its rule, cap, rounding and voids, for hover and the rules table). */
  item?: A.Item;
  /** Where it is used, in source order. */
  references: Span[];
}

export interface Reference {
  span: Span;
  target: number;
}

/** Where the fields of a list's entries can be named: inside `where`, after `with` and `best per`. */
export interface EntryScope {
  span: Span;
  /** The list input (a definition id). */
  list: number;
}

export interface OutlineSymbol {
  name: string;
  kind: DefinitionKind | 'inputs' | 'grades' | 'example';
  /** Items, bonuses, sections: the max. */
  detail?: string;
  span: Span;
  nameSpan: Span;
  children: OutlineSymbol[];
}

/** What is under a cursor. */
export interface NodeAt {
  /** The AST nodes that contain the offset, outermost first. */
  nodes: A.Node[];
  /** A name or label that defines something. */
  definition?: Definition;
  /** A use of a definition (`definition` is then what it refers to). */
  reference?: Reference;
  /** The innermost expression there, with its type. */
  expr?: { node: A.Expr; type?: Ty };
}

export class SemanticModel {
  readonly definitions: Definition[] = [];
  readonly references: Reference[] = [];
  readonly scopes: EntryScope[] = [];
  /** The scheme total, and the static range of a unit's total. */
  total?: string;
  totalRange: { low: string; high: string | null } = { low: '0', high: null };

  constructor(
    readonly ast: A.Scheme,
    readonly file: string | undefined,
    readonly source: string | undefined,
    private readonly types: ReadonlyMap<A.Expr, Ty>,
  ) {}

  // ── building (the checker) ────────────────────────────────────────
  define(d: Omit<Definition, 'id' | 'references'>): Definition {
    const def = d as Definition;
    def.id = this.definitions.length;
    def.references = [];
    this.definitions.push(def);
    return def;
  }

  refer(span: Span, target: Definition | undefined) {
    if (target && span.end > span.start) this.references.push({ span, target: target.id });
  }

  /** Once the checker is done: references in source order (each once), and each definition's list of them. */
  finish() {
    const refs = this.references.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.target - b.target);
    let n = 0;
    for (const r of refs) {
      const prev = refs[n - 1];
      if (prev && prev.span.start === r.span.start && prev.span.end === r.span.end && prev.target === r.target) continue;
      refs[n++] = r;
    }
    refs.length = n;
    for (const r of refs) this.definitions[r.target].references.push(r.span);
  }

  // ── queries ───────────────────────────────────────────────────────
  find(kind: DefinitionKind, name: string, parent?: number): Definition | undefined {
    return this.definitions.find((d) => d.kind === kind && d.name === name && (parent === undefined || d.parent === parent));
  }

  ofKind(...kinds: DefinitionKind[]): Definition[] {
    return this.definitions.filter((d) => kinds.includes(d.kind));
  }

  /** The list input whose entry fields are in scope at an offset, if any. */
  entryScopeAt(offset: number): Definition | undefined {
    let best: EntryScope | undefined;
    for (const s of this.scopes) if (s.span.start <= offset && offset <= s.span.end && (!best || s.span.start >= best.span.start)) best = s;
    return best ? this.definitions[best.list] : undefined;
  }

  /** The definition whose name is at an offset (the end of a name counts: a cursor after its last character). */
  definitionAt(offset: number): Definition | undefined {
    return this.definitions.find((d) => d.nameSpan.start <= offset && offset <= d.nameSpan.end && d.nameSpan.end > d.nameSpan.start);
  }

  referenceAt(offset: number): Reference | undefined {
    return this.references.find((r) => r.span.start <= offset && offset <= r.span.end);
  }

  /** What is under the cursor: the AST nodes around it, the definition or reference, the expression and its type. */
  nodeAt(offset: number): NodeAt {
    const nodes = nodesAt(this.ast, offset);
    const out: NodeAt = { nodes };
    const reference = this.referenceAt(offset);
    if (reference) {
      out.reference = reference;
      out.definition = this.definitions[reference.target];
    } else {
      const definition = this.definitionAt(offset);
      if (definition) out.definition = definition;
    }
    for (let i = nodes.length - 1; i >= 0; i--) {
      const n = nodes[i] as A.Expr;
      if (this.types.has(n)) {
        out.expr = { node: n, type: this.types.get(n) };
        break;
      }
    }
    return out;
  }

  /** The type of an expression, as the checker found it. */
  typeOf(e: A.Expr): Ty | undefined {
    return this.types.get(e);
  }

  describe(t: Ty): Text {
    return describeTy(t);
  }

  /** Sections → items with their max; then top-level items, bonuses, vetoes, grades, lets, inputs. */
  outline(): OutlineSymbol[] {
    const sym = (d: Definition, children: OutlineSymbol[] = []): OutlineSymbol => ({ name: d.name, kind: d.kind, detail: d.max, span: d.span, nameSpan: d.nameSpan, children });
    const out: OutlineSymbol[] = [];
    const inputs = this.ofKind('input');
    if (inputs.length > 0 && this.ast.inputs.length > 0) {
      const first = this.ast.inputs[0].span;
      const last = this.ast.inputs[this.ast.inputs.length - 1].span;
      const span = { start: first.start, end: last.end };
      out.push({
        name: 'input',
        kind: 'inputs',
        span,
        nameSpan: span,
        children: inputs.filter((d) => d.span.start >= span.start && d.span.end <= span.end).map((d) => sym(d, this.ofKind('entryField').filter((f) => f.parent === d.id).map((f) => sym(f)))),
      });
    }
    for (const l of this.ofKind('let')) if (!this.ast.sections.some((s) => s.span.start <= l.span.start && l.span.end <= s.span.end)) out.push(sym(l));
    const section = (s: Definition): OutlineSymbol =>
      sym(
        s,
        this.definitions
          .filter((d) => d.parent === s.id && (d.kind === 'item' || d.kind === 'let' || d.kind === 'section'))
          .sort((a, b) => a.span.start - b.span.start)
          .map((d) => (d.kind === 'section' ? section(d) : sym(d))),
      );
    for (const s of this.ofKind('section')) if (s.parent === undefined) out.push(section(s));
    for (const d of this.ofKind('item', 'bonus', 'veto')) if (d.parent === undefined) out.push(sym(d));
    if (this.ast.grades) {
      const g = this.ast.grades;
      out.push({ name: 'grade', kind: 'grades', span: g.span, nameSpan: { start: g.span.start, end: g.span.start }, children: this.ofKind('grade').map((d) => sym(d)) });
    }
    for (const ex of this.ast.examples) out.push({ name: ex.label.text, kind: 'example', span: ex.span, nameSpan: ex.label.span, children: [] });
    return out.sort((a, b) => a.span.start - b.span.start);
  }
}

/** The span of a label's text without its quotes. */
export function labelSpan(s: A.Str): Span {
  return s.span.end - s.span.start >= 2 ? { ...s.span, start: s.span.start + 1, end: s.span.end - 1 } : s.span;
}
