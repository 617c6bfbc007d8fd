// Pass 3: syntax tree → AST.
//
// Works on trees that error recovery left incomplete: a missing piece becomes an `Error`
// expression or an absent optional field, never an exception. Which clauses may follow
// which rule head is decided here, from each rule kind's clause table (rules/), where the
// message can name both.
import { numberValue } from '../common/numbers.js';
import { diag, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { CLAUSE_NAMES, ruleKind, type Clause, type ClauseName } from '../rules/index.js';
import type { SyntaxReuse } from '../syntax/reuse.js';
import { isToken, tokensOf, type SyntaxElement, type SyntaxNode, type SyntaxToken, type SyntaxTree } from '../syntax/tree.js';
import type * as A from './ast.js';
import { exprText } from './ast.js';
import { astMemoOf, type AstMemo } from './reuse.js';

type CstNode = SyntaxNode;
type IToken = SyntaxToken;

export interface AstResult {
  ast: A.Scheme;
  diagnostics: Diagnostic[];
}

/** Syntax tree → AST. Never throws. */
export function buildAst(tree: SyntaxTree, file?: string, reuse?: SyntaxReuse): AstResult {
  const b = new Builder(file, reuse && astMemoOf(reuse));
  const ast = b.scheme(tree.root);
  // When the file was too deeply nested to parse (E0006) the tree is empty: no "missing header" on top.
  return { ast, diagnostics: tree.diagnostics.some((d) => d.code === 'E0006') ? [] : b.diagnostics };
}

type Children = Record<string, SyntaxElement[] | undefined>;

// A syntax node keeps its tokens under their kind's name and its child nodes under their
// rule's name, never both under one name: the lists are read as they are, without copies (the
// AST of a long file is built again at every keystroke in an editor).
const NONE: never[] = [];
function toks(node: CstNode | undefined, name: string): IToken[] {
  return ((node?.children as Children | undefined)?.[name] ?? NONE) as IToken[];
}
function tok(node: CstNode | undefined, name: string, i = 0): IToken | undefined {
  const t = toks(node, name)[i];
  return t && !t.isInsertedInRecovery ? t : undefined;
}
function kids(node: CstNode | undefined, name: string): CstNode[] {
  return ((node?.children as Children | undefined)?.[name] ?? NONE) as CstNode[];
}
function kid(node: CstNode | undefined, name: string, i = 0): CstNode | undefined {
  return kids(node, name)[i];
}
/** All tokens directly under a node, among the given names, in source order. */
function ordered(node: CstNode, names: string[]): IToken[] {
  return names.flatMap((n) => toks(node, n)).sort((a, b) => a.startOffset - b.startOffset);
}
class Builder {
  diagnostics: Diagnostic[] = [];
  constructor(
    private file?: string,
    private readonly memo?: AstMemo,
  ) {}

  /** A top-level declaration's AST, reused when its syntax node was (an edited file: ast/reuse.ts). */
  declared<T extends A.Node | A.Node[] | undefined>(node: CstNode, build: () => T): T {
    return this.memo ? this.memo.reuse(node, this.spanOf(node).start, this.diagnostics, build) : build();
  }

  // ── positions ─────────────────────────────────────────────────────
  spanOf(x: CstNode | IToken | undefined, fallback?: Span): Span {
    if (!x) return fallback ?? { start: 0, end: 0 };
    if (isToken(x)) {
      if (x.isInsertedInRecovery || isNaN(x.startOffset)) return fallback ?? { start: 0, end: 0 };
      return { start: x.startOffset, end: (x.endOffset ?? x.startOffset) + 1 };
    }
    // Chevrotain tracks node offsets; only a node that recovery touched needs a walk of its tokens.
    const loc = x.location;
    if (loc && !isNaN(loc.startOffset) && loc.endOffset !== undefined && !isNaN(loc.endOffset) && !x.recoveredNode) return { start: loc.startOffset, end: loc.endOffset + 1 };
    const ts = tokensOf(x);
    if (ts.length === 0) return fallback ?? { start: 0, end: 0 };
    return { start: ts[0].startOffset, end: (ts[ts.length - 1].endOffset ?? ts[ts.length - 1].startOffset) + 1 };
  }
  join(a: Span, b: Span): Span {
    return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
  }

  // ── leaves ────────────────────────────────────────────────────────
  str(t: IToken | undefined, fallback?: Span): A.Str | undefined {
    if (!t) return undefined;
    // A label that is not closed (reported by the lexer) has no closing quote to drop.
    const text = t.tokenType.name === 'UnclosedLabel' ? t.image.slice(1) : t.image.slice(1, -1);
    return { kind: 'Str', text, span: this.spanOf(t, fallback) };
  }
  ident(t: IToken | undefined): A.Ident | undefined {
    if (!t) return undefined;
    return { kind: 'Ident', name: t.image, span: this.spanOf(t) };
  }
  num(t: IToken | undefined, negative = false): A.Num | undefined {
    if (!t) return undefined;
    const text = (negative ? '-' : '') + t.image;
    return { kind: 'Num', text, value: numberValue(text), span: this.spanOf(t) };
  }
  signed(n: CstNode | undefined): A.Num | undefined {
    if (!n) return undefined;
    const minus = tok(n, 'Minus');
    const v = this.num(tok(n, 'NumberLit'), !!minus);
    if (v && minus) v.span = this.join(this.spanOf(minus), v.span);
    return v;
  }

  // ── file structure ────────────────────────────────────────────────
  scheme(cst: CstNode): A.Scheme {
    const s: A.Scheme = {
      kind: 'Scheme',
      span: this.spanOf(cst),
      uses: [],
      units: [],
      inputs: [],
      lets: [],
      sections: [],
      items: [],
      bonuses: [],
      penalties: [],
      vetoes: [],
      adjusts: [],
      examples: [],
    };
    const headers = kids(cst, 'header');
    if (headers.length === 0) {
      const decl = kid(cst, 'declaration');
      const sp = decl ? this.spanOf(decl) : { start: 0, end: 0 };
      this.diagnostics.push(diag('E0004', { start: sp.start, end: Math.min(sp.end, sp.start + 1) }, {}));
    }
    headers.forEach((h, i) => {
      if (i > 0) {
        this.diagnostics.push(diag('E0008', this.spanOf(h), { what: { en: '`scheme`', zh: '`方案`' } }));
        return;
      }
      s.name = this.str(tok(h, 'StringLit'));
      s.total = this.num(tok(h, 'NumberLit'));
      if (tok(h, 'Precision')) s.precision = this.num(tok(h, 'NumberLit', 1));
      if (tok(h, 'TotalOnly')) s.roundTotalOnly = true;
      if (tok(h, 'Floor')) s.floor = this.signed(kid(h, 'signedNumber'));
    });
    let inputSeen = false;
    for (const d of kids(cst, 'declaration')) {
      const c = d.children as Children;
      const [name] = Object.keys(c);
      const node = kid(d, name);
      if (!node) continue;
      switch (name) {
        case 'useDecl': {
          const path = this.str(tok(node, 'StringLit'));
          const alias = this.ident(tok(node, 'Identifier'));
          if (path && alias) s.uses.push({ kind: 'Use', path, alias, span: this.spanOf(node) });
          break;
        }
        case 'unitDecl':
          for (const k of kids(node, 'unitKind')) {
            const n = this.ident(tok(k, 'Identifier'));
            if (n) s.units.push({ kind: 'UnitKind', name: n, label: this.str(tok(k, 'StringLit')), span: this.spanOf(k) });
          }
          break;
        case 'inputBlock':
          if (inputSeen) this.diagnostics.push(diag('E0008', this.spanOf(tok(node, 'Input')), { what: { en: '`input`', zh: '`输入`' } }));
          inputSeen = true;
          s.inputs.push(...this.declared(node, () => this.fieldList(kid(node, 'fieldList'))));
          break;
        case 'letDecl': {
          const l = this.declared(node, () => this.letDecl(node));
          if (l) s.lets.push(l);
          break;
        }
        case 'section':
          s.sections.push(this.declared(node, () => this.section(node)));
          break;
        case 'item': {
          const it = this.declared(node, () => this.item(node, 'Item'));
          if (it) s.items.push(it);
          break;
        }
        case 'bonus': {
          const b = this.declared(node, () => this.item(node, 'Bonus'));
          if (b) s.bonuses.push(b);
          break;
        }
        case 'penalty': {
          const p = this.item(node, 'Penalty');
          if (p) s.penalties.push(p);
          break;
        }
        case 'veto': {
          const v = this.declared(node, () => this.veto(node));
          if (v) s.vetoes.push(v);
          break;
        }
        case 'gradeBlock':
          if (s.grades) this.diagnostics.push(diag('E0008', this.spanOf(tok(node, 'Grade')), { what: { en: '`grade`', zh: '`等级`' } }));
          else s.grades = this.gradeBlock(node);
          break;
        case 'adjust':
          s.adjusts.push({ kind: 'Adjust', factor: this.expr(kid(node, 'expression'), this.spanOf(node)), span: this.spanOf(node) });
          break;
        case 'example': {
          const e = this.declared(node, () => this.example(node));
          if (e) s.examples.push(e);
          break;
        }
        case 'eligibleDecl':
          if (s.eligible) this.diagnostics.push(diag('E0008', this.spanOf(tok(node, 'Eligible')), { what: { en: '`eligible`', zh: '`参评条件`' } }));
          else s.eligible = { cond: this.expr(kid(node, 'expression'), this.spanOf(node)), span: this.spanOf(node) };
          break;
        case 'withinDecl':
          if (s.within) this.diagnostics.push(diag('E0008', this.spanOf(tok(node, 'Within')), { what: { en: '`within`', zh: '`分组`' } }));
          else s.within = { key: this.expr(kid(node, 'expression'), this.spanOf(node)), span: this.spanOf(node) };
          break;
        case 'placeDecl':
          if (s.places) this.diagnostics.push(diag('E0008', this.spanOf(tok(node, 'Place')), { what: { en: '`place:`', zh: '`名次：`' } }));
          else s.places = this.placeDecl(node);
          break;
      }
    }
    return s;
  }

  veto(node: CstNode): A.Veto | undefined {
    const reason = this.str(tok(node, 'StringLit'));
    return reason && { kind: 'Veto', reason, cond: this.expr(kid(node, 'expression'), this.spanOf(node)), span: this.spanOf(node) };
  }

  placeDecl(n: CstNode): NonNullable<A.Scheme['places']> {
    const out: NonNullable<A.Scheme['places']> = { span: this.spanOf(n) };
    for (const r of kids(n, 'placeRule')) {
      const placing: A.Placing = toks(r, 'Last').length ? 'last' : 'unplaced';
      const who = toks(r, 'Veto').length ? 'vetoed' : 'ineligible';
      if (out[who]) this.diagnostics.push(diag('E0012', this.spanOf(r), { clause: who === 'vetoed' ? { en: '`vetoed`', zh: '`否决`' } : { en: '`ineligible`', zh: '`不参评`' } }));
      else out[who] = placing;
    }
    return out;
  }

  fieldList(n: CstNode | undefined): A.Field[] {
    const out: A.Field[] = [];
    for (const f of kids(n, 'field')) {
      const name = this.ident(tok(f, 'Identifier'));
      const ty = kid(f, 'type');
      if (!name || !ty) continue;
      out.push({
        kind: 'Field',
        name,
        type: this.type(ty),
        label: this.str(tok(f, 'StringLit')),
        optional: !!tok(f, 'Optional'),
        span: this.spanOf(f),
      });
    }
    return out;
  }

  type(n: CstNode): A.TypeExpr {
    const span = this.spanOf(n);
    const range = (r: CstNode | undefined): A.Range | undefined => {
      if (!r) return undefined;
      const low = this.signed(kid(r, 'signedNumber', 0));
      const high = this.signed(kid(r, 'signedNumber', 1));
      return low && high ? { low, high, span: this.spanOf(r) } : undefined;
    };
    if (tok(n, 'YesNoType')) return { kind: 'YesNoType', span };
    if (tok(n, 'Count')) return { kind: 'CountType', span };
    if (tok(n, 'PercentType')) return { kind: 'PercentType', span };
    if (tok(n, 'TextType')) return { kind: 'TextType', span };
    if (tok(n, 'Grade')) return { kind: 'GradeType', span };
    if (tok(n, 'IntegerType')) return { kind: 'IntegerType', range: range(kid(n, 'range')), span };
    if (tok(n, 'NumberType')) return { kind: 'NumberType', range: range(kid(n, 'range')), span };
    if (kid(n, 'range')) return { kind: 'NumberType', range: range(kid(n, 'range')), span };
    if (tok(n, 'List')) return { kind: 'ListType', fields: this.fieldList(kid(n, 'fieldList')), span };
    const members = toks(n, 'Identifier')
      .filter((t) => !t.isInsertedInRecovery)
      .map((t) => this.ident(t)!);
    return { kind: 'EnumType', members, span };
  }

  letDecl(n: CstNode): A.Let | undefined {
    const name = this.ident(tok(n, 'Identifier'));
    if (!name) return undefined;
    return { kind: 'Let', name, value: this.expr(kid(n, 'expression'), this.spanOf(n)), span: this.spanOf(n) };
  }

  section(n: CstNode): A.Section {
    const s: A.Section = {
      kind: 'Section',
      label: this.str(tok(n, 'StringLit'), this.spanOf(n)) ?? { kind: 'Str', text: '', span: this.spanOf(n) },
      max: this.num(tok(n, 'NumberLit')),
      weight: this.num(tok(n, 'NumberLit', tok(n, 'Max') ? 1 : 0)),
      items: [],
      sections: [],
      lets: [],
      span: this.spanOf(n),
    };
    if (!tok(n, 'Max')) s.max = undefined;
    if (!tok(n, 'Weight')) s.weight = undefined;
    else if (tok(n, 'Max') && tok(n, 'Weight')!.startOffset < tok(n, 'Max')!.startOffset) {
      // `weight 40% max 100`: the numbers follow their keywords
      s.weight = this.num(tok(n, 'NumberLit', 0));
      s.max = this.num(tok(n, 'NumberLit', 1));
    }
    for (const i of kids(n, 'item')) {
      const it = this.item(i, 'Item');
      if (it) s.items.push(it);
    }
    for (const l of kids(n, 'letDecl')) {
      const x = this.letDecl(l);
      if (x) s.lets.push(x);
    }
    for (const sub of kids(n, 'section')) s.sections.push(this.section(sub));
    return s;
  }

  item(n: CstNode, kind: A.Item['kind']): A.Item | undefined {
    const label = this.str(tok(n, 'StringLit'));
    if (!label) return undefined;
    const span = this.spanOf(n);
    const item: A.Item = { kind, label, max: this.num(tok(n, 'NumberLit')), rule: { kind: 'Formula', expr: { kind: 'Error', span }, span }, voids: [], notApplicable: [], span };
    const body = kid(n, 'itemBody');
    if (!body) return item;
    const rule = kid(body, 'rule');
    if (rule) item.rule = this.rule(rule, item);
    else {
      const lines: A.PointsLine[] = [];
      for (const line of kids(body, 'blockLine')) {
        const mod = kid(line, 'modifier');
        if (mod) {
          this.modifier(mod, item);
          continue;
        }
        const ls = this.spanOf(line);
        const per = kid(line, 'deductPer') ?? kid(line, 'perDeduct');
        if (per) {
          const max = kid(per, 'deductionMax');
          lines.push({ kind: 'Per', amounts: this.amounts(kid(per, 'amounts'), ls), count: this.expr(kid(per, 'expression'), ls), max: max && this.num(tok(max, 'NumberLit')), span: ls });
          continue;
        }
        const points = this.expr(kid(line, 'expression', 0), ls);
        lines.push({ kind: 'When', points, deduct: !!tok(line, 'Deduct'), cond: this.expr(kid(line, 'expression', 1), ls), span: ls });
      }
      item.rule = { kind: 'Points', lines, span: this.spanOf(body) };
    }
    return item;
  }

  modifier(m: CstNode, item: A.Item) {
    const span = this.spanOf(m);
    if (tok(m, 'Cap') || toks(m, 'Cap').length) {
      const value = this.num(tok(m, 'NumberLit'));
      if (!value) return;
      if (item.cap) this.diagnostics.push(diag('E0012', span, { clause: CLAUSE_NAMES.Cap }));
      item.cap = { value, prorata: !!tok(m, 'Prorata'), span };
    } else if (toks(m, 'Round').length) {
      const places = this.num(tok(m, 'NumberLit'));
      if (places) item.round = places;
    } else if (toks(m, 'Void').length) {
      item.voids.push(this.expr(kid(m, 'expression'), span));
    } else if (toks(m, 'NotApplicable').length) {
      item.notApplicable.push(this.expr(kid(m, 'expression'), span));
    }
  }

  rule(n: CstNode, item: A.Item): A.Rule {
    const head = kid(n, 'ruleHead')!;
    const span = this.spanOf(n);
    const hs = this.spanOf(head, span);
    let rule = this.ruleHead(head, span, hs);
    const seen = new Set<ClauseName>();
    for (const c of kids(n, 'clause')) {
      const cs = this.spanOf(c, span);
      const mod = kid(c, 'modifier');
      if (mod) {
        this.modifier(mod, item);
        continue;
      }
      const clause = this.clause(c, cs);
      if (!clause) continue;
      const name = clause.name;
      let kind = ruleKind(rule);
      if (!kind.clauses[name]) {
        const next = kind.becomes?.(rule, name);
        if (next) {
          rule = next;
          kind = ruleKind(rule);
        }
      }
      const apply = kind.clauses[name];
      if (!apply) {
        this.diagnostics.push(diag('E0009', cs, { clause: CLAUSE_NAMES[name], rule: kind.name }));
        continue;
      }
      if (seen.has(name) && !kind.repeatable?.includes(name)) {
        this.diagnostics.push(diag('E0012', cs, { clause: CLAUSE_NAMES[name] }));
        continue;
      }
      seen.add(name);
      apply(rule, clause);
    }
    const missing = ruleKind(rule).incomplete?.(rule, { head: hs, rule: span }, seen);
    if (missing) this.diagnostics.push(missing);
    return rule;
  }

  /** Which head the grammar matched, as a rule with its clauses still to come. */
  ruleHead(head: CstNode, span: Span, hs: Span): A.Rule {
    const exprAt = (i: number) => this.expr(kid(head, 'expression', i), hs);
    if (toks(head, 'If').length) {
      const points = this.num(tok(head, 'NumberLit')) ?? this.zero(hs);
      return { kind: 'Points', lines: [{ kind: 'When', points, deduct: false, cond: exprAt(0), span: hs }], span };
    }
    if (toks(head, 'Deduct').length) return { kind: 'Deduct', amounts: this.amounts(kid(head, 'amounts'), hs), count: exprAt(0), span };
    if (toks(head, 'Ratio').length) {
      const e = exprAt(0);
      if (e.kind === 'Binary' && e.op === '/') return { kind: 'Ratio', done: e.left, target: e.right, span };
      this.diagnostics.push(diag('E0207', e.span, { expr: exprText(e) }));
      return { kind: 'Ratio', done: e, target: { kind: 'Num', text: '1', value: '1', span: e.span }, span };
    }
    if (toks(head, 'Rank').length || toks(head, 'Place').length) return { kind: 'RankPoints', rank: exprAt(0), first: this.zero(hs), step: this.zero(hs), span };
    if (toks(head, 'ByRankOf').length) {
      const dir = kid(head, 'direction');
      return { kind: 'RankScored', by: exprAt(0), dir: dir && tok(dir, 'Asc') ? 'asc' : 'desc', span };
    }
    const entry = kid(head, 'tierEntry');
    if (entry) {
      const t = this.tier(entry);
      return { kind: 'Tiers', filters: [], tiers: t ? [t] : [], span };
    }
    return { kind: 'Formula', expr: exprAt(0), span };
  }

  /** `1` or `1, 2, 4`: the amount of each occurrence. */
  amounts(n: CstNode | undefined, span: Span): A.Num[] {
    const out = toks(n, 'NumberLit').filter((t) => !t.isInsertedInRecovery).map((t) => this.num(t)!);
    return out.length ? out : [this.zero(span)];
  }

  /** A clause after a rule's head, read from the syntax tree. */
  clause(c: CstNode, span: Span): Clause | undefined {
    const ch = c.children as Children;
    if (ch.tierEntry) {
      const tier = this.tier(kid(c, 'tierEntry')!);
      return tier ? { name: 'Tier', tier, span } : undefined;
    }
    if (ch.With || ch.BestPer) {
      const field = this.ident(tok(c, 'Identifier'));
      return field ? { name: ch.With ? 'With' : 'BestPer', field, span } : undefined;
    }
    if (ch.Where) return { name: 'Where', cond: this.expr(kid(c, 'expression'), span), span };
    if (ch.IfZero) return { name: 'IfZero', value: this.expr(kid(c, 'expression'), span), span };
    for (const name of ['Max', 'First', 'Step'] as const) {
      if (!ch[name]) continue;
      const value = this.num(tok(c, 'NumberLit'));
      return value ? { name, value, span } : undefined;
    }
    return undefined;
  }

  tier(n: CstNode): A.Tier | undefined {
    const member = this.ident(tok(n, 'Identifier'));
    const points = this.num(tok(n, 'NumberLit'));
    return member && points ? { member, points, span: this.spanOf(n) } : undefined;
  }

  zero(span: Span): A.Num {
    return { kind: 'Num', text: '0', value: '0', span };
  }

  gradeBlock(n: CstNode): A.GradeBlock {
    const lines: A.GradeLine[] = [];
    for (const l of kids(n, 'gradeLine')) {
      const label = this.str(tok(l, 'StringLit'));
      if (!label) continue;
      const span = this.spanOf(l);
      if (toks(l, 'Veto').length) lines.push({ kind: 'VetoGrade', label, span });
      else if (toks(l, 'Otherwise').length) lines.push({ kind: 'OtherwiseGrade', label, span });
      else if (toks(l, 'Ineligible').length) lines.push({ kind: 'IneligibleGrade', label, span });
      else {
        const quota = toks(l, 'Max').length ? this.num(tok(l, 'NumberLit')) : undefined;
        lines.push(quota ? { kind: 'IfGrade', label, cond: this.expr(kid(l, 'expression'), span), quota, span } : { kind: 'IfGrade', label, cond: this.expr(kid(l, 'expression'), span), span });
      }
    }
    return { kind: 'GradeBlock', lines, span: this.spanOf(n) };
  }

  // ── examples ──────────────────────────────────────────────────────
  example(n: CstNode): A.Example | undefined {
    const label = this.str(tok(n, 'StringLit'));
    if (!label) return undefined;
    const ex: A.Example = { kind: 'Example', label, units: [], expects: [], span: this.spanOf(n) };
    // Each record belongs to the `given` or `unit "name"` written just before it.
    const owners = ordered(n, ['Given', 'StringLit']).slice(1);
    for (const r of kids(n, 'record')) {
      const rs = this.spanOf(r);
      const owner = owners.filter((t) => t.startOffset < rs.start).pop();
      const value = this.record(r);
      if (!owner || owner.tokenType.name === 'Given') ex.given ??= value;
      else ex.units.push({ name: this.str(owner)!, data: value, span: this.join(this.spanOf(owner), rs) });
    }
    for (const e of kids(n, 'expectation')) {
      const x = this.expectation(e);
      if (x) ex.expects.push(x);
    }
    return ex;
  }

  record(n: CstNode): A.RecordValue {
    const keys = ordered(n, ['Identifier', 'Unit']).map((k) => (k.tokenType.name === 'Unit' ? { ...k, image: 'unit' } : k));
    const values = kids(n, 'value');
    const fields: A.RecordValue['fields'] = [];
    keys.forEach((k, i) => {
      const key = this.ident(k);
      if (key && values[i]) fields.push({ key, value: this.value(values[i]) });
    });
    return { kind: 'RecordValue', fields, span: this.spanOf(n) };
  }

  value(n: CstNode): A.Value {
    const span = this.spanOf(n);
    const sn = kid(n, 'signedNumber');
    if (sn) return this.signed(sn) ?? this.zero(span);
    const s = tok(n, 'StringLit');
    if (s) return this.str(s)!;
    if (tok(n, 'Yes')) return { kind: 'Bool', value: true, span };
    if (tok(n, 'No')) return { kind: 'Bool', value: false, span };
    const id = tok(n, 'Identifier');
    if (id) return { kind: 'Symbol', name: id.image, span };
    const rec = kid(n, 'record');
    if (rec) return this.record(rec);
    return { kind: 'ListValue', items: kids(n, 'value').map((v) => this.value(v)), span };
  }

  expectation(n: CstNode): A.Expect | undefined {
    const span = this.spanOf(n);
    const strs = toks(n, 'StringLit').filter((t) => !t.isInsertedInRecovery);
    const targetTok = ordered(n, ['Item', 'Section', 'Bonus', 'Total', 'Grade', 'Place', 'Veto', 'Not', 'Ineligible'])[0];
    if (!targetTok) return undefined;
    // A string before the target keyword names the unit of a cohort example.
    const unitTok = strs.find((t) => t.startOffset < targetTok.startOffset);
    const labelTok = strs.find((t) => t.startOffset > targetTok.startOffset);
    const ev = kid(n, 'expectedValue');
    const value = ev && kid(ev, 'value') ? this.value(kid(ev, 'value')!) : undefined;
    const targets: Record<string, A.Expect['target']> = { Item: 'item', Section: 'section', Bonus: 'bonus', Total: 'total', Grade: 'grade', Place: 'place', Veto: 'veto', Not: 'noVeto', Ineligible: 'ineligible' };
    let target = targets[targetTok.tokenType.name];
    // `expect not ineligible` (`预期 非 不参评`): the unit is assessed.
    if (target === 'noVeto' && toks(n, 'Ineligible').length) target = 'eligible';
    if ((target === 'item' || target === 'section') && !labelTok) return undefined;
    if (!['veto', 'noVeto', 'ineligible', 'eligible'].includes(target) && !value) return undefined;
    return { kind: 'Expect', unit: this.str(unitTok), target, label: this.str(labelTok), value, span };
  }

  // ── expressions ───────────────────────────────────────────────────
  expr(n: CstNode | undefined, fallback: Span): A.Expr {
    if (!n) return { kind: 'Error', span: fallback };
    // Most levels of the precedence ladder hold a single operand and pass it straight through:
    // the node's tokens are then its operand's, so neither its span nor an AST node is made.
    switch (n.name) {
      case 'expression':
        return this.chain(n, 'andExpr', ['Or'], () => 'or', fallback);
      case 'andExpr':
        return this.chain(n, 'notExpr', ['And'], () => 'and', fallback);
      case 'notExpr': {
        const inner = kid(n, 'notExpr');
        if (!inner) return this.expr(kid(n, 'comparison'), fallback);
        const span = this.spanOf(n, fallback);
        return { kind: 'Not', operand: this.expr(inner, span), span };
      }
      case 'comparison': {
        const right = kid(n, 'additive', 1);
        if (!right) return this.expr(kid(n, 'additive', 0), fallback);
        const span = this.spanOf(n, fallback);
        const left = this.expr(kid(n, 'additive', 0), span);
        const opTok = ordered(n, ['Comparison', 'Equals', 'Le', 'Ge', 'Ne', 'EqEq', 'Lt', 'Gt'])[0];
        return { kind: 'Binary', op: compareOp(opTok), left, right: this.expr(right, span), span };
      }
      case 'additive':
        return this.chain(n, 'multiplicative', ['Plus', 'Minus'], (t) => (t.tokenType.name === 'Plus' ? '+' : '-'), fallback);
      case 'multiplicative':
        return this.chain(n, 'unary', ['Star', 'Slash'], (t) => (t.tokenType.name === 'Star' ? '*' : '/'), fallback);
      case 'unary': {
        const inner = kid(n, 'unary');
        if (!inner) return this.expr(kid(n, 'coalesce'), fallback);
        const span = this.spanOf(n, fallback);
        const operand = this.expr(inner, span);
        // -5 is a number, not a negation
        if (operand.kind === 'Num' && !operand.value.startsWith('-'))
          return { kind: 'Num', text: `-${operand.text}`, value: operand.value === '0' ? '0' : `-${operand.value}`, span };
        return { kind: 'Neg', operand, span };
      }
      case 'coalesce':
        return this.chain(n, 'postfix', ['QQ'], () => '??', fallback);
      case 'postfix': {
        if (!(n.children as Children).Dot) return this.expr(kid(n, 'primary'), fallback);
        const span = this.spanOf(n, fallback);
        let e = this.expr(kid(n, 'primary'), span);
        const strings = toks(n, 'StringLit');
        for (const f of ordered(n, ['Identifier', 'Total', 'Item', 'Section'])) {
          if (f.tokenType.name === 'Item' || f.tokenType.name === 'Section') {
            const label = this.str(strings.find((t) => t.startOffset > f.startOffset));
            if (!label) return { kind: 'Error', span };
            e = { kind: 'ImportScore', object: e, target: f.tokenType.name === 'Item' ? 'item' : 'section', label, span: this.join(e.span, label.span) };
            continue;
          }
          e = { kind: 'Member', object: e, field: { kind: 'Ident', name: f.tokenType.name === 'Total' ? 'total' : f.image, span: this.spanOf(f) }, span: this.join(e.span, this.spanOf(f)) };
        }
        return e;
      }
      case 'primary':
        return this.primary(n, this.spanOf(n, fallback));
      default:
        return { kind: 'Error', span: this.spanOf(n, fallback) };
    }
  }

  chain(n: CstNode, childName: string, opNames: string[], op: (t: IToken) => A.BinaryOp, fallback: Span): A.Expr {
    const operands = kids(n, childName);
    if (operands.length === 1) return this.expr(operands[0], fallback);
    const span = this.spanOf(n, fallback);
    const ops = ordered(n, opNames);
    let e = this.expr(operands[0], span);
    for (let i = 1; i < operands.length; i++) {
      const right = this.expr(operands[i], span);
      e = { kind: 'Binary', op: op(ops[i - 1] ?? ops[0]), left: e, right, span: this.join(e.span, right.span) };
    }
    return e;
  }

  primary(n: CstNode, span: Span): A.Expr {
    const c = n.children as Children;
    if (c.NumberLit) return this.num(tok(n, 'NumberLit')) ?? { kind: 'Error', span };
    if (c.StringLit) return this.str(tok(n, 'StringLit')) ?? { kind: 'Error', span };
    if (c.Yes) return { kind: 'Bool', value: true, span };
    if (c.No) return { kind: 'Bool', value: false, span };
    if (c.Identifier) {
      const t = tok(n, 'Identifier');
      return t ? { kind: 'Name', name: t.image, span } : { kind: 'Error', span };
    }
    if (c.Total) return { kind: 'TotalRef', span };
    if (c.Unit) return { kind: 'UnitRef', span };
    if (c.Place) return { kind: 'PlaceRef', span };
    if (c.CohortSize) return { kind: 'CohortSizeRef', span };
    // A parenthesised expression keeps its parentheses in its span, so that quoting it quotes them.
    if (c.expression) return { ...this.expr(kid(n, 'expression'), span), span };
    const call = kid(n, 'call');
    if (call) {
      const fnTok = ordered(call, ['AggregateFn', 'Max', 'Min', 'Sum', 'Avg', 'Median', 'Count', 'Round'])[0];
      // The condition is the expression right after `where` (after the list, or after a per-entry formula).
      const whereTok = tok(call, 'Where');
      const second = tok(call, 'Where', 1);
      if (second) this.diagnostics.push(diag('E0012', this.spanOf(second), { clause: CLAUSE_NAMES.Where }));
      const exprs = kids(call, 'expression');
      const isWhere = (x: CstNode) => !!whereTok && this.spanOf(x).start > whereTok.startOffset && !exprs.some((y) => y !== x && this.spanOf(y).start > whereTok.startOffset && this.spanOf(y).start < this.spanOf(x).start);
      const args = exprs.filter((x) => !isWhere(x)).map((x) => this.expr(x, span));
      const whereNode = exprs.find(isWhere);
      const where = whereNode ? this.expr(whereNode, span) : undefined;
      return { kind: 'Call', fn: fnName(fnTok), args, where, span };
    }
    const agg = kid(n, 'cohortAggregate') ?? kid(n, 'acrossAggregate');
    if (agg) {
      const fnTok = ordered(agg, ['AggregateFn', 'Max', 'Min', 'Sum', 'Avg', 'Median', 'Count'])[0];
      const fn = fnName(fnTok);
      const value = this.expr(kid(agg, 'expression', 0), span);
      const where = kid(agg, 'expression', 1) ? this.expr(kid(agg, 'expression', 1), span) : undefined;
      const k = this.num(tok(agg, 'NumberLit'));
      if (tok(agg, 'Percentile')) return { kind: 'Cohort', fn: 'percentile', p: k, value, where, span };
      const top = tok(agg, 'Top') ? k : undefined;
      return { kind: 'Cohort', fn: fn === 'round' ? 'max' : fn, ...(top ? { top } : {}), value, where, span };
    }
    const cond = kid(n, 'conditional');
    if (cond) {
      const [c, a, b] = [0, 1, 2].map((i) => this.expr(kid(cond, 'expression', i), span));
      return { kind: 'If', cond: c, then: a, else: b, span };
    }
    const rank = kid(n, 'cohortRank');
    if (rank) {
      const dir = kid(rank, 'direction');
      return { kind: 'CohortRank', by: this.expr(kid(rank, 'expression'), span), dir: dir && tok(dir, 'Asc') ? 'asc' : 'desc', span };
    }
    const bands = kid(n, 'bands');
    if (bands) {
      const out: A.Band[] = [];
      for (const b of kids(bands, 'band')) {
        const bs = this.spanOf(b, span);
        let test: A.BandTest;
        const cmp = ordered(b, ['Comparison', 'Le', 'Ge', 'Ne', 'EqEq', 'Lt', 'Gt'])[0];
        const threshold = (): A.Num | Extract<A.Expr, { kind: 'Name' }> => {
          const name = tok(b, 'Identifier');
          return name ? { kind: 'Name', name: name.image, span: this.spanOf(name) } : (this.signed(kid(b, 'signedNumber')) ?? this.zero(bs));
        };
        if (cmp) test = { kind: 'Compare', op: compareOp(cmp) as '<', value: threshold(), span: bs };
        else if (tok(b, 'Identifier')) test = { kind: 'Member', member: this.ident(tok(b, 'Identifier'))!, span: bs };
        else if (tok(b, 'Yes') || tok(b, 'No')) test = { kind: 'Is', value: !!tok(b, 'Yes'), span: bs };
        else test = { kind: 'Else', span: bs };
        out.push({ test, points: this.expr(kid(b, 'expression'), bs), span: bs });
      }
      return { kind: 'Bands', subject: this.expr(kid(bands, 'expression'), span), bands: out, span };
    }
    const lin = kid(n, 'linear');
    if (lin) {
      const points: A.LinearPoint[] = [];
      for (const p of kids(lin, 'point')) {
        const x = this.signed(kid(p, 'signedNumber', 0));
        const y = this.signed(kid(p, 'signedNumber', 1));
        if (x && y) points.push({ x, y, span: this.spanOf(p) });
      }
      return { kind: 'Linear', subject: this.expr(kid(lin, 'expression'), span), points, span };
    }
    const ref = kid(n, 'scoreRef');
    if (ref) {
      const target = toks(ref, 'Item').length ? 'item' : toks(ref, 'Section').length ? 'section' : 'bonus';
      return { kind: 'ScoreRef', target, label: this.str(tok(ref, 'StringLit')), span };
    }
    return { kind: 'Error', span };
  }
}

/** A comparison operator by its token's kind (it may be written `<=`, `≤` or `＜＝`). */
function compareOp(t: IToken | undefined): A.BinaryOp {
  const ops: Record<string, A.BinaryOp> = { Le: '<=', Ge: '>=', Ne: '!=', Lt: '<', Gt: '>', EqEq: '==', Equals: '==' };
  return (t && ops[t.tokenType.name]) || '==';
}

function fnName(t: IToken | undefined): A.AggregateName | 'round' {
  const names: Record<string, A.AggregateName | 'round'> = { Max: 'max', Min: 'min', Sum: 'sum', Avg: 'avg', Median: 'median', Count: 'count', Round: 'round' };
  return (t && names[t.tokenType.name]) || 'sum';
}
