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
import { EvalFailure, Expressions, type Fn, type Groups, type ScoreSource } from './expressions.js';
import { gradeByPlace, groupUnits, placeUnits, quotaOf, type QuotaDecision } from './places.js';
import { compileRule, memoized, type RuleFn } from './rules.js';
import type { Part, Shown, Step } from './steps.js';
import { keptEntries, scoreShown, shown, type V } from './values.js';

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
  /**
   * Unit i's result built anew and not kept (`unit` keeps what it builds): for a pass over every
   * unit that needs one at a time (a large cohort's results workbook). `trace: false`: without
   * the steps of its scores, whatever the evaluation traces (a pass that only reads the scores).
   */
  unitOnce(i: number, options?: { trace?: false }): UnitResult;
  /** The place of unit i (null: none), without building its result. */
  place(i: number): number | null;
  /** The group unit i is placed within, where the scheme places units within groups. */
  group(i: number): string | undefined;
  /** The total of unit i (null when it failed): cheap, for embedding and benchmarks. */
  total(i: number): Decimal | null;
  /** The score of item (or bonus) `id` of the plan for unit i. */
  itemScore(id: number, i: number): Decimal | null;
  /** The score of section `id` of the plan for unit i. */
  sectionScore(id: number, i: number): Decimal | null;
  diagnostics: Diagnostic[];
}

const UNSET: unique symbol = Symbol('unset');
const str = (d: Decimal | null) => (d === null ? null : d.toString());
const part = (d: Decimal | null, na: boolean): Part => (na ? 'n/a' : str(d));

/** Evaluate a plan over a validated cohort. */
export function evaluate(plan: P.Plan, table: UnitTable, options: EvaluateOptions = {}): Evaluation {
  return new Evaluator(plan, table, options).run();
}

/** The parts of a section, or of the whole scheme: what its score is made of. */
interface Whole {
  label: string;
  scale: Decimal;
  /** Its parts are weighted sections. */
  weighted: boolean;
  items: number[];
  sections: number[];
  /** Each of `sections`' scale and weight (parsed once, not once per unit). */
  sectionScales: Decimal[];
  sectionWeights: (Decimal | undefined)[];
}

/** What a whole none of whose parts applies to a unit combines to. */
const NA: unique symbol = Symbol('not applicable');

class Evaluator implements ScoreSource {
  private readonly n: number;
  private readonly exprs: Expressions;
  private readonly rules: RuleFn[];
  private readonly max: (Decimal | null)[];
  private readonly cap: (Decimal | undefined)[];
  private readonly places: (number | undefined)[];
  private readonly voids: Fn[][];
  private readonly notApplicable: Fn[][];
  /** Each veto's condition, each adjustment's factor (closures made once, not once per unit). */
  private readonly vetoConds: Fn[];
  private readonly adjustFactors: Fn[];
  /** The floor under the total, if the scheme has one. */
  private readonly floor: Decimal | undefined;
  /** Whether each unit is assessed. */
  private readonly eligible: boolean[];
  private readonly groups: Groups;
  private readonly groupKeys: string[];
  private readonly itemScores: (Decimal | null)[][];
  /** Whether an item does not apply to a unit (or the unit is not assessed). */
  private readonly itemNA: boolean[][];
  private readonly rawCache = new Map<number, (Decimal | EvalFailure | typeof UNSET)[]>();
  private readonly prorataTop = new Map<string, Decimal>();
  private sectionScores: (Decimal | null)[][] = [];
  private sectionNA: boolean[][] = [];
  private contributions: (Decimal | null)[][] = [];
  private totals: (Decimal | null)[] = [];
  private bonusTotals: Decimal[] = [];
  private penaltyTotals: Decimal[] = [];
  private vetoed: boolean[] = [];
  private unitPlaces: (number | null)[] = [];
  /** The grade line that graded each unit (−1: none), and the quota lines each unit met. */
  private gradeLines = new Int32Array(0);
  private readonly quotaDecisions = new Map<number, QuotaDecision[]>();
  private readonly errors = new Map<number, Diagnostic[]>();
  private readonly subEvaluations = new Map<string, Evaluation>();
  private readonly emptyColumn: V[] = [];
  private readonly schemeTotal: Decimal;
  private readonly root: Whole;
  /** Each section as a whole, by id. */
  private readonly wholes: Whole[];
  /** The grade lines that grade by total (`if` and `otherwise`), in order. */
  private readonly gradeIfs: P.Grade[];

  constructor(
    private readonly plan: P.Plan,
    private readonly table: UnitTable,
    private readonly options: EvaluateOptions,
  ) {
    this.n = table.n;
    // Who is assessed, and with whom, comes first: it reads no cohort value.
    const bare = new Expressions(plan, this.n, this, { of: new Uint32Array(this.n), keys: [], members: [] });
    this.eligible = this.eligibility(bare);
    const { groups, keys } = this.grouping(bare);
    this.groups = groups;
    this.groupKeys = keys;
    this.exprs = new Expressions(plan, this.n, this, groups);
    const env = { exprs: this.exprs, file: plan.file, id: (u: number) => this.table.ids[u] };
    this.rules = plan.items.map((it) => memoized(compileRule(it, env), it.readsOnly === undefined ? undefined : table.columns.get(it.readsOnly)));
    this.max = plan.items.map((it) => (it.max !== undefined ? Decimal.parse(it.max)! : null));
    this.cap = plan.items.map((it) => (it.cap ? Decimal.parse(it.cap.value)! : undefined));
    this.places = plan.items.map((it) => it.places);
    this.voids = plan.items.map((it) => it.voids.map((v) => this.exprs.fn(v.expr)));
    this.notApplicable = plan.items.map((it) => it.notApplicable.map((v) => this.exprs.fn(v.expr)));
    this.vetoConds = plan.vetoes.map((v) => this.exprs.fn(v.cond.expr));
    this.adjustFactors = plan.adjusts.map((a) => this.exprs.fn(a.factor.expr));
    this.floor = plan.floor !== undefined ? Decimal.parse(plan.floor)! : undefined;
    this.itemScores = new Array(plan.items.length);
    this.itemNA = new Array(plan.items.length);
    this.schemeTotal = Decimal.parse(plan.total)!;
    const whole = (label: string, scale: Decimal, weighted: boolean, items: number[], sections: number[]): Whole => ({
      label,
      scale,
      weighted,
      items,
      sections,
      sectionScales: sections.map((id) => Decimal.parse(plan.sections[id].scale)!),
      sectionWeights: sections.map((id) => (plan.sections[id].weight !== undefined ? Decimal.parse(plan.sections[id].weight!)! : undefined)),
    });
    this.root = whole('', this.schemeTotal, plan.topSections.some((id) => plan.sections[id].weight !== undefined), plan.topItems, plan.topSections);
    this.wholes = plan.sections.map((s) => whole(s.label, Decimal.parse(s.scale)!, s.weighted, s.items, s.sections));
    this.gradeIfs = (plan.grades ?? []).filter((l) => l.k === 'if' || l.k === 'otherwise');
  }

  private eligibility(exprs: Expressions): boolean[] {
    const eligible: boolean[] = new Array(this.n).fill(true);
    if (this.plan.eligible) {
      const cond = exprs.fn(this.plan.eligible.expr);
      for (let u = 0; u < this.n; u++) eligible[u] = this.valueAt(cond, u) === true;
    }
    return eligible;
  }

  private grouping(exprs: Expressions): { groups: Groups; keys: string[] } {
    const key = this.plan.within ? exprs.fn(this.plan.within.expr) : undefined;
    const groups = groupUnits(this.n, this.eligible, key && ((u) => this.valueAt(key, u)));
    return { groups, keys: groups.keys };
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
    // An item or a named value reads `bonus` before the totals are worked out: from the bonuses' scores then.
    return this.bonusTotals[u] ?? this.sumOf(this.plan.bonuses, u) ?? Decimal.ZERO;
  }
  place(u: number) {
    return this.unitPlaces[u] ?? null;
  }
  importTotal(alias: string, u: number) {
    return this.imported(alias).total(u);
  }
  importScore(alias: string, target: 'item' | 'section', id: number, u: number) {
    const ev = this.imported(alias);
    return target === 'item' ? ev.itemScore(id, u) : ev.sectionScore(id, u);
  }
  /** An imported scheme, scored on the same data (once). */
  private imported(alias: string): Evaluation {
    let ev = this.subEvaluations.get(alias);
    if (!ev) {
      const sub = this.plan.imports.find((i) => i.alias === alias)!.plan;
      ev = evaluate(sub, this.table, {});
      this.subEvaluations.set(alias, ev);
    }
    return ev;
  }
  prorataMax(item: number, group: number): Decimal {
    const key = `${item}:${group}`;
    let m = this.prorataTop.get(key);
    if (m === undefined) {
      m = Decimal.ZERO;
      for (const u of this.groups.members[group]) {
        if (this.isNA(item, u)) continue;
        const v = this.raw(item, u);
        if (v.gt(m)) m = v;
      }
      this.prorataTop.set(key, m);
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

  /** An expression's value for unit u (outside any list entry); a failure is recorded against the unit and gives undefined. */
  private valueAt(f: Fn, u: number): V | undefined {
    try {
      return f(u, undefined);
    } catch (e) {
      return this.failed(u, e);
    }
  }

  /** A failure is recorded against the unit (undefined); anything else is a bug, thrown on. */
  private failed(u: number, e: unknown): undefined {
    if (!(e instanceof EvalFailure)) throw e;
    this.fail(u, e.diagnostic);
    return undefined;
  }

  /** The total after the floor, rounded when the scheme's precision is for the total only. */
  private finalTotal(sum: Decimal | null): Decimal | null {
    const { floor } = this;
    const { precision } = this.plan;
    if (sum === null) return null;
    const floored = floor !== undefined && sum.lt(floor) ? floor : sum;
    return precision?.of === 'total' ? floored.round(precision.places) : floored;
  }

  /** A score rounded as the scheme's precision says for each score (unless it rounds the total only). */
  private roundScore(d: Decimal): Decimal {
    const p = this.plan.precision;
    return p && p.of === 'each' ? d.round(p.places) : d;
  }

  /** The sum of some items' scores for a unit (those that apply); null when one failed. */
  private sumOf(ids: number[], u: number): Decimal | null {
    let sum = Decimal.ZERO;
    for (const id of ids) {
      if (this.itemNA[id][u]) continue;
      const v = this.itemScores[id][u];
      if (v === null) return null;
      sum = sum.add(v);
    }
    return sum;
  }

  run(): Evaluation {
    const { plan, n } = this;
    this.sectionScores = plan.sections.map(() => new Array(n));
    this.sectionNA = plan.sections.map(() => new Array(n));
    this.contributions = plan.sections.map(() => new Array(n));
    // Every score after the scores it reads; a section after its parts.
    for (const step of plan.order) {
      if (step.k === 'item') {
        this.scoreColumn(step.id);
        continue;
      }
      const whole = this.wholes[step.id];
      const scores = this.sectionScores[step.id];
      const na = this.sectionNA[step.id];
      for (let u = 0; u < n; u++) {
        const r = this.combine(whole, u);
        scores[u] = r === NA ? null : r;
        na[u] = r === NA;
      }
    }
    this.totals = new Array(n).fill(null);
    this.bonusTotals = new Array(n);
    this.penaltyTotals = new Array(n);
    for (let u = 0; u < n; u++) {
      const bonus = this.sumOf(plan.bonuses, u);
      const penalty = this.sumOf(plan.penalties, u);
      this.bonusTotals[u] = bonus ?? Decimal.ZERO;
      this.penaltyTotals[u] = penalty ?? Decimal.ZERO;
      if (!this.eligible[u]) continue;
      const r = this.combine(this.root, u);
      // When none of the parts applies they add nothing (a failed part fails the total).
      const parts = r === NA ? Decimal.ZERO : r;
      let sum: Decimal | null = bonus === null || penalty === null || parts === null ? null : parts.add(bonus).sub(penalty);
      // `total` in an adjustment is the total before it.
      for (const f of this.adjustFactors) {
        this.totals[u] = sum;
        if (sum === null) break;
        const factor = this.valueAt(f, u);
        sum = factor instanceof Decimal ? this.roundScore(sum.mul(factor)) : null;
      }
      this.totals[u] = this.finalTotal(sum);
    }
    this.vetoed = new Array(n).fill(false);
    if (plan.vetoes.length) for (let u = 0; u < n; u++) this.vetoed[u] = this.eligible[u] && this.vetoes(u).length > 0;
    this.placeUnits();
    this.gradeUnits();

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
      unitOnce: (i, options) => (options?.trace === false ? this.unitResult(i, false) : (cache.get(i) ?? this.unitResult(i))),
      place: (i) => this.unitPlaces[i] ?? null,
      group: (i) => (plan.within ? this.groupKeys[this.groups.of[i]] : undefined),
      total: (i) => this.totals[i],
      itemScore: (id, i) => this.itemScores[id]?.[i] ?? null,
      sectionScore: (id, i) => this.sectionScores[id]?.[i] ?? null,
      diagnostics,
    };
    // A failure in a cohort value (cap prorata, an aggregate across units) fails every unit that
    // reads it: report it once, not once per unit.
    for (const [, ds] of [...this.errors.entries()].sort((a, b) => a[0] - b[0])) diagnostics.push(...ds);
    const unique = dedupe(diagnostics);
    diagnostics.length = 0;
    diagnostics.push(...unique);
    return evaluation;
  }

  /**
   * A whole's score for a unit, from its parts: the sum of its items and subsections, or the
   * weighted sum of its weighted subsections scaled to its own scale. Parts that do not apply
   * are left out and the rest scaled up (or their weights count as 100%); with no part that
   * applies, the whole does not apply either. Records each weighted part's contribution.
   */
  private combine(w: Whole, u: number, steps?: Step[]): Decimal | null | typeof NA {
    if (!this.eligible[u]) return NA;
    let sum = Decimal.ZERO;
    let failed = false;
    let applies = false;
    let someNA = false;
    for (const id of w.items) {
      if (this.itemNA[id][u]) {
        someNA = true;
        continue;
      }
      applies = true;
      const v = this.itemScores[id][u];
      if (v === null) failed = true;
      else sum = sum.add(v);
    }
    for (let k = 0; k < w.sections.length; k++) {
      const id = w.sections[k];
      if (this.sectionNA[id][u]) {
        someNA = true;
        this.contributions[id][u] = null;
        continue;
      }
      applies = true;
      const v = this.sectionScores[id][u];
      const scale = w.sectionScales[k];
      const weight = w.sectionWeights[k];
      let c: Decimal | null = v;
      if (w.weighted && weight !== undefined && v !== null) {
        c = scale.isZero() ? Decimal.ZERO : this.roundScore(v.mul(weight).mul(w.scale).div(scale));
        if (steps) {
          const s = this.plan.sections[id];
          steps.push({ k: 'weighted', score: str(v), scale: s.scale, weight: s.weightText ?? s.weight!, total: w.scale.toString(), contribution: str(c) });
        }
      }
      this.contributions[id][u] = c;
      if (c === null) failed = true;
      else sum = sum.add(c);
    }
    if (!applies) return NA;
    if (failed) return null;
    if (!someNA) return sum;
    // Some parts do not apply: the weights of those that do count as 100%, or their points
    // are scaled up to the whole's.
    if (w.weighted) {
      let weights = Decimal.ZERO;
      w.sections.forEach((id, k) => {
        const weight = w.sectionWeights[k];
        if (!this.sectionNA[id][u] && weight !== undefined) weights = weights.add(weight);
      });
      if (weights.sign() > 0 && !weights.eq(Decimal.ONE)) {
        const result = this.roundScore(sum.div(weights));
        steps?.push({ k: 'renormalised', label: w.label, sum: sum.toString(), weights: weights.toString(), result: result.toString() });
        return result;
      }
      return sum;
    }
    let applicable = Decimal.ZERO;
    for (const id of w.items) if (!this.itemNA[id][u]) applicable = applicable.add(this.max[id]!);
    w.sections.forEach((id, k) => {
      if (!this.sectionNA[id][u]) applicable = applicable.add(w.sectionScales[k]);
    });
    if (applicable.sign() > 0 && !applicable.eq(w.scale)) {
      const result = this.roundScore(sum.mul(w.scale).div(applicable));
      steps?.push({ k: 'rescaled', label: w.label, sum: sum.toString(), applicable: applicable.toString(), scale: w.scale.toString(), result: result.toString() });
      return result;
    }
    return sum;
  }

  // ── places and grades ─────────────────────────────────────────────
  /** Places within each group: ranked units by total; vetoed and ineligible units as the scheme says. */
  private placeUnits() {
    this.unitPlaces = placeUnits(this.groups, this.eligible, this.vetoed, this.totals, this.plan.places);
  }

  private gradeUnits() {
    const { plan } = this;
    this.gradeLines = new Int32Array(this.n).fill(-1);
    if (!plan.grades) return;
    const lines = plan.grades.filter((l) => l.k === 'if' || l.k === 'otherwise');
    this.groups.members.forEach((members, g) => {
      const size = members.length;
      const ranked = members.filter((u) => !this.vetoed[u] && this.totals[u] !== null);
      const gradeLines = lines.map((l) => {
        if (l.k === 'otherwise') return { label: l.label, otherwise: true };
        const cond = this.exprs.fn((l as Extract<P.Grade, { k: 'if' }>).cond.expr);
        const q = (l as Extract<P.Grade, { k: 'if' }>).quota;
        const quota = q === undefined ? undefined : quotaOf(q, size);
        return { label: l.label, holds: (u: number) => this.valueAt(cond, u) === true, quota, quotaText: q?.text };
      });
      gradeByPlace(ranked, (u) => this.unitPlaces[u]!, gradeLines, this.gradeLines, this.quotaDecisions);
    });
  }

  /** The vetoes that fire for a unit. */
  private vetoes(u: number, steps?: Step[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.plan.vetoes.length; i++) {
      const v = this.plan.vetoes[i];
      const fired = this.valueAt(this.vetoConds[i], u);
      if (fired === true) {
        out.push(v.reason);
        steps?.push({ k: 'veto', reason: v.reason, cond: v.cond.text });
      }
    }
    return out;
  }

  /** The unit's grade (worked out for the whole cohort in `gradeUnits`), with its reasons. */
  private grade(u: number, steps?: Step[]): string | null {
    const lines = this.plan.grades;
    if (!lines) return null;
    if (!this.eligible[u]) {
      const grade = lines.find((l) => l.k === 'ineligible')?.label ?? null;
      steps?.push({ k: 'ineligibleGrade', grade });
      return grade;
    }
    if (this.totals[u] === null) return null;
    if (this.vetoed[u]) {
      const grade = lines.find((l) => l.k === 'veto')?.label ?? null;
      steps?.push({ k: 'vetoGrade', grade });
      return grade;
    }
    const ifs = this.gradeIfs;
    const line = this.gradeLines[u] >= 0 ? ifs[this.gradeLines[u]] : undefined;
    if (steps) {
      for (const q of this.quotaDecisions.get(u) ?? []) {
        const l = ifs[q.line] as Extract<P.Grade, { k: 'if' }>;
        steps.push({ k: 'quota', grade: l.label, place: q.place, quota: q.quota, quotaText: l.quota!.text, size: this.groups.members[this.groups.of[u]].length, admitted: q.admitted });
      }
      if (line?.k === 'otherwise') steps.push({ k: 'otherwiseGrade', grade: line.label });
      else if (line?.k === 'if') steps.push({ k: 'gradeLine', cond: line.cond.text, total: this.totals[u]!.toString(), grade: line.label });
    }
    return line?.label ?? null;
  }

  // ── units ─────────────────────────────────────────────────────────
  private unitResult(u: number, tracing = this.tracing(u)): UnitResult {
    const { plan } = this;
    const itemResult = (it: P.Item): ItemResult => {
      const section = it.section !== undefined ? plan.sections[it.section].label : undefined;
      const r: ItemResult = section === undefined ? { label: it.label, score: this.itemScores[it.id][u], max: this.max[it.id] } : { label: it.label, section, score: this.itemScores[it.id][u], max: this.max[it.id] };
      if (this.itemNA[it.id][u]) r.notApplicable = true;
      if (tracing && this.eligible[u]) r.trace = this.itemTrace(it, u);
      return r;
    };
    const items = [...plan.sections.flatMap((s) => s.items), ...plan.topItems].map((id) => itemResult(plan.items[id]));
    items.sort((a, b) => plan.items.findIndex((x) => x.label === a.label) - plan.items.findIndex((x) => x.label === b.label));
    const sections: SectionResult[] = plan.sections.map((s) => {
      const r: SectionResult = { label: s.label, score: this.sectionScores[s.id][u], max: Decimal.parse(s.scale)!, contribution: this.contributions[s.id][u] ?? (s.parent === undefined ? this.sectionScores[s.id][u] : null) };
      if (s.parent !== undefined) r.parent = plan.sections[s.parent].label;
      if (s.weight !== undefined) r.weight = Decimal.parse(s.weight)!;
      if (this.sectionNA[s.id][u] && this.eligible[u]) r.notApplicable = true;
      return r;
    });
    const bonuses = plan.bonuses.map((id) => itemResult(plan.items[id]));
    const penalties = plan.penalties.map((id) => itemResult(plan.items[id]));
    const steps: Step[] | undefined = tracing ? [] : undefined;
    if (steps) steps.push(...this.totalSteps(u));
    const vetoes = this.eligible[u] ? this.vetoes(u, steps) : [];
    if (steps) steps.push(...this.placeSteps(u));
    const grade = this.grade(u, steps);
    const r: UnitResult = {
      id: this.table.ids[u],
      items,
      sections,
      bonuses,
      bonus: this.bonusTotals[u],
      penalties,
      penalty: this.penaltyTotals[u],
      total: this.totals[u],
      place: this.unitPlaces[u],
      eligible: this.eligible[u],
      grade,
      vetoed: vetoes.length > 0,
      vetoes,
      errors: this.errors.get(u) ?? [],
    };
    if (plan.within) r.group = this.groupKeys[this.groups.of[u]];
    if (this.table.kinds[u] !== undefined && plan.unitKinds.length > 1) r.kind = this.table.kinds[u];
    if (steps) r.steps = steps;
    return r;
  }

  private placeSteps(u: number): Step[] {
    const place = this.unitPlaces[u];
    const of = this.groups.members[this.groups.of[u]].length;
    const why = !this.eligible[u] ? 'ineligible' : this.vetoed[u] ? 'vetoed' : this.totals[u] === null ? 'failed' : undefined;
    if (place === null) return [{ k: 'unplaced', why: why ?? 'failed' }];
    return [why === 'vetoed' || why === 'ineligible' ? { k: 'place', place, of, after: why } : { k: 'place', place, of }];
  }

  private totalSteps(u: number): Step[] {
    const { plan } = this;
    const out: Step[] = [];
    if (!this.eligible[u]) return plan.eligible ? [{ k: 'ineligible', cond: plan.eligible.text }] : [];
    if (plan.within) out.push({ k: 'group', key: this.groupKeys[this.groups.of[u]], size: this.groups.members[this.groups.of[u]].length });
    // Sections in the order written, each after the sections it holds.
    const visit = (id: number) => {
      const s = plan.sections[id];
      s.sections.forEach(visit);
      const parts = [...s.items.map((i) => part(this.itemScores[i][u], this.itemNA[i][u])), ...s.sections.map((c) => (s.weighted ? part(this.contributions[c][u], this.sectionNA[c][u]) : part(this.sectionScores[c][u], this.sectionNA[c][u])))];
      const steps: Step[] = [];
      this.combine(this.wholes[id], u, steps);
      out.push(...steps.filter((x) => x.k === 'weighted'));
      out.push({ k: 'section', label: s.label, parts, score: part(this.sectionScores[id][u], this.sectionNA[id][u]) });
      out.push(...steps.filter((x) => x.k !== 'weighted'));
    };
    plan.topSections.forEach(visit);
    const rootSteps: Step[] = [];
    this.combine(this.root, u, rootSteps);
    out.push(...rootSteps.filter((x) => x.k === 'weighted'));
    const parts = [...plan.topSections.map((id) => part(this.root.weighted ? this.contributions[id][u] : this.sectionScores[id][u], this.sectionNA[id][u])), ...plan.topItems.map((id) => part(this.itemScores[id][u], this.itemNA[id][u]))];
    const step: Step = { k: 'total', parts };
    if (plan.bonuses.length) step.bonus = this.bonusTotals[u].toString();
    if (plan.penalties.length) step.penalty = this.penaltyTotals[u].toString();
    const r = this.combine(this.root, u);
    const sum = r === NA ? Decimal.ZERO : r;
    let running: Decimal | null = sum === null ? null : sum.add(this.bonusTotals[u]).sub(this.penaltyTotals[u]);
    if (!plan.adjusts.length) step.result = str(running);
    out.push(...rootSteps.filter((x) => x.k !== 'weighted'));
    out.push(step);
    // The running total after each adjustment (the stored total is after all of them).
    const final = this.totals[u];
    for (let i = 0; i < plan.adjusts.length; i++) {
      const a = plan.adjusts[i];
      // `total` in the factor reads the total before this adjustment.
      this.totals[u] = running;
      const f = this.valueAt(this.adjustFactors[i], u);
      running = running !== null && f instanceof Decimal ? this.roundScore(running.mul(f)) : null;
      out.push({ k: 'adjusted', factor: a.factor.text, value: shown(f as V), result: str(running) });
    }
    this.totals[u] = final;
    if (running === null) return out;
    if (this.floor !== undefined && running.lt(this.floor)) {
      out.push({ k: 'floor', floor: plan.floor!, from: running.toString() });
      running = this.floor;
    }
    const p = plan.precision;
    if (p?.of === 'total' && !running.round(p.places).eq(running)) out.push({ k: 'rounded', places: p.places, from: running.toString(), to: running.round(p.places).toString(), total: true });
    return out;
  }

  // ── items ─────────────────────────────────────────────────────────
  /** A score of unit u a rule read, as its trace shows it. */
  private scoreRead(of: Extract<P.Expr, { k: 'itemScore' | 'sectionScore' | 'bonusTotal' }>, u: number): Shown {
    if (of.k === 'itemScore') return scoreShown(this.itemScores[of.id][u], this.itemNA[of.id][u]);
    if (of.k === 'sectionScore') return scoreShown(this.sectionScores[of.id][u], this.sectionNA[of.id][u]);
    return scoreShown(this.bonusTotals[u], false);
  }

  private isNA(id: number, u: number): boolean {
    if (!this.eligible[u]) return true;
    for (const f of this.notApplicable[id]) if (this.valueAt(f, u) === true) return true;
    return false;
  }

  private scoreColumn(id: number) {
    const col: (Decimal | null)[] = new Array(this.n);
    const na: boolean[] = new Array(this.n);
    const checkNA = this.notApplicable[id].length > 0;
    for (let u = 0; u < this.n; u++) {
      na[u] = !this.eligible[u] || (checkNA && this.isNA(id, u));
      if (na[u]) {
        col[u] = null;
        continue;
      }
      try {
        col[u] = this.score(id, u);
      } catch (e) {
        if (!(e instanceof EvalFailure)) throw e;
        this.fail(u, e.diagnostic);
        col[u] = null;
      }
    }
    this.itemScores[id] = col;
    this.itemNA[id] = na;
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

  /** The final score of an item: raw, capped (prorata across the group), held in 0..M, rounded. */
  private score(id: number, u: number, steps?: Step[]): Decimal {
    let v = this.raw(id, u, steps);
    const it = this.plan.items[id];
    const M = this.max[id];
    const cap = this.cap[id];
    if (cap) {
      if (it.cap!.prorata) {
        const top = this.prorataMax(id, this.groups.of[u]);
        if (top.gt(cap)) {
          const scaled = v.mul(cap).div(top);
          steps?.push({ k: 'prorata', cap: cap.toString(), top: top.toString(), raw: v.toString(), scaled: scaled.toString() });
          v = scaled;
        } else steps?.push({ k: 'prorataNone', cap: cap.toString(), top: top.toString() });
      } else if (v.gt(cap)) {
        steps?.push({ k: 'cap', cap: cap.toString(), from: v.toString() });
        v = cap;
      }
    }
    if (M !== null && v.gt(M)) {
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
    const na = this.notApplicable[it.id].findIndex((f) => this.valueAt(f, u) === true);
    if (na >= 0) steps.push({ k: 'notApplicable', cond: it.notApplicable[na].text });
    else
      try {
        this.score(it.id, u, steps);
      } catch (e) {
        if (!(e instanceof EvalFailure)) throw e;
        steps.push({ k: 'failure', message: e.diagnostic.message });
      }
    const computed = (f: () => V): Shown => {
      try {
        return shown(f());
      } catch {
        return { k: 'failed' };
      }
    };
    const inputs = it.reads.map((r): ItemTrace['inputs'][number] => {
      if (r.k === 'input') {
        const value = shown(this.column(r.field)[u]);
        if (r.percent && value.k === 'num') value.percent = true;
        return r.label !== undefined ? { name: r.field, label: r.label, value } : { name: r.field, value };
      }
      if (r.k === 'import') return { name: r.text, value: computed(() => this.exprs.fn(r.expr)(u, undefined)), score: true };
      if (r.k === 'score') return { name: r.text, value: this.scoreRead(r.of, u), score: true };
      if (r.k === 'entries') {
        const { agg } = r;
        const fn = (e: P.Expr | undefined) => e && this.exprs.fn(e);
        const entries = keptEntries(this.exprs.fn(agg.list)(u, undefined), fn(agg.where), u, agg.field, fn(agg.value), r.percent);
        return { name: r.list, ...(r.where !== undefined ? { where: r.where } : {}), ...(r.each !== undefined ? { each: r.each } : {}), value: { k: 'list', n: entries.length }, entries };
      }
      const l = this.plan.lets[r.id];
      return { name: l.name, value: computed(() => this.exprs.letValue(r.id, u)), formula: l.text };
    });
    return { rule: it.text, inputs, steps };
  }
}
