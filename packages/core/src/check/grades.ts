// Adjustments, vetoes and grades: their conditions are yes/no, a grade block has at most one
// `veto` and one `otherwise` line, and a grade line that the total's range says can never
// apply is reported.
import type * as A from '../ast/ast.js';
import { Decimal } from '../common/decimal.js';
import { Interval } from '../common/interval.js';
import { dec } from '../rules/numbers.js';
import { describeTy } from '../types/types.js';
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
  let ineligible = 0;
  for (const line of g.lines) {
    if (line.kind === 'VetoGrade' && ++vetoLines > 1) cx.report(diag('E0308', line.span, { what: { en: '`veto`', zh: '`否决`' } }));
    if (line.kind === 'OtherwiseGrade' && ++otherwise > 1) cx.report(diag('E0308', line.span, { what: { en: '`otherwise`', zh: '`否则`' } }));
    if (line.kind === 'IneligibleGrade' && ++ineligible > 1) cx.report(diag('E0308', line.span, { what: { en: '`ineligible`', zh: '`不参评`' } }));
    if (line.kind === 'IfGrade') {
      cx.expectBool(line.cond, cx.expr(line.cond, { scores: true }), { en: 'a grade line', zh: '等级条件' });
      cx.neverFires(line.cond, line.span, total, 'apply');
      if (line.quota) checkQuota(cx, line.quota);
    }
  }
  if (ast.vetoes.length > 0 && vetoLines === 0) cx.report(diag('W0304', g.span, {}));
  if (otherwise === 0 && g.lines.some((l) => l.kind === 'IfGrade')) cx.report(diag('W0305', g.span, {}));
  return total;
}

/** A quota is a whole number of units (`max 3`) or a share of the units assessed (`max 20%`), above 0 and at most all of them. */
function checkQuota(cx: Checker, q: A.Num) {
  const v = dec(q);
  const share = q.text.endsWith('%');
  if (v.sign() <= 0 || (share ? v.gt(Decimal.ONE) : !v.isInteger())) cx.report(diag('E0312', q.span, { quota: q.text }));
}

/** `eligible if C` and `within X`: read before anything is scored, so neither scores nor values across units. */
export function checkCohort(cx: Checker) {
  const { eligible, within } = cx.ast;
  if (eligible) {
    cx.expectBool(eligible.cond, cx.expr(eligible.cond), { en: '`eligible if`', zh: '`参评条件 若`' });
    if (cx.readsCohort(eligible.cond)) cx.report(diag('E0311', eligible.cond.span, { what: { en: '`eligible if`', zh: '`参评条件`' } }));
  }
  if (within) {
    const t = cx.expr(within.key);
    if (t.k !== 'enum' && t.k !== 'text' && t.k !== 'unitKind' && t.k !== 'bool' && t.k !== 'error')
      cx.report(diag('E0201', within.key.span, { what: { en: '`within`', zh: '`分组`' }, expected: { en: 'a choice, a unit kind, text or a yes/no', zh: '枚举、单位类型、文本或是否值' }, expr: cx.text(within.key), actual: describeTy(t) }));
    if (cx.readsCohort(within.key)) cx.report(diag('E0311', within.key.span, { what: { en: '`within`', zh: '`分组`' } }));
  }
}
