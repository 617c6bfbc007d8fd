// Points: the max and static range of every item and bonus (each rule kind gives its raw
// range), then that the items add up to their section's max and the sections to the total
// (or the weights to 100%), and the static range of the total.
import type * as A from '../ast/ast.js';
import { Decimal } from '../common/decimal.js';
import { Interval } from '../common/interval.js';
import { diag, label } from '../diagnostics/diagnostic.js';
import { ruleKind } from '../rules/index.js';
import { dec } from '../rules/numbers.js';
import type { Checker } from './checker.js';
import type { ScoreRange } from '../types/types.js';

export interface Points {
  /** The effective max of each item and bonus (bonus: its max, or its cap). */
  maxOf: Map<A.Item, Decimal>;
  /** The scale of each section (its max, or the sum of its items' maxima). */
  scaleOf: Map<A.Section, Decimal>;
  itemRanges: Map<A.Item, ScoreRange>;
  sectionRanges: Map<A.Section, ScoreRange>;
  weighted: boolean;
  /** The range of a unit's total before `adjust`. */
  totalBeforeAdjust: Interval;
}

const itemWhat = (it: A.Item) => (it.kind === 'Bonus' ? { en: `bonus "${it.label.text}"`, zh: `加分 "${it.label.text}"` } : { en: `item "${it.label.text}"`, zh: `指标 "${it.label.text}"` });

export function checkPoints(cx: Checker): Points {
  const ast = cx.ast;
  const maxOf = new Map<A.Item, Decimal>();
  const itemRanges = new Map<A.Item, ScoreRange>();
  for (const it of [...ast.sections.flatMap((s) => s.items), ...ast.items, ...ast.bonuses]) {
    const r = checkItem(cx, it);
    maxOf.set(it, r.max);
    itemRanges.set(it, r.range);
    const def = cx.defs[it.kind === 'Bonus' ? 'bonus' : 'item'].get(it.label.text);
    if (def && def.span === it.span) {
      def.max = r.max.toString();
      def.range = { low: r.range.low.toString(), high: r.range.high.toString() };
    }
  }

  const weighted = ast.sections.some((s) => s.weight);
  if (weighted && ast.sections.some((s) => !s.weight)) cx.report(diag('E0304', ast.sections.find((x) => !x.weight)!.label.span, {}));
  const scaleOf = new Map<A.Section, Decimal>();
  const sectionRanges = new Map<A.Section, ScoreRange>();
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
      const labels = s.items.filter((it) => it.max).map((it) => label(it.max!.span, `${maxOf.get(it)!.toString()}`, `${maxOf.get(it)!.toString()}`));
      cx.report(diag('E0301', s.max.span, { section: s.label.text, sum: sum.toString(), max: scale.toString(), parts: `${parts} = ${sum.toString()}` }, { labels }));
    }
    if (!s.max && !s.weight) cx.report(diag('E0305', s.label.span, { what: { en: `section "${s.label.text}"`, zh: `小节 "${s.label.text}"` } }));
    sectionRanges.set(s, { low: lo, high: hi });
    const def = cx.defs.section.get(s.label.text);
    if (def && def.span === s.span) {
      def.max = scale.toString();
      def.itemsMax = sum.toString();
      def.range = { low: lo.toString(), high: hi.toString() };
      if (s.weight) def.weight = s.weight.text;
    }
  }

  const total = ast.total ? dec(ast.total) : undefined;
  if (ast.total && total && total.sign() <= 0) cx.report(diag('E0309', ast.total.span, { what: { en: 'the total', zh: '总分' } }));
  if (weighted) {
    // With mixed weights E0304 says all there is to say; otherwise the weights must make 100%.
    let wsum = Decimal.ZERO;
    for (const s of ast.sections) if (s.weight) wsum = wsum.add(dec(s.weight));
    if (ast.sections.every((s) => s.weight) && !wsum.eq(Decimal.ONE)) {
      const pct = (d: Decimal) => `${d.mul(Decimal.HUNDRED).toString()}%`;
      const parts = ast.sections.filter((s) => s.weight).map((s) => `"${s.label.text}" ${s.weight!.text}`).join(' + ');
      cx.report(diag('E0303', ast.sections.find((s) => s.weight)!.weight!.span, { sum: pct(wsum), parts: `${parts} = ${pct(wsum)}` }));
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
    if (!sum.eq(total)) cx.report(diag('E0302', ast.total!.span, { sum: sum.toString(), total: total.toString(), parts: `${parts.join(' + ')} = ${sum.toString()}` }));
  }

  // The range of the total: the sections' (weighted) ranges, top-level items and bonuses.
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
  return { maxOf, scaleOf, itemRanges, sectionRanges, weighted, totalBeforeAdjust: new Interval(tLo, tHi) };
}

/** An item's max and the static range of its score: its rule's raw range, capped, held within 0..M, rounded. */
function checkItem(cx: Checker, it: A.Item): { max: Decimal; range: ScoreRange } {
  const isBonus = it.kind === 'Bonus';
  // M is the declared max; a cap limits the score afterwards (min(raw, N)), and stands in
  // for M only where no max is declared (`bonus "x": …, cap 10`).
  let max: Decimal | undefined = it.max ? dec(it.max) : it.cap ? dec(it.cap.value) : undefined;
  if (it.max && max && max.sign() <= 0) cx.report(diag('E0309', it.max.span, { what: { en: 'a max', zh: '满分' } }));
  const places = it.round ? Number(it.round.value) : cx.ast.precision ? Number(cx.ast.precision.value) : undefined;
  if (it.max && max && places !== undefined && !max.round(places).eq(max)) cx.report(diag('E0310', it.max.span, { max: it.max.text, places }));
  for (const v of it.voids) cx.expectBool(v, cx.expr(v), { en: '`void if`', zh: '`作废 若`' });
  // The raw range of the rule, before it is held within 0..M.
  const raw = ruleKind(it.rule).check(it.rule, cx, it, max);
  if (!max) {
    // A bonus without a max reaches at most its rule's highest value (never below 0).
    if (isBonus && raw.hi) max = Decimal.max(Decimal.ZERO, raw.hi);
    else {
      cx.report(diag('E0305', it.label.span, { what: itemWhat(it) }));
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
  return { max, range: { low: lo, high: hi } };
}
