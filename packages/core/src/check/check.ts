// Pass 4: AST → checked scheme, and the semantic model that tools read.
//
// Resolves every name, gives every expression a type, checks that the points add up, and
// computes the static range of every item, section, bonus and the total. Never throws;
// every problem is a diagnostic, and the model is built even when there are errors.
import type * as A from '../ast/ast.js';
import { Decimal } from '../common/decimal.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CheckedScheme } from './checked.js';
import { Checker, type CheckOptions } from './checker.js';
import { declare } from './declarations.js';
import { checkExamples } from './examples.js';
import { checkCohort, checkOutcome } from './grades.js';
import { scoreOrder } from './order.js';
import { checkPoints } from './points.js';
import { placesOf } from '../rules/numbers.js';

export type { CheckOptions } from './checker.js';
export type { CheckedScheme } from './checked.js';
export type { Ref, ScoreRange } from '../types/types.js';

export interface CheckResult {
  scheme: CheckedScheme;
  diagnostics: Diagnostic[];
}

/** AST → checked scheme. Never throws. */
export function check(ast: A.Scheme, options: CheckOptions = {}): CheckResult {
  const cx = new Checker(ast, options);
  declare(cx);
  for (const l of cx.allLets()) cx.letType(l);
  checkCohort(cx);
  const points = checkPoints(cx);
  const total = checkOutcome(cx, points.totalBeforeAdjust);
  const order = scoreOrder(cx);
  checkExamples(cx);
  for (const f of ast.inputs) if (!cx.used.has(f.name.name)) cx.report(diag('W0303', f.name.span, { name: f.name.name }));
  for (const l of cx.allLets()) if (!cx.used.has(`let:${l.name.name}`)) cx.report(diag('W0306', l.name.span, { name: l.name.name }));

  const model = cx.model;
  model.total = ast.total?.value;
  const totalRange = { low: total.lo ?? Decimal.ZERO, high: total.hi };
  model.totalRange = { low: totalRange.low.toString(), high: totalRange.high?.toString() ?? null };
  model.finish();
  const seen = new Set(cx.inputs.keys());
  const imported = [...cx.imports.values()].flatMap((s) => s.inputs).filter((f) => !seen.has(f.name) && seen.add(f.name));
  const scheme: CheckedScheme = {
    ast,
    file: options.file,
    source: options.source,
    model,
    inputs: [...cx.inputs.values(), ...imported],
    unitKinds: cx.unitKinds,
    gradeLabels: cx.gradeLabels,
    lets: cx.letOrder,
    refs: cx.refs,
    types: cx.types,
    tiers: cx.tiers,
    maxOf: points.maxOf,
    scaleOf: points.scaleOf,
    itemRanges: points.itemRanges,
    proved: points.proved,
    sectionRanges: points.sectionRanges,
    totalRange,
    imports: cx.imports,
    weighted: points.weighted,
    precision: placesOf(ast.precision) !== undefined ? { places: placesOf(ast.precision)!, totalOnly: !!ast.roundTotalOnly } : undefined,
    order: order.order,
    readsTotal: order.readsTotal,
    asNumber: cx.asNumber,
  };
  return { scheme, diagnostics: cx.diagnostics };
}
