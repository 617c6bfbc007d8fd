// Each rule kind of the plan as a closure over unit indices, with its constants parsed once.
// With `steps`, the closure also records how it got its number (structured trace steps).
import { Decimal } from '../common/decimal.js';
import { diag } from '../diagnostics/diagnostic.js';
import type { Rec } from '../data/validate.js';
import type * as P from '../ir/plan.js';
import { EvalFailure, type Expressions } from './expressions.js';
import type { Step } from './steps.js';
import { entryOf, shown } from './values.js';

/** A rule's raw value for unit u, recording steps when asked. */
export type RuleFn = (u: number, steps?: Step[]) => Decimal;

export interface RuleEnv {
  exprs: Expressions;
  file?: string;
  id(u: number): string;
}

const dec = (d: P.Dec) => Decimal.parse(d)!;

export function compileRule(item: P.Item, env: RuleEnv): RuleFn {
  const r = item.rule;
  const M = dec(item.max);
  const { exprs } = env;
  switch (r.k) {
    case 'points': {
      const lines = r.lines.map((l) => ({ cond: exprs.fn(l.cond.expr), p: dec(l.points), deduct: l.deduct, text: l.cond.text }));
      return (u, steps) => {
        let sum = Decimal.ZERO;
        for (const line of lines) {
          const holds = line.cond(u, undefined) === true;
          if (holds) sum = line.deduct ? sum.sub(line.p) : sum.add(line.p);
          steps?.push({ k: 'line', points: line.p.toString(), deduct: line.deduct, cond: line.text, holds });
        }
        steps?.push({ k: 'sum', value: sum.toString() });
        return sum;
      };
    }
    case 'deduct': {
      const count = exprs.num(r.count.expr);
      const k = dec(r.per);
      const most = r.most !== undefined ? dec(r.most) : undefined;
      return (u, steps) => {
        const x = count(u);
        let d = k.mul(x);
        const capped = most !== undefined && d.gt(most);
        if (capped) d = most;
        const result = M.sub(d);
        steps?.push({ k: 'deduct', max: M.toString(), per: k.toString(), count: x.toString(), countText: r.count.text, ...(capped ? { most: most.toString() } : {}), result: result.toString() });
        return result;
      };
    }
    case 'ratio': {
      const done = exprs.num(r.done);
      const target = exprs.num(r.target);
      const ifZero = r.ifZero ? exprs.num(r.ifZero) : undefined;
      const places = r.places;
      return (u, steps) => {
        const d = done(u);
        const tg = target(u);
        if (tg.isZero()) {
          if (!ifZero) throw new EvalFailure(diag('E0602', { ...r.target.span, file: env.file }, { unit: env.id(u), item: item.label }));
          const z = ifZero(u);
          steps?.push({ k: 'ratioZero', value: z.toString() });
          return z;
        }
        const q = M.mul(d).div(tg, places);
        const v = q.clamp(Decimal.ZERO, M);
        steps?.push({ k: 'ratio', max: M.toString(), done: d.toString(), target: tg.toString(), quotient: q.toString(), ...(v.eq(q) ? {} : { clamped: v.toString() }) });
        return v;
      };
    }
    case 'rankPoints': {
      const rank = exprs.num(r.rank);
      const first = dec(r.first);
      const step = dec(r.step);
      return (u, steps) => {
        const k = rank(u);
        const raw = first.sub(step.mul(k.sub(Decimal.ONE)));
        const v = Decimal.max(Decimal.ZERO, raw);
        steps?.push({ k: 'rankPoints', rank: k.toString(), first: first.toString(), step: step.toString(), raw: raw.toString(), floored: !v.eq(raw) });
        return v;
      };
    }
    case 'rankScored': {
      const by = exprs.fn(r.by.expr);
      const places = r.places;
      return (u, steps) => {
        const n = exprs.groupSize(u);
        if (n <= 1) {
          steps?.push({ k: 'onlyUnit', max: M.toString() });
          return M;
        }
        const place = exprs.ranks(r.place)[u];
        const v = M.mul(Decimal.fromInt(n - place)).div(Decimal.fromInt(n - 1), places);
        steps?.push({ k: 'rankScored', place, n, by: r.by.text, value: shown(by(u, undefined), r.by.percent), max: M.toString(), result: v.toString() });
        return v;
      };
    }
    case 'tiers':
      return compileTiers(r, exprs);
    case 'formula': {
      const f = exprs.num(r.expr.expr);
      return (u, steps) => {
        const v = f(u);
        steps?.push({ k: 'formula', text: r.expr.text, value: v.toString() });
        return v;
      };
    }
  }
}

function compileTiers(r: Extract<P.Rule, { k: 'tiers' }>, exprs: Expressions): RuleFn {
  const points = new Map(r.tiers.map((x) => [x.member, dec(x.points)]));
  const source = exprs.fn(r.source.expr);
  const list = r.list;
  if (!list) {
    return (u, steps) => {
      const value = source(u, undefined);
      const p = typeof value === 'string' ? (points.get(value) ?? Decimal.ZERO) : Decimal.ZERO;
      steps?.push({ k: 'tier', source: r.source.text, value: shown(value), points: p.toString() });
      return p;
    };
  }
  const field = list.field;
  const pointsOf = (rec: Rec) => points.get(rec[field] as string) ?? Decimal.ZERO;
  const filters = list.filters.map((f) => ({ f, cond: f.k === 'where' ? exprs.fn(f.cond.expr) : undefined }));
  return (u, steps) => {
    const value = source(u, undefined);
    let entries = Array.isArray(value) ? (value as Rec[]) : [];
    for (const { f, cond } of filters) {
      let kept: Rec[];
      if (f.k === 'with') {
        const name = f.field;
        kept = entries.filter((e) => e[name] !== undefined);
      } else if (f.k === 'where') {
        kept = entries.filter((e) => cond!(u, e) === true);
      } else {
        // best per key: of entries sharing the key, only the highest counts (the first of equals).
        const key = f.field;
        const best = new Map<string, Rec>();
        for (const e of entries) {
          const raw = e[key];
          const k = typeof raw === 'string' ? raw : raw instanceof Decimal ? raw.toString() : String(raw);
          const cur = best.get(k);
          if (!cur || pointsOf(e).gt(pointsOf(cur))) best.set(k, e);
        }
        kept = [...best.values()];
      }
      if (steps) {
        const reason = f.k === 'with' ? { k: 'with' as const, field: f.field } : f.k === 'where' ? { k: 'where' as const, cond: f.cond.text } : { k: 'bestPer' as const, field: f.field };
        for (const e of entries) if (!kept.includes(e)) steps.push({ k: 'dropped', entry: entryOf(e), reason });
      }
      entries = kept;
    }
    let sum = Decimal.ZERO;
    for (const e of entries) {
      const p = pointsOf(e);
      sum = sum.add(p);
      steps?.push({ k: 'entry', entry: entryOf(e), member: e[field] as string, points: p.toString() });
    }
    steps?.push({ k: 'sum', value: sum.toString() });
    return sum;
  };
}
