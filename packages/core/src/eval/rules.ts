// Each rule kind of the plan as a closure over unit indices, with its constants parsed once.
// With `steps`, the closure also records how it got its number (structured trace steps).
import { Decimal } from '../common/decimal.js';
import { deduction } from '@assess/runtime';
import { diag } from '../diagnostics/diagnostic.js';
import type { Rec } from '../data/validate.js';
import type * as P from '../ir/plan.js';
import { EvalFailure, type Expressions } from './expressions.js';
import type { Step } from './steps.js';
import { Memo, ops } from '@assess/runtime';
import { entryOf, shown } from './values.js';

/** A rule's raw value for unit u, recording steps when asked. */
export type RuleFn = (u: number, steps?: Step[]) => Decimal;

export interface RuleEnv {
  exprs: Expressions;
  file?: string;
  id(u: number): string;
}

const dec = (d: P.Dec) => Decimal.parse(d)!;

/** What `count` occurrences cost a unit, at most `most`; and, for a trace, the step that shows it. */
function perOccurrence(amounts: Decimal[], count: (u: number) => Decimal, countText: string, most: Decimal | undefined) {
  return {
    cost(u: number): Decimal {
      const d = deduction(amounts, count(u));
      return most !== undefined && d.gt(most) ? most : d;
    },
    step(u: number): Omit<Extract<Step, { k: 'deduct' }>, 'result' | 'max'> {
      const x = count(u);
      const d = deduction(amounts, x);
      const capped = most !== undefined && d.gt(most);
      return { k: 'deduct' as const, amounts: amounts.map((a) => a.toString()), count: x.toString(), countText, deduction: d.toString(), ...(capped ? { most: most!.toString() } : {}) };
    },
  };
}

/**
 * A rule that reads one input and nothing else (`Item.readsOnly`), worked out once per distinct
 * value of that input, its `column`; with a trace, every time (the steps are the unit's own).
 */
export function memoized(rule: RuleFn, column: readonly unknown[] | undefined): RuleFn {
  if (!column) return rule;
  const memo = new Memo<unknown, Decimal>();
  return (u, steps) => {
    if (steps) return rule(u, steps);
    const key = column[u];
    let v = memo.get(key);
    if (v === undefined) memo.set(key, (v = rule(u)));
    return v;
  };
}

export function compileRule(item: P.Item, env: RuleEnv): RuleFn {
  const r = item.rule;
  // M is needed by the rules that take it (a penalty without a limit has none, and takes none of them).
  const M = item.max !== undefined ? dec(item.max) : Decimal.ZERO;
  // A penalty's rule gives the points it takes off: its lines count up, however they are written.
  const penalty = item.kind === 'penalty';
  const { exprs } = env;
  switch (r.k) {
    case 'points': {
      const lines = r.lines.map((l) =>
        l.k === 'per'
          ? { k: 'per' as const, cost: perOccurrence(l.amounts.map(dec), exprs.num(l.count.expr), l.count.text, l.most !== undefined ? dec(l.most) : undefined) }
          : { k: 'when' as const, cond: exprs.fn(l.cond.expr), p: exprs.num(l.points.expr), literal: l.points.expr.k === 'num', pointsText: l.points.text, deduct: l.deduct || penalty, text: l.cond.text },
      );
      return (u, steps) => {
        let sum = Decimal.ZERO;
        for (const line of lines) {
          if (line.k === 'per') {
            const d = line.cost.cost(u);
            sum = penalty ? sum.add(d) : sum.sub(d);
            steps?.push({ ...line.cost.step(u), result: (penalty ? d : d.neg()).toString(), line: true });
            continue;
          }
          const holds = line.cond(u, undefined) === true;
          // The points are worked out only where the line holds.
          const p = holds ? line.p(u) : undefined;
          if (p) sum = line.deduct && !penalty ? sum.sub(p) : sum.add(p);
          if (steps) {
            const step: Step = { k: 'line', points: p?.toString() ?? line.pointsText, deduct: line.deduct, cond: line.text, holds };
            if (!line.literal) step.formula = line.pointsText;
            steps.push(step);
          }
        }
        steps?.push({ k: 'sum', value: sum.toString() });
        return sum;
      };
    }
    case 'deduct': {
      const cost = perOccurrence(r.amounts.map(dec), exprs.num(r.count.expr), r.count.text, r.most !== undefined ? dec(r.most) : undefined);
      return (u, steps) => {
        const d = cost.cost(u);
        const result = penalty ? d : M.sub(d);
        steps?.push(penalty ? { ...cost.step(u), result: result.toString() } : { ...cost.step(u), max: M.toString(), result: result.toString() });
        return result;
      };
    }
    case 'ratio': {
      const done = exprs.num(r.done);
      const target = exprs.num(r.target);
      const ifZero = r.ifZero ? exprs.num(r.ifZero) : undefined;
      return (u, steps) => {
        const d = done(u);
        const tg = target(u);
        if (tg.isZero()) {
          if (!ifZero) throw new EvalFailure(diag('E0602', { ...r.target.span, file: env.file }, { unit: env.id(u), item: item.label }));
          const z = ifZero(u);
          steps?.push({ k: 'ratioZero', value: z.toString() });
          return z;
        }
        const q = M.mul(d).div(tg);
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
      return (u, steps) => {
        const n = exprs.groupSize(u);
        if (n <= 1) {
          steps?.push({ k: 'onlyUnit', max: M.toString() });
          return M;
        }
        const place = exprs.ranks(r.place)[u];
        const v = M.mul(Decimal.fromInt(n - place)).div(Decimal.fromInt(n - 1));
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
        kept = ops.bestPer(entries, f.field, pointsOf);
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
