// Example blocks as tests: each example's data is validated and evaluated like real data,
// and every `expect` line is compared with the result.
import type * as A from './ast.js';
import type { CheckedScheme } from './checked.js';
import { validateUnits } from './data.js';
import { Decimal } from './decimal.js';
import { diag, type Diagnostic } from './diagnostics.js';
import { evaluate, type UnitResult } from './results.js';

export interface ExampleOutcome {
  example: A.Example;
  label: string;
  passed: boolean;
  /** Failed expectations and data errors, as diagnostics pointing into the scheme. */
  failures: Diagnostic[];
  /** How many `expect` lines were checked. */
  checked: number;
}

/** Example values → plain data, as a data file would give them. Numbers keep their text (`85%`, `1.5亿`). */
function plain(v: A.Value): unknown {
  switch (v.kind) {
    case 'Num':
      return v.text;
    case 'Str':
      return v.text;
    case 'Bool':
      return v.value;
    case 'Symbol':
      return v.name;
    case 'ListValue':
      return v.items.map(plain);
    case 'RecordValue': {
      const o: Record<string, unknown> = Object.create(null);
      for (const f of v.fields) o[f.key.name] = plain(f.value);
      return o;
    }
  }
}

/** Run every example of a scheme. */
export function runExamples(scheme: CheckedScheme): ExampleOutcome[] {
  return scheme.ast.examples.map((ex) => runExample(scheme, ex));
}

export function runExample(scheme: CheckedScheme, ex: A.Example): ExampleOutcome {
  const file = scheme.file;
  const at = (n: A.Node) => ({ ...n.span, file });
  const rows: Record<string, unknown>[] = [];
  if (ex.given) rows.push({ ...(plain(ex.given) as object), id: ex.label.text });
  for (const u of ex.units) rows.push({ ...(plain(u.data) as object), id: u.name.text });
  const failures: Diagnostic[] = [];
  const outcome = (checked: number): ExampleOutcome => ({ example: ex, label: ex.label.text, passed: failures.length === 0, failures, checked });

  const { table, diagnostics } = validateUnits(scheme, rows, { file: file ?? '', rowSpan: (i) => at(i === 0 && ex.given ? ex.given : (ex.units[ex.given ? i - 1 : i]?.data ?? ex)) });
  for (const d of diagnostics.filter((x) => x.severity === 'error')) {
    failures.push(diag('E0702', d.span, { example: ex.label.text, what: d.message.en, whatZh: d.message.zh }));
  }
  if (failures.length > 0) return outcome(0);

  const evaluation = evaluate(scheme, table);
  for (const d of evaluation.diagnostics) failures.push(diag('E0702', at(ex), { example: ex.label.text, what: d.message.en, whatZh: d.message.zh }));
  const byId = new Map<string, UnitResult>();
  for (let i = 0; i < evaluation.n; i++) byId.set(evaluation.ids[i], evaluation.unit(i));

  let checked = 0;
  for (const e of ex.expects) {
    const unitName = e.unit?.text ?? (ex.given ? ex.label.text : ex.units[0]?.name.text);
    const r = unitName === undefined ? undefined : byId.get(unitName);
    if (!r) {
      failures.push(diag('E0702', at(e), { example: ex.label.text, what: `no unit "${unitName ?? ''}" in this example`, whatZh: `本示例中没有单位 "${unitName ?? ''}"` }));
      continue;
    }
    checked++;
    const fail = (targetEn: string, targetZh: string, expected: string, actual: string) =>
      failures.push(diag('E0701', at(e), { example: ex.label.text, target: (e.unit ? `"${e.unit.text}" ` : '') + targetEn, targetZh: (e.unit ? `"${e.unit.text}" ` : '') + targetZh, expected, actual }));
    const expectNumber = (targetEn: string, targetZh: string, actual: Decimal | null | undefined) => {
      const want = e.value?.kind === 'Num' ? Decimal.parse(e.value.value) : undefined;
      if (!want || !actual || !actual.eq(want)) fail(targetEn, targetZh, e.value ? valueText(e.value) : '?', actual ? actual.toString() : actual === null ? 'an error' : 'nothing');
    };
    switch (e.target) {
      case 'item': {
        const found = r.items.find((x) => x.label === e.label?.text);
        expectNumber(`item "${e.label?.text}"`, `指标 "${e.label?.text}"`, found ? found.score : undefined);
        break;
      }
      case 'section': {
        const found = r.sections.find((x) => x.label === e.label?.text);
        expectNumber(`section "${e.label?.text}"`, `小节 "${e.label?.text}"`, found ? found.score : undefined);
        break;
      }
      case 'bonus': {
        const found = e.label ? r.bonuses.find((x) => x.label === e.label!.text)?.score : r.bonus;
        expectNumber(e.label ? `bonus "${e.label.text}"` : 'bonus', e.label ? `加分 "${e.label.text}"` : '加分', found);
        break;
      }
      case 'total':
        expectNumber('total', '总分', r.total);
        break;
      case 'grade': {
        const want = e.value?.kind === 'Str' ? e.value.text : e.value ? valueText(e.value) : '';
        if (r.grade !== want) fail('grade', '等级', `"${want}"`, r.grade === null ? 'no grade' : `"${r.grade}"`);
        break;
      }
      case 'veto': {
        const ok = r.vetoed && (!e.label || r.vetoes.includes(e.label.text));
        if (!ok) fail(e.label ? `veto "${e.label.text}"` : 'veto', e.label ? `否决 "${e.label.text}"` : '否决', 'vetoed', r.vetoed ? `vetoed for ${r.vetoes.map((v) => `"${v}"`).join(', ')}` : 'not vetoed');
        break;
      }
      case 'noVeto':
        if (r.vetoed) fail('not veto', '非 否决', 'not vetoed', `vetoed for ${r.vetoes.map((v) => `"${v}"`).join(', ')}`);
        break;
    }
  }
  return outcome(checked);
}

function valueText(v: A.Value): string {
  switch (v.kind) {
    case 'Num':
      return v.text;
    case 'Str':
      return `"${v.text}"`;
    case 'Bool':
      return v.value ? 'yes' : 'no';
    case 'Symbol':
      return v.name;
    default:
      return '…';
  }
}
