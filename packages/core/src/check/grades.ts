// Adjustments, vetoes and grades: their conditions are yes/no, a grade block has at most one
// `veto` and one `otherwise` line, and a grade line that the total's range says can never
// apply is reported.
import { Interval } from '../common/interval.js';
import { diag } from '../diagnostics/diagnostic.js';
import type { Checker } from './checker.js';

/** Check `adjust`, `veto` and `grade`; returns the range of a unit's total after adjustments. */
export function checkOutcome(cx: Checker, beforeAdjust: Interval): Interval {
  const ast = cx.ast;
  let total = beforeAdjust;
  for (const a of ast.adjusts) {
    const t = cx.expr(a.factor);
    cx.expectNum(a.factor, t, { en: '`adjust total *`', zh: '`调整 总分 *`' });
    total = total.mul(t.k === 'num' ? t.range : Interval.ANY);
  }
  for (const v of ast.vetoes) cx.expectBool(v.cond, cx.expr(v.cond), { en: 'a veto condition', zh: '否决条件' });
  const g = ast.grades;
  if (!g) return total;
  let vetoLines = 0;
  let otherwise = 0;
  for (const line of g.lines) {
    if (line.kind === 'VetoGrade' && ++vetoLines > 1) cx.report(diag('E0308', line.span, { what: { en: '`veto`', zh: '`否决`' } }));
    if (line.kind === 'OtherwiseGrade' && ++otherwise > 1) cx.report(diag('E0308', line.span, { what: { en: '`otherwise`', zh: '`否则`' } }));
    if (line.kind === 'IfGrade') {
      cx.expectBool(line.cond, cx.expr(line.cond, { scores: true }), { en: 'a grade line', zh: '等级条件' });
      cx.neverFires(line.cond, line.span, total, 'apply');
    }
  }
  if (ast.vetoes.length > 0 && vetoLines === 0) cx.report(diag('W0304', g.span, {}));
  if (otherwise === 0 && g.lines.some((l) => l.kind === 'IfGrade')) cx.report(diag('W0305', g.span, {}));
  return total;
}
