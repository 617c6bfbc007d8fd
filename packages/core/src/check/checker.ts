// The checker's state and its expression pass: resolves every name (recording each use in
// the semantic model), gives every expression a type and a static range, and reports what
// does not fit. The passes over declarations, points, grades and examples (declarations.ts,
// points.ts, grades.ts, examples.ts) and each rule kind's check (rules/) build on it.
import type * as A from '../ast/ast.js';
import { exprText } from '../ast/ast.js';
import { allSections, subExpressions } from '../ast/walk.js';
import { Decimal } from '../common/decimal.js';
import { Interval } from '../common/interval.js';
import { suggest } from '../common/suggest.js';
import type { Text } from '../common/text.js';
import { diag, label, replaceWith, type Diagnostic, type Fix, type Span } from '../diagnostics/diagnostic.js';
import type { TypeAdvice } from '../diagnostics/catalog/types.js';
import type { CheckContext, Scope, TierInfo } from '../rules/index.js';
import { dec, MAX_PLACES, placesOf } from '../rules/numbers.js';
import { splitGlued } from '../syntax/keywords.js';
import { labelSpan, SemanticModel, type Definition } from './model.js';
import type { CheckedScheme } from './checked.js';
import { BOOL, COUNT, describeTy, ERR, NUM_ANY, type FieldInfo, type Ref, type Ty } from '../types/types.js';

/**
 * Expressions nest at most this deep (counting lets that read lets): every later pass
 * (lowering, evaluation, formatting) recurses over expressions, so this bound keeps them all safe.
 */
export const MAX_EXPR_DEPTH = 400;

export interface CheckOptions {
  file?: string;
  source?: string;
  /** Checked imported schemes, by alias. */
  imports?: Map<string, CheckedScheme>;
}

const fixTo = (span: Span, s: string): Fix => replaceWith(span, s, { en: `Change to \`${s}\``, zh: `改为 \`${s}\`` });

export class Checker implements CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly inputs = new Map<string, FieldInfo>();
  readonly letsByName = new Map<string, A.Let>();
  readonly refs = new Map<A.Expr, Ref>();
  readonly types = new Map<A.Expr, Ty>();
  readonly tiers = new Map<A.Rule, TierInfo>();
  /** Yes/no expressions read as numbers (1 for yes, 0 for no): in arithmetic and sums. */
  readonly asNumber = new Set<A.Expr>();
  /** Inputs (by name) and lets (`let:name`) that something reads. */
  readonly used = new Set<string>();
  readonly letOrder: A.Let[] = [];
  readonly enums: { name: string; members: string[]; ty: Ty }[] = [];
  readonly imports: Map<string, CheckedScheme>;
  readonly model: SemanticModel;
  gradeLabels: string[] = [];
  unitKinds: string[] = [];

  /** Definitions of the semantic model, by what they define. */
  readonly defs = {
    field: new Map<FieldInfo, Definition>(),
    let: new Map<A.Let, Definition>(),
    member: new Map<Ty, Map<string, Definition>>(),
    unitKind: new Map<string, Definition>(),
    import: new Map<string, Definition>(),
    item: new Map<string, Definition>(),
    section: new Map<string, Definition>(),
    bonus: new Map<string, Definition>(),
    penalty: new Map<string, Definition>(),
    veto: new Map<string, Definition>(),
    grade: new Map<string, Definition>(),
  };

  private readonly letTypes = new Map<A.Let, Ty>();
  private readonly letState = new Map<A.Let, 'visiting' | 'done'>();
  private readonly letStack: A.Let[] = [];
  private readonly coalesceLeft = new Set<A.Expr>();
  private depth = 0;
  private tooDeepReported = false;

  constructor(
    readonly ast: A.Scheme,
    readonly options: CheckOptions,
  ) {
    this.imports = options.imports ?? new Map();
    this.model = new SemanticModel(ast, options.file, options.source, this.types);
  }

  report(d: Diagnostic) {
    const file = this.options.file;
    if (file) {
      d.span.file ??= file;
      for (const l of d.labels) l.span.file ??= file;
      for (const f of d.fixes) for (const e of f.edits) e.span.file ??= file;
    }
    this.diagnostics.push(d);
  }

  text(e: A.Expr): string {
    return exprText(e, this.options.source);
  }

  allLets(): A.Let[] {
    return [...this.ast.lets, ...allSections(this.ast).flatMap((s) => s.lets)];
  }

  enumMembers(): string[] {
    return this.enums.flatMap((x) => x.members);
  }

  private memberNames = { of: -1, names: new Set<string>() };
  /** Is `n` a member of some enum, or a unit kind? (A set, rebuilt when an enum was declared since: names are looked up thousands of times.) */
  isMember(n: string): boolean {
    if (this.memberNames.of !== this.enums.length) this.memberNames = { of: this.enums.length, names: new Set(this.enumMembers()) };
    return this.memberNames.names.has(n) || this.unitKinds.includes(n);
  }

  // ── lets ──────────────────────────────────────────────────────────
  letType(l: A.Let): Ty {
    const state = this.letState.get(l);
    if (state === 'done') return this.letTypes.get(l)!;
    if (state === 'visiting') {
      const from = this.letStack.indexOf(l);
      const cycle = [...this.letStack.slice(from), l].map((x) => x.name.name).join(' → ');
      this.report(diag('E0104', l.name.span, { name: l.name.name, cycle }));
      return ERR;
    }
    this.letState.set(l, 'visiting');
    this.letStack.push(l);
    const t = this.expr(l.value);
    this.letStack.pop();
    this.letState.set(l, 'done');
    this.letTypes.set(l, t);
    this.letOrder.push(l);
    const def = this.defs.let.get(l);
    if (def) {
      def.ty = t;
      def.type = describeTy(t);
    }
    return t;
  }

  /** `precision P`, `round P`: a whole number of places, 0 to 20. */
  checkPlaces(n: A.Num) {
    if (placesOf(n) === undefined) this.report(diag('E0213', n.span, { what: { en: 'decimal places', zh: '小数位数' }, value: n.text, range: { en: `a whole number from 0 to ${MAX_PLACES}`, zh: `0 到 ${MAX_PLACES} 的整数` } }));
  }

  // ── CheckContext ──────────────────────────────────────────────────
  expectNum(e: A.Expr, t: Ty, what: Text) {
    if (t.k === 'num' || t.k === 'error') return;
    const expr = this.text(e);
    this.report(diag('E0201', e.span, { what, expected: { en: 'a number', zh: '数值' }, expr, actual: describeTy(t), advice: t.k === 'bool' ? { k: 'pointsLine' } : undefined }));
  }

  expectBool(e: A.Expr, t: Ty, what: Text) {
    if (t.k === 'bool' || t.k === 'error') return;
    const expr = this.text(e);
    this.report(diag('E0201', e.span, { what, expected: { en: 'a yes/no condition', zh: '是否条件' }, expr, actual: describeTy(t), advice: t.k === 'num' ? { k: 'compare', expr } : undefined }));
  }

  checkMember(id: A.Ident, t: Extract<Ty, { k: 'enum' } | { k: 'unitKind' }>) {
    const members = t.members;
    if (!members.includes(id.name)) {
      const s = suggest(id.name, members);
      this.report(diag('E0102', id.span, { name: id.name, enumName: t.k === 'enum' ? t.name : 'unit', members, suggestion: s }, { fixes: s ? [fixTo(id.span, s)] : [] }));
      return;
    }
    this.model.refer(id.span, t.k === 'enum' ? this.defs.member.get(t)?.get(id.name) : this.defs.unitKind.get(id.name));
  }

  resolveImplicit(e: A.Expr, field: FieldInfo) {
    this.refs.set(e, { k: 'input', field });
    this.types.set(e, field.type);
    this.used.add(field.name);
  }

  referField(field: A.Ident, fields: Map<string, FieldInfo>): boolean {
    const f = fields.get(field.name);
    if (f) this.model.refer(field.span, this.defs.field.get(f));
    return !!f;
  }

  setTiers(rule: A.Rule, info: TierInfo) {
    this.tiers.set(rule, info);
  }

  entryScope(list: A.Expr, fields: Map<string, FieldInfo>, span: Span): Scope {
    const ref = this.refs.get(list);
    const def = ref && (ref.k === 'input' || ref.k === 'field') ? this.defs.field.get(ref.field) : undefined;
    if (def) this.model.scopes.push({ span, list: def.id });
    return { fields, list: def?.id };
  }

  /** Warn about a comparison that, given the static ranges, can never hold. */
  neverFires(cond: A.Expr, span: Span, total?: Interval, what: 'fire' | 'apply' = 'fire') {
    if (cond.kind !== 'Binary' || !['<', '<=', '>', '>=', '=='].includes(cond.op)) return;
    const range = (e: A.Expr): Interval | undefined => {
      if (e.kind === 'TotalRef') return total;
      const t = this.types.get(e);
      return t && t.k === 'num' ? t.range : undefined;
    };
    const l = range(cond.left);
    const r = range(cond.right);
    if (!l || !r) return;
    const never =
      (cond.op === '>=' && l.hi && r.lo && l.hi.lt(r.lo)) ||
      (cond.op === '>' && l.hi && r.lo && l.hi.lte(r.lo)) ||
      (cond.op === '<=' && l.lo && r.hi && l.lo.gt(r.hi)) ||
      (cond.op === '<' && l.lo && r.hi && l.lo.gte(r.hi)) ||
      (cond.op === '==' && ((l.hi && r.lo && l.hi.lt(r.lo)) || (l.lo && r.hi && l.lo.gt(r.hi))));
    if (never) this.report(diag('W0302', span, { what, left: this.text(cond.left), range: `${l.lo?.toString() ?? '−∞'}..${l.hi?.toString() ?? '∞'}` }));
  }

  /** Whether an expression reads a value across units (directly or through lets): a rank, an aggregate, the cohort size. */
  readsCohort(e: A.Expr, seen = new Set<A.Let>()): boolean {
    if (e.kind === 'Cohort' || e.kind === 'CohortRank' || e.kind === 'CohortSizeRef') return true;
    const ref = this.refs.get(e);
    if (ref?.k === 'let' && !seen.has(ref.let)) {
      seen.add(ref.let);
      if (this.readsCohort(ref.let.value, seen)) return true;
    }
    return subExpressions(e).some((c) => this.readsCohort(c, seen));
  }

  // ── expressions ───────────────────────────────────────────────────
  /** Type an expression (memoised in `types`). */
  expr(e: A.Expr, scope: Scope = {}): Ty {
    if (this.depth >= MAX_EXPR_DEPTH) {
      if (!this.tooDeepReported) this.report(diag('E0006', e.span, { limit: MAX_EXPR_DEPTH }));
      this.tooDeepReported = true;
      this.types.set(e, ERR);
      return ERR;
    }
    this.depth++;
    try {
      const t = this.exprInner(e, scope);
      this.types.set(e, t);
      return t;
    } finally {
      this.depth--;
    }
  }

  private exprInner(e: A.Expr, scope: Scope): Ty {
    switch (e.kind) {
      case 'Num': {
        const v = dec(e);
        return { k: 'num', range: new Interval(v, v), int: v.isInteger() };
      }
      case 'Str':
        return { k: 'text' };
      case 'Bool':
        return BOOL;
      case 'Error':
        return ERR;
      case 'Name':
        return this.name(e, scope);
      case 'TotalRef':
        // Where the total can be read (not in an item it is made of) is the score order's check (check/order.ts).
        return NUM_ANY;
      case 'UnitRef':
        return { k: 'unitKind', members: this.unitKinds };
      case 'PlaceRef':
        if (!scope.place) {
          this.report(diag('E0208', e.span, { what: { en: '`place`', zh: '`名次`' } }));
          return NUM_ANY;
        }
        return { k: 'num', range: new Interval(Decimal.ONE, null), int: true };
      case 'CohortSizeRef':
        return COUNT;
      case 'ScoreRef':
        return this.scoreRef(e, scope);
      case 'Neg': {
        const t = this.expr(e.operand, scope);
        this.expectNum(e.operand, t, { en: '`-`', zh: '`-`' });
        return t.k === 'num' ? { k: 'num', range: t.range.neg() } : ERR;
      }
      case 'Not': {
        const t = this.expr(e.operand, scope);
        this.expectBool(e.operand, t, { en: '`not`', zh: '`非`' });
        return BOOL;
      }
      case 'Binary':
        return this.binary(e, scope);
      case 'Member':
        return this.member(e, this.expr(e.object, scope));
      case 'ImportScore':
        return this.importScore(e, this.expr(e.object, scope));
      case 'Call':
        return this.call(e, scope);
      case 'Cohort':
        return this.cohort(e, scope);
      case 'If': {
        this.expectBool(e.cond, this.expr(e.cond, scope), { en: '`if … then … else`', zh: '`若 … 则 … 否则`' });
        const a = this.expr(e.then, scope);
        const b = this.expr(e.else, scope);
        if (a.k === 'error' || b.k === 'error') return ERR;
        if (a.k === 'num' && b.k === 'num') return { k: 'num', range: a.range.join(b.range), int: a.int && b.int };
        const same = a.k === b.k && (a.k !== 'enum' || (b.k === 'enum' && a.name === b.name));
        const member = (x: Ty, y: Ty) => x.k === 'member' && (y.k === 'enum' || y.k === 'unitKind' || y.k === 'member');
        if (same || member(a, b) || member(b, a)) return a.k === 'member' ? b : a;
        this.report(diag('E0211', e.span, { then: describeTy(a), else: describeTy(b) }, { labels: [label(e.then.span, describeTy(a).en, describeTy(a).zh), label(e.else.span, describeTy(b).en, describeTy(b).zh)] }));
        return ERR;
      }
      case 'CohortRank':
        this.expectNum(e.by, this.expr(e.by, scope), { en: '`rank by`', zh: '`排名 按`' });
        return { k: 'num', range: new Interval(Decimal.ONE, null), int: true };
      case 'Bands':
        return this.bands(e, scope);
      case 'Linear': {
        this.expectNum(e.subject, this.expr(e.subject, scope), { en: '`linear`', zh: '`线性`' });
        for (let i = 1; i < e.points.length; i++) if (!dec(e.points[i].x).gt(dec(e.points[i - 1].x))) this.report(diag('E0307', e.points[i].span, {}));
        const ys = e.points.map((p) => dec(p.y));
        if (ys.length === 0) return NUM_ANY;
        const range = new Interval(ys.reduce((a, b) => Decimal.min(a, b)), ys.reduce((a, b) => Decimal.max(a, b)));
        // A subject read from a score, the total or a named value may be absent (an item that does
        // not apply, a number that failed): the scale then gives 0, which its range must hold. A
        // number, or a required input or entry field (an optional one is read only through `??`), is always there.
        const ref = e.subject.kind === 'Name' ? this.refs.get(e.subject)?.k : undefined;
        const present = e.subject.kind === 'Num' || ref === 'input' || ref === 'field';
        return { k: 'num', range: present ? range : range.join(new Interval(Decimal.ZERO, Decimal.ZERO)) };
      }
    }
  }

  /** A yes/no where a number is wanted reads as 1 or 0 (recorded for lowering); any other type is left as it is. */
  private numeric(e: A.Expr, t: Ty): Ty {
    if (t.k !== 'bool') return t;
    this.asNumber.add(e);
    return { k: 'num', range: new Interval(Decimal.ZERO, Decimal.ONE), int: true };
  }

  /** `max of X across units`, `percentile 80 of X across units`, `top 3 avg of X across units`. */
  private cohort(e: Extract<A.Expr, { kind: 'Cohort' }>, scope: Scope): Ty {
    const t = e.fn === 'count' ? this.expr(e.value, scope) : this.numeric(e.value, this.expr(e.value, scope));
    const what = { en: e.fn === 'percentile' ? '`percentile … across units`' : `\`${e.top ? `top ${e.top.text} ` : ''}${e.fn} of … across units\``, zh: '全体单位汇总' };
    if (e.fn !== 'count') this.expectNum(e.value, t, what);
    if (e.where) this.expectBool(e.where, this.expr(e.where, scope), { en: '`where`', zh: '`其中`' });
    if (e.p) {
      const p = dec(e.p);
      // `percentile 80`: a number of percent (80, or 80%), within 0..100.
      const whole = e.p.text.endsWith('%') ? p.mul(Decimal.HUNDRED) : p;
      if (whole.sign() < 0 || whole.gt(Decimal.HUNDRED)) this.report(diag('E0213', e.p.span, { what: { en: 'a percentile', zh: '百分位' }, value: e.p.text, range: { en: 'between 0 and 100', zh: ' 0 到 100 之间的数' } }));
    }
    if (e.top) {
      const k = dec(e.top);
      if (!k.isInteger() || k.sign() <= 0) this.report(diag('E0213', e.top.span, { what: { en: '`top`', zh: '`前`' }, value: e.top.text, range: { en: 'a whole number of units (1, 2, 3, …)', zh: '单位个数（1、2、3 …）' } }));
      if (e.fn === 'count' || e.fn === 'median') this.report(diag('E0213', e.span, { what: { en: 'what `top` takes', zh: '`前` 之后的汇总' }, value: e.fn, range: { en: 'one of sum, avg, min or max', zh: '合计、平均值、最小值或最大值之一' } }));
    }
    if (e.fn === 'count') return COUNT;
    if (e.fn === 'sum') return NUM_ANY;
    // With `where`, no unit may match: an empty aggregate is 0.
    return t.k === 'num' ? { k: 'num', range: e.where ? t.range.join(new Interval(Decimal.ZERO, Decimal.ZERO)) : t.range } : NUM_ANY;
  }

  private scoreRef(e: Extract<A.Expr, { kind: 'ScoreRef' }>, scope: Scope): Ty {
    if (e.label) {
      const defs = this.defs[e.target];
      const found = defs.get(e.label.text);
      if (found) this.model.refer(labelSpan(e.label), found);
      else {
        const s = suggest(e.label.text, defs.keys());
        const what = { en: e.target, zh: e.target === 'item' ? '指标' : e.target === 'section' ? '小节' : '加分项' };
        this.report(diag('E0105', e.label.span, { what, label: e.label.text, suggestion: s }, { fixes: s ? [fixTo(labelSpan(e.label), s)] : [] }));
      }
    }
    return NUM_ANY;
  }

  private bands(e: Extract<A.Expr, { kind: 'Bands' }>, scope: Scope): Ty {
    const subj = this.expr(e.subject, scope);
    let lo: Decimal | null = null;
    let hi: Decimal | null = null;
    let first = true;
    let subjectReported = false;
    const wrongSubject = (expected: Text, advice?: TypeAdvice) => {
      if (subjectReported || subj.k === 'error') return;
      subjectReported = true;
      this.report(diag('E0201', e.subject.span, { what: { en: '`bands`', zh: '`分段`' }, expected, expr: this.text(e.subject), actual: describeTy(subj), advice }));
    };
    for (const b of e.bands) {
      const test = b.test;
      if (test.kind === 'Compare') {
        if (subj.k === 'bool') wrongSubject({ en: 'a number', zh: '数值' }, { k: 'yesNoBands' });
        else if (subj.k !== 'num') wrongSubject({ en: 'a number', zh: '数值' });
        if (test.value.kind === 'Name') this.expectNum(test.value, this.expr(test.value, scope), { en: 'a band threshold', zh: '分段界限' });
      }
      if (test.kind === 'Is' && subj.k !== 'bool') wrongSubject({ en: 'a yes/no for `yes:` and `no:` bands', zh: '是否值（才能用 `是:`、`否:` 分段）' });
      if (test.kind === 'Member') {
        if (subj.k === 'enum' || subj.k === 'unitKind') this.checkMember(test.member, subj);
        else if (subj.k === 'num') {
          // `bands x { 目标值: 5 }`: a name where a number is compared; say how to compare with it.
          if (this.letsByName.has(test.member.name)) this.used.add(`let:${test.member.name}`);
          if (this.inputs.has(test.member.name)) this.used.add(test.member.name);
          const fix = replaceWith({ start: test.member.span.start, end: test.member.span.start }, '>= ', { en: `Compare: \`>= ${test.member.name}\``, zh: `改为比较：\`>= ${test.member.name}\`` });
          this.report(diag('E0212', test.member.span, { name: test.member.name, known: this.resolvable(test.member.name, scope) }, { fixes: [fix] }));
        } else if (subj.k === 'bool') wrongSubject({ en: 'a choice', zh: '枚举值' }, { k: 'yesNoBands' });
        else if (subj.k !== 'error') wrongSubject({ en: 'a choice or a number', zh: '枚举值或数值' });
      }
      const p = this.expr(b.points, scope);
      this.expectNum(b.points, p, { en: 'band points', zh: '分段分值' });
      const r = p.k === 'num' ? p.range : Interval.ANY;
      lo = first ? r.lo : lo && r.lo ? Decimal.min(lo, r.lo) : null;
      hi = first ? r.hi : hi && r.hi ? Decimal.max(hi, r.hi) : null;
      first = false;
    }
    if (!e.bands.some((b) => b.test.kind === 'Else')) {
      // Values matching no band score 0.
      lo = lo ? Decimal.min(lo, Decimal.ZERO) : null;
      hi = hi ? Decimal.max(hi, Decimal.ZERO) : null;
    }
    return { k: 'num', range: new Interval(lo, hi) };
  }

  private name(e: Extract<A.Expr, { kind: 'Name' }>, scope: Scope): Ty {
    const n = e.name;
    const field = scope.fields?.get(n);
    if (field) {
      this.refs.set(e, { k: 'field', field });
      this.model.refer(e.span, this.defs.field.get(field));
      return this.maybeOptional(e, field);
    }
    const input = this.inputs.get(n);
    if (input) {
      this.used.add(n);
      this.refs.set(e, { k: 'input', field: input });
      this.model.refer(e.span, this.defs.field.get(input));
      return this.maybeOptional(e, input);
    }
    const l = this.letsByName.get(n);
    if (l) {
      this.used.add(`let:${n}`);
      this.refs.set(e, { k: 'let', let: l });
      this.model.refer(e.span, this.defs.let.get(l));
      return this.letType(l);
    }
    if (this.imports.has(n)) {
      this.refs.set(e, { k: 'import', alias: n });
      this.model.refer(e.span, this.defs.import.get(n));
      return { k: 'scheme', alias: n };
    }
    // The alias of a `use` whose file could not be used: that error is reported at the `use` line.
    if (this.ast.uses.some((u) => u.alias.name === n)) return ERR;
    if (this.isMember(n)) {
      this.refs.set(e, { k: 'member', name: n });
      return { k: 'member', name: n };
    }
    const candidates = [...(scope.fields?.keys() ?? []), ...this.inputs.keys(), ...this.letsByName.keys(), ...this.imports.keys(), ...this.enumMembers()];
    // `每少报次数扣1`: keywords glued to a known name are the likeliest reading.
    const split = splitGlued(n, candidates);
    const suggestion = split ? undefined : suggest(n, candidates);
    // The name the author probably meant counts as used: no second warning for one typo.
    const meant = split ? split.split(' ').filter((x) => candidates.includes(x)) : suggestion ? [suggestion] : [];
    for (const m of meant) this.used.add(this.inputs.has(m) ? m : `let:${m}`);
    const fixes = split
      ? [replaceWith(e.span, split, { en: `Write \`${split}\``, zh: `改为 \`${split}\`` })]
      : suggestion
        ? [fixTo(e.span, suggestion)]
        : [];
    this.report(diag('E0101', e.span, { name: n, suggestion, split }, { fixes }));
    return ERR;
  }

  /** Reading an optional value is allowed only on the left of `??` (marked by the caller). */
  private maybeOptional(e: A.Expr, f: FieldInfo): Ty {
    if (f.optional && !this.coalesceLeft.has(e)) {
      const at = { start: e.span.end, end: e.span.end };
      this.report(diag('E0203', e.span, { name: f.name }, { fixes: [replaceWith(at, ' ?? 0', { en: `Count a missing \`${f.name}\` as 0: add \`?? 0\``, zh: `未填报的 \`${f.name}\` 按 0 计：加上 \`?? 0\`` })] }));
    }
    return f.type;
  }

  private binary(e: Extract<A.Expr, { kind: 'Binary' }>, scope: Scope): Ty {
    if (e.op === '??') {
      this.markCoalesceLeft(e.left);
      const l = this.expr(e.left, scope);
      const r = this.expr(e.right, scope);
      if (l.k === 'num' && r.k === 'num') return { k: 'num', range: l.range.join(r.range) };
      if (l.k !== r.k && l.k !== 'error' && r.k !== 'error' && !(l.k === 'enum' && r.k === 'member')) this.report(diag('E0202', e.span, { left: describeTy(l), right: describeTy(r) }));
      return l.k === 'error' ? r : l;
    }
    const l = this.expr(e.left, scope);
    // `level = provincial`: an unknown name compared with a choice is a member that does not exist.
    if ((e.op === '==' || e.op === '!=') && (l.k === 'enum' || l.k === 'unitKind') && e.right.kind === 'Name' && !this.resolvable(e.right.name, scope)) {
      this.checkMember({ kind: 'Ident', name: e.right.name, span: e.right.span }, l);
      this.types.set(e.right, ERR);
      return BOOL;
    }
    const r = this.expr(e.right, scope);
    switch (e.op) {
      case 'and':
      case 'or': {
        const what = { en: `\`${e.op}\``, zh: e.op === 'and' ? '`且`' : '`或`' };
        this.expectBool(e.left, l, what);
        this.expectBool(e.right, r, what);
        return BOOL;
      }
      case '+':
      case '-':
      case '*':
      case '/': {
        const what = { en: `\`${e.op}\``, zh: `\`${e.op}\`` };
        const [ln, rn] = [this.numeric(e.left, l), this.numeric(e.right, r)];
        this.expectNum(e.left, ln, what);
        this.expectNum(e.right, rn, what);
        if (ln.k !== 'num' || rn.k !== 'num') return ERR;
        return this.arith(e.op, ln, rn);
      }
      default:
        this.comparable(e, l, r);
        return BOOL;
    }
  }

  private arith(op: '+' | '-' | '*' | '/', l: Extract<Ty, { k: 'num' }>, r: Extract<Ty, { k: 'num' }>): Ty {
    const range = op === '+' ? l.range.add(r.range) : op === '-' ? l.range.sub(r.range) : op === '*' ? l.range.mul(r.range) : l.range.div(r.range);
    return { k: 'num', range, int: op !== '/' && l.int && r.int };
  }

  private resolvable(n: string, scope: Scope): boolean {
    return !!scope.fields?.has(n) || this.inputs.has(n) || this.letsByName.has(n) || this.imports.has(n) || this.isMember(n);
  }

  private markCoalesceLeft(e: A.Expr) {
    this.coalesceLeft.add(e);
    if (e.kind === 'Binary' && e.op === '??') this.markCoalesceLeft(e.right);
  }

  private comparable(e: Extract<A.Expr, { kind: 'Binary' }>, l: Ty, r: Ty) {
    if (l.k === 'error' || r.k === 'error') return;
    const ordering = e.op !== '==' && e.op !== '!=';
    const bad = () =>
      this.report(
        diag('E0202', e.span, { left: describeTy(l), right: describeTy(r) }, { labels: [label(e.left.span, describeTy(l).en, describeTy(l).zh), label(e.right.span, describeTy(r).en, describeTy(r).zh)] }),
      );
    const memberOf = (m: Ty, other: Ty, memberExpr: A.Expr) => {
      if (m.k !== 'member') return false;
      if (other.k === 'enum' || other.k === 'unitKind') {
        this.checkMember({ kind: 'Ident', name: m.name, span: memberExpr.span }, other);
        return true;
      }
      return false;
    };
    if (l.k === 'num' && r.k === 'num') return;
    if (ordering && [l.k, r.k].some((k) => k === 'enum' || k === 'member' || k === 'unitKind' || k === 'grade')) {
      this.report(diag('E0209', e.span, { op: e.op }));
      return;
    }
    if (ordering) return bad();
    if (memberOf(r, l, e.right) || memberOf(l, r, e.left)) return;
    if (l.k === 'grade' && r.k === 'text' && e.right.kind === 'Str') {
      const found = this.defs.grade.get(e.right.text);
      if (found) this.model.refer(labelSpan(e.right), found);
      else {
        const s = suggest(e.right.text, this.gradeLabels);
        this.report(diag('E0105', e.right.span, { what: { en: 'grade', zh: '等级' }, label: e.right.text, suggestion: s }, { fixes: s ? [fixTo(labelSpan(e.right), s)] : [] }));
      }
      return;
    }
    if (l.k === r.k && (l.k === 'text' || l.k === 'bool' || l.k === 'grade')) return;
    if (l.k === 'enum' && r.k === 'enum' && l.name === r.name) return;
    bad();
  }

  private member(e: Extract<A.Expr, { kind: 'Member' }>, obj: Ty): Ty {
    const f = e.field.name;
    if (obj.k === 'error') return ERR;
    if (obj.k === 'scheme') {
      if (f === 'total') return NUM_ANY;
      this.report(diag('E0103', e.field.span, { of: { k: 'value', name: this.text(e.object) }, field: f, suggestion: 'total' }, { fixes: [fixTo(e.field.span, 'total')] }));
      return ERR;
    }
    const rec = obj.k === 'list' ? obj.elem : obj;
    if (rec.k === 'record') {
      const info = rec.fields.get(f);
      if (!info) {
        const s = suggest(f, rec.fields.keys());
        this.report(diag('E0103', e.field.span, { of: { k: 'value', name: this.text(e.object) }, field: f, suggestion: s }, { fixes: s ? [fixTo(e.field.span, s)] : [] }));
        return ERR;
      }
      this.model.refer(e.field.span, this.defs.field.get(info));
      return obj.k === 'list' ? { k: 'list', elem: info.type } : info.type;
    }
    this.report(diag('E0103', e.field.span, { of: { k: 'value', name: this.text(e.object) }, field: f }));
    return ERR;
  }

  /** `agri.item "x"`: the label must name an item (or section) of the imported scheme. */
  private importScore(e: Extract<A.Expr, { kind: 'ImportScore' }>, obj: Ty): Ty {
    if (obj.k === 'error') return ERR;
    if (obj.k !== 'scheme') {
      this.report(diag('E0103', e.label.span, { of: { k: 'value', name: this.text(e.object) }, field: `${e.target} "${e.label.text}"` }));
      return ERR;
    }
    const labels = this.imports.get(obj.alias)!.model.ofKind(e.target).map((d) => d.name);
    if (!labels.includes(e.label.text)) {
      const s = suggest(e.label.text, labels);
      const what = { en: `${e.target} of \`${obj.alias}\``, zh: `\`${obj.alias}\` 中的${e.target === 'item' ? '指标' : '小节'}` };
      this.report(diag('E0105', e.label.span, { what, label: e.label.text, suggestion: s }, { fixes: s ? [fixTo(labelSpan(e.label), s)] : [] }));
      return ERR;
    }
    return NUM_ANY;
  }

  /**
   * An aggregate over a list: of a field (`sum(items.amount)`), of a formula for each entry
   * (`sum(targets, base * min(done / goal, 1))`), or of the entries (`count(honors)`); `where`
   * and the formula see each entry's fields. A yes/no counts as 1 or 0.
   */
  private listAggregate(e: Extract<A.Expr, { kind: 'Call' }>, first: A.Expr, t0: Extract<Ty, { k: 'list' }>, scope: Scope): Ty {
    const projected = first.kind === 'Member' && this.types.get(first.object)?.k === 'list';
    const listExpr = projected ? (first as Extract<A.Expr, { kind: 'Member' }>).object : first;
    const lt = this.types.get(listExpr);
    const fields = lt && lt.k === 'list' && lt.elem.k === 'record' ? lt.elem.fields : undefined;
    const inner = fields ? { ...scope, ...this.entryScope(listExpr, fields, { ...e.span, start: first.span.end }) } : scope;
    if (e.where) this.expectBool(e.where, this.expr(e.where, inner), { en: '`where`', zh: '`其中`' });
    const what = { en: `\`${e.fn}\``, zh: `\`${e.fn}\`` };
    const formula = e.args[1];
    let elem: Ty = t0.elem;
    if (formula && !projected && fields && e.fn !== 'count' && e.args.length === 2) {
      // A formula for each entry.
      elem = this.numeric(formula, this.expr(formula, inner));
      this.expectNum(formula, elem, what);
      if (elem.k !== 'num') return ERR;
    } else if (e.args.length > 1) {
      for (const a of e.args.slice(1)) this.expr(a, inner);
      this.report(diag('E0210', e.args[1].span, { fn: e.fn, expr: this.text(e.args[1]), projected }));
    }
    if (e.fn === 'count') return COUNT;
    if (elem.k === 'bool') elem = this.numeric(first, elem);
    if (elem.k !== 'num') {
      const expr = this.text(first);
      this.report(
        diag('E0201', first.span, {
          what,
          expected: { en: 'a list of numbers', zh: '数值列表' },
          expr,
          actual: elem.k === 'record' ? { en: 'a list of records', zh: '记录列表' } : { en: `a list of ${describeTy(elem).en}`, zh: `${describeTy(elem).zh}列表` },
          advice: elem.k === 'record' ? { k: 'pickField', expr } : undefined,
        }),
      );
      return ERR;
    }
    const r = elem.range;
    if (e.fn === 'sum') return { k: 'num', range: r.lo && r.lo.sign() >= 0 ? new Interval(Decimal.ZERO, null) : Interval.ANY };
    return { k: 'num', range: r.join(new Interval(Decimal.ZERO, Decimal.ZERO)) };
  }

  private call(e: Extract<A.Expr, { kind: 'Call' }>, scope: Scope): Ty {
    if (e.fn === 'round') {
      const t = e.args[0] ? this.expr(e.args[0], scope) : ERR;
      if (e.args[0]) this.expectNum(e.args[0], t, { en: '`round`', zh: '`四舍五入`' });
      const places = e.args[1]?.kind === 'Num' ? placesOf(e.args[1]) : undefined;
      if (e.args.length !== 2 || places === undefined) this.report(diag('E0206', e.span, {}));
      if (t.k !== 'num') return ERR;
      // Rounding is monotone: round the bounds (2.345 may become 2.35).
      if (places === undefined) return { k: 'num', range: t.range };
      return { k: 'num', range: new Interval(t.range.lo ? t.range.lo.round(places) : null, t.range.hi ? t.range.hi.round(places) : null) };
    }
    const first = e.args[0];
    const t0 = first ? this.expr(first, scope) : ERR;
    if (t0.k === 'list') return this.listAggregate(e, first, t0, scope);
    if (e.args.length === 1 || e.where) {
      if (t0.k !== 'error') this.report(diag('E0204', first.span, { fn: e.fn, expr: this.text(first), actual: describeTy(t0) }));
      return ERR;
    }
    if (e.fn !== 'min' && e.fn !== 'max') {
      this.report(diag('E0204', first.span, { fn: e.fn, expr: this.text(first), actual: describeTy(t0) }));
      return ERR;
    }
    // min(a, b, …), max(a, b, …): numbers.
    let range: Interval | undefined;
    for (const [i, a] of e.args.entries()) {
      const t = i === 0 ? t0 : this.expr(a, scope);
      this.expectNum(a, t, { en: `\`${e.fn}\``, zh: `\`${e.fn}\`` });
      if (t.k !== 'num') return ERR;
      range = range ? (e.fn === 'min' ? range.min(t.range) : range.max(t.range)) : t.range;
    }
    return { k: 'num', range: range ?? Interval.ANY };
  }
}
