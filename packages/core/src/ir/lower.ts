// Pass 5: checked scheme → plan. Runs only when the scheme has no errors, so every name
// resolves and every type fits; what is left is to take each decision once: constants to
// exact decimals, names to columns, lets, cohort values and score ids, and each rule kind to
// its plan node (rules/).
import type * as A from '../ast/ast.js';
import { exprText } from '../ast/ast.js';
import { allItems, allSections, eachSubExpression, sectionedItems } from '../ast/walk.js';
import type { CheckedScheme, Ref } from '../check/check.js';
import { Decimal } from '../common/decimal.js';
import { ruleKind, type LowerContext } from '../rules/index.js';
import { placesOf } from '../rules/numbers.js';
import * as P from './plan.js';
import { readsOnly } from './reads-only.js';

/** Checked scheme (without errors) → plan. `imports` are the plans of the schemes it uses, by alias. */
export function lower(scheme: CheckedScheme, imports: ReadonlyMap<string, P.Plan> = new Map()): P.Plan {
  return new Lowering(scheme, imports).plan();
}

/** `unitLabels` when some unit kind has a label (absent otherwise, so that plans without them stay as they were). */
function unitLabels(ast: A.Scheme): { unitLabels?: string[] } {
  const labels = ast.units.flatMap((u) => (u.label?.text.trim() ? [u.label.text.trim()] : []));
  return labels.length > 0 ? { unitLabels: labels } : {};
}

/** Canonical decimal text of a number as the AST holds it. */
function canonical(value: string): P.Dec {
  return (Decimal.parse(value) ?? Decimal.ZERO).toString();
}

class Lowering implements LowerContext {
  private readonly letIds = new Map<A.Let, number>();
  private readonly cohort: P.CohortValue[] = [];
  private readonly rankIds = new Map<string, number>();
  private readonly itemIds = new Map<A.Item, number>();
  private readonly sectionIds = new Map<A.Section, number>();
  /** Aggregates over a list, by their call: a trace's read of one (`reads`) is the same node as the rule's. */
  private readonly listAggs = new Map<A.Expr, Extract<P.Expr, { k: 'listAgg' }>>();
  private readonly ast: A.Scheme;

  constructor(
    private readonly scheme: CheckedScheme,
    private readonly imports: ReadonlyMap<string, P.Plan>,
  ) {
    this.ast = scheme.ast;
  }

  plan(): P.Plan {
    const { ast, scheme } = this;
    scheme.lets.forEach((l, i) => this.letIds.set(l, i));
    const allSecs = allSections(ast);
    allSecs.forEach((s, i) => this.sectionIds.set(s, i));
    const all = allItems(ast);
    all.forEach((it, i) => this.itemIds.set(it, i));
    const lets = scheme.lets.map((l, id): P.Let => ({ id, name: l.name.name, expr: this.expr(l.value), text: withoutComments(this.src(l.value)), ...(scheme.readsTotal.has(l) ? { readsTotal: true as const } : {}), span: l.span }));
    const sectionOf = new Map(allSecs.flatMap((s) => s.items.map((it) => [it, s] as const)));
    const parentOf = new Map(allSecs.flatMap((s) => s.sections.map((c) => [c, s] as const)));
    const items = all.map((it, id) => this.item(it, id, sectionOf.get(it), lets));
    const sections = allSecs.map((s, id): P.Section => {
      const out: P.Section = {
        id,
        label: s.label.text,
        scale: scheme.scaleOf.get(s)!.toString(),
        items: s.items.map((it) => this.itemIds.get(it)!),
        sections: s.sections.map((c) => this.sectionIds.get(c)!),
        weighted: s.sections.some((c) => c.weight),
        span: s.span,
      };
      const parent = parentOf.get(s);
      if (parent) out.parent = this.sectionIds.get(parent);
      if (s.weight) {
        out.weight = canonical(s.weight.value);
        out.weightText = s.weight.text;
      }
      return out;
    });
    const plan: P.Plan = {
      version: P.PLAN_VERSION,
      ...(scheme.file !== undefined ? { file: scheme.file } : {}),
      name: ast.name?.text ?? '',
      total: ast.total ? canonical(ast.total.value) : '0',
      ...(scheme.precision ? { precision: { places: scheme.precision.places, of: scheme.precision.totalOnly ? ('total' as const) : ('each' as const) } } : {}),
      unitKinds: scheme.unitKinds,
      ...unitLabels(ast),
      gradeLabels: scheme.gradeLabels,
      inputs: scheme.inputs.map((f) => this.field(f.decl, f.name, f.label, f.optional, f.declSpan)),
      lets,
      cohort: this.cohort,
      items,
      sections,
      topSections: ast.sections.map((s) => this.sectionIds.get(s)!),
      topItems: ast.items.map((it) => this.itemIds.get(it)!),
      bonuses: ast.bonuses.map((it) => this.itemIds.get(it)!),
      penalties: ast.penalties.map((it) => this.itemIds.get(it)!),
      order: scheme.order.map((x): P.Step => (x.kind === 'Section' ? { k: 'section', id: this.sectionIds.get(x)! } : { k: 'item', id: this.itemIds.get(x)! })),
      adjusts: ast.adjusts.map((a) => ({ factor: this.cond(a.factor), span: a.span })),
      vetoes: ast.vetoes.map((v) => ({ reason: v.reason.text, cond: this.cond(v.cond), span: v.span })),
      imports: [...this.imports].map(([alias, p]) => ({ alias, plan: p })),
      examples: ast.examples.map((ex) => this.example(ex)),
      places: { vetoed: ast.places?.vetoed ?? 'last', ineligible: ast.places?.ineligible ?? 'unplaced' },
    };
    if (ast.floor) plan.floor = canonical(ast.floor.value);
    if (ast.eligible) plan.eligible = this.cond(ast.eligible.cond);
    if (ast.within) plan.within = this.cond(ast.within.key);
    if (ast.grades) plan.grades = ast.grades.lines.map((l) => this.grade(l));
    return plan;
  }

  // ── data ──────────────────────────────────────────────────────────
  private field(t: A.TypeExpr, name: string, label: string | undefined, optional: boolean, span: A.Node['span']): P.Field {
    const f: P.Field = { name, type: this.fieldType(t), optional, span };
    if (label !== undefined) f.label = label;
    return f;
  }

  private fieldType(t: A.TypeExpr): P.FieldType {
    const bounds = (r: A.Range | undefined): { range?: P.Bounds } => (r ? { range: { low: canonical(r.low.value), high: canonical(r.high.value), lowText: r.low.text, highText: r.high.text } } : {});
    switch (t.kind) {
      case 'YesNoType':
        return { k: 'yesno' };
      case 'CountType':
        return { k: 'count' };
      case 'IntegerType':
        return { k: 'integer', ...bounds(t.range) };
      case 'NumberType':
        return { k: 'number', ...bounds(t.range) };
      case 'PercentType':
        return { k: 'percent' };
      case 'TextType':
        return { k: 'text' };
      case 'GradeType':
        return { k: 'grade' };
      case 'EnumType':
        return { k: 'enum', members: t.members.map((m) => m.name) };
      case 'ListType':
        return { k: 'list', fields: t.fields.map((f) => this.field(f.type, f.name.name, f.label?.text, f.optional, f.span)) };
    }
  }

  // ── scoring ───────────────────────────────────────────────────────
  private item(it: A.Item, id: number, section: A.Section | undefined, lets: readonly P.Let[]): P.Item {
    const { scheme } = this;
    const each = scheme.precision && !scheme.precision.totalOnly ? scheme.precision.places : undefined;
    const places = it.round ? placesOf(it.round) : each;
    const kind = ruleKind(it.rule);
    // A bonus's max worked out from its rule's range (no `max` written) may not terminate
    // (`x / 3`); its score never passes that range, so the plan then carries no max at all.
    const max = scheme.maxOf.get(it);
    const out: P.Item = {
      id,
      kind: it.kind === 'Bonus' ? 'bonus' : it.kind === 'Penalty' ? 'penalty' : 'item',
      label: it.label.text,
      ...(max?.terminates() ? { max: max.toString() } : {}),
      rule: kind.lower(it.rule, this, it),
      voids: it.voids.map((v) => this.cond(v)),
      notApplicable: it.notApplicable.map((v) => this.cond(v)),
      text: ruleText(this.src(it.rule)),
      reads: this.reads([...it.notApplicable, ...it.voids, ...kind.reads(it.rule, scheme.tiers.get(it.rule))]),
      span: it.span,
    };
    if (section) out.section = this.sectionIds.get(section);
    if (it.cap) {
      out.cap = { value: canonical(it.cap.value.value) };
      if (it.cap.prorata) {
        const cohort = this.cohort.length;
        this.cohort.push({ id: cohort, k: 'prorataMax', item: id, span: it.cap.span });
        out.cap.prorata = { cohort };
      }
    }
    if (places !== undefined) out.places = places;
    const only = readsOnly(out.rule, lets);
    if (only !== undefined) out.readsOnly = only;
    const proved = scheme.proved.get(it);
    if (proved && out.max !== undefined) out.proved = proved;
    return out;
  }

  /** The inputs and lets a rule reads, directly or through lets, in the order first read. */
  private reads(exprs: A.Expr[]): P.Read[] {
    const out: P.Read[] = [];
    const seen = new Set<string>();
    const visit = (e: A.Expr) => {
      const ref = this.scheme.refs.get(e);
      if (ref?.k === 'input' && !seen.has(ref.field.name)) {
        seen.add(ref.field.name);
        const read: P.Read = { k: 'input', field: ref.field.name };
        if (ref.field.label !== undefined) read.label = ref.field.label;
        if (ref.field.decl.kind === 'PercentType') read.percent = true;
        out.push(read);
      } else if (e.kind === 'ScoreRef' && !seen.has(`score:${this.src(e)}`)) {
        seen.add(`score:${this.src(e)}`);
        out.push({ k: 'score', of: this.expr(e) as Extract<P.Expr, { k: 'itemScore' | 'sectionScore' | 'bonusTotal' }>, text: this.src(e) });
      } else if ((e.kind === 'ImportScore' || (e.kind === 'Member' && this.scheme.refs.get(e.object)?.k === 'import')) && !seen.has(`import:${e.span.start}`)) {
        seen.add(`import:${e.span.start}`);
        out.push({ k: 'import', expr: this.expr(e), text: this.src(e) });
      } else if (e.kind === 'Call' && (e.where || e.args.length > 1) && this.scheme.types.get(e.args[0])?.k === 'list' && !seen.has(`entries:${e.span.start}`)) {
        // The entries a list aggregate counts, for the trace: after the list itself.
        seen.add(`entries:${e.span.start}`);
        eachSubExpression(e, visit);
        const agg = this.expr(e) as Extract<P.Expr, { k: 'listAgg' }>;
        const projected = this.projection(e.args[0]);
        const list = projected ? projected.object : e.args[0];
        // What each entry adds, as written (a field or a per-entry formula); its percentage fields, shown as percentages.
        const each = projected ? projected.field.name : e.args[1] && e.fn !== 'count' ? ruleText(this.src(e.args[1])) : undefined;
        const listTy = this.scheme.types.get(list);
        const fields = listTy?.k === 'list' && listTy.elem.k === 'record' ? [...listTy.elem.fields.values()] : [];
        const percent = fields.filter((f) => f.decl.kind === 'PercentType').map((f) => f.name);
        out.push({ k: 'entries', agg, list: this.src(list), ...(e.where ? { where: ruleText(this.src(e.where)) } : {}), ...(each !== undefined ? { each } : {}), ...(percent.length ? { percent } : {}) });
        return;
      } else if (ref?.k === 'let' && !seen.has(ref.let.name.name)) {
        seen.add(ref.let.name.name);
        out.push({ k: 'let', id: this.letIds.get(ref.let)! });
        visit(ref.let.value);
      }
      eachSubExpression(e, visit);
    };
    for (const e of exprs) visit(e);
    return out;
  }

  /** `honors.level` given to an aggregate: a field of each entry of a list (the list is `object`). */
  private projection(e: A.Expr): Extract<A.Expr, { kind: 'Member' }> | undefined {
    return e.kind === 'Member' && this.scheme.types.get(e.object)?.k === 'list' ? e : undefined;
  }

  private grade(l: A.GradeLine): P.Grade {
    switch (l.kind) {
      case 'VetoGrade':
        return { k: 'veto', label: l.label.text, span: l.span };
      case 'OtherwiseGrade':
        return { k: 'otherwise', label: l.label.text, span: l.span };
      case 'IneligibleGrade':
        return { k: 'ineligible', label: l.label.text, span: l.span };
      case 'IfGrade': {
        const g: P.Grade = { k: 'if', label: l.label.text, cond: this.cond(l.cond), span: l.span };
        if (l.quota) g.quota = l.quota.text.endsWith('%') ? { share: canonical(l.quota.value), text: l.quota.text } : { count: Number(l.quota.value), text: l.quota.text };
        return g;
      }
    }
  }

  // ── LowerContext ──────────────────────────────────────────────────
  dec(n: A.Num): P.Dec {
    return canonical(n.value);
  }

  cond(e: A.Expr): P.Cond {
    const ref = this.scheme.refs.get(e);
    const percent = (ref?.k === 'input' || ref?.k === 'field') && ref.field.decl.kind === 'PercentType';
    const text = withoutComments(this.src(e));
    return percent ? { expr: this.expr(e), text, percent: true } : { expr: this.expr(e), text };
  }

  tiers(rule: A.Rule) {
    return this.scheme.tiers.get(rule);
  }

  rank(by: A.Expr, dir: A.Direction): number {
    const value = this.expr(by);
    const key = `${dir}:${JSON.stringify(value, (k, v) => (k === 'span' ? undefined : v))}`;
    let id = this.rankIds.get(key);
    if (id === undefined) {
      id = this.cohort.length;
      this.cohort.push({ id, k: 'rank', by: value, dir, span: by.span });
      this.rankIds.set(key, id);
    }
    return id;
  }

  /** The text of a node as written (an expression's reconstructed text when it has no span). */
  private src(n: A.Node): string {
    const source = this.scheme.source;
    if (source && n.span.end > n.span.start) return source.slice(n.span.start, n.span.end);
    return 'kind' in n ? exprText(n as A.Expr) : '';
  }

  expr(e: A.Expr): P.Expr {
    const x = this.exprOf(e);
    return this.scheme.asNumber.has(e) ? { k: 'num01', x, span: e.span } : x;
  }

  private exprOf(e: A.Expr): P.Expr {
    const span = e.span;
    switch (e.kind) {
      case 'Num':
        return { k: 'num', v: canonical(e.value), span };
      case 'Str':
        return { k: 'text', v: e.text, span };
      case 'Bool':
        return { k: 'bool', v: e.value, span };
      case 'Name': {
        const ref = this.scheme.refs.get(e);
        switch (ref?.k) {
          case 'input':
            return { k: 'input', field: ref.field.name, span };
          case 'field':
            return { k: 'entry', field: ref.field.name, span };
          case 'let':
            return { k: 'let', id: this.letIds.get(ref.let)!, span };
          case 'member':
            return { k: 'text', v: ref.name, span };
          default:
            throw new Error(`internal: lowering an unresolved name \`${e.name}\``);
        }
      }
      case 'TotalRef':
        return { k: 'total', span };
      case 'UnitRef':
        return { k: 'unitKind', span };
      case 'PlaceRef':
        return { k: 'place', span };
      case 'CohortSizeRef':
        return { k: 'cohortSize', span };
      case 'ScoreRef': {
        const label = e.label?.text;
        if (e.target === 'bonus' && label === undefined) return { k: 'bonusTotal', span };
        if (e.target === 'section') return { k: 'sectionScore', id: this.sectionIds.get(allSections(this.ast).find((s) => s.label.text === label)!)!, span };
        const pool = e.target === 'item' ? [...sectionedItems(this.ast), ...this.ast.items] : e.target === 'bonus' ? this.ast.bonuses : this.ast.penalties;
        return { k: 'itemScore', id: this.itemIds.get(pool.find((it) => it.label.text === label)!)!, span };
      }
      case 'Neg':
        return { k: 'neg', x: this.expr(e.operand), span };
      case 'Not':
        return { k: 'not', x: this.expr(e.operand), span };
      case 'Binary': {
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        switch (e.op) {
          case '??':
            return { k: 'coalesce', l, r, span };
          case 'and':
          case 'or':
            return { k: 'logic', op: e.op, l, r, span };
          case '+':
          case '-':
          case '*':
            return { k: 'arith', op: e.op, l, r, span };
          case '/':
            return { k: 'div', l, r, text: this.src(e), span };
          default:
            return { k: 'cmp', op: e.op, l, r, span };
        }
      }
      case 'Member': {
        const ref = e.object.kind === 'Name' ? this.scheme.refs.get(e.object) : undefined;
        if (ref?.k === 'import') return { k: 'importTotal', alias: ref.alias, span };
        return { k: 'field', of: this.expr(e.object), field: e.field.name, span };
      }
      case 'ImportScore': {
        const alias = (this.scheme.refs.get(e.object) as Extract<Ref, { k: 'import' }>).alias;
        const sub = this.imports.get(alias)!;
        const pool = e.target === 'item' ? sub.items.filter((it) => it.kind === 'item') : sub.sections;
        return { k: 'importScore', alias, target: e.target, id: pool.find((x) => x.label === e.label.text)!.id, label: e.label.text, span };
      }
      case 'Call': {
        if (e.fn === 'round') return { k: 'round', x: this.expr(e.args[0]), places: placesOf(e.args[1] as A.Num)!, span };
        const first = e.args[0];
        if (this.scheme.types.get(first)?.k === 'list') {
          const known = this.listAggs.get(e);
          if (known) return known;
          const projected = this.projection(first);
          const list = this.expr(projected ? projected.object : first);
          const out: Extract<P.Expr, { k: 'listAgg' }> = { k: 'listAgg', fn: e.fn, list, span };
          // A yes/no field counts as 1 or 0: read per entry.
          if (projected && this.scheme.asNumber.has(first)) out.value = { k: 'num01', x: { k: 'entry', field: projected.field.name, span: projected.field.span }, span: projected.span };
          else if (projected) out.field = projected.field.name;
          else if (e.args[1] && e.fn !== 'count') out.value = this.expr(e.args[1]);
          if (e.where) out.where = this.expr(e.where);
          this.listAggs.set(e, out);
          return out;
        }
        return { k: 'minmax', fn: e.fn === 'min' ? 'min' : 'max', args: e.args.map((a) => this.expr(a)), span };
      }
      case 'Cohort': {
        const id = this.cohort.length;
        const where = e.where ? { where: this.expr(e.where) } : {};
        if (e.fn === 'percentile') {
          // `percentile 80` and `percentile 80%` both mean the 80th percentile.
          const p = Decimal.parse(e.p!.value)!;
          this.cohort.push({ id, k: 'percentile', p: (e.p!.text.endsWith('%') ? p : p.div(Decimal.HUNDRED)).toString(), value: this.expr(e.value), ...where, span });
        } else this.cohort.push({ id, k: 'aggregate', fn: e.fn, value: this.expr(e.value), ...where, ...(e.top ? { top: Number(e.top.value) } : {}), span });
        return { k: 'cohort', id, span };
      }
      case 'If':
        return { k: 'if', c: this.expr(e.cond), then: this.expr(e.then), else: this.expr(e.else), span };
      case 'CohortRank':
        return { k: 'cohort', id: this.rank(e.by, e.dir), span };
      case 'Bands':
        return {
          k: 'bands',
          subject: this.expr(e.subject),
          bands: e.bands.map((b) => ({
            test: b.test.kind === 'Compare' ? { k: 'cmp', op: b.test.op, v: this.expr(b.test.value) } : b.test.kind === 'Member' ? { k: 'is', v: b.test.member.name } : b.test.kind === 'Is' ? { k: 'is', v: b.test.value } : { k: 'else' },
            points: this.expr(b.points),
          })),
          span,
        };
      case 'Linear':
        return { k: 'linear', subject: this.expr(e.subject), points: e.points.map((p) => ({ x: canonical(p.x.value), y: canonical(p.y.value) })), span };
      case 'Error':
        throw new Error('internal: lowering an expression with errors');
    }
  }

  // ── examples ──────────────────────────────────────────────────────
  private example(ex: A.Example): P.Example {
    const rows: P.Example['rows'] = [];
    if (ex.given) rows.push({ id: ex.label.text, data: plain(ex.given) as Record<string, unknown>, span: ex.given.span });
    for (const u of ex.units) rows.push({ id: u.name.text, data: plain(u.data) as Record<string, unknown>, span: u.data.span });
    const defaultUnit = ex.given ? ex.label.text : ex.units[0]?.name.text;
    const out: P.Example = { label: ex.label.text, rows, expects: ex.expects.map((e) => this.expect(e)), span: ex.span };
    if (defaultUnit !== undefined) out.defaultUnit = defaultUnit;
    return out;
  }

  private expect(e: A.Expect): P.Expect {
    const out: P.Expect = { target: e.target, span: e.span };
    if (e.unit) out.unit = e.unit.text;
    if (e.label) out.label = e.label.text;
    if (e.value) {
      const v = e.value;
      out.value = { text: valueText(v) };
      if (v.kind === 'Num') out.value.num = canonical(v.value);
      if (v.kind === 'Str') out.value.str = v.text;
    }
    return out;
  }
}

/** Example values → plain data, as a data file would give them. Numbers keep their text (`85%`, `1.5亿`). */
function plain(v: A.Value): unknown {
  switch (v.kind) {
    case 'Num':
      return v.text;
    case 'Str':
      return v.text;
    case 'Bool':
      return v.value;
    case 'Symbol':
      return v.name;
    case 'ListValue':
      return v.items.map(plain);
    case 'RecordValue': {
      // Keys are the author's: a key `__proto__` must stay a key.
      const o: Record<string, unknown> = Object.create(null);
      for (const f of v.fields) o[f.key.name] = plain(f.value);
      return o;
    }
  }
}

function valueText(v: A.Value): string {
  switch (v.kind) {
    case 'Num':
      return v.text;
    case 'Str':
      return `"${v.text}"`;
    case 'Bool':
      return v.value ? 'yes' : 'no';
    case 'Symbol':
      return v.name;
    default:
      return '…';
  }
}

/** A rule's text on one line, without comments; the lines of a `{ … }` block separated by `;`. */
function ruleText(text: string): string {
  if (!text.startsWith('{')) return withoutComments(text);
  const lines = text
    .slice(1, text.endsWith('}') ? -1 : undefined)
    .split('\n')
    .map((l) => withoutComments(l).replace(/,$/, ''))
    .filter(Boolean);
  return `{ ${lines.join('; ')} }`;
}

/** A rule's text on one line, without its comments (`#` outside quoted labels). */
export function withoutComments(text: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      out += ch;
    } else if (ch === '"' || ch === '“') {
      quote = ch === '"' ? '"' : '”';
      out += ch;
    } else if (ch === '#') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else out += ch;
  }
  // On one line, brackets hug what they hold: `count( x )` written over lines reads `count(x)`.
  return out.replace(/\s+/g, ' ').replace(/([([{]) /g, '$1').replace(/ ([)\]}])/g, '$1').trim();
}
