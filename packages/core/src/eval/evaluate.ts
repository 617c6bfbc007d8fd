// Pass 6: plan + validated cohort → results, with traces as data.
//
// Evaluation is over a cohort, column by column: cohort values (ranks, aggregates across
// units, the highest raw score under `cap … prorata`) see every unit of the run. Every
// expression is a closure built once; lets and cohort values are computed once and cached.
// The language has no loops or recursion (the checker rejects cyclic lets), so evaluation
// always ends. Scores are exact decimals; rounding happens only where declared.
// Reads the plan only: never the AST.
import type * as R from '@assess/runtime';
import { Decimal } from '../common/decimal.js';
import { dedupe, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { UnitTable } from '../data/validate.js';
import type * as P from '../ir/plan.js';
import { EvalFailure, Expressions, type Fn, type ScoreSource } from './expressions.js';
import { compileRule, type RuleFn } from './rules.js';
import type { Shown, Step } from './steps.js';
import { shown, type V } from './values.js';

// The shape of a unit's result is @assess/runtime's, which compiled modules give too.
export type ItemTrace = R.ItemTrace<Step>;
export type ItemResult = R.ItemResult<Step>;
export type SectionResult = R.SectionResult;
export type UnitResult = R.UnitResult<Step, Diagnostic>;

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
const str = (d: Decimal | null) => (d === null ? null : d.toString());

/** Evaluate a plan over a validated cohort. */
export function evaluate(plan: P.Plan, table: UnitTable, options: EvaluateOptions = {}): Evaluation {
  return new Evaluator(plan, table, options).run();
}

class Evaluator implements ScoreSource {
  private readonly n: number;
  private readonly exprs: Expressions;
  private readonly rules: RuleFn[];
  private readonly max: Decimal[];
  private readonly cap: (Decimal | undefined)[];
  private readonly places: (number | undefined)[];
  private readonly voids: Fn[][];
  private readonly itemScores: (Decimal | null)[][];
  private readonly rawCache = new Map<number, (Decimal | EvalFailure | typeof UNSET)[]>();
  private readonly prorataTop = new Map<number, Decimal>();
  private sectionScores: (Decimal | null)[][] = [];
  private contributions: (Decimal | null)[][] = [];
  private totals: (Decimal | null)[] = [];
  private bonusTotals: Decimal[] = [];
  private readonly errors = new Map<number, Diagnostic[]>();
  private readonly subEvaluations = new Map<string, Evaluation>();
  private readonly emptyColumn: V[] = [];

  constructor(
    private readonly plan: P.Plan,
    private readonly table: UnitTable,
    private readonly options: EvaluateOptions,
  ) {
    this.n = table.n;
    this.exprs = new Expressions(plan, this.n, this);
    const env = { exprs: this.exprs, n: this.n, file: plan.file, id: (u: number) => this.table.ids[u] };
    this.rules = plan.items.map((it) => compileRule(it, env));
    this.max = plan.items.map((it) => Decimal.parse(it.max)!);
    this.cap = plan.items.map((it) => (it.cap ? Decimal.parse(it.cap.value)! : undefined));
    this.places = plan.items.map((it) => it.places);
    this.voids = plan.items.map((it) => it.voids.map((v) => this.exprs.fn(v.expr)));
    this.itemScores = new Array(plan.items.length);
  }

  // ── ScoreSource ───────────────────────────────────────────────────
  column(field: string) {
    return this.table.columns.get(field) ?? this.emptyColumn;
  }
  kind(u: number) {
    return this.table.kinds[u];
  }
  id(u: number) {
    return this.table.ids[u];
  }
  total(u: number) {
    return this.totals[u] ?? null;
  }
  itemScore(id: number, u: number) {
    return this.itemScores[id]?.[u] ?? null;
  }
  sectionScore(id: number, u: number) {
    return this.sectionScores[id]?.[u] ?? null;
  }
  bonusTotal(u: number) {
    return this.bonusTotals[u];
  }
  importTotal(alias: string, u: number) {
    let ev = this.subEvaluations.get(alias);
    if (!ev) {
      const sub = this.plan.imports.find((i) => i.alias === alias)!.plan;
      ev = evaluate(sub, this.table, {});
      this.subEvaluations.set(alias, ev);
    }
    return ev.total(u);
  }
  prorataMax(item: number): Decimal {
    let m = this.prorataTop.get(item);
    if (m === undefined) {
      m = Decimal.ZERO;
      for (let u = 0; u < this.n; u++) {
        const v = this.raw(item, u);
        if (v.gt(m)) m = v;
      }
      this.prorataTop.set(item, m);
    }
    return m;
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

  private roundScore(d: Decimal, places = this.plan.precision): Decimal {
    return places === undefined ? d : d.round(places);
  }

  run(): Evaluation {
    const { plan, n } = this;
    for (const it of plan.items) this.itemScores[it.id] = this.scoreColumn(it.id);
    const total = Decimal.parse(plan.total)!;
    this.sectionScores = plan.sections.map(() => new Array(n));
    this.contributions = plan.sections.map(() => new Array(n));
    for (const s of plan.sections) {
      const col = this.sectionScores[s.id];
      const contrib = this.contributions[s.id];
      const scale = Decimal.parse(s.scale)!;
      const weight = s.weight !== undefined ? Decimal.parse(s.weight)! : undefined;
      const cols = s.items.map((id) => this.itemScores[id]);
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
        contrib[u] = sum === null ? null : weight ? (scale.isZero() ? Decimal.ZERO : this.roundScore(sum.mul(weight).mul(total).div(scale, s.places))) : sum;
      }
    }
    const topCols = plan.topItems.map((id) => this.itemScores[id]);
    const bonusCols = plan.bonuses.map((id) => this.itemScores[id]);
    const contribCols = this.contributions;
    const adjusts = plan.adjusts.map((a) => this.exprs.fn(a.factor.expr));
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
    if (plan.vetoes.length || plan.grades) for (let u = 0; u < n; u++) this.vetoesAndGrade(u);
    // A failure in a cohort value (cap prorata, an aggregate across units) fails every unit that
    // reads it: report it once, not once per unit.
    for (const [, ds] of [...this.errors.entries()].sort((a, b) => a[0] - b[0])) diagnostics.push(...ds);
    const unique = dedupe(diagnostics);
    diagnostics.length = 0;
    diagnostics.push(...unique);
    return evaluation;
  }

  // ── units ─────────────────────────────────────────────────────────
  private unitResult(u: number): UnitResult {
    const { plan } = this;
    const tracing = this.tracing(u);
    const itemResult = (it: P.Item): ItemResult => {
      const section = it.section !== undefined ? plan.sections[it.section].label : undefined;
      const r: ItemResult = section === undefined ? { label: it.label, score: this.itemScores[it.id][u], max: this.max[it.id] } : { label: it.label, section, score: this.itemScores[it.id][u], max: this.max[it.id] };
      if (tracing) r.trace = this.itemTrace(it, u);
      return r;
    };
    const items = [...plan.sections.flatMap((s) => s.items), ...plan.topItems].map((id) => itemResult(plan.items[id]));
    const sections: SectionResult[] = plan.sections.map((s) => {
      const r: SectionResult = { label: s.label, score: this.sectionScores[s.id][u], max: Decimal.parse(s.scale)!, contribution: this.contributions[s.id][u] };
      if (s.weight !== undefined) r.weight = Decimal.parse(s.weight)!;
      return r;
    });
    const bonuses = plan.bonuses.map((id) => itemResult(plan.items[id]));
    const steps: Step[] | undefined = tracing ? [] : undefined;
    const { vetoes, grade } = this.vetoesAndGrade(u, steps);
    if (steps) steps.unshift(...this.totalSteps(u));
    const r: UnitResult = {
      id: this.table.ids[u],
      items,
      sections,
      bonuses,
      bonus: this.bonusTotals[u],
      total: this.totals[u],
      grade,
      vetoed: vetoes.length > 0,
      vetoes,
      errors: this.errors.get(u) ?? [],
    };
    if (this.table.kinds[u] !== undefined && plan.unitKinds.length > 1) r.kind = this.table.kinds[u];
    if (steps) r.steps = steps;
    return r;
  }

  /** Which vetoes fire and which grade applies (with the reasons, when tracing). */
  private vetoesAndGrade(u: number, steps?: Step[]): { vetoes: string[]; grade: string | null } {
    const { plan } = this;
    const vetoes: string[] = [];
    for (const v of plan.vetoes) {
      const fired = this.guard(u, () => this.exprs.fn(v.cond.expr)(u, undefined));
      if (fired === true) {
        vetoes.push(v.reason);
        steps?.push({ k: 'veto', reason: v.reason, cond: v.cond.text });
      }
    }
    const total = this.totals[u];
    let grade: string | null = null;
    if (plan.grades && total !== null) {
      if (vetoes.length > 0) {
        const line = plan.grades.find((l) => l.k === 'veto');
        grade = line ? line.label : null;
        steps?.push({ k: 'vetoGrade', grade });
      } else {
        for (const line of plan.grades) {
          if (line.k === 'veto') continue;
          if (line.k === 'otherwise') {
            grade = line.label;
            steps?.push({ k: 'otherwiseGrade', grade });
            break;
          }
          const holds = this.guard(u, () => this.exprs.fn(line.cond.expr)(u, undefined));
          if (holds === true) {
            grade = line.label;
            steps?.push({ k: 'gradeLine', cond: line.cond.text, total: total.toString(), grade });
            break;
          }
        }
      }
    }
    return { vetoes, grade };
  }

  private totalSteps(u: number): Step[] {
    const { plan } = this;
    const out: Step[] = [];
    const total = Decimal.parse(plan.total)!;
    for (const s of plan.sections) {
      const score = this.sectionScores[s.id][u];
      out.push({ k: 'section', label: s.label, parts: s.items.map((id) => str(this.itemScores[id][u])), score: str(score) });
      if (s.weightText !== undefined) out.push({ k: 'weighted', score: str(score), scale: s.scale, weight: s.weightText, total: total.toString(), contribution: str(this.contributions[s.id][u]) });
    }
    const parts = [...plan.sections.map((s) => str(this.contributions[s.id][u])), ...plan.topItems.map((id) => str(this.itemScores[id][u]))];
    const step: Step = { k: 'total', parts };
    if (plan.bonuses.length) step.bonus = this.bonusTotals[u].toString();
    if (!plan.adjusts.length) step.result = str(this.totals[u]);
    out.push(step);
    // The running total after each adjustment (the stored total is after all of them).
    let running: Decimal | null = null;
    if (plan.adjusts.length) {
      running = Decimal.ZERO;
      for (const c of this.contributions) running = running === null || c[u] === null ? null : running.add(c[u]!);
      for (const id of plan.topItems) running = running === null || this.itemScores[id][u] === null ? null : running.add(this.itemScores[id][u]!);
      for (const id of plan.bonuses) if (this.itemScores[id][u] === null) running = null;
      if (running !== null) running = running.add(this.bonusTotals[u]);
    }
    for (const a of plan.adjusts) {
      const f = this.guard(u, () => this.exprs.fn(a.factor.expr)(u, undefined));
      running = running !== null && f instanceof Decimal ? this.roundScore(running.mul(f)) : null;
      out.push({ k: 'adjusted', factor: a.factor.text, value: shown(f as V), result: str(running) });
    }
    return out;
  }

  // ── items ─────────────────────────────────────────────────────────
  private scoreColumn(id: number): (Decimal | null)[] {
    const col: (Decimal | null)[] = new Array(this.n);
    for (let u = 0; u < this.n; u++) {
      try {
        col[u] = this.score(id, u);
      } catch (e) {
        if (!(e instanceof EvalFailure)) throw e;
        this.fail(u, e.diagnostic);
        col[u] = null;
      }
    }
    return col;
  }

  /** The raw value of an item for a unit, after `void if` (cached under cap prorata, which needs all units). */
  private raw(id: number, u: number, steps?: Step[]): Decimal {
    if (steps || !this.plan.items[id].cap?.prorata) return this.rawUncached(id, u, steps);
    let cache = this.rawCache.get(id);
    if (!cache) this.rawCache.set(id, (cache = new Array(this.n).fill(UNSET)));
    const c = cache[u];
    if (c instanceof Decimal) return c;
    if (c instanceof EvalFailure) throw c;
    try {
      const v = this.rawUncached(id, u);
      cache[u] = v;
      return v;
    } catch (e) {
      if (e instanceof EvalFailure) cache[u] = e;
      throw e;
    }
  }

  private rawUncached(id: number, u: number, steps?: Step[]): Decimal {
    const voids = this.voids[id];
    for (let i = 0; i < voids.length; i++) {
      if (voids[i](u, undefined) === true) {
        steps?.push({ k: 'void', cond: this.plan.items[id].voids[i].text });
        return Decimal.ZERO;
      }
    }
    return this.rules[id](u, steps);
  }

  /** The final score of an item: raw, capped (prorata across the cohort), held in 0..M, rounded. */
  private score(id: number, u: number, steps?: Step[]): Decimal {
    let v = this.raw(id, u, steps);
    const it = this.plan.items[id];
    const M = this.max[id];
    const cap = this.cap[id];
    if (cap) {
      if (it.cap!.prorata) {
        const top = this.prorataMax(id);
        if (top.gt(cap)) {
          const scaled = v.mul(cap).div(top, it.cap!.prorata.places);
          steps?.push({ k: 'prorata', cap: cap.toString(), top: top.toString(), raw: v.toString(), scaled: scaled.toString() });
          v = scaled;
        } else steps?.push({ k: 'prorataNone', cap: cap.toString(), top: top.toString() });
      } else if (v.gt(cap)) {
        steps?.push({ k: 'cap', cap: cap.toString(), from: v.toString() });
        v = cap;
      }
    }
    if (v.gt(M)) {
      steps?.push({ k: 'atMostMax', max: M.toString(), from: v.toString() });
      v = M;
    } else if (v.sign() < 0) {
      steps?.push({ k: 'notBelowZero', from: v.toString() });
      v = Decimal.ZERO;
    }
    const places = this.places[id];
    if (places !== undefined) {
      const r = v.round(places);
      if (!r.eq(v)) steps?.push({ k: 'rounded', places, from: v.toString(), to: r.toString() });
      v = r;
    }
    return v;
  }

  private itemTrace(it: P.Item, u: number): ItemTrace {
    const steps: Step[] = [];
    try {
      this.score(it.id, u, steps);
    } catch (e) {
      if (!(e instanceof EvalFailure)) throw e;
      steps.push({ k: 'failure', message: e.diagnostic.message });
    }
    const inputs = it.reads.map((r) => {
      if (r.k === 'input') {
        const value = shown(this.column(r.field)[u]);
        return r.label !== undefined ? { name: r.field, label: r.label, value } : { name: r.field, value };
      }
      let value: Shown;
      try {
        value = shown(this.exprs.letValue(r.id, u));
      } catch {
        value = { k: 'failed' };
      }
      return { name: this.plan.lets[r.id].name, value };
    });
    return { rule: it.text, inputs, steps };
  }
}
