// Example blocks as tests: each example's rows are validated and evaluated like real data,
// and every `expect` is compared with the result. Reads the plan only.
import { Decimal } from '../common/decimal.js';
import type { Text } from '../common/text.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { validateUnits } from '../data/validate.js';
import { evaluate, type UnitResult } from '../eval/evaluate.js';
import type * as P from '../ir/plan.js';

export interface ExampleOutcome {
  example: P.Example;
  label: string;
  passed: boolean;
  /** Failed expectations and data errors, as diagnostics pointing into the scheme. */
  failures: Diagnostic[];
  /** How many `expect` lines were checked. */
  checked: number;
}

/** Run every example of a scheme. */
export function runExamples(plan: P.Plan): ExampleOutcome[] {
  return plan.examples.map((ex) => runExample(plan, ex));
}

const vetoList = (r: UnitResult) => r.vetoes.map((v) => `"${v}"`).join(', ');

export function runExample(plan: P.Plan, ex: P.Example): ExampleOutcome {
  const file = plan.file;
  const at = (span: P.Example['span']) => ({ ...span, file });
  const rows = ex.rows.map((r) => ({ ...r.data, id: r.id }));
  const failures: Diagnostic[] = [];
  const outcome = (checked: number): ExampleOutcome => ({ example: ex, label: ex.label, passed: failures.length === 0, failures, checked });

  const { table, diagnostics } = validateUnits(plan, rows, { file: file ?? '', rowSpan: (i) => at(ex.rows[i]?.span ?? ex.span) });
  for (const d of diagnostics.filter((x) => x.severity === 'error')) failures.push(diag('E0702', d.span, { example: ex.label, problem: { k: 'data', message: d.message } }));
  if (failures.length > 0) return outcome(0);

  const evaluation = evaluate(plan, table);
  for (const d of evaluation.diagnostics) failures.push(diag('E0702', at(ex.span), { example: ex.label, problem: { k: 'data', message: d.message } }));
  const byId = new Map<string, UnitResult>();
  for (let i = 0; i < evaluation.n; i++) byId.set(evaluation.ids[i], evaluation.unit(i));

  let checked = 0;
  for (const e of ex.expects) {
    const unitName = e.unit ?? ex.defaultUnit;
    const r = unitName === undefined ? undefined : byId.get(unitName);
    if (!r) {
      failures.push(diag('E0702', at(e.span), { example: ex.label, problem: { k: 'noUnit', unit: unitName ?? '' } }));
      continue;
    }
    checked++;
    const of = e.unit ? `"${e.unit}" ` : '';
    const fail = (target: Text, expected: string, actual: Text) => failures.push(diag('E0701', at(e.span), { example: ex.label, target: { en: of + target.en, zh: of + target.zh }, expected, actual }));
    const expectNumber = (target: Text, actual: Decimal | null | undefined) => {
      const want = e.value?.num !== undefined ? Decimal.parse(e.value.num) : undefined;
      if (!want || !actual || !actual.eq(want)) {
        const got = actual ? { en: actual.toString(), zh: actual.toString() } : actual === null ? { en: 'an error', zh: '出错' } : { en: 'nothing', zh: '无' };
        fail(target, e.value?.text ?? '?', got);
      }
    };
    const label = e.label ?? '';
    switch (e.target) {
      case 'item':
        expectNumber({ en: `item "${label}"`, zh: `指标 "${label}"` }, r.items.find((x) => x.label === label)?.score);
        break;
      case 'section':
        expectNumber({ en: `section "${label}"`, zh: `小节 "${label}"` }, r.sections.find((x) => x.label === label)?.score);
        break;
      case 'bonus':
        expectNumber(e.label !== undefined ? { en: `bonus "${label}"`, zh: `加分 "${label}"` } : { en: 'bonus', zh: '加分' }, e.label !== undefined ? r.bonuses.find((x) => x.label === label)?.score : r.bonus);
        break;
      case 'total':
        expectNumber({ en: 'total', zh: '总分' }, r.total);
        break;
      case 'grade': {
        const want = e.value?.str ?? e.value?.text ?? '';
        if (r.grade !== want) fail({ en: 'grade', zh: '等级' }, `"${want}"`, r.grade === null ? { en: 'no grade', zh: '无等级' } : { en: `"${r.grade}"`, zh: `"${r.grade}"` });
        break;
      }
      case 'veto': {
        const ok = r.vetoed && (e.label === undefined || r.vetoes.includes(label));
        if (!ok)
          fail(e.label !== undefined ? { en: `veto "${label}"`, zh: `否决 "${label}"` } : { en: 'veto', zh: '否决' }, 'vetoed', r.vetoed ? { en: `vetoed for ${vetoList(r)}`, zh: `因 ${vetoList(r)} 被否决` } : { en: 'not vetoed', zh: '未被否决' });
        break;
      }
      case 'noVeto':
        if (r.vetoed) fail({ en: 'not veto', zh: '非 否决' }, 'not vetoed', { en: `vetoed for ${vetoList(r)}`, zh: `因 ${vetoList(r)} 被否决` });
        break;
      case 'place': {
        const want = e.value?.num;
        if (want === undefined || r.place === null || String(r.place) !== want) fail({ en: 'place', zh: '名次' }, e.value?.text ?? '?', r.place === null ? { en: 'no place', zh: '无名次' } : { en: String(r.place), zh: String(r.place) });
        break;
      }
      case 'ineligible':
        if (r.eligible) fail({ en: 'ineligible', zh: '不参评' }, 'not assessed', { en: 'assessed', zh: '参评' });
        break;
      case 'eligible':
        if (!r.eligible) fail({ en: 'not ineligible', zh: '非 不参评' }, 'assessed', { en: 'not assessed', zh: '不参评' });
        break;
    }
  }
  return outcome(checked);
}
