// Which input alone decides a rule's raw value: `Item.readsOnly`. A rule qualifies when every
// expression in it (and in the named values it reads) is made of numbers, text, yes/no written
// in the scheme, operations on them, and one input — no other input, score, total, place,
// cohort value, list, import or unit kind. Backends may then work the rule out once per
// distinct value of that input (runtime `Memo`).
import type * as P from './plan.js';

/** The one input a rule reads, when it reads nothing else; undefined otherwise. */
export function readsOnly(rule: P.Rule, lets: readonly P.Let[]): string | undefined {
  const exprs = ruleExprs(rule);
  if (!exprs) return undefined;
  const fields = new Set<string>();
  const seen = new Set<number>();
  const visit = (e: P.Expr): boolean => {
    switch (e.k) {
      case 'num':
      case 'text':
      case 'bool':
        return true;
      case 'input':
        fields.add(e.field);
        return true;
      case 'let': {
        const l = lets[e.id];
        if (!l || l.readsTotal) return false;
        if (seen.has(e.id)) return true;
        seen.add(e.id);
        return visit(l.expr);
      }
      case 'neg':
      case 'not':
      case 'num01':
      case 'round':
        return visit(e.x);
      case 'arith':
      case 'div':
      case 'logic':
      case 'cmp':
      case 'coalesce':
        return visit(e.l) && visit(e.r);
      case 'if':
        return visit(e.c) && visit(e.then) && visit(e.else);
      case 'minmax':
        return e.args.every(visit);
      case 'bands':
        return visit(e.subject) && e.bands.every((b) => visit(b.points) && (b.test.k !== 'cmp' || visit(b.test.v)));
      case 'linear':
        return visit(e.subject);
      default:
        // Scores, the total, places, cohort values, lists and their entries, imports, the unit's kind.
        return false;
    }
  };
  if (!exprs.every(visit) || fields.size !== 1) return undefined;
  return [...fields][0];
}

/** Every expression of a rule; undefined for a rule that reads the cohort or a list. */
function ruleExprs(r: P.Rule): P.Expr[] | undefined {
  switch (r.k) {
    case 'formula':
      return [r.expr.expr];
    case 'points':
      return r.lines.flatMap((l) => (l.k === 'when' ? [l.points.expr, l.cond.expr] : [l.count.expr]));
    case 'deduct':
      return [r.count.expr];
    case 'ratio':
      return [r.done, r.target, ...(r.ifZero ? [r.ifZero] : [])];
    case 'rankPoints':
      return [r.rank];
    case 'tiers':
      return r.list ? undefined : [r.source.expr];
    default:
      return undefined;
  }
}
