// Pass 4: AST → resolved and checked scheme.
//
// Resolves every name, gives every expression a type, checks that the points add up,
// and computes the static range of every item, section, bonus and the total.
// Never throws; every problem is a diagnostic.
import type * as A from './ast.js';
import { exprText } from './ast.js';
export { exprText };
import { Decimal } from './decimal.js';
import { diag, label, type Diagnostic, type Span } from './diagnostics.js';
import { Interval } from './interval.js';
import { KEYWORDS } from './tokens.js';

// ── types ───────────────────────────────────────────────────────────
export type Ty =
  | { k: 'bool' }
  | { k: 'num'; range: Interval; int?: boolean }
  | { k: 'text' }
  | { k: 'enum'; name: string; members: string[] }
  /** A bare enum member (`city`), typed by what it is compared with. */
  | { k: 'member'; name: string }
  | { k: 'grade' }
  | { k: 'unitKind'; members: string[] }
  | { k: 'list'; elem: Ty }
  | { k: 'record'; fields: Map<string, FieldInfo> }
  | { k: 'scheme'; scheme: CheckedScheme }
  | { k: 'error' };

export interface FieldInfo {
  name: string;
  label?: string;
  type: Ty;
  /** The declared type, for data validation. */
  decl: A.TypeExpr;
  optional: boolean;
  span: Span;
}

/** What a name refers to. */
export type Ref =
  | { k: 'input'; field: FieldInfo }
  | { k: 'let'; let: A.Let }
  | { k: 'member'; name: string }
  | { k: 'field'; field: FieldInfo }
  | { k: 'import'; alias: string };

export interface TierInfo {
  /** The list or enum the tiers read; synthesised when the author left it out. */
  source: A.Expr;
  /** For a list source: the enum field of each entry that picks the tier. */
  enumField?: string;
  isList: boolean;
}

export interface ScoreRange {
  low: Decimal;
  high: Decimal;
}

export interface CheckedScheme {
  ast: A.Scheme;
  file?: string;
  /** The scheme's text, for traces that quote rules as written. */
  source?: string;
  /** Declared inputs, then those of imported schemes that this scheme does not declare. */
  inputs: FieldInfo[];
  unitKinds: string[];
  gradeLabels: string[];
  /** Lets in an order where each comes after what it reads. */
  lets: A.Let[];
  refs: Map<A.Expr, Ref>;
  types: Map<A.Expr, Ty>;
  tiers: Map<A.Rule, TierInfo>;
  /** The effective max of each item and bonus (bonus: its max, or its cap). */
  maxOf: Map<A.Item, Decimal>;
  /** The scale of each section (its max, or the sum of its items' maxima). */
  scaleOf: Map<A.Section, Decimal>;
  itemRanges: Map<A.Item, ScoreRange>;
  sectionRanges: Map<A.Section, ScoreRange>;
  totalRange: { low: Decimal; high: Decimal | null };
  imports: Map<string, CheckedScheme>;
  /** Items, sections and bonuses by label, for `item "x"` references and expectations. */
  byLabel: { item: Map<string, A.Item>; section: Map<string, A.Section>; bonus: Map<string, A.Item> };
  weighted: boolean;
  precision?: number;
}

export interface CheckResult {
  scheme: CheckedScheme;
  diagnostics: Diagnostic[];
}

// ── helpers ─────────────────────────────────────────────────────────
/**
 * Expressions nest at most this deep (counting lets that read lets): every later pass
 * (evaluation, formatting) recurses over expressions, so this bound keeps them all safe.
 */
export const MAX_EXPR_DEPTH = 400;
const NUM_ANY: Ty = { k: 'num', range: Interval.ANY };
const ERR: Ty = { k: 'error' };
const BOOL: Ty = { k: 'bool' };

function dec(n: A.Num | undefined): Decimal {
  return (n && Decimal.parse(n.value)) ?? Decimal.ZERO;
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[n];
}

export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  // A short Chinese name is a different word when one character differs (丙镇 / 甲镇).
  const limit = /[\u4e00-\u9fff]/.test(name) && name.length <= 2 ? 0 : Math.max(1, Math.floor(name.length / 3));
  return best !== undefined && bestD <= limit ? best : undefined;
}

/** A declared input type, as a drafter writes it. */
export function describeDecl(t: A.TypeExpr, lang: 'en' | 'zh' = 'en'): string {
  const en: Record<A.TypeExpr['kind'], string> = { YesNoType: 'yes/no', CountType: 'count', IntegerType: 'integer', NumberType: 'number', PercentType: 'percent', TextType: 'text', GradeType: 'grade', EnumType: 'a choice', ListType: 'a list' };
  const zh: Record<A.TypeExpr['kind'], string> = { YesNoType: '是否', CountType: '次数', IntegerType: '整数', NumberType: '数值', PercentType: '百分比', TextType: '文本', GradeType: '等级', EnumType: '枚举', ListType: '列表' };
  return (lang === 'en' ? en : zh)[t.kind];
}

export function describeTy(t: Ty, lang: 'en' | 'zh'): string {
  const en = lang === 'en';
  switch (t.k) {
    case 'bool':
      return en ? 'a yes/no' : '是否值';
    case 'num':
      return en ? 'a number' : '数值';
    case 'text':
      return en ? 'text' : '文本';
    case 'enum':
      return en ? `one of ${t.members.join(' | ')}` : `枚举值（${t.members.join(' | ')}）`;
    case 'member':
      return en ? `the member \`${t.name}\`` : `枚举值 \`${t.name}\``;
    case 'grade':
      return en ? 'a grade' : '等级';
    case 'unitKind':
      return en ? 'a unit kind' : '单位类型';
    case 'list':
      return en ? 'a list' : '列表';
    case 'record':
      return en ? 'a record' : '记录';
    case 'scheme':
      return en ? 'an imported scheme' : '引用的方案';
    default:
      return en ? 'unknown' : '未知';
  }
}


interface Scope {
  /** Record fields in scope (inside `where` of a list). */
  fields?: Map<string, FieldInfo>;
  /** Where `total` and score references may be read (grades). */
  scores?: boolean;
}

export interface CheckOptions {
  file?: string;
  source?: string;
  /** Checked imported schemes, by alias. */
  imports?: Map<string, CheckedScheme>;
}

/** AST → checked scheme. Never throws. */
export function check(ast: A.Scheme, options: CheckOptions = {}): CheckResult {
  const c = new Checker(ast, options);
  return { scheme: c.run(), diagnostics: c.diagnostics };
}

class Checker {
  diagnostics: Diagnostic[] = [];
  private inputs = new Map<string, FieldInfo>();
  private letsByName = new Map<string, A.Let>();
  private refs = new Map<A.Expr, Ref>();
  private types = new Map<A.Expr, Ty>();
  private tiers = new Map<A.Rule, TierInfo>();
  private used = new Set<string>();
  private letTypes = new Map<A.Let, Ty>();
  private letState = new Map<A.Let, 'visiting' | 'done'>();
  private letOrder: A.Let[] = [];
  private letStack: A.Let[] = [];
  private enums: { name: string; members: string[] }[] = [];
  private gradeLabels: string[] = [];
  private unitKinds: string[] = [];
  private imports: Map<string, CheckedScheme>;

  constructor(
    private ast: A.Scheme,
    private options: CheckOptions,
  ) {
    this.imports = options.imports ?? new Map();
  }

  private report(d: Diagnostic) {
    if (this.options.file) {
      d.span.file ??= this.options.file;
      for (const l of d.labels) l.span.file ??= this.options.file;
    }
    this.diagnostics.push(d);
  }
  private text(e: A.Expr): string {
    return exprText(e, this.options.source);
  }

  run(): CheckedScheme {
    const ast = this.ast;
    this.unitKinds = ast.units.map((u) => u.name.name);
    this.gradeLabels = (ast.grades?.lines ?? []).map((l) => l.label.text);
    this.declareInputs();
    this.declareLets();
    for (const l of this.allLets()) this.letType(l);

    const maxOf = new Map<A.Item, Decimal>();
    const itemRanges = new Map<A.Item, ScoreRange>();
    const sectionRanges = new Map<A.Section, ScoreRange>();
    const scaleOf = new Map<A.Section, Decimal>();
    const byLabel = { item: new Map<string, A.Item>(), section: new Map<string, A.Section>(), bonus: new Map<string, A.Item>() };

    const registerLabel = <T extends { label: A.Str }>(map: Map<string, T>, node: T) => {
      const first = map.get(node.label.text);
      if (first) this.report(diag('E0007', node.label.span, { name: node.label.text }, [label(first.label.span, 'first defined here', '首次定义在此')]));
      else map.set(node.label.text, node);
    };
    for (const s of ast.sections) {
      registerLabel(byLabel.section, s);
      for (const it of s.items) registerLabel(byLabel.item, it);
    }
    for (const it of ast.items) registerLabel(byLabel.item, it);
    for (const b of ast.bonuses) registerLabel(byLabel.bonus, b);

    for (const it of [...ast.sections.flatMap((s) => s.items), ...ast.items]) {
      const r = this.item(it);
      maxOf.set(it, r.max);
      itemRanges.set(it, r.range);
    }
    for (const b of ast.bonuses) {
      const r = this.item(b);
      maxOf.set(b, r.max);
      itemRanges.set(b, r.range);
    }

    // ── points add up ─────────────────────────────────────────────
    const weighted = ast.sections.some((s) => s.weight);
    if (weighted && ast.sections.some((s) => !s.weight)) {
      const s = ast.sections.find((x) => !x.weight)!;
      this.report(diag('E0304', s.label.span));
    }
    for (const s of ast.sections) {
      let sum = Decimal.ZERO;
      let lo = Decimal.ZERO;
      let hi = Decimal.ZERO;
      for (const it of s.items) {
        sum = sum.add(maxOf.get(it)!);
        lo = lo.add(itemRanges.get(it)!.low);
        hi = hi.add(itemRanges.get(it)!.high);
      }
      const scale = s.max ? dec(s.max) : sum;
      scaleOf.set(s, scale);
      if (s.max && !sum.eq(scale) && s.items.length > 0) {
        const parts = s.items.map((it) => `"${it.label.text}" ${maxOf.get(it)!.toString()}`).join(' + ');
        this.report(
          diag('E0301', s.max.span, { section: s.label.text, sum: sum.toString(), max: scale.toString(), parts: `${parts} = ${sum.toString()}` }, s.items.filter((it) => it.max).map((it) => label(it.max!.span, `${maxOf.get(it)!.toString()}`, `${maxOf.get(it)!.toString()}`))),
        );
      }
      if (!s.max && !s.weight) this.report(diag('E0305', s.label.span, { what: `section "${s.label.text}"`, whatZh: `小节 "${s.label.text}"` }));
      sectionRanges.set(s, { low: lo, high: hi });
    }
    const total = ast.total ? dec(ast.total) : undefined;
    if (ast.total && total && total.sign() <= 0) this.report(diag('E0309', ast.total.span, { what: 'the total', whatZh: '总分' }));
    if (weighted) {
      // With mixed weights E0304 says all there is to say; otherwise the weights must make 100%.
      let wsum = Decimal.ZERO;
      for (const s of ast.sections) if (s.weight) wsum = wsum.add(dec(s.weight));
      if (ast.sections.every((s) => s.weight) && !wsum.eq(Decimal.ONE)) {
        const pct = (d: Decimal) => `${d.mul(Decimal.HUNDRED).toString()}%`;
        const parts = ast.sections.filter((s) => s.weight).map((s) => `"${s.label.text}" ${s.weight!.text}`).join(' + ');
        this.report(diag('E0303', ast.sections.find((s) => s.weight)!.weight!.span, { sum: pct(wsum), parts: `${parts} = ${pct(wsum)}` }));
      }
    } else if (total && (ast.sections.length > 0 || ast.items.length > 0)) {
      let sum = Decimal.ZERO;
      const parts: string[] = [];
      for (const s of ast.sections) {
        sum = sum.add(scaleOf.get(s)!);
        parts.push(`"${s.label.text}" ${scaleOf.get(s)!.toString()}`);
      }
      for (const it of ast.items) {
        sum = sum.add(maxOf.get(it)!);
        parts.push(`"${it.label.text}" ${maxOf.get(it)!.toString()}`);
      }
      if (!sum.eq(total))
        this.report(diag('E0302', ast.total!.span, { sum: sum.toString(), total: total.toString(), parts: `${parts.join(' + ')} = ${sum.toString()}` }));
    }

    // ── the total's range ─────────────────────────────────────────
    let tLo = Decimal.ZERO;
    let tHi = Decimal.ZERO;
    if (weighted && total) {
      for (const s of ast.sections) {
        const r = sectionRanges.get(s)!;
        const scale = scaleOf.get(s)!;
        const w = dec(s.weight).mul(total);
        if (scale.isZero()) continue;
        tLo = tLo.add(r.low.mul(w).div(scale));
        tHi = tHi.add(r.high.mul(w).div(scale));
      }
    } else {
      for (const s of ast.sections) {
        tLo = tLo.add(sectionRanges.get(s)!.low);
        tHi = tHi.add(sectionRanges.get(s)!.high);
      }
    }
    for (const it of [...ast.items, ...ast.bonuses]) {
      tLo = tLo.add(itemRanges.get(it)!.low);
      tHi = tHi.add(itemRanges.get(it)!.high);
    }
    let totalInterval = new Interval(tLo, tHi);
    for (const a of ast.adjusts) {
      const t = this.expr(a.factor, {});
      this.expectNum(a.factor, t, { en: '`adjust total *`', zh: '`调整 总分 *`' });
      totalInterval = totalInterval.mul(t.k === 'num' ? t.range : Interval.ANY);
    }

    // ── vetoes and grades ─────────────────────────────────────────
    for (const v of ast.vetoes) this.expectBool(v.cond, this.expr(v.cond, {}), { en: 'a veto condition', zh: '否决条件' });
    this.checkGrades(totalInterval);

    // ── examples ──────────────────────────────────────────────────
    for (const ex of ast.examples) this.checkExample(ex, byLabel);

    // ── unused inputs ─────────────────────────────────────────────
    for (const f of ast.inputs) if (!this.used.has(f.name.name)) this.report(diag('W0303', f.name.span, { name: f.name.name }));
    for (const l of this.allLets()) if (!this.used.has(`let:${l.name.name}`)) this.report(diag('W0306', l.name.span, { name: l.name.name }));


    const imported = [...this.imports.values()].flatMap((s) => s.inputs).filter((f) => !this.inputs.has(f.name));
    const seen = new Set<string>();
    return {
      ast,
      file: this.options.file,
      source: this.options.source,
      inputs: [...this.inputs.values(), ...imported.filter((f) => !seen.has(f.name) && seen.add(f.name))],
      unitKinds: this.unitKinds,
      gradeLabels: this.gradeLabels,
      lets: this.letOrder,
      refs: this.refs,
      types: this.types,
      tiers: this.tiers,
      maxOf,
      scaleOf,
      itemRanges,
      sectionRanges,
      totalRange: { low: totalInterval.lo ?? Decimal.ZERO, high: totalInterval.hi },
      imports: this.imports,
      byLabel,
      weighted,
      precision: ast.precision ? Number(ast.precision.value) : undefined,
    };
  }

  // ── declarations ──────────────────────────────────────────────────
  private declareInputs() {
    for (const f of this.ast.inputs) {
      if (this.inputs.has(f.name.name)) {
        this.report(diag('E0007', f.name.span, { name: f.name.name }, [label(this.inputs.get(f.name.name)!.span, 'first defined here', '首次定义在此')]));
        continue;
      }
      this.inputs.set(f.name.name, this.fieldInfo(f));
    }
    // Inputs of imported schemes must agree with ours.
    for (const [alias, sub] of this.imports) {
      for (const f of sub.inputs) {
        const mine = this.inputs.get(f.name);
        if (mine && mine.decl.kind !== f.decl.kind) {
          const use = this.ast.uses.find((u) => u.alias.name === alias);
          this.report(diag('E0404', mine.span, { name: f.name, here: describeDecl(mine.decl), there: describeDecl(f.decl), hereZh: describeDecl(mine.decl, 'zh'), thereZh: describeDecl(f.decl, 'zh'), path: use?.path.text ?? alias }));
        }
      }
    }
  }

  private fieldInfo(f: A.Field): FieldInfo {
    return { name: f.name.name, label: f.label?.text, type: this.typeOf(f.type, f.name.name), decl: f.type, optional: f.optional, span: f.name.span };
  }

  private typeOf(t: A.TypeExpr, name: string): Ty {
    switch (t.kind) {
      case 'YesNoType':
        return BOOL;
      case 'CountType':
        return { k: 'num', range: new Interval(Decimal.ZERO, null), int: true };
      case 'PercentType':
        return { k: 'num', range: new Interval(null, null) };
      case 'TextType':
        return { k: 'text' };
      case 'GradeType':
        return { k: 'grade' };
      case 'IntegerType':
      case 'NumberType': {
        if (!t.range) return { k: 'num', range: Interval.ANY, int: t.kind === 'IntegerType' };
        const lo = dec(t.range.low);
        const hi = dec(t.range.high);
        if (lo.gt(hi)) this.report(diag('E0205', t.range.span, { low: t.range.low.text, high: t.range.high.text }));
        return { k: 'num', range: new Interval(lo, hi), int: t.kind === 'IntegerType' };
      }
      case 'EnumType': {
        const members = t.members.map((m) => m.name);
        if (members.length === 1) {
          const kw = ['yes/no', 'count', 'integer', 'number', 'percent', 'text', 'grade', 'list'];
          const s = suggest(members[0], kw);
          const d = diag('E0101', t.members[0].span, { name: members[0], suggestion: s, hint: 'a type is one of yes/no, count, integer, number, a..b, percent, text, grade, `a | b`, list of { … }', hintZh: '类型可以是 是否、次数、整数、数值、a..b、百分比、文本、等级、`甲 | 乙`、列表 { … }' });
          d.message = { en: `unknown type \`${members[0]}\``, zh: `未知的类型 \`${members[0]}\`` };
          this.report(d);
          return ERR;
        }
        const dup = members.find((m, i) => members.indexOf(m) !== i);
        if (dup) {
          const d = diag('E0007', t.members[members.lastIndexOf(dup)].span, { name: dup });
          d.message = { en: `\`${dup}\` is listed twice`, zh: `\`${dup}\` 重复列出` };
          d.hint = { en: 'keep one', zh: '保留一个即可' };
          this.report(d);
        }
        this.enums.push({ name, members });
        return { k: 'enum', name, members };
      }
      case 'ListType': {
        const fields = new Map<string, FieldInfo>();
        for (const f of t.fields) {
          if (fields.has(f.name.name)) this.report(diag('E0007', f.name.span, { name: f.name.name }));
          else fields.set(f.name.name, this.fieldInfo(f));
        }
        return { k: 'list', elem: { k: 'record', fields } };
      }
    }
  }

  private allLets(): A.Let[] {
    return [...this.ast.lets, ...this.ast.sections.flatMap((s) => s.lets)];
  }

  private declareLets() {
    for (const l of this.allLets()) {
      const n = l.name.name;
      const first = this.letsByName.get(n)?.name.span ?? this.inputs.get(n)?.span;
      if (first || this.imports.has(n)) this.report(diag('E0007', l.name.span, { name: n }, first ? [label(first, 'first defined here', '首次定义在此')] : []));
      else this.letsByName.set(n, l);
    }
  }

  private letType(l: A.Let): Ty {
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
    const t = this.expr(l.value, {});
    this.letStack.pop();
    this.letState.set(l, 'done');
    this.letTypes.set(l, t);
    this.letOrder.push(l);
    return t;
  }

  // ── items ─────────────────────────────────────────────────────────
  private item(it: A.Item): { max: Decimal; range: ScoreRange } {
    const isBonus = it.kind === 'Bonus';
    const what = itemWhat(it);
    // M is the declared max; a cap limits the score afterwards (min(raw, N)), and stands in
    // for M only where no max is declared (`bonus "x": …, cap 10`).
    let max: Decimal | undefined = it.max ? dec(it.max) : it.cap ? dec(it.cap.value) : undefined;
    if (it.max && max && max.sign() <= 0) this.report(diag('E0309', it.max.span, { what: 'a max', whatZh: '满分' }));
    const places = it.round ? Number(it.round.value) : this.ast.precision ? Number(this.ast.precision.value) : undefined;
    if (it.max && max && places !== undefined && !max.round(places).eq(max)) {
      const d = diag('E0309', it.max.span, { what: 'x', whatZh: 'x' });
      d.message = { en: `the max ${it.max.text} has more decimal places than the scores are rounded to (${places})`, zh: `满分 ${it.max.text} 的小数位数多于计分精度（${places} 位）` };
      d.hint = { en: 'raise the precision, or give a max with fewer decimal places', zh: '请提高精度，或改用小数位数更少的满分' };
      this.report(d);
    }
    for (const v of it.voids) this.expectBool(v, this.expr(v, {}), { en: '`void if`', zh: '`作废 若`' });
    // The raw range of the rule, before it is held within 0..M.
    const raw = this.rule(it.rule, it, max);
    if (!max) {
      // A bonus without a max reaches at most its rule's highest value (never below 0).
      if (isBonus && raw.hi) max = Decimal.max(Decimal.ZERO, raw.hi);
      else {
        this.report(diag('E0305', it.label.span, { what: what.en, whatZh: what.zh }));
        max = Decimal.ZERO;
      }
    }
    let lo = Decimal.max(Decimal.ZERO, Decimal.min(raw.lo ?? Decimal.ZERO, max));
    let hi = raw.hi ? Decimal.max(Decimal.ZERO, Decimal.min(raw.hi, max)) : max;
    if (it.cap) {
      // Plain or prorata, a capped score never exceeds the cap.
      hi = Decimal.min(hi, dec(it.cap.value));
      if (!it.cap.prorata) lo = Decimal.min(lo, hi);
    }
    if (it.voids.length > 0) lo = Decimal.ZERO;
    // `cap N prorata` scales every unit by N / r_max when the cohort's highest raw value is above N.
    if (it.cap?.prorata && lo.sign() > 0) {
      const cap = dec(it.cap.value);
      if (!raw.hi) lo = Decimal.ZERO;
      else if (raw.hi.gt(cap)) lo = Decimal.min(lo, raw.lo!.mul(cap).div(raw.hi));
    }
    // Scores are rounded half-up where the scheme says; rounding is monotone, so round the bounds.
    if (places !== undefined && Number.isSafeInteger(places)) {
      lo = lo.round(places);
      hi = hi.round(places);
    }
    if (hi.lt(max) && !isBonus && max.sign() > 0) this.report(diag('W0301', it.label.span, { item: it.label.text, max: max.toString(), high: hi.toString() }));
    if (lo.gt(hi)) lo = hi;
    return { max, range: { low: lo, high: hi } };
  }

  /** Type-check a rule and return the interval of its raw value. */
  private rule(r: A.Rule, it: A.Item, max: Decimal | undefined): Interval {
    const M = max ?? null;
    const MI = new Interval(Decimal.ZERO, M);
    switch (r.kind) {
      case 'Points': {
        let lo = Decimal.ZERO;
        let hi = Decimal.ZERO;
        for (const line of r.lines) {
          const t = this.expr(line.cond, {});
          this.expectBool(line.cond, t, { en: 'a points line', zh: '得分条件' });
          this.neverFires(line.cond, line.span);
          const p = dec(line.points);
          if (line.deduct) lo = lo.sub(p);
          else hi = hi.add(p);
        }
        return new Interval(lo, hi);
      }
      case 'Deduct': {
        const t = this.expr(r.count, {});
        this.expectNum(r.count, t, { en: '`deduct … per`', zh: '`每 … 扣`' });
        if (!M) return Interval.ANY;
        const k = dec(r.amount);
        const range = t.k === 'num' ? t.range : Interval.ANY;
        let most = range.hi ? k.mul(range.hi) : null;
        if (r.max) most = most ? Decimal.min(most, dec(r.max)) : dec(r.max);
        let least = range.lo && range.lo.sign() > 0 ? k.mul(range.lo) : Decimal.ZERO;
        // `max D` caps the smallest deduction too.
        if (r.max) least = Decimal.min(least, dec(r.max));
        return new Interval(most ? M.sub(most) : null, M.sub(least));
      }
      case 'Ratio': {
        this.expectNum(r.done, this.expr(r.done, {}), { en: '`ratio`', zh: '`比例`' });
        this.expectNum(r.target, this.expr(r.target, {}), { en: '`ratio`', zh: '`比例`' });
        if (r.ifZero) this.expectNum(r.ifZero, this.expr(r.ifZero, {}), { en: '`if zero`', zh: '`为零时`' });
        return MI;
      }
      case 'RankPoints': {
        const t = this.expr(r.rank, {});
        this.expectNum(r.rank, t, { en: '`rank`', zh: '`名次`' });
        const first = dec(r.first);
        const step = dec(r.step);
        const range = t.k === 'num' ? t.range : Interval.ANY;
        const worst = range.hi ? Decimal.max(Decimal.ZERO, first.sub(step.mul(range.hi.sub(Decimal.ONE)))) : Decimal.ZERO;
        // A rank below 1 (a `count` may be 0) scores above `first`.
        const best = range.lo ? Decimal.max(first, first.sub(step.mul(range.lo.sub(Decimal.ONE)))) : null;
        return new Interval(worst, best);
      }
      case 'RankScored':
        this.expectNum(r.by, this.expr(r.by, {}), { en: '`by rank of`', zh: '`按排名`' });
        return MI;
      case 'Tiers':
        return this.tierRule(r, it);
      case 'Formula': {
        const t = this.expr(r.expr, {});
        this.expectNum(r.expr, t, itemWhat(it));
        return t.k === 'num' ? t.range : Interval.ANY;
      }
    }
  }

  private tierRule(r: Extract<A.Rule, { kind: 'Tiers' }>, it: A.Item): Interval {
    const wanted = r.tiers.map((t) => t.member.name);
    let info: TierInfo | undefined;
    if (r.source) {
      const t = this.expr(r.source, {});
      if (t.k === 'list' && t.elem.k === 'record') {
        const fields = t.elem.fields;
        const candidates = [...fields.values()].filter((f) => f.type.k === 'enum' && wanted.every((w) => (f.type as { members: string[] }).members.includes(w)));
        if (candidates.length === 1) info = { source: r.source, enumField: candidates[0].name, isList: true };
        else this.tierMismatch(r, fields);
        this.tierFilters(r, fields);
      } else if (t.k === 'enum') {
        info = { source: r.source, isList: false };
        for (const tier of r.tiers) this.checkMember(tier.member, t);
        if (r.filters.length) this.report(diag('E0204', r.filters[0].span, { fn: 'with / where / best per', expr: this.text(r.source), actual: describeTy(t, 'en'), actualZh: describeTy(t, 'zh') }));
      } else if (t.k !== 'error') {
        this.report(diag('E0201', r.source.span, { what: 'a tier table', whatZh: '档次表', expected: 'a list or an enum', expectedZh: '列表或枚举', expr: this.text(r.source), actual: describeTy(t, 'en'), actualZh: describeTy(t, 'zh') }));
      }
    } else {
      // The source is the one input whose enum includes every tier.
      const found: { field: FieldInfo; enumField?: string }[] = [];
      for (const f of this.inputs.values()) {
        if (f.type.k === 'enum' && wanted.every((w) => (f.type as { members: string[] }).members.includes(w))) found.push({ field: f });
        if (f.type.k === 'list' && f.type.elem.k === 'record')
          for (const sub of f.type.elem.fields.values())
            if (sub.type.k === 'enum' && wanted.every((w) => (sub.type as { members: string[] }).members.includes(w))) found.push({ field: f, enumField: sub.name });
      }
      if (found.length === 1) {
        const src: A.Expr = { kind: 'Name', name: found[0].field.name, span: r.span };
        this.refs.set(src, { k: 'input', field: found[0].field });
        this.types.set(src, found[0].field.type);
        this.used.add(found[0].field.name);
        info = { source: src, enumField: found[0].enumField, isList: !!found[0].enumField };
      } else if (found.length === 0) {
        const bad = r.tiers.find((t) => !this.enums.some((e) => e.members.includes(t.member.name))) ?? r.tiers[0];
        if (bad) {
          const members = this.enums.flatMap((e) => e.members);
          const d = diag('E0106', bad.member.span, { name: bad.member.name });
          const s = suggest(bad.member.name, members);
          if (s) d.hint = { en: `did you mean \`${s}\`?`, zh: `是不是要写 \`${s}\`？` };
          this.report(d);
        }
      } else {
        this.report(diag('E0107', r.span, { candidates: found.map((f) => f.field.name + (f.enumField ? `.${f.enumField}` : '')).join(', '), first: found[0].field.name }));
      }
      if (info?.isList) {
        const t = this.inputs.get((info.source as { name: string }).name)!.type;
        if (t.k === 'list' && t.elem.k === 'record') this.tierFilters(r, t.elem.fields);
      }
    }
    if (!info) return Interval.ANY;
    this.tiers.set(r, info);
    let lo = Decimal.ZERO;
    let hi = Decimal.ZERO;
    for (const t of r.tiers) {
      const p = dec(t.points);
      lo = Decimal.min(lo, p);
      hi = Decimal.max(hi, p);
    }
    if (info.isList) return new Interval(null, it.cap ? dec(it.cap.value) : null).meet(new Interval(lo.sign() < 0 ? null : Decimal.ZERO, null));
    return new Interval(lo, hi);
  }

  private tierMismatch(r: Extract<A.Rule, { kind: 'Tiers' }>, fields: Map<string, FieldInfo>) {
    const enums = [...fields.values()].filter((f) => f.type.k === 'enum');
    const members = enums.flatMap((f) => (f.type as { members: string[] }).members);
    const bad = r.tiers.find((t) => !members.includes(t.member.name)) ?? r.tiers[0];
    if (!bad) return;
    const d = diag('E0106', bad.member.span, { name: bad.member.name });
    const s = suggest(bad.member.name, members);
    if (s) d.hint = { en: `did you mean \`${s}\`?`, zh: `是不是要写 \`${s}\`？` };
    this.report(d);
  }

  private tierFilters(r: Extract<A.Rule, { kind: 'Tiers' }>, fields: Map<string, FieldInfo>) {
    for (const f of r.filters) {
      if (f.kind === 'Where') {
        this.expectBool(f.cond, this.expr(f.cond, { fields }), { en: '`where`', zh: '`其中`' });
        continue;
      }
      if (!fields.has(f.field.name)) {
        const d = diag('E0103', f.field.span, { name: 'x', field: f.field.name, suggestion: suggest(f.field.name, fields.keys()) });
        const list = [...fields.keys()].map((k) => `\`${k}\``).join(', ');
        d.message = { en: `the entries have no field \`${f.field.name}\` (they have ${list})`, zh: `列表条目没有字段 \`${f.field.name}\`（现有字段：${list}）` };
        this.report(d);
      }
    }
  }

  // ── grades ────────────────────────────────────────────────────────
  private checkGrades(total: Interval) {
    const g = this.ast.grades;
    if (!g) return;
    let vetoLines = 0;
    let otherwise = 0;
    for (const line of g.lines) {
      if (line.kind === 'VetoGrade' && ++vetoLines > 1) this.report(diag('E0308', line.span, { what: '`veto`', whatZh: '`否决`' }));
      if (line.kind === 'OtherwiseGrade' && ++otherwise > 1) this.report(diag('E0308', line.span, { what: '`otherwise`', whatZh: '`否则`' }));
      if (line.kind === 'IfGrade') {
        this.expectBool(line.cond, this.expr(line.cond, { scores: true }), { en: 'a grade line', zh: '等级条件' });
        this.neverFires(line.cond, line.span, total, { en: 'apply', zh: '适用' });
      }
    }
    if (this.ast.vetoes.length > 0 && vetoLines === 0) this.report(diag('W0304', g.span));
    if (otherwise === 0 && g.lines.some((l) => l.kind === 'IfGrade')) this.report(diag('W0305', g.span));
  }

  /** Warn about a comparison that, given the static ranges, can never hold. */
  private neverFires(cond: A.Expr, span: Span, total?: Interval, what = { en: 'fire', zh: '生效' }) {
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
    if (never) {
      const rangeText = (i: Interval) => `${i.lo?.toString() ?? '−∞'}..${i.hi?.toString() ?? '∞'}`;
      this.report(
        diag('W0302', span, {
          what: what.en,
          whatZh: what.zh,
          why: `\`${this.text(cond.left)}\` is always within ${rangeText(l)}`,
          whyZh: `\`${this.text(cond.left)}\` 的取值总在 ${rangeText(l)} 之内`,
        }),
      );
    }
  }

  // ── examples ──────────────────────────────────────────────────────
  private checkExample(ex: A.Example, byLabel: CheckedScheme['byLabel']) {
    const unitNames = new Set(ex.units.map((u) => u.name.text));
    for (const e of ex.expects) {
      if (e.unit && !unitNames.has(e.unit.text)) this.report(diag('E0105', e.unit.span, { what: 'unit in this example', whatZh: '示例单位', label: e.unit.text, suggestion: suggest(e.unit.text, unitNames) }));
      if (!e.unit && ex.units.length > 1 && !ex.given) {
        const d = diag('E0105', e.span, { what: 'unit', whatZh: '单位', label: '' });
        d.message = { en: 'this example has several units: say which one, `expect "name" total = …`', zh: '该示例有多个单位，请写明是哪一个：`预期 "名称" 总分 = …`' };
        this.report(d);
      }
      if (e.label && (e.target === 'item' || e.target === 'section' || e.target === 'bonus')) {
        const map = byLabel[e.target] as Map<string, unknown>;
        if (!map.has(e.label.text))
          this.report(diag('E0105', e.label.span, { what: e.target, whatZh: { item: '指标', section: '小节', bonus: '加分项' }[e.target], label: e.label.text, suggestion: suggest(e.label.text, map.keys()) }));
      }
      if (e.target === 'veto' && e.label && !this.ast.vetoes.some((v) => v.reason.text === e.label!.text))
        this.report(diag('E0105', e.label.span, { what: 'veto', whatZh: '否决项', label: e.label.text, suggestion: suggest(e.label.text, this.ast.vetoes.map((v) => v.reason.text)) }));
      if (e.target === 'grade' && e.value?.kind === 'Str' && !this.gradeLabels.includes(e.value.text))
        this.report(diag('E0105', e.value.span, { what: 'grade', whatZh: '等级', label: e.value.text, suggestion: suggest(e.value.text, this.gradeLabels) }));
    }
  }

  // ── expressions ───────────────────────────────────────────────────
  private expectNum(e: A.Expr, t: Ty, what: { en: string; zh: string }) {
    if (t.k === 'num' || t.k === 'error') return;
    this.report(
      diag('E0201', e.span, {
        what: what.en,
        whatZh: what.zh,
        expected: 'a number',
        expectedZh: '数值',
        expr: this.text(e),
        actual: describeTy(t, 'en'),
        actualZh: describeTy(t, 'zh'),
        hint: t.k === 'bool' ? 'a yes/no is not a number: write points with `N if condition`' : undefined,
        hintZh: t.k === 'bool' ? '是否值不是数值：请写成 `N 若 条件`' : undefined,
      }),
    );
  }
  private expectBool(e: A.Expr, t: Ty, what: { en: string; zh: string }) {
    if (t.k === 'bool' || t.k === 'error') return;
    this.report(
      diag('E0201', e.span, {
        what: what.en,
        whatZh: what.zh,
        expected: 'a yes/no condition',
        expectedZh: '是否条件',
        expr: this.text(e),
        actual: describeTy(t, 'en'),
        actualZh: describeTy(t, 'zh'),
        hint: t.k === 'num' ? `compare it: \`${this.text(e)} > 0\`` : undefined,
        hintZh: t.k === 'num' ? `请写成比较：\`${this.text(e)} > 0\`` : undefined,
      }),
    );
  }

  private checkMember(id: A.Ident, t: Extract<Ty, { k: 'enum' } | { k: 'unitKind' }>) {
    const members = t.members;
    if (!members.includes(id.name))
      this.report(diag('E0102', id.span, { name: id.name, enum: t.k === 'enum' ? t.name : 'unit', members: members.join(', '), suggestion: suggest(id.name, members) }));
  }

  /** How deep expressions (and lets reading lets) nest; past the limit the checker stops, not the stack. */
  private depth = 0;
  private tooDeepReported = false;

  /** Type an expression (memoised in `types`). */
  expr(e: A.Expr, scope: Scope): Ty {
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
        if (!scope.scores) this.scoreOutOfPlace(e, '`total`', '`总分`');
        return NUM_ANY;
      case 'UnitRef':
        return { k: 'unitKind', members: this.unitKinds };
      case 'ScoreRef': {
        if (!scope.scores) this.scoreOutOfPlace(e, `\`${e.target}\``, `\`${e.target === 'item' ? '指标' : e.target === 'section' ? '小节' : '加分'}\``);
        if (e.label) {
          const all = e.target === 'item' ? [...this.ast.sections.flatMap((s) => s.items), ...this.ast.items] : e.target === 'section' ? this.ast.sections : this.ast.bonuses;
          const labels = all.map((x) => x.label.text);
          if (!labels.includes(e.label.text))
            this.report(diag('E0105', e.label.span, { what: e.target, whatZh: e.target === 'item' ? '指标' : e.target === 'section' ? '小节' : '加分项', label: e.label.text, suggestion: suggest(e.label.text, labels) }));
        }
        return NUM_ANY;
      }
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
      case 'Member': {
        const obj = this.expr(e.object, scope);
        return this.member(e, obj);
      }
      case 'Call':
        return this.call(e, scope);
      case 'Cohort': {
        const t = this.expr(e.value, scope);
        if (e.fn !== 'count') this.expectNum(e.value, t, { en: `\`${e.fn} of … across units\``, zh: '全体单位汇总' });
        if (e.where) this.expectBool(e.where, this.expr(e.where, scope), { en: '`where`', zh: '`其中`' });
        if (e.fn === 'count') return { k: 'num', range: new Interval(Decimal.ZERO, null), int: true };
        if (e.fn === 'sum') return NUM_ANY;
        // With `where`, no unit may match: an empty aggregate is 0.
        return t.k === 'num' ? { k: 'num', range: e.where ? t.range.join(new Interval(Decimal.ZERO, Decimal.ZERO)) : t.range } : NUM_ANY;
      }
      case 'CohortRank': {
        this.expectNum(e.by, this.expr(e.by, scope), { en: '`rank by`', zh: '`排名 按`' });
        return { k: 'num', range: new Interval(Decimal.ONE, null), int: true };
      }
      case 'Bands': {
        const subj = this.expr(e.subject, scope);
        let lo: Decimal | null = null;
        let hi: Decimal | null = null;
        let first = true;
        for (const b of e.bands) {
          if (b.test.kind === 'Compare') this.expectNum(e.subject, subj, { en: '`bands`', zh: '`分段`' });
          if (b.test.kind === 'Member') {
            if (subj.k === 'enum' || subj.k === 'unitKind') this.checkMember(b.test.member, subj);
            else if (subj.k !== 'error') this.report(diag('E0201', b.test.span, { what: 'a band', whatZh: '分段', expected: 'a comparison such as `< 10`', expectedZh: '比较（如 `< 10`）', expr: b.test.member.name, actual: 'a name', actualZh: '名称' }));
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
      case 'Linear': {
        this.expectNum(e.subject, this.expr(e.subject, scope), { en: '`linear`', zh: '`线性`' });
        for (let i = 1; i < e.points.length; i++) if (!dec(e.points[i].x).gt(dec(e.points[i - 1].x))) this.report(diag('E0307', e.points[i].span));
        const ys = e.points.map((p) => dec(p.y));
        if (ys.length === 0) return NUM_ANY;
        return { k: 'num', range: new Interval(ys.reduce((a, b) => Decimal.min(a, b)), ys.reduce((a, b) => Decimal.max(a, b))) };
      }
    }
  }

  private scoreOutOfPlace(e: A.Expr, en: string, zh: string) {
    const d = diag('E0201', e.span, { what: en, whatZh: zh, expected: '', expectedZh: '', expr: '', actual: '', actualZh: '' });
    d.message = { en: `${en} can only be read in grade lines`, zh: `${zh} 只能在等级条件中使用` };
    this.report(d);
  }

  private name(e: Extract<A.Expr, { kind: 'Name' }>, scope: Scope): Ty {
    const n = e.name;
    const field = scope.fields?.get(n);
    if (field) {
      this.refs.set(e, { k: 'field', field });
      return this.maybeOptional(e, field);
    }
    const input = this.inputs.get(n);
    if (input) {
      this.used.add(n);
      this.refs.set(e, { k: 'input', field: input });
      return this.maybeOptional(e, input);
    }
    const l = this.letsByName.get(n);
    if (l) {
      this.used.add(`let:${n}`);
      this.refs.set(e, { k: 'let', let: l });
      return this.letType(l);
    }
    const imp = this.imports.get(n);
    if (imp) {
      this.refs.set(e, { k: 'import', alias: n });
      return { k: 'scheme', scheme: imp };
    }
    // The alias of a `use` whose file could not be used: that error is reported at the `use` line.
    if (this.ast.uses.some((u) => u.alias.name === n)) return ERR;
    if (this.enums.some((x) => x.members.includes(n)) || this.unitKinds.includes(n)) {
      this.refs.set(e, { k: 'member', name: n });
      return { k: 'member', name: n };
    }
    const candidates = [...(scope.fields?.keys() ?? []), ...this.inputs.keys(), ...this.letsByName.keys(), ...this.imports.keys(), ...this.enums.flatMap((x) => x.members)];
    // `每少报次数扣1`: keywords glued to a known name are the likeliest reading.
    const split = splitGlued(n, candidates);
    const suggestion = split ? undefined : suggest(n, candidates);
    // The name the author probably meant counts as used: no second warning for one typo.
    const meant = split ? split.split(' ').filter((x) => candidates.includes(x)) : suggestion ? [suggestion] : [];
    for (const m of meant) this.used.add(this.inputs.has(m) ? m : `let:${m}`);
    const d = diag('E0101', e.span, { name: n, suggestion });
    if (split) d.hint = { en: `\`${n}\` reads as one name; put spaces between keywords and names: \`${split}\``, zh: `\`${n}\` 被当成了一个名称；关键字与名称之间请加空格：\`${split}\`` };
    this.report(d);
    return ERR;
  }

  /** Reading an optional value is allowed only on the left of `??` (marked by the caller). */
  private maybeOptional(e: A.Expr, f: FieldInfo): Ty {
    if (f.optional && !this.coalesceLeft.has(e)) this.report(diag('E0203', e.span, { name: f.name }));
    return f.type;
  }
  private coalesceLeft = new Set<A.Expr>();

  private binary(e: Extract<A.Expr, { kind: 'Binary' }>, scope: Scope): Ty {
    if (e.op === '??') {
      this.markCoalesceLeft(e.left);
      const l = this.expr(e.left, scope);
      const r = this.expr(e.right, scope);
      if (l.k === 'num' && r.k === 'num') return { k: 'num', range: l.range.join(r.range) };
      if (l.k !== r.k && l.k !== 'error' && r.k !== 'error' && !(l.k === 'enum' && r.k === 'member'))
        this.report(diag('E0202', e.span, { left: describeTy(l, 'en'), right: describeTy(r, 'en'), leftZh: describeTy(l, 'zh'), rightZh: describeTy(r, 'zh') }));
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
      case 'or':
        this.expectBool(e.left, l, { en: `\`${e.op}\``, zh: e.op === 'and' ? '`且`' : '`或`' });
        this.expectBool(e.right, r, { en: `\`${e.op}\``, zh: e.op === 'and' ? '`且`' : '`或`' });
        return BOOL;
      case '+':
      case '-':
      case '*':
      case '/': {
        this.expectNum(e.left, l, { en: `\`${e.op}\``, zh: `\`${e.op}\`` });
        this.expectNum(e.right, r, { en: `\`${e.op}\``, zh: `\`${e.op}\`` });
        if (l.k !== 'num' || r.k !== 'num') return ERR;
        const range = e.op === '+' ? l.range.add(r.range) : e.op === '-' ? l.range.sub(r.range) : e.op === '*' ? l.range.mul(r.range) : l.range.div(r.range);
        return { k: 'num', range, int: e.op !== '/' && l.int && r.int };
      }
      default:
        this.comparable(e, l, r);
        return BOOL;
    }
  }

  private resolvable(n: string, scope: Scope): boolean {
    return !!scope.fields?.has(n) || this.inputs.has(n) || this.letsByName.has(n) || this.imports.has(n) || this.enums.some((x) => x.members.includes(n)) || this.unitKinds.includes(n);
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
        diag('E0202', e.span, { left: describeTy(l, 'en'), right: describeTy(r, 'en'), leftZh: describeTy(l, 'zh'), rightZh: describeTy(r, 'zh') }, [
          label(e.left.span, describeTy(l, 'en'), describeTy(l, 'zh')),
          label(e.right.span, describeTy(r, 'en'), describeTy(r, 'zh')),
        ]),
      );
    const memberOf = (m: Ty, other: Ty, memberExpr: A.Expr) => {
      if (m.k !== 'member') return false;
      if (other.k === 'enum' || other.k === 'unitKind') {
        if (!other.members.includes(m.name)) this.checkMember({ kind: 'Ident', name: m.name, span: memberExpr.span }, other);
        return true;
      }
      return false;
    };
    if (l.k === 'num' && r.k === 'num') return;
    if (ordering && [l.k, r.k].some((k) => k === 'enum' || k === 'member' || k === 'unitKind' || k === 'grade')) {
      const d = diag('E0202', e.span, { left: describeTy(l, 'en'), right: describeTy(r, 'en'), leftZh: describeTy(l, 'zh'), rightZh: describeTy(r, 'zh') });
      d.message = { en: `\`${e.op}\` needs numbers: choices have no order`, zh: `\`${e.op}\` 只能比较数值：枚举值没有大小之分` };
      d.hint = { en: 'use `=` or `!=`, or a tier table to turn choices into points', zh: '请用 `=` 或 `!=`，或用档次表把枚举值换算成分数' };
      this.report(d);
      return;
    }
    if (ordering) return bad();
    if (memberOf(r, l, e.right) || memberOf(l, r, e.left)) return;
    if (l.k === 'grade' && r.k === 'text' && e.right.kind === 'Str') {
      if (!this.gradeLabels.includes(e.right.text)) this.report(diag('E0105', e.right.span, { what: 'grade', whatZh: '等级', label: e.right.text, suggestion: suggest(e.right.text, this.gradeLabels) }));
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
      this.report(diag('E0103', e.field.span, { name: this.text(e.object), field: f, suggestion: 'total' }));
      return ERR;
    }
    const rec = obj.k === 'list' ? obj.elem : obj;
    if (rec.k === 'record') {
      const info = rec.fields.get(f);
      if (!info) {
        this.report(diag('E0103', e.field.span, { name: this.text(e.object), field: f, suggestion: suggest(f, rec.fields.keys()) }));
        return ERR;
      }
      return obj.k === 'list' ? { k: 'list', elem: info.type } : info.type;
    }
    this.report(diag('E0103', e.field.span, { name: this.text(e.object), field: f }));
    return ERR;
  }

  private call(e: Extract<A.Expr, { kind: 'Call' }>, scope: Scope): Ty {
    if (e.fn === 'round') {
      const t = e.args[0] ? this.expr(e.args[0], scope) : ERR;
      this.expectNum(e.args[0], t, { en: '`round`', zh: '`四舍五入`' });
      if (e.args.length !== 2 || e.args[1].kind !== 'Num') {
        const d = diag('E0201', e.span, { what: '`round`', whatZh: '`四舍五入`', expected: '', expectedZh: '', expr: '', actual: '', actualZh: '' });
        d.message = { en: '`round` takes a value and a number of places: `round(x, 2)`', zh: '`四舍五入` 需要数值和小数位数：`四舍五入(x, 2)`' };
        this.report(d);
      }
      const places = e.args[1]?.kind === 'Num' ? Number(e.args[1].value) : undefined;
      if (t.k !== 'num') return ERR;
      // Rounding is monotone: round the bounds (2.345 may become 2.35).
      if (places === undefined || !Number.isSafeInteger(places) || places < 0) return { k: 'num', range: t.range };
      return { k: 'num', range: new Interval(t.range.lo ? t.range.lo.round(places) : null, t.range.hi ? t.range.hi.round(places) : null) };
    }
    const first = e.args[0];
    const t0 = first ? this.expr(first, scope) : ERR;
    if (t0.k === 'list') {
      // An aggregate over a list; `where` sees each entry's fields.
      const fields = t0.elem.k === 'record' ? t0.elem.fields : undefined;
      if (e.where) {
        const listExpr = first.kind === 'Member' ? first.object : first;
        const lt = this.types.get(listExpr);
        const recFields = lt && lt.k === 'list' && lt.elem.k === 'record' ? lt.elem.fields : fields;
        this.expectBool(e.where, this.expr(e.where, { ...scope, fields: recFields }), { en: '`where`', zh: '`其中`' });
      }
      if (e.args.length > 1) this.report(diag('E0204', e.args[1].span, { fn: e.fn, expr: this.text(e.args[1]), actual: 'a second argument', actualZh: '多余的参数' }));
      if (e.fn === 'count') return { k: 'num', range: new Interval(Decimal.ZERO, null), int: true };
      if (t0.elem.k !== 'num') {
        this.report(diag('E0201', first.span, { what: `\`${e.fn}\``, whatZh: `\`${e.fn}\``, expected: 'a list of numbers', expectedZh: '数值列表', expr: this.text(first), actual: t0.elem.k === 'record' ? 'a list of records' : `a list of ${describeTy(t0.elem, 'en')}`, actualZh: `${describeTy(t0.elem, 'zh')}列表`, hint: t0.elem.k === 'record' ? `pick a field: \`${this.text(first)}.field\`` : undefined, hintZh: t0.elem.k === 'record' ? `请取字段：\`${this.text(first)}.字段\`` : undefined }));
        return ERR;
      }
      const r = t0.elem.range;
      if (e.fn === 'sum') return { k: 'num', range: r.lo && r.lo.sign() >= 0 ? new Interval(Decimal.ZERO, null) : Interval.ANY };
      return { k: 'num', range: r.join(new Interval(Decimal.ZERO, Decimal.ZERO)) };
    }
    if (e.args.length === 1 || e.where) {
      if (t0.k !== 'error') this.report(diag('E0204', first.span, { fn: e.fn, expr: this.text(first), actual: describeTy(t0, 'en'), actualZh: describeTy(t0, 'zh') }));
      return ERR;
    }
    // min(a, b, …), max(a, b, …): numbers.
    if (e.fn !== 'min' && e.fn !== 'max') {
      this.report(diag('E0204', first.span, { fn: e.fn, expr: this.text(first), actual: describeTy(t0, 'en'), actualZh: describeTy(t0, 'zh') }));
      return ERR;
    }
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

/** `item "x"` / `bonus "x"`, for messages. */
function itemWhat(it: A.Item): { en: string; zh: string } {
  const bonus = it.kind === 'Bonus';
  return { en: `${bonus ? 'bonus' : 'item'} "${it.label.text}"`, zh: `${bonus ? '加分' : '指标'} "${it.label.text}"` };
}

/**
 * Split a name that swallowed keywords, as in `每少报次数扣1` → `每 少报次数 扣 1`, when the
 * split finds a known name in it. Undefined when it does not read that way.
 */
export function splitGlued(name: string, known: string[]): string | undefined {
  const keywords = KEYWORDS.flatMap((k) => k.zh).sort((a, b) => b.length - a.length);
  const names = [...known].sort((a, b) => b.length - a.length);
  const parts: string[] = [];
  let rest = '';
  let foundName = false;
  let foundKeyword = false;
  for (let i = 0; i < name.length; ) {
    const n = names.find((x) => x.length > 0 && name.startsWith(x, i));
    const k = n ? undefined : keywords.find((x) => name.startsWith(x, i));
    const d = n || k ? undefined : /^\d+(\.\d+)?/.exec(name.slice(i))?.[0];
    const piece = n ?? k ?? d;
    if (piece) {
      if (rest) parts.push(rest);
      rest = '';
      parts.push(piece);
      foundName ||= !!n;
      foundKeyword ||= !!k;
      i += piece.length;
    } else rest += name[i++];
  }
  if (rest) parts.push(rest);
  return foundName && foundKeyword && parts.length > 1 ? parts.join(' ') : undefined;
}
