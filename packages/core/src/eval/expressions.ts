// Plan expressions → closures over unit indices, each built once. Lets and cohort values are
// computed once and cached; a division by zero fails the unit (a diagnostic, never a 0).
import { Decimal } from '../common/decimal.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Rec } from '../data/validate.js';
import type * as P from '../ir/plan.js';
import { ops } from '@assess/runtime';
import { cohortNumber, competitionRanks, type V } from './values.js';

/** An expression as a closure: unit index and the list entry in scope (inside `where`) → value. */
export type Fn = (u: number, rec: Rec | undefined) => V;

/** A user-visible evaluation failure (division by zero, ratio target 0): a diagnostic, never a crash. */
export class EvalFailure {
  constructor(readonly diagnostic: Diagnostic) {}
}

/** The groups of a cohort (`within X`): each unit's group, and the units assessed in each. */
export type { Groups } from '@assess/runtime';
import type { Groups } from '@assess/runtime';

/** What expressions read besides the data: scores and imported schemes, provided by the evaluator. */
export interface ScoreSource {
  column(field: string): readonly V[];
  kind(u: number): string | undefined;
  id(u: number): string;
  total(u: number): Decimal | null;
  itemScore(id: number, u: number): Decimal | null;
  sectionScore(id: number, u: number): Decimal | null;
  bonusTotal(u: number): Decimal;
  importTotal(alias: string, u: number): Decimal | null;
  importScore(alias: string, target: 'item' | 'section', id: number, u: number): Decimal | null;
  /** The highest raw score of an item among the units of a group (cap prorata). */
  prorataMax(item: number, group: number): Decimal;
  /** The unit's final place (grade lines). */
  place(u: number): number | null;
}

const UNSET: unique symbol = Symbol('unset');

/** The value of a number written in the scheme, when the expression is one. */
function constant(e: P.Expr): Decimal | undefined {
  return e.k === 'num' ? (Decimal.parse(e.v) ?? Decimal.ZERO) : undefined;
}

export class Expressions {
  private readonly lets: Fn[];
  /** Each cohort value: a rank per unit, or one number per group. */
  private readonly cohort: (() => number[] | Decimal[])[];

  constructor(
    private readonly plan: P.Plan,
    private readonly n: number,
    private readonly src: ScoreSource,
    private readonly groups: Groups,
  ) {
    // A let that reads the total is computed afresh: the total changes as adjustments apply.
    this.lets = plan.lets.map((l) => (l.readsTotal ? this.lazy(l.expr) : this.cachedPerUnit(l.expr)));
    this.cohort = plan.cohort.map((c) => this.cohortValue(c));
  }

  /** A number-valued expression (the checker guarantees a number; absent reads as 0). */
  num(e: P.Expr): (u: number) => Decimal {
    const f = this.fn(e);
    return (u) => {
      const v = f(u, undefined);
      return v instanceof Decimal ? v : Decimal.ZERO;
    };
  }

  /** The places of a rank cohort value, one per unit (within its group). */
  ranks(id: number): number[] {
    return this.cohort[id]() as number[];
  }

  /** How many units are assessed in the unit's group. */
  groupSize(u: number): number {
    return this.groups.members[this.groups.of[u]].length;
  }

  /** A let's value for a unit. */
  letValue(id: number, u: number): V {
    return this.lets[id](u, undefined);
  }

  private lazy(e: P.Expr): Fn {
    let inner: Fn | undefined;
    return (u) => (inner ??= this.fn(e))(u, undefined);
  }

  private cachedPerUnit(e: P.Expr): Fn {
    let inner: Fn | undefined;
    const cache: (V | typeof UNSET)[] = new Array(this.n).fill(UNSET);
    return (u) => {
      const c = cache[u];
      if (c !== UNSET) return c as V;
      inner ??= this.fn(e);
      const v = inner(u, undefined);
      cache[u] = v;
      return v;
    };
  }

  /** A cohort value, computed once per group over the units assessed in it. */
  private cohortValue(c: P.CohortValue): () => number[] | Decimal[] {
    let cached: number[] | Decimal[] | undefined;
    const { members } = this.groups;
    return () => {
      if (cached !== undefined) return cached;
      switch (c.k) {
        case 'rank': {
          const f = this.fn(c.by);
          const ranks: number[] = new Array(this.n).fill(0);
          for (const units of members) {
            const values = units.map((u) => {
              const v = f(u, undefined);
              return v instanceof Decimal ? v : Decimal.ZERO;
            });
            competitionRanks(values, c.dir).forEach((r, i) => (ranks[units[i]] = r));
          }
          return (cached = ranks);
        }
        case 'aggregate':
        case 'percentile': {
          const value = this.fn(c.value);
          const where = c.where ? this.fn(c.where) : undefined;
          const spec = c.k === 'percentile' ? { k: c.k, p: Decimal.parse(c.p)! } : c;
          return (cached = members.map((units) => {
            const values: Decimal[] = [];
            let count = 0;
            for (const u of units) {
              if (where && where(u, undefined) !== true) continue;
              count++;
              const v = value(u, undefined);
              if (v instanceof Decimal) values.push(v);
            }
            return cohortNumber(spec, values, count);
          }));
        }
        case 'prorataMax':
          return (cached = members.map((_, g) => this.src.prorataMax(c.item, g)));
      }
    };
  }

  fn(e: P.Expr): Fn {
    switch (e.k) {
      case 'num': {
        const d = Decimal.parse(e.v) ?? Decimal.ZERO;
        return () => d;
      }
      case 'text': {
        const s = e.v;
        return () => s;
      }
      case 'bool': {
        const b = e.v;
        return () => b;
      }
      case 'input': {
        const col = this.src.column(e.field);
        return (u) => col[u];
      }
      case 'entry': {
        const name = e.field;
        return (_u, rec) => (rec ? rec[name] : undefined);
      }
      case 'let': {
        const lets = this.lets;
        const id = e.id;
        return (u) => lets[id](u, undefined);
      }
      case 'unitKind':
        return (u) => this.src.kind(u);
      case 'total':
        return (u) => this.src.total(u) ?? undefined;
      case 'place':
        return (u) => {
          const p = this.src.place(u);
          return p === null ? undefined : Decimal.fromInt(p);
        };
      case 'cohortSize':
        return (u) => Decimal.fromInt(this.groupSize(u));
      case 'itemScore': {
        const id = e.id;
        return (u) => this.src.itemScore(id, u) ?? undefined;
      }
      case 'sectionScore': {
        const id = e.id;
        return (u) => this.src.sectionScore(id, u) ?? undefined;
      }
      case 'bonusTotal':
        return (u) => this.src.bonusTotal(u);
      case 'importTotal': {
        const alias = e.alias;
        return (u) => this.src.importTotal(alias, u) ?? undefined;
      }
      case 'importScore': {
        const { alias, target, id } = e;
        return (u) => this.src.importScore(alias, target, id, u) ?? undefined;
      }
      case 'neg': {
        const f = this.fn(e.x);
        return (u, rec) => {
          const v = f(u, rec);
          return v instanceof Decimal ? v.neg() : undefined;
        };
      }
      case 'not': {
        const f = this.fn(e.x);
        return (u, rec) => f(u, rec) !== true;
      }
      case 'arith': {
        const l = this.fn(e.l);
        const k = constant(e.r);
        // By a number written in the scheme (most formulas: `x * 70`), one closure per operator.
        if (k !== undefined) {
          if (e.op === '+') return (u, rec) => ops.add(l(u, rec), k);
          if (e.op === '-') return (u, rec) => ops.sub(l(u, rec), k);
          return (u, rec) => ops.mul(l(u, rec), k);
        }
        const r = this.fn(e.r);
        const op = e.op;
        return (u, rec) => {
          const a = l(u, rec);
          const b = r(u, rec);
          if (!(a instanceof Decimal) || !(b instanceof Decimal)) return undefined;
          return op === '+' ? a.add(b) : op === '-' ? a.sub(b) : a.mul(b);
        };
      }
      case 'div': {
        const l = this.fn(e.l);
        const k = constant(e.r);
        // By a number other than zero written in the scheme (`/ 90`): it cannot fail; by 10, 100
        // or 1000 (`/ 100`, a percentage's points) the point moves, with no division at all.
        const places = e.r.k === 'num' ? ops.pointShift(e.r.v) : undefined;
        if (places !== undefined) return (u, rec) => ops.divPow10(l(u, rec), places);
        if (k !== undefined && !k.isZero()) return (u, rec) => ops.divBy(l(u, rec), k);
        const r = this.fn(e.r);
        const { text, span } = e;
        const file = this.plan.file;
        return (u, rec) => {
          const a = l(u, rec);
          const b = r(u, rec);
          if (!(a instanceof Decimal) || !(b instanceof Decimal)) return undefined;
          if (b.isZero()) throw new EvalFailure(diag('E0601', { ...span, file }, { unit: this.src.id(u), expr: text }));
          return a.div(b);
        };
      }
      case 'logic': {
        const l = this.fn(e.l);
        const r = this.fn(e.r);
        return e.op === 'and' ? (u, rec) => l(u, rec) === true && r(u, rec) === true : (u, rec) => l(u, rec) === true || r(u, rec) === true;
      }
      case 'cmp': {
        const l = this.fn(e.l);
        const op = e.op;
        const k = constant(e.r);
        if (k !== undefined) return (u, rec) => ops.cmp(op, l(u, rec), k);
        const r = this.fn(e.r);
        return (u, rec) => ops.cmp(op, l(u, rec), r(u, rec));
      }
      case 'if': {
        const c = this.fn(e.c);
        const a = this.fn(e.then);
        const b = this.fn(e.else);
        return (u, rec) => (c(u, rec) === true ? a(u, rec) : b(u, rec));
      }
      case 'num01': {
        const x = this.fn(e.x);
        return (u, rec) => {
          const v = x(u, rec);
          return v === true ? Decimal.ONE : v === false ? Decimal.ZERO : undefined;
        };
      }
      case 'coalesce': {
        const l = this.fn(e.l);
        const r = this.fn(e.r);
        return (u, rec) => {
          const v = l(u, rec);
          return v === undefined ? r(u, rec) : v;
        };
      }
      case 'field': {
        const of = this.fn(e.of);
        const field = e.field;
        return (u, rec) => ops.field(of(u, rec), field);
      }
      case 'listAgg': {
        const list = this.fn(e.list);
        const where = e.where ? this.fn(e.where) : undefined;
        const value = e.value ? this.fn(e.value) : undefined;
        const { fn, field } = e;
        return (u) => ops.listAgg(fn, list(u, undefined), where, u, field, value);
      }
      case 'minmax': {
        const args = e.args.map((a) => this.fn(a));
        const fn = e.fn;
        return (u, rec) => ops.minmax(fn, args.map((a) => a(u, rec)));
      }
      case 'round': {
        const x = this.fn(e.x);
        const places = e.places;
        return (u, rec) => {
          const v = x(u, rec);
          return v instanceof Decimal ? v.round(places) : undefined;
        };
      }
      case 'cohort': {
        const value = this.cohort[e.id];
        if (this.plan.cohort[e.id].k === 'rank') return (u) => Decimal.fromInt((value() as number[])[u]);
        const of = this.groups.of;
        return (u) => (value() as Decimal[])[of[u]];
      }
      case 'bands': {
        const subject = this.fn(e.subject);
        const bands = e.bands.map((b) => ({ test: b.test, threshold: b.test.k === 'cmp' ? this.fn(b.test.v) : undefined, points: this.fn(b.points) }));
        // Thresholds and points written as numbers (most bands): no closure called per band.
        const fixed = e.bands.map((b) => ({ threshold: b.test.k === 'cmp' ? constant(b.test.v) : undefined, points: constant(b.points) }));
        return (u, rec) => {
          const v = subject(u, rec);
          for (let i = 0; i < bands.length; i++) {
            const b = bands[i];
            const t = b.test;
            const hit = t.k === 'else' ? true : t.k === 'is' ? v === t.v : ops.holds(t.op, v, fixed[i].threshold ?? b.threshold!(u, rec));
            if (hit) return fixed[i].points ?? b.points(u, rec);
          }
          return Decimal.ZERO;
        };
      }
      case 'linear': {
        const subject = this.fn(e.subject);
        const pts = e.points.map((p) => ({ x: Decimal.parse(p.x)!, y: Decimal.parse(p.y)! }));
        return (u, rec) => ops.linear(subject(u, rec), pts);
      }
    }
  }
}
