// Pass 5b: checked scheme + validated cohort → results and traces.
//
// Evaluation is over a cohort, column by column: cohort rules (ranks, aggregates across
// units, cap prorata) see every unit of the run. Every expression is compiled once into a
// closure over unit indices; lets and cohort values are computed once and cached.
// The language has no loops or recursion (the checker rejects cyclic lets), so evaluation
// always ends. Scores are exact decimals; rounding happens only where declared.
import type * as A from './ast.js';
import type { CheckedScheme } from './checked.js';
import { exprText } from './checked.js';
import type { Rec, UnitTable, Value } from './data.js';
import { Decimal } from './decimal.js';
import { diag, type Diagnostic, type Text } from './diagnostics.js';

/** A value during evaluation: a data value, or a list of values (`honors.level`). */
type V = Value | V[];
type Fn = (u: number, rec: Rec | undefined) => V;
type RuleFn = (u: number, steps?: Text[]) => Decimal;

/** A user-visible evaluation failure (division by zero, ratio target 0): a diagnostic, never a crash. */
class EvalFailure {
  constructor(readonly diagnostic: Diagnostic) {}
}

export interface ItemTrace {
  /** The rule as written in the scheme. */
  rule: string;
  /** The inputs and named values the rule read, with this unit's values. */
  inputs: { name: string; label?: string; value: string }[];
  /** How the score came about, step by step. */
  steps: Text[];
}

export interface ItemResult {
  label: string;
  section?: string;
  /** null when the score could not be computed (see the unit's errors). */
  score: Decimal | null;
  max: Decimal;
  trace?: ItemTrace;
}

export interface SectionResult {
  label: string;
  score: Decimal | null;
  max: Decimal;
  weight?: Decimal;
  /** What the section adds to the total (differs from score when weighted). */
  contribution: Decimal | null;
}

export interface UnitResult {
  id: string;
  kind?: string;
  items: ItemResult[];
  sections: SectionResult[];
  bonuses: ItemResult[];
  bonus: Decimal;
  total: Decimal | null;
  grade: string | null;
  vetoed: boolean;
  vetoes: string[];
  errors: Diagnostic[];
  /** How the total, the vetoes and the grade came about. */
  steps?: Text[];
}

export interface EvaluateOptions {
  /** Record traces: for every unit (true), or for the units this picks. */
  trace?: boolean | ((unit: number) => boolean);
}

export interface Evaluation {
  n: number;
  ids: string[];
  /** Every unit's result, in data order (built on first access). */
  readonly units: UnitResult[];
  unit(i: number): UnitResult;
  /** The total of unit i (null when it failed): cheap, for embedding and benchmarks. */
  total(i: number): Decimal | null;
  diagnostics: Diagnostic[];
}

const UNSET: unique symbol = Symbol('unset');
const yesNo = (b: boolean): Text => (b ? { en: 'yes', zh: '是' } : { en: 'no', zh: '否' });

function showValue(v: V, lang: 'en' | 'zh'): string {
  if (v === undefined) return lang === 'en' ? 'not submitted' : '未填报';
  if (v instanceof Decimal) return v.toString();
  if (typeof v === 'boolean') return yesNo(v)[lang];
  if (typeof v === 'string') return v;
  return lang === 'en' ? `${v.length} entries` : `${v.length} 条`;
}
const t = (en: string, zh: string): Text => ({ en, zh });

/** Evaluate a checked scheme over a validated cohort. */
export function evaluate(scheme: CheckedScheme, table: UnitTable, options: EvaluateOptions = {}): Evaluation {
  return new Evaluator(scheme, table, options).run();
}

class Evaluator {
  private fns = new Map<A.Expr, Fn>();
  private letFns = new Map<A.Let, Fn>();
  private itemScores = new Map<A.Item, (Decimal | null)[]>();
  private rawCache = new Map<A.Item, (Decimal | EvalFailure | typeof UNSET)[]>();
  private sectionScores = new Map<A.Section, (Decimal | null)[]>();
  private contributions = new Map<A.Section, (Decimal | null)[]>();
  private totals: (Decimal | null)[] = [];
  private bonusTotals: Decimal[] = [];
  private errors = new Map<number, Diagnostic[]>();
  private subEvaluations = new Map<string, Evaluation>();
  private precision: number | undefined;
  private readonly n: number;

  constructor(
    private scheme: CheckedScheme,
    private table: UnitTable,
    private options: EvaluateOptions,
  ) {
    this.n = table.n;
    this.precision = scheme.precision;
  }

  private tracing(u: number): boolean {
    const o = this.options.trace;
    return typeof o === 'function' ? o(u) : !!o;
  }

  private fail(u: number, d: Diagnostic) {
    const list = this.errors.get(u) ?? [];
    if (!list.some((x) => x.code === d.code && x.span.start === d.span.start && x.message.en === d.message.en)) list.push(d);
    this.errors.set(u, list);
  }

  private roundScore(d: Decimal, places?: number): Decimal {
    const p = places ?? this.precision;
    return p === undefined ? d : d.round(p);
  }

  run(): Evaluation {
    const ast = this.scheme.ast;
    const n = this.n;
    const allItems = [...ast.sections.flatMap((s) => s.items), ...ast.items, ...ast.bonuses];
    for (const it of allItems) this.itemScores.set(it, this.scoreColumn(it));

    const total = this.scheme.ast.total ? Decimal.parse(this.scheme.ast.total.value)! : Decimal.ZERO;
    for (const s of ast.sections) {
      const col: (Decimal | null)[] = new Array(n);
      const contrib: (Decimal | null)[] = new Array(n);
      const scale = this.scheme.scaleOf.get(s)!;
      const weight = s.weight ? Decimal.parse(s.weight.value)! : undefined;
      const cols = s.items.map((it) => this.itemScores.get(it)!);
      for (let u = 0; u < n; u++) {
        let sum: Decimal | null = Decimal.ZERO;
        for (const c of cols) {
          const v = c[u];
          if (v === null) {
            sum = null;
            break;
          }
          sum = sum.add(v);
        }
        col[u] = sum;
        contrib[u] = sum === null ? null : weight ? (scale.isZero() ? Decimal.ZERO : this.roundScore(sum.mul(weight).mul(total).div(scale))) : sum;
      }
      this.sectionScores.set(s, col);
      this.contributions.set(s, contrib);
    }
    const topCols = ast.items.map((it) => this.itemScores.get(it)!);
    const bonusCols = ast.bonuses.map((it) => this.itemScores.get(it)!);
    const contribCols = ast.sections.map((s) => this.contributions.get(s)!);
    const adjusts = ast.adjusts.map((a) => this.fn(a.factor));
    this.totals = new Array(n);
    this.bonusTotals = new Array(n);
    for (let u = 0; u < n; u++) {
      let sum: Decimal | null = Decimal.ZERO;
      let bonus = Decimal.ZERO;
      for (const c of contribCols) sum = sum === null || c[u] === null ? null : sum.add(c[u]!);
      for (const c of topCols) sum = sum === null || c[u] === null ? null : sum.add(c[u]!);
      for (const c of bonusCols) {
        if (c[u] === null) sum = null;
        else bonus = bonus.add(c[u]!);
      }
      if (sum !== null) sum = sum.add(bonus);
      for (const f of adjusts) {
        if (sum === null) break;
        const factor = this.guard(u, () => f(u, undefined));
        sum = factor instanceof Decimal ? this.roundScore(sum.mul(factor)) : null;
      }
      this.totals[u] = sum;
      this.bonusTotals[u] = bonus;
    }

    const diagnostics: Diagnostic[] = [];
    const self = this;
    let built: UnitResult[] | undefined;
    // Units are built lazily so that a million-unit run need not hold a million result objects.
    const cache = new Map<number, UnitResult>();
    const evaluation: Evaluation = {
      n,
      ids: this.table.ids,
      get units() {
        built ??= Array.from({ length: n }, (_, i) => evaluation.unit(i));
        return built;
      },
      unit(i: number) {
        let r = cache.get(i);
        if (!r) cache.set(i, (r = self.unitResult(i)));
        return r;
      },
      total: (i) => this.totals[i],
      diagnostics,
    };
    // Vetoes and grades can fail too (division in a condition): collect every unit's errors.
    // (Results are not kept: a unit asked for later is built then, with its trace if wanted.)
    if (ast.vetoes.length || ast.grades) for (let u = 0; u < n; u++) this.vetoesAndGrade(u);
    // A failure in a cohort value (cap prorata, an aggregate across units) fails every unit that
    // reads it: report it once, not once per unit.
    const seen = new Set<string>();
    for (const [, ds] of [...this.errors.entries()].sort((a, b) => a[0] - b[0]))
      for (const d of ds) {
        const key = `${d.code}:${d.span.file}:${d.span.start}:${d.span.end}:${d.message.en}`;
        if (!seen.has(key)) diagnostics.push(d);
        seen.add(key);
      }
    return evaluation;
  }

  /** Run f for unit u; a failure is recorded against the unit and gives undefined. */
  private guard<T>(u: number, f: () => T): T | undefined {
    try {
      return f();
    } catch (e) {
      if (e instanceof EvalFailure) {
        this.fail(u, e.diagnostic);
        return undefined;
      }
      throw e;
    }
  }

  // ── units ─────────────────────────────────────────────────────────
  private unitResult(u: number, trace = this.tracing(u)): UnitResult {
    const ast = this.scheme.ast;
    const tracing = trace;
    const itemResult = (it: A.Item, section?: string): ItemResult => {
      const r: ItemResult = section === undefined ? { label: it.label.text, score: this.itemScores.get(it)![u], max: this.scheme.maxOf.get(it)! } : { label: it.label.text, section, score: this.itemScores.get(it)![u], max: this.scheme.maxOf.get(it)! };
      if (tracing) r.trace = this.itemTrace(it, u);
      return r;
    };
    const items = [...ast.sections.flatMap((s) => s.items.map((it) => itemResult(it, s.label.text))), ...ast.items.map((it) => itemResult(it))];
    const sections: SectionResult[] = ast.sections.map((s) => {
      const r: SectionResult = { label: s.label.text, score: this.sectionScores.get(s)![u], max: this.scheme.scaleOf.get(s)!, contribution: this.contributions.get(s)![u] };
      if (s.weight) r.weight = Decimal.parse(s.weight.value)!;
      return r;
    });
    const bonuses = ast.bonuses.map((b) => itemResult(b));
    const steps: Text[] | undefined = tracing ? [] : undefined;
    const { vetoes, grade } = this.vetoesAndGrade(u, steps);
    const total = this.totals[u];
    if (steps) steps.unshift(...this.totalSteps(u));
    const r: UnitResult = {
      id: this.table.ids[u],
      items,
      sections,
      bonuses,
      bonus: this.bonusTotals[u],
      total,
      grade,
      vetoed: vetoes.length > 0,
      vetoes,
      errors: this.errors.get(u) ?? [],
    };
    if (this.table.kinds[u] !== undefined && this.scheme.unitKinds.length > 1) r.kind = this.table.kinds[u];
    if (steps) r.steps = steps;
    return r;
  }

  /** Which vetoes fire and which grade applies (with the reasons, when tracing). */
  private vetoesAndGrade(u: number, steps?: Text[]): { vetoes: string[]; grade: string | null } {
    const ast = this.scheme.ast;
    const vetoes: string[] = [];
    for (const v of ast.vetoes) {
      const fired = this.guard(u, () => this.fn(v.cond)(u, undefined));
      if (fired === true) {
        vetoes.push(v.reason.text);
        steps?.push(t(`veto "${v.reason.text}": ${this.src(v.cond)} holds`, `一票否决 "${v.reason.text}"：${this.src(v.cond)} 成立`));
      }
    }
    const total = this.totals[u];
    let grade: string | null = null;
    if (ast.grades && total !== null) {
      if (vetoes.length > 0) {
        const line = ast.grades.lines.find((l) => l.kind === 'VetoGrade');
        grade = line ? line.label.text : null;
        steps?.push(t(`vetoed, so the grade is ${grade === null ? 'none' : `"${grade}"`} whatever the points`, `被一票否决，无论得分多少，等级为 ${grade === null ? '无' : `"${grade}"`}`));
      } else {
        for (const line of ast.grades.lines) {
          if (line.kind === 'VetoGrade') continue;
          if (line.kind === 'OtherwiseGrade') {
            grade = line.label.text;
            steps?.push(t(`no grade condition holds, so "${grade}"`, `以上等级条件均不成立，等级为 "${grade}"`));
            break;
          }
          const holds = this.guard(u, () => this.fn(line.cond)(u, undefined));
          if (holds === true) {
            grade = line.label.text;
            steps?.push(t(`${this.src(line.cond)} holds (total ${total.toString()}), so "${grade}"`, `${this.src(line.cond)} 成立（总分 ${total.toString()}），等级为 "${grade}"`));
            break;
          }
        }
      }
    }
    return { vetoes, grade };
  }

  private totalSteps(u: number): Text[] {
    const ast = this.scheme.ast;
    const out: Text[] = [];
    const show = (d: Decimal | null) => (d === null ? '?' : d.toString());
    const total = ast.total ? Decimal.parse(ast.total.value)! : Decimal.ZERO;
    for (const s of ast.sections) {
      const parts = s.items.map((it) => show(this.itemScores.get(it)![u]));
      const score = this.sectionScores.get(s)![u];
      const sum = parts.length > 1 ? `${parts.join(' + ')} = ${show(score)}` : show(score);
      out.push(t(`section "${s.label.text}" = ${sum}`, `小节 "${s.label.text}" = ${sum}`));
      if (s.weight) {
        const scale = this.scheme.scaleOf.get(s)!;
        const c = this.contributions.get(s)![u];
        out.push(t(`  weighted: ${show(score)} / ${scale} × ${s.weight.text} × ${total} = ${show(c)}`, `  按权重：${show(score)} / ${scale} × ${s.weight.text} × ${total} = ${show(c)}`));
      }
    }
    const parts = [...ast.sections.map((s) => show(this.contributions.get(s)![u])), ...ast.items.map((it) => show(this.itemScores.get(it)![u]))];
    const bonus = ast.bonuses.length ? ` + ${this.bonusTotals[u].toString()}` : '';
    const before = ast.adjusts.length ? '' : ` = ${show(this.totals[u])}`;
    out.push(t(`total = ${parts.join(' + ')}${bonus ? `${bonus} (bonus)` : ''}${before}`, `总分 = ${parts.join(' + ')}${bonus ? `${bonus}（加分）` : ''}${before}`));
    for (const a of ast.adjusts) {
      const f = this.guard(u, () => this.fn(a.factor)(u, undefined));
      out.push(t(`adjusted: × ${this.src(a.factor)} (${showValue(f as V, 'en')}) = ${show(this.totals[u])}`, `调整：× ${this.src(a.factor)}（${showValue(f as V, 'zh')}）= ${show(this.totals[u])}`));
    }
    return out;
  }

  private src(e: A.Expr | A.Node): string {
    const source = this.scheme.source;
    if (source && e.span.end > e.span.start) return source.slice(e.span.start, e.span.end);
    return 'kind' in e ? exprText(e as A.Expr) : '';
  }

  // ── items ─────────────────────────────────────────────────────────
  private scoreColumn(it: A.Item): (Decimal | null)[] {
    const col: (Decimal | null)[] = new Array(this.n);
    for (let u = 0; u < this.n; u++) {
      try {
        col[u] = this.score(it, u);
      } catch (e) {
        if (!(e instanceof EvalFailure)) throw e;
        this.fail(u, e.diagnostic);
        col[u] = null;
      }
    }
    return col;
  }

  private max(it: A.Item): Decimal {
    return this.scheme.maxOf.get(it)!;
  }

  /** The raw value of an item for a unit, after `void if` (cached: cap prorata needs all units). */
  private raw(it: A.Item, u: number, steps?: Text[]): Decimal {
    // Only cap prorata needs every unit's raw value; other items are not cached.
    if (steps || !it.cap?.prorata) return this.rawUncached(it, u, steps);
    let cache = this.rawCache.get(it);
    if (!cache) this.rawCache.set(it, (cache = new Array(this.n).fill(UNSET)));
    const c = cache[u];
    if (c instanceof Decimal) return c;
    if (c instanceof EvalFailure) throw c;
    try {
      const v = this.rawUncached(it, u);
      cache[u] = v;
      return v;
    } catch (e) {
      if (e instanceof EvalFailure) cache[u] = e;
      throw e;
    }
  }

  private rawUncached(it: A.Item, u: number, steps?: Text[]): Decimal {
    for (const v of it.voids) {
      if (this.fn(v)(u, undefined) === true) {
        steps?.push(t(`void: ${this.src(v)} holds, so this item scores 0`, `作废：${this.src(v)} 成立，本项计 0 分`));
        return Decimal.ZERO;
      }
    }
    return this.rule(it, u, steps);
  }

  /** The final score of an item: raw, capped (prorata across the cohort), held in 0..M, rounded. */
  private score(it: A.Item, u: number, steps?: Text[]): Decimal {
    let v = this.raw(it, u, steps);
    const { M, cap, places } = this.itemConstants(it);
    if (it.cap && cap) {
      if (it.cap.prorata) {
        const top = this.cohortMaxRaw(it);
        if (top.gt(cap)) {
          const scaled = v.mul(cap).div(top);
          steps?.push(t(`cap ${cap} prorata: the highest raw value in the cohort is ${top} > ${cap}, so ${v} × ${cap} / ${top} = ${scaled}`, `封顶 ${cap} 按比例：全体单位中最高的原始分为 ${top}，超过 ${cap}，故 ${v} × ${cap} / ${top} = ${scaled}`));
          v = scaled;
        } else steps?.push(t(`cap ${cap} prorata: the highest raw value in the cohort is ${top}, not above ${cap}, so no scaling`, `封顶 ${cap} 按比例：全体单位中最高的原始分为 ${top}，未超过 ${cap}，不折算`));
      } else if (v.gt(cap)) {
        steps?.push(t(`cap ${cap}: ${v} → ${cap}`, `封顶 ${cap}：${v} → ${cap}`));
        v = cap;
      }
    }
    if (v.gt(M)) {
      steps?.push(t(`at most the max ${M}: ${v} → ${M}`, `不超过满分 ${M}：${v} → ${M}`));
      v = M;
    } else if (v.sign() < 0) {
      steps?.push(t(`not below 0: ${v} → 0`, `不低于 0：${v} → 0`));
      v = Decimal.ZERO;
    }
    if (places !== undefined) {
      const r = v.round(places);
      if (!r.eq(v)) steps?.push(t(`rounded half-up to ${places} places: ${v} → ${r}`, `四舍五入保留 ${places} 位小数：${v} → ${r}`));
      v = r;
    }
    return v;
  }

  private constants = new Map<A.Item, { M: Decimal; cap?: Decimal; places?: number }>();
  private itemConstants(it: A.Item) {
    let c = this.constants.get(it);
    if (!c) {
      c = { M: this.max(it), cap: it.cap ? Decimal.parse(it.cap.value.value) : undefined, places: it.round ? Number(it.round.value) : this.precision };
      this.constants.set(it, c);
    }
    return c;
  }

  private cohortMax = new Map<A.Item, Decimal>();
  private cohortMaxRaw(it: A.Item): Decimal {
    let m = this.cohortMax.get(it);
    if (m === undefined) {
      m = Decimal.ZERO;
      for (let u = 0; u < this.n; u++) {
        const v = this.raw(it, u);
        if (v.gt(m)) m = v;
      }
      this.cohortMax.set(it, m);
    }
    return m;
  }

  /** A number-valued expression as a closure (the checker guarantees a number; absent reads as 0). */
  private numFn(e: A.Expr): (u: number) => Decimal {
    const f = this.fn(e);
    return (u) => {
      const v = f(u, undefined);
      return v instanceof Decimal ? v : Decimal.ZERO;
    };
  }

  private ruleFns = new Map<A.Item, RuleFn>();
  private rule(it: A.Item, u: number, steps?: Text[]): Decimal {
    let f = this.ruleFns.get(it);
    if (!f) this.ruleFns.set(it, (f = this.compileRule(it)));
    return f(u, steps);
  }

  /** A rule as a closure over unit indices, with its constants parsed once. */
  private compileRule(it: A.Item): RuleFn {
    const r = it.rule;
    const M = this.max(it);
    const dec = (n: A.Num) => Decimal.parse(n.value)!;
    switch (r.kind) {
      case 'Points': {
        const lines = r.lines.map((l) => ({ cond: this.fn(l.cond), p: dec(l.points), deduct: l.deduct, src: this.src(l.cond) }));
        return (u, steps) => {
          let sum = Decimal.ZERO;
          for (const line of lines) {
            const holds = line.cond(u, undefined) === true;
            if (holds) sum = line.deduct ? sum.sub(line.p) : sum.add(line.p);
            steps?.push(t(`${line.deduct ? '−' : '+'}${line.p} if ${line.src}: ${holds ? 'yes' : 'no, 0'}`, `${line.deduct ? '扣' : '得'} ${line.p} 若 ${line.src}：${holds ? '是' : '否，0'}`));
          }
          steps?.push(t(`sum ${sum}`, `合计 ${sum}`));
          return sum;
        };
      }
      case 'Deduct': {
        const count = this.numFn(r.count);
        const k = dec(r.amount);
        const most = r.max ? dec(r.max) : undefined;
        const src = this.src(r.count);
        return (u, steps) => {
          const x = count(u);
          let d = k.mul(x);
          const capped = most !== undefined && d.gt(most);
          if (capped) d = most;
          steps?.push(t(`${M} − ${k} × ${x} (${src})${capped ? `, at most ${most}` : ''} = ${M.sub(d)}`, `${M} − ${k} × ${x}（${src}）${capped ? `，最多扣 ${most}` : ''} = ${M.sub(d)}`));
          return M.sub(d);
        };
      }
      case 'Ratio': {
        const done = this.numFn(r.done);
        const target = this.numFn(r.target);
        const ifZero = r.ifZero ? this.numFn(r.ifZero) : undefined;
        return (u, steps) => {
          const d = done(u);
          const tg = target(u);
          if (tg.isZero()) {
            if (!ifZero) throw new EvalFailure(diag('E0602', { ...r.target.span, file: this.scheme.file }, { unit: this.table.ids[u], item: it.label.text }));
            const z = ifZero(u);
            steps?.push(t(`the target is 0, so ${z} (if zero)`, `目标值为 0，按“为零时”计 ${z}`));
            return z;
          }
          const q = M.mul(d).div(tg);
          const v = q.clamp(Decimal.ZERO, M);
          steps?.push(t(`${M} × ${d} / ${tg} = ${q}${v.eq(q) ? '' : `, held within 0..${M}: ${v}`}`, `${M} × ${d} / ${tg} = ${q}${v.eq(q) ? '' : `，限定在 0..${M}：${v}`}`));
          return v;
        };
      }
      case 'RankPoints': {
        const rank = this.numFn(r.rank);
        const first = dec(r.first);
        const step = dec(r.step);
        return (u, steps) => {
          const k = rank(u);
          const raw = first.sub(step.mul(k.sub(Decimal.ONE)));
          const v = Decimal.max(Decimal.ZERO, raw);
          steps?.push(t(`rank ${k}: ${first} − ${step} × (${k} − 1) = ${raw}${v.eq(raw) ? '' : ', not below 0'}`, `名次 ${k}：${first} − ${step} × (${k} − 1) = ${raw}${v.eq(raw) ? '' : '，不低于 0'}`));
          return v;
        };
      }
      case 'RankScored': {
        const by = this.fn(r.by);
        const src = this.src(r.by);
        return (u, steps) => {
          const n = this.n;
          if (n <= 1) {
            steps?.push(t(`the only unit, so the max ${M}`, `仅一个单位，得满分 ${M}`));
            return M;
          }
          const rank = this.ranks(r.by, r.dir)[u];
          const v = M.mul(Decimal.fromInt(n - rank)).div(Decimal.fromInt(n - 1));
          if (steps) {
            const value = by(u, undefined);
            steps.push(t(`place ${rank} of ${n} by ${src} (${showValue(value, 'en')}): ${M} × (${n} − ${rank}) / (${n} − 1) = ${v}`, `按 ${src}（${showValue(value, 'zh')}）排第 ${rank} 名，共 ${n} 个单位：${M} × (${n} − ${rank}) / (${n} − 1) = ${v}`));
          }
          return v;
        };
      }
      case 'Tiers':
        return this.compileTiers(r);
      case 'Formula': {
        const f = this.numFn(r.expr);
        const src = this.src(r.expr);
        return (u, steps) => {
          const v = f(u);
          steps?.push(t(`${src} = ${v}`, `${src} = ${v}`));
          return v;
        };
      }
    }
  }

  private compileTiers(r: Extract<A.Rule, { kind: 'Tiers' }>): RuleFn {
    const info = this.scheme.tiers.get(r);
    if (!info) return () => Decimal.ZERO;
    const points = new Map(r.tiers.map((x) => [x.member.name, Decimal.parse(x.points.value)!]));
    const source = this.fn(info.source);
    const src = this.src(info.source);
    if (!info.isList) {
      return (u, steps) => {
        const value = source(u, undefined);
        const p = typeof value === 'string' ? (points.get(value) ?? Decimal.ZERO) : Decimal.ZERO;
        steps?.push(t(`${src} is ${showValue(value, 'en')}: ${p}`, `${src} 为 ${showValue(value, 'zh')}：${p}`));
        return p;
      };
    }
    const field = info.enumField!;
    const pointsOf = (rec: Rec) => points.get(rec[field] as string) ?? Decimal.ZERO;
    const describe = (rec: Rec) => {
      const parts = Object.keys(rec)
        .filter((k) => rec[k] !== undefined && !Array.isArray(rec[k]))
        .map((k) => `${k}: ${showValue(rec[k], 'en')}`);
      return `{${parts.join(', ')}}`;
    };
    const filters = r.filters.map((f) => ({ f, cond: f.kind === 'Where' ? this.fn(f.cond) : undefined, src: f.kind === 'Where' ? this.src(f.cond) : '' }));
    return (u, steps) => {
      const value = source(u, undefined);
      let entries = Array.isArray(value) ? (value as Rec[]) : [];
      for (const { f, cond, src: condSrc } of filters) {
        let kept: Rec[];
        if (f.kind === 'With') {
          const name = f.field.name;
          kept = entries.filter((e) => e[name] !== undefined);
          if (steps) for (const e of entries) if (!kept.includes(e)) steps.push(t(`dropped ${describe(e)}: no ${name}`, `剔除 ${describe(e)}：缺少 ${name}`));
        } else if (f.kind === 'Where') {
          kept = entries.filter((e) => cond!(u, e) === true);
          if (steps) for (const e of entries) if (!kept.includes(e)) steps.push(t(`dropped ${describe(e)}: ${condSrc} does not hold`, `剔除 ${describe(e)}：不满足 ${condSrc}`));
        } else {
          // best per key: of entries sharing the key, only the highest counts (the first of equals).
          const key = f.field.name;
          const best = new Map<string, Rec>();
          for (const e of entries) {
            const raw = e[key];
            const k = typeof raw === 'string' ? raw : showValue(raw, 'en');
            const cur = best.get(k);
            if (!cur || pointsOf(e).gt(pointsOf(cur))) best.set(k, e);
          }
          kept = [...best.values()];
          if (steps) for (const e of entries) if (!kept.includes(e)) steps.push(t(`not counted ${describe(e)}: the same ${key} counts once, at its highest`, `不计 ${describe(e)}：同一 ${key} 只按最高一项计`));
        }
        entries = kept;
      }
      let sum = Decimal.ZERO;
      for (const e of entries) {
        const p = pointsOf(e);
        sum = sum.add(p);
        steps?.push(t(`${describe(e)}: ${e[field] as string} ${p}`, `${describe(e)}：${e[field] as string} ${p}`));
      }
      steps?.push(t(`sum ${sum}`, `合计 ${sum}`));
      return sum;
    };
  }

  private itemTrace(it: A.Item, u: number): ItemTrace {
    const steps: Text[] = [];
    try {
      this.score(it, u, steps);
    } catch (e) {
      if (!(e instanceof EvalFailure)) throw e;
      steps.push(e.diagnostic.message);
    }
    const names = new Map<string, { name: string; label?: string; value: string }>();
    const visit = (e: A.Expr | undefined) => {
      if (!e) return;
      const ref = this.scheme.refs.get(e);
      if (ref && (ref.k === 'input' || ref.k === 'let') && !names.has(ref.k === 'input' ? ref.field.name : ref.let.name.name)) {
        const name = ref.k === 'input' ? ref.field.name : ref.let.name.name;
        let value: string;
        try {
          value = showValue(this.fn(e)(u, undefined), 'en');
        } catch {
          value = '?';
        }
        names.set(name, { name, label: ref.k === 'input' ? ref.field.label : undefined, value });
        if (ref.k === 'let') visit(ref.let.value);
      }
      for (const child of childExprs(e)) visit(child);
    };
    for (const e of ruleExprs(it, this.scheme)) visit(e);
    const list = [...names.values()].map((x) => (x.label ? x : { name: x.name, value: x.value }));
    return { rule: withoutComments(this.src(it.rule)), inputs: list, steps };
  }

  // ── cohort values ─────────────────────────────────────────────────
  private rankCache = new Map<A.Expr, number[]>();
  /** Competition ranking: ties share the best place (1, 2, 2, 4). */
  private ranks(by: A.Expr, dir: A.Direction): number[] {
    let ranks = this.rankCache.get(by);
    if (ranks) return ranks;
    const f = this.fn(by);
    const values = Array.from({ length: this.n }, (_, u) => {
      const v = f(u, undefined);
      return v instanceof Decimal ? v : Decimal.ZERO;
    });
    const order = values.map((_, i) => i).sort((a, b) => (dir === 'desc' ? values[b].cmp(values[a]) : values[a].cmp(values[b])));
    ranks = new Array(this.n);
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      ranks[i] = k > 0 && values[order[k - 1]].eq(values[i]) ? ranks[order[k - 1]] : k + 1;
    }
    this.rankCache.set(by, ranks);
    return ranks;
  }

  // ── expressions ───────────────────────────────────────────────────
  private fn(e: A.Expr): Fn {
    let f = this.fns.get(e);
    if (!f) {
      f = this.compile(e);
      this.fns.set(e, f);
    }
    return f;
  }

  private letFn(l: A.Let): Fn {
    let f = this.letFns.get(l);
    if (f) return f;
    const inner = this.fn(l.value);
    const cache: (V | typeof UNSET)[] = new Array(this.n).fill(UNSET);
    f = (u) => {
      const c = cache[u];
      if (c !== UNSET) return c as V;
      const v = inner(u, undefined);
      cache[u] = v;
      return v;
    };
    this.letFns.set(l, f);
    return f;
  }

  private compile(e: A.Expr): Fn {
    switch (e.kind) {
      case 'Num': {
        const d = Decimal.parse(e.value) ?? Decimal.ZERO;
        return () => d;
      }
      case 'Str': {
        const s = e.text;
        return () => s;
      }
      case 'Bool': {
        const b = e.value;
        return () => b;
      }
      case 'Error':
        return () => undefined;
      case 'Name': {
        const ref = this.scheme.refs.get(e);
        if (!ref) return () => undefined;
        switch (ref.k) {
          case 'input': {
            const col = this.table.columns.get(ref.field.name) ?? [];
            return (u) => col[u];
          }
          case 'field': {
            const name = ref.field.name;
            return (_u, rec) => (rec ? rec[name] : undefined);
          }
          case 'let':
            return this.letFn(ref.let);
          case 'member': {
            const name = ref.name;
            return () => name;
          }
          case 'import':
            return () => undefined;
        }
        return () => undefined;
      }
      case 'TotalRef':
        return (u) => this.totals[u] ?? undefined;
      case 'UnitRef':
        return (u) => this.table.kinds[u];
      case 'ScoreRef': {
        const label = e.label?.text;
        if (e.target === 'bonus' && label === undefined) return (u) => this.bonusTotals[u];
        const node = e.target === 'item' ? this.scheme.byLabel.item.get(label!) : e.target === 'bonus' ? this.scheme.byLabel.bonus.get(label!) : undefined;
        if (node) return (u) => this.itemScores.get(node)?.[u] ?? undefined;
        const sec = this.scheme.byLabel.section.get(label!);
        return (u) => (sec ? (this.sectionScores.get(sec)?.[u] ?? undefined) : undefined);
      }
      case 'Neg': {
        const f = this.fn(e.operand);
        return (u, rec) => {
          const v = f(u, rec);
          return v instanceof Decimal ? v.neg() : undefined;
        };
      }
      case 'Not': {
        const f = this.fn(e.operand);
        return (u, rec) => f(u, rec) !== true;
      }
      case 'Binary':
        return this.binary(e);
      case 'Member': {
        const ref = e.object.kind === 'Name' ? this.scheme.refs.get(e.object) : undefined;
        if (ref?.k === 'import') {
          const alias = ref.alias;
          return (u) => this.sub(alias).total(u) ?? undefined;
        }
        const obj = this.fn(e.object);
        const field = e.field.name;
        return (u, rec) => {
          const v = obj(u, rec);
          if (Array.isArray(v)) return (v as Rec[]).map((x) => (x && typeof x === 'object' && !(x instanceof Decimal) ? (x as Rec)[field] : undefined));
          if (v && typeof v === 'object' && !(v instanceof Decimal)) return (v as unknown as Rec)[field];
          return undefined;
        };
      }
      case 'Call':
        return this.call(e);
      case 'Cohort':
        return this.cohort(e);
      case 'CohortRank': {
        const by = e.by;
        const dir = e.dir;
        return (u) => Decimal.fromInt(this.ranks(by, dir)[u]);
      }
      case 'Bands': {
        const subject = this.fn(e.subject);
        const bands = e.bands.map((b) => ({ test: b.test, value: b.test.kind === 'Compare' ? Decimal.parse(b.test.value.value)! : undefined, points: this.fn(b.points) }));
        return (u, rec) => {
          const v = subject(u, rec);
          for (const b of bands) {
            let hit: boolean;
            if (b.test.kind === 'Else') hit = true;
            else if (b.test.kind === 'Member') hit = v === b.test.member.name;
            else hit = v instanceof Decimal && compare(b.test.op, v.cmp(b.value!));
            if (hit) return b.points(u, rec);
          }
          return Decimal.ZERO;
        };
      }
      case 'Linear': {
        const subject = this.fn(e.subject);
        const pts = e.points.map((p) => ({ x: Decimal.parse(p.x.value)!, y: Decimal.parse(p.y.value)! }));
        return (u, rec) => {
          const v = subject(u, rec);
          if (!(v instanceof Decimal) || pts.length === 0) return Decimal.ZERO;
          if (v.lte(pts[0].x)) return pts[0].y;
          for (let i = 1; i < pts.length; i++) {
            const a = pts[i - 1];
            const b = pts[i];
            if (v.lte(b.x)) return a.y.add(v.sub(a.x).mul(b.y.sub(a.y)).div(b.x.sub(a.x)));
          }
          return pts[pts.length - 1].y;
        };
      }
    }
  }

  private binary(e: Extract<A.Expr, { kind: 'Binary' }>): Fn {
    const l = this.fn(e.left);
    const r = this.fn(e.right);
    switch (e.op) {
      case '??':
        return (u, rec) => {
          const v = l(u, rec);
          return v === undefined ? r(u, rec) : v;
        };
      case 'and':
        return (u, rec) => l(u, rec) === true && r(u, rec) === true;
      case 'or':
        return (u, rec) => l(u, rec) === true || r(u, rec) === true;
      case '+':
      case '-':
      case '*': {
        const op = e.op;
        return (u, rec) => {
          const a = l(u, rec);
          const b = r(u, rec);
          if (!(a instanceof Decimal) || !(b instanceof Decimal)) return undefined;
          return op === '+' ? a.add(b) : op === '-' ? a.sub(b) : a.mul(b);
        };
      }
      case '/':
        return (u, rec) => {
          const a = l(u, rec);
          const b = r(u, rec);
          if (!(a instanceof Decimal) || !(b instanceof Decimal)) return undefined;
          if (b.isZero()) throw new EvalFailure(diag('E0601', { ...e.span, file: this.scheme.file }, { unit: this.table.ids[u], expr: this.src(e) }));
          return a.div(b);
        };
      default: {
        const op = e.op;
        return (u, rec) => {
          const a = l(u, rec);
          const b = r(u, rec);
          if (a instanceof Decimal && b instanceof Decimal) return compare(op, a.cmp(b));
          if (op === '==') return a === b;
          if (op === '!=') return a !== b;
          return false;
        };
      }
    }
  }

  private call(e: Extract<A.Expr, { kind: 'Call' }>): Fn {
    if (e.fn === 'round') {
      const x = this.fn(e.args[0]);
      const places = Number(e.args[1]?.kind === 'Num' ? e.args[1].value : 0);
      return (u, rec) => {
        const v = x(u, rec);
        return v instanceof Decimal ? v.round(places) : undefined;
      };
    }
    const first = e.args[0];
    const t0 = this.scheme.types.get(first);
    if (t0?.k === 'list') {
      // An aggregate over a list, optionally filtered by `where` on each entry.
      const where = e.where ? this.fn(e.where) : undefined;
      const projected = first.kind === 'Member' && this.scheme.types.get(first.object)?.k === 'list';
      const list = this.fn(projected ? (first as Extract<A.Expr, { kind: 'Member' }>).object : first);
      const field = projected ? (first as Extract<A.Expr, { kind: 'Member' }>).field.name : undefined;
      const fnName = e.fn;
      return (u) => {
        let entries = list(u, undefined);
        if (!Array.isArray(entries)) entries = [];
        const kept = where ? (entries as Rec[]).filter((rec) => where(u, rec) === true) : (entries as V[]);
        if (fnName === 'count') return Decimal.fromInt(kept.length);
        const values = (field ? (kept as Rec[]).map((rec) => rec[field]) : kept).filter((v): v is Decimal => v instanceof Decimal);
        return aggregate(fnName, values);
      };
    }
    const args = e.args.map((a) => this.fn(a));
    const fnName = e.fn;
    return (u, rec) => {
      const values = args.map((a) => a(u, rec));
      if (!values.every((v): v is Decimal => v instanceof Decimal)) return undefined;
      return aggregate(fnName, values);
    };
  }

  private cohort(e: Extract<A.Expr, { kind: 'Cohort' }>): Fn {
    let cached: Decimal | undefined;
    const value = this.fn(e.value);
    const where = e.where ? this.fn(e.where) : undefined;
    return () => {
      if (cached) return cached;
      const values: Decimal[] = [];
      let count = 0;
      for (let u = 0; u < this.n; u++) {
        if (where && where(u, undefined) !== true) continue;
        count++;
        const v = value(u, undefined);
        if (v instanceof Decimal) values.push(v);
      }
      cached = e.fn === 'count' ? Decimal.fromInt(count) : aggregate(e.fn, values);
      return cached;
    };
  }

  private sub(alias: string): Evaluation {
    let ev = this.subEvaluations.get(alias);
    if (!ev) {
      ev = evaluate(this.scheme.imports.get(alias)!, this.table, {});
      this.subEvaluations.set(alias, ev);
    }
    return ev;
  }
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
  return out.replace(/\s+/g, ' ').trim();
}

function compare(op: string, c: number): boolean {
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    case '==':
      return c === 0;
    case '!=':
      return c !== 0;
    default:
      return false;
  }
}

/** sum, avg, min, max, median, count of exact decimals; an empty list gives 0. */
export function aggregate(fn: A.AggregateName, values: Decimal[]): Decimal {
  if (fn === 'count') return Decimal.fromInt(values.length);
  if (values.length === 0) return Decimal.ZERO;
  switch (fn) {
    case 'sum':
      return values.reduce((a, b) => a.add(b), Decimal.ZERO);
    case 'avg':
      return values.reduce((a, b) => a.add(b), Decimal.ZERO).div(Decimal.fromInt(values.length));
    case 'min':
      return values.reduce((a, b) => Decimal.min(a, b));
    case 'max':
      return values.reduce((a, b) => Decimal.max(a, b));
    case 'median': {
      const s = [...values].sort((a, b) => a.cmp(b));
      const mid = s.length >> 1;
      return s.length % 2 ? s[mid] : s[mid - 1].add(s[mid]).div(Decimal.fromInt(2));
    }
  }
}

/** The expressions a rule reads (for the trace's list of inputs). */
function ruleExprs(it: A.Item, scheme: CheckedScheme): A.Expr[] {
  const r = it.rule;
  const out: A.Expr[] = [...it.voids];
  switch (r.kind) {
    case 'Points':
      out.push(...r.lines.map((l) => l.cond));
      break;
    case 'Deduct':
      out.push(r.count);
      break;
    case 'Ratio':
      out.push(r.done, r.target, ...(r.ifZero ? [r.ifZero] : []));
      break;
    case 'RankPoints':
      out.push(r.rank);
      break;
    case 'RankScored':
      out.push(r.by);
      break;
    case 'Tiers': {
      const info = scheme.tiers.get(r);
      if (info) out.push(info.source);
      break;
    }
    case 'Formula':
      out.push(r.expr);
  }
  return out;
}

/** Direct sub-expressions of an expression. */
export function childExprs(e: A.Expr): A.Expr[] {
  switch (e.kind) {
    case 'Binary':
      return [e.left, e.right];
    case 'Neg':
    case 'Not':
      return [e.operand];
    case 'Member':
      return [e.object];
    case 'Call':
      return [...e.args, ...(e.where ? [e.where] : [])];
    case 'Cohort':
      return [e.value, ...(e.where ? [e.where] : [])];
    case 'CohortRank':
      return [e.by];
    case 'Bands':
      return [e.subject, ...e.bands.map((b) => b.points)];
    case 'Linear':
      return [e.subject];
    default:
      return [];
  }
}
