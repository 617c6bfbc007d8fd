// Points: the max and static range of every item and bonus (each rule kind gives its raw
// range), then that the items add up to their section's max and the sections to the total
// (or the weights to 100%), and the static range of the total.
import type * as A from '../ast/ast.js';
import { Decimal } from '../common/decimal.js';
import { Interval } from '../common/interval.js';
import { diag, label } from '../diagnostics/diagnostic.js';
import { allItems, eachSubExpression } from '../ast/walk.js';
import { ruleKind } from '../rules/index.js';
import { dec, placesOf } from '../rules/numbers.js';
import type { Checker } from './checker.js';
import type { Proved, ScoreRange } from '../types/types.js';

export interface Points {
  /** The effective max of each item, bonus and penalty (bonus: its max, or its cap); none for a penalty without a limit. */
  maxOf: Map<A.Item, Decimal>;
  /** The scale of each section (its max, or the sum of its items' maxima). */
  scaleOf: Map<A.Section, Decimal>;
  itemRanges: Map<A.Item, ScoreRange>;
  /** What the static ranges prove of each item's raw value (see `Proved`). */
  proved: Map<A.Item, Proved>;
  sectionRanges: Map<A.Section, ScoreRange>;
  weighted: boolean;
  /** The range of a unit's total before `adjust`. */
  totalBeforeAdjust: Interval;
}

const itemWhat = (it: A.Item) =>
  it.kind === 'Bonus' ? { en: `bonus "${it.label.text}"`, zh: `加分 "${it.label.text}"` } : it.kind === 'Penalty' ? { en: `penalty "${it.label.text}"`, zh: `减分 "${it.label.text}"` } : { en: `item "${it.label.text}"`, zh: `指标 "${it.label.text}"` };
const defKind = (it: A.Item) => (it.kind === 'Bonus' ? 'bonus' : it.kind === 'Penalty' ? 'penalty' : 'item');

export function checkPoints(cx: Checker): Points {
  const ast = cx.ast;
  const maxOf = new Map<A.Item, Decimal>();
  const itemRanges = new Map<A.Item, ScoreRange>();
  const proved = new Map<A.Item, Proved>();
  for (const it of allItems(ast)) {
    const r = checkItem(cx, it);
    if (r.max) maxOf.set(it, r.max);
    itemRanges.set(it, r.range);
    if (r.proved) proved.set(it, r.proved);
    const def = cx.defs[defKind(it)].get(it.label.text);
    if (def && def.span === it.span) {
      if (r.max) def.max = r.max.toString();
      def.range = { low: r.range.low.toString(), high: r.range.high?.toString() ?? null };
    }
  }
  const p = new PartsChecker(cx, maxOf, itemRanges);
  for (const s of ast.sections) p.section(s);

  // The scheme is the root: its sections and top-level items make up the total.
  const total = ast.total ? dec(ast.total) : undefined;
  if (ast.total && total && total.sign() <= 0) cx.report(diag('E0309', ast.total.span, { what: { en: 'the total', zh: '总分' } }));
  const weighted = ast.sections.some((s) => s.weight);
  let range: Interval;
  if (weighted) {
    // Items outside any section add to a weighted total as they are.
    p.weights(ast.sections, []);
    range = total ? p.weightedRange(ast.sections, total) : new Interval(Decimal.ZERO, Decimal.ZERO);
  } else {
    if (total && (ast.sections.length > 0 || ast.items.length > 0)) {
      const { sum, parts } = p.sum(ast.sections, ast.items);
      if (!sum.eq(total)) cx.report(diag('E0302', ast.total!.span, { sum: sum.toString(), total: total.toString(), parts: `${parts.join(' + ')} = ${sum.toString()}` }));
    }
    range = p.plainRange(ast.sections, []);
  }
  range = range.add(p.plainRange([], [...ast.items, ...ast.bonuses]));
  // Penalties take points off, as far as the floor the scheme declares.
  range = range.sub(p.plainRange([], ast.penalties));
  return { maxOf, scaleOf: p.scaleOf, itemRanges, proved, sectionRanges: p.sectionRanges, weighted, totalBeforeAdjust: range };
}

/** The points of sections, at any depth: each section's parts add up to its max, or their weights to 100%. */
class PartsChecker {
  readonly scaleOf = new Map<A.Section, Decimal>();
  readonly sectionRanges = new Map<A.Section, ScoreRange>();

  constructor(
    private readonly cx: Checker,
    private readonly maxOf: Map<A.Item, Decimal>,
    private readonly itemRanges: Map<A.Item, ScoreRange>,
  ) {}

  /** Check a section (its subsections first) and record its scale and range. */
  section(s: A.Section): void {
    for (const c of s.sections) this.section(c);
    const cx = this.cx;
    let scale: Decimal;
    let range: Interval;
    if (s.sections.some((c) => c.weight)) {
      // Its parts are weighted: it is scored out of its max, or out of 100.
      scale = s.max ? dec(s.max) : Decimal.HUNDRED;
      this.weights(s.sections, s.items);
      range = this.weightedRange(s.sections, scale);
    } else {
      const { sum, parts } = this.sum(s.sections, s.items);
      scale = s.max ? dec(s.max) : sum;
      if (s.max && !sum.eq(scale) && s.items.length + s.sections.length > 0) {
        const labels = [...s.items.filter((it) => it.max).map((it) => label(it.max!.span, this.maxOf.get(it)!.toString(), this.maxOf.get(it)!.toString())), ...s.sections.filter((c) => c.max).map((c) => label(c.max!.span, this.scaleOf.get(c)!.toString(), this.scaleOf.get(c)!.toString()))];
        cx.report(diag('E0301', s.max.span, { section: s.label.text, sum: sum.toString(), max: scale.toString(), parts: `${parts.join(' + ')} = ${sum.toString()}`, withSections: s.sections.length > 0 }, { labels }));
      }
      range = this.plainRange(s.sections, s.items);
    }
    if (!s.max && !s.weight) cx.report(diag('E0305', s.label.span, { what: { en: `section "${s.label.text}"`, zh: `小节 "${s.label.text}"` } }));
    // A part that may not apply is left out and the rest scaled up to the section's max:
    // the score stays within 0..max, but its lower bound is no longer the parts' lower bound.
    if (mayNotApply(s)) range = new Interval(Decimal.ZERO, scale);
    this.scaleOf.set(s, scale);
    const r = { low: range.lo ?? Decimal.ZERO, high: range.hi ?? scale };
    this.sectionRanges.set(s, r);
    const def = cx.defs.section.get(s.label.text);
    if (def && def.span === s.span) {
      def.max = scale.toString();
      def.itemsMax = this.sum(s.sections, s.items).sum.toString();
      def.range = { low: r.low.toString(), high: r.high?.toString() ?? null };
      if (s.weight) def.weight = s.weight.text;
    }
  }

  /** The maxima of parts (sections' scales, items' maxima) and their sum. */
  sum(sections: A.Section[], items: A.Item[]): { sum: Decimal; parts: string[] } {
    let sum = Decimal.ZERO;
    const parts: string[] = [];
    for (const c of sections) {
      sum = sum.add(this.scaleOf.get(c)!);
      parts.push(`"${c.label.text}" ${this.scaleOf.get(c)!.toString()}`);
    }
    for (const it of items) {
      sum = sum.add(this.maxOf.get(it)!);
      parts.push(`"${it.label.text}" ${this.maxOf.get(it)!.toString()}`);
    }
    return { sum, parts };
  }

  /** Weighted parts: every part a section with a weight, and the weights make 100%. */
  weights(sections: A.Section[], items: A.Item[]): void {
    const cx = this.cx;
    const unweighted = items[0] ?? sections.find((c) => !c.weight);
    // With mixed weights E0304 says all there is to say; otherwise the weights must make 100%.
    if (unweighted) {
      cx.report(diag('E0304', unweighted.label.span, {}));
      return;
    }
    let wsum = Decimal.ZERO;
    for (const c of sections) wsum = wsum.add(dec(c.weight));
    if (!wsum.eq(Decimal.ONE)) {
      const pct = (d: Decimal) => `${d.mul(Decimal.HUNDRED).toString()}%`;
      const parts = sections.map((c) => `"${c.label.text}" ${c.weight!.text}`).join(' + ');
      cx.report(diag('E0303', sections[0].weight!.span, { sum: pct(wsum), parts: `${parts} = ${pct(wsum)}` }));
    }
  }

  /** The range of weighted sections' contributions to a whole of `scale`. */
  weightedRange(sections: A.Section[], scale: Decimal): Interval {
    let lo = Decimal.ZERO;
    let hi = Decimal.ZERO;
    for (const c of sections) {
      const r = this.sectionRanges.get(c)!;
      const own = this.scaleOf.get(c)!;
      if (own.isZero() || !c.weight) continue;
      const w = dec(c.weight).mul(scale);
      lo = lo.add(r.low.mul(w).div(own));
      hi = hi.add(r.high!.mul(w).div(own));
    }
    return new Interval(lo, hi);
  }

  /** The range of parts that add up. */
  plainRange(sections: A.Section[], items: A.Item[]): Interval {
    let lo = Decimal.ZERO;
    let hi: Decimal | null = Decimal.ZERO;
    for (const r of [...sections.map((c) => this.sectionRanges.get(c)!), ...items.map((it) => this.itemRanges.get(it)!)]) {
      lo = lo.add(r.low);
      hi = hi && r.high ? hi.add(r.high) : null;
    }
    return new Interval(lo, hi);
  }
}

/**
 * Whether expressions read a score of the unit (or of an imported scheme), directly or through
 * named values. Without recursion: an expression too deep to check (E0006) is walked all the same.
 */
function readsScore(cx: Checker, exprs: A.Expr[]): boolean {
  const seen = new Set<A.Let>();
  const stack = [...exprs];
  const push = (c: A.Expr) => {
    stack.push(c);
  };
  while (stack.length > 0) {
    const e = stack.pop()!;
    const ref = cx.refs.get(e);
    if (e.kind === 'ScoreRef' || e.kind === 'ImportScore' || ref?.k === 'import') return true;
    if (ref?.k === 'let' && !seen.has(ref.let)) {
      seen.add(ref.let);
      stack.push(ref.let.value);
    }
    eachSubExpression(e, push);
  }
  return false;
}

/** Some part of a section may be left out for a unit (`not applicable if`). */
function mayNotApply(s: A.Section): boolean {
  return s.items.some((it) => it.notApplicable.length > 0) || s.sections.some(mayNotApply);
}

/**
 * An item's max and the static range of its score: its rule's raw range, capped, held within
 * 0..M, rounded; and what holding it within 0..M can never change.
 */
function checkItem(cx: Checker, it: A.Item): { max?: Decimal; range: ScoreRange; proved?: Proved } {
  // Bonuses and penalties may leave their max to the rule.
  const isBonus = it.kind !== 'Item';
  // M is the declared max; a cap limits the score afterwards (min(raw, N)), and stands in
  // for M only where no max is declared (`bonus "x": …, cap 10`).
  let max: Decimal | undefined = it.max ? dec(it.max) : it.cap ? dec(it.cap.value) : undefined;
  if (it.max && max && max.sign() <= 0) cx.report(diag('E0309', it.max.span, { what: { en: 'a max', zh: '满分' } }));
  // The scheme's precision rounds each score, unless it rounds the total only.
  if (it.round) cx.checkPlaces(it.round);
  const places = it.round ? placesOf(it.round) : !cx.ast.roundTotalOnly ? placesOf(cx.ast.precision) : undefined;
  if (it.max && max && places !== undefined && !max.round(places).eq(max)) cx.report(diag('E0310', it.max.span, { max: it.max.text, places }));
  for (const v of it.voids) cx.expectBool(v, cx.expr(v), { en: '`void if`', zh: '`作废 若`' });
  for (const v of it.notApplicable) cx.expectBool(v, cx.expr(v), { en: '`not applicable if`', zh: '`不适用 若`' });
  // The raw range of the rule, before it is held within 0..M.
  const kind = ruleKind(it.rule);
  let raw = kind.check(it.rule, cx, it, max);
  // A score it reads may have failed or not apply: what the rule then gives is in its range too.
  if (readsScore(cx, kind.reads(it.rule, cx.tiers.get(it.rule)))) {
    const absent = kind.whenAbsent?.(it.rule, it, max) ?? Decimal.ZERO;
    raw = raw.join(new Interval(absent, absent));
  }
  if (!max) {
    // A bonus without a max reaches at most its rule's highest value (never below 0).
    if (isBonus && raw.hi) max = Decimal.max(Decimal.ZERO, raw.hi);
    // A penalty may take off any number of points (a floor on the total, if declared, limits it).
    else if (it.kind === 'Penalty' && !kind.scaled) return { range: { low: Decimal.max(Decimal.ZERO, raw.lo ?? Decimal.ZERO), high: null } };
    else {
      cx.report(diag('E0305', it.label.span, { what: itemWhat(it), bonus: isBonus }));
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
  if (hi.lt(max) && !isBonus && max.sign() > 0) cx.report(diag('W0301', it.label.span, { item: it.label.text, max: max.toString(), high: hi.toString() }));
  if (lo.gt(hi)) lo = hi;
  return { max, range: { low: lo, high: hi }, proved: it.cap?.prorata ? undefined : provedOf(raw, max) };
}

/** What holding a raw value within 0..M can never change, given its static range. */
function provedOf(raw: Interval, max: Decimal): Proved | undefined {
  const p: Proved = {};
  if (raw.lo && raw.lo.sign() >= 0) p.notBelowZero = true;
  if (raw.hi && raw.hi.lte(max)) p.atMostMax = true;
  return p.notBelowZero || p.atMostMax ? p : undefined;
}
