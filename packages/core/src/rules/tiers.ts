// A tier table: points for an enum value (`level: city 3, province 6`), or for each entry
// of a list, after its filters (`honors with evidence, where year = 2024, best per project,
// district 1, city 3, province 6, national 10`). The source may be left out when exactly one
// input (or one field of a list's entries) has every tier among its members.
import type * as A from '../ast/ast.js';
import { Decimal } from '../common/decimal.js';
import { Interval } from '../common/interval.js';
import { suggest } from '../common/suggest.js';
import { diag, replaceWith } from '../diagnostics/diagnostic.js';
import { describeTy, type FieldInfo, type Ty } from '../types/types.js';
import { dec } from './numbers.js';
import type { CheckContext, RuleKind, Scope, TierInfo } from './rule.js';

type Tiers = Extract<A.Rule, { kind: 'Tiers' }>;

export const tiers: RuleKind<Tiers> = {
  kind: 'Tiers',
  name: { en: 'a tier table', zh: '档次表' },
  clauses: {
    Tier: (r, c) => {
      if (c.name === 'Tier') r.tiers.push(c.tier);
    },
    With: (r, c) => {
      if (c.name === 'With') r.filters.push({ kind: 'With', field: c.field, span: c.span });
    },
    Where: (r, c) => {
      if (c.name === 'Where') r.filters.push({ kind: 'Where', cond: c.cond, span: c.span });
    },
    BestPer: (r, c) => {
      if (c.name === 'BestPer') r.filters.push({ kind: 'BestPer', field: c.field, span: c.span });
    },
  },
  repeatable: ['Tier', 'With', 'Where'],
  incomplete: (r, at) => (r.tiers.length === 0 ? diag('E0011', at.rule, {}) : undefined),
  check(r, cx, item) {
    const info = r.source ? explicitSource(r, r.source, cx) : implicitSource(r, cx);
    if (!info) return Interval.ANY;
    cx.setTiers(r, info);
    let lo = Decimal.ZERO;
    let hi = Decimal.ZERO;
    for (const t of r.tiers) {
      const p = dec(t.points);
      lo = Decimal.min(lo, p);
      hi = Decimal.max(hi, p);
    }
    // Over a list, the entries add up: no upper bound but the cap.
    if (info.isList) return new Interval(null, item.cap ? dec(item.cap.value) : null).meet(new Interval(lo.sign() < 0 ? null : Decimal.ZERO, null));
    return new Interval(lo, hi);
  },
  lower(r, cx) {
    const info = cx.tiers(r)!;
    const tiersOut = r.tiers.map((t) => ({ member: t.member.name, points: cx.dec(t.points) }));
    if (!info.isList) return { k: 'tiers', source: cx.cond(info.source), tiers: tiersOut, span: r.span };
    const filters = r.filters.map((f) =>
      f.kind === 'With' ? { k: 'with' as const, field: f.field.name, span: f.span } : f.kind === 'Where' ? { k: 'where' as const, cond: cx.cond(f.cond), span: f.span } : { k: 'bestPer' as const, field: f.field.name, span: f.span },
    );
    return { k: 'tiers', source: cx.cond(info.source), tiers: tiersOut, list: { field: info.enumField!, filters }, span: r.span };
  },
  reads: (r, info) => [...(info ? [info.source] : []), ...r.filters.flatMap((f) => (f.kind === 'Where' ? [f.cond] : []))],
};

const wantedBy = (r: Tiers) => r.tiers.map((t) => t.member.name);
const fitsAll = (t: Ty, wanted: string[]): t is Extract<Ty, { k: 'enum' }> => t.k === 'enum' && wanted.every((w) => t.members.includes(w));

/** `honors, city 3, …` or `level, city 3, …`: the source is written. */
function explicitSource(r: Tiers, source: A.Expr, cx: CheckContext): TierInfo | undefined {
  const t = cx.expr(source);
  if (t.k === 'list' && t.elem.k === 'record') {
    const fields = t.elem.fields;
    const candidates = [...fields.values()].filter((f) => fitsAll(f.type, wantedBy(r)));
    let info: TierInfo | undefined;
    if (candidates.length === 1) {
      info = { source, enumField: candidates[0].name, isList: true };
      for (const tier of r.tiers) cx.checkMember(tier.member, candidates[0].type as Extract<Ty, { k: 'enum' }>);
    } else tierMismatch(r, fields, cx);
    checkFilters(r, fields, cx.entryScope(source, fields, r.span), cx);
    return info;
  }
  if (t.k === 'enum') {
    for (const tier of r.tiers) cx.checkMember(tier.member, t);
    if (r.filters.length) cx.report(diag('E0204', r.filters[0].span, { fn: 'with / where / best per', expr: cx.text(source), actual: describeTy(t) }));
    return { source, isList: false };
  }
  if (t.k !== 'error') cx.report(diag('E0201', source.span, { what: { en: 'a tier table', zh: '档次表' }, expected: { en: 'a list or an enum', zh: '列表或枚举' }, expr: cx.text(source), actual: describeTy(t) }));
  return undefined;
}

/** `city 3, province 6`: the one input (or list-entry field) whose choices include every tier. */
function implicitSource(r: Tiers, cx: CheckContext): TierInfo | undefined {
  const wanted = wantedBy(r);
  const found: { field: FieldInfo; entry?: FieldInfo }[] = [];
  for (const f of cx.inputs.values()) {
    if (fitsAll(f.type, wanted)) found.push({ field: f });
    if (f.type.k === 'list' && f.type.elem.k === 'record') for (const sub of f.type.elem.fields.values()) if (fitsAll(sub.type, wanted)) found.push({ field: f, entry: sub });
  }
  if (found.length === 0) {
    const members = cx.enumMembers();
    const bad = r.tiers.find((t) => !members.includes(t.member.name)) ?? r.tiers[0];
    if (bad) {
      const s = suggest(bad.member.name, members);
      cx.report(diag('E0106', bad.member.span, { name: bad.member.name, suggestion: s }, { fixes: s ? [replaceWith(bad.member.span, s, { en: `Change to \`${s}\``, zh: `改为 \`${s}\`` })] : [] }));
    }
    return undefined;
  }
  if (found.length > 1) {
    cx.report(diag('E0107', r.span, { candidates: found.map((f) => f.field.name + (f.entry ? `.${f.entry.name}` : '')), first: found[0].field.name }));
    return undefined;
  }
  const { field, entry } = found[0];
  const source: A.Expr = { kind: 'Name', name: field.name, span: r.span };
  cx.resolveImplicit(source, field);
  const enumTy = (entry ?? field).type as Extract<Ty, { k: 'enum' }>;
  for (const tier of r.tiers) cx.checkMember(tier.member, enumTy);
  if (entry && field.type.k === 'list' && field.type.elem.k === 'record') checkFilters(r, field.type.elem.fields, cx.entryScope(source, field.type.elem.fields, r.span), cx);
  return { source, enumField: entry?.name, isList: !!entry };
}

/** No field of the list's entries has every tier among its choices. */
function tierMismatch(r: Tiers, fields: Map<string, FieldInfo>, cx: CheckContext) {
  const members = [...fields.values()].flatMap((f) => (f.type.k === 'enum' ? f.type.members : []));
  const bad = r.tiers.find((t) => !members.includes(t.member.name)) ?? r.tiers[0];
  if (!bad) return;
  const s = suggest(bad.member.name, members);
  cx.report(diag('E0106', bad.member.span, { name: bad.member.name, suggestion: s }, { fixes: s ? [replaceWith(bad.member.span, s, { en: `Change to \`${s}\``, zh: `改为 \`${s}\`` })] : [] }));
}

function checkFilters(r: Tiers, fields: Map<string, FieldInfo>, scope: Scope, cx: CheckContext) {
  for (const f of r.filters) {
    if (f.kind === 'Where') {
      cx.expectBool(f.cond, cx.expr(f.cond, scope), { en: '`where`', zh: '`其中`' });
      continue;
    }
    if (!cx.referField(f.field, fields)) {
      const s = suggest(f.field.name, fields.keys());
      cx.report(
        diag('E0103', f.field.span, { of: { k: 'entries', fields: [...fields.keys()] }, field: f.field.name, suggestion: s }, { fixes: s ? [replaceWith(f.field.span, s, { en: `Change to \`${s}\``, zh: `改为 \`${s}\`` })] : [] }),
      );
    }
  }
}
