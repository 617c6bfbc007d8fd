// Example blocks: every unit, label and grade an `expect` names exists, and record keys name
// inputs (each a reference in the semantic model).
import type * as A from '../ast/ast.js';
import { suggest } from '../common/suggest.js';
import { diag, replaceWith, type Span } from '../diagnostics/diagnostic.js';
import type { Checker } from './checker.js';
import { labelSpan } from './model.js';
import type { FieldInfo } from '../types/types.js';

const WHAT = {
  item: { en: 'item', zh: '指标' },
  section: { en: 'section', zh: '小节' },
  bonus: { en: 'bonus', zh: '加分项' },
  veto: { en: 'veto', zh: '否决项' },
  grade: { en: 'grade', zh: '等级' },
  unit: { en: 'unit in this example', zh: '示例单位' },
};

export function checkExamples(cx: Checker) {
  for (const ex of cx.ast.examples) {
    if (ex.given) referKeys(cx, ex.given, cx.inputs);
    for (const u of ex.units) referKeys(cx, u.data, cx.inputs);
    const unitNames = new Set(ex.units.map((u) => u.name.text));
    for (const e of ex.expects) {
      if (e.unit && !unitNames.has(e.unit.text)) unknownLabel(cx, e.unit, WHAT.unit, unitNames);
      if (!e.unit && ex.units.length > 1 && !ex.given) cx.report(diag('E0110', e.span, {}));
      if (e.label && (e.target === 'item' || e.target === 'section' || e.target === 'bonus' || e.target === 'veto')) {
        const found = cx.defs[e.target].get(e.label.text);
        if (found) cx.model.refer(labelSpan(e.label), found);
        else unknownLabel(cx, e.label, WHAT[e.target], cx.defs[e.target].keys());
      }
      if (e.target === 'grade' && e.value?.kind === 'Str') {
        const found = cx.defs.grade.get(e.value.text);
        if (found) cx.model.refer(labelSpan(e.value), found);
        else unknownLabel(cx, e.value, WHAT.grade, cx.gradeLabels);
      }
    }
  }
}

function unknownLabel(cx: Checker, s: A.Str, what: { en: string; zh: string }, known: Iterable<string>) {
  const suggestion = suggest(s.text, known);
  const at: Span = labelSpan(s);
  cx.report(diag('E0105', s.span, { what, label: s.text, suggestion }, { fixes: suggestion ? [replaceWith(at, suggestion, { en: `Change to "${suggestion}"`, zh: `改为 "${suggestion}"` })] : [] }));
}

/** Record keys that name fields are references to them (for rename and go to definition). */
function referKeys(cx: Checker, rec: A.RecordValue, fields: ReadonlyMap<string, FieldInfo>) {
  for (const { key, value } of rec.fields) {
    const f = fields.get(key.name);
    if (!f) continue;
    cx.model.refer(key.span, cx.defs.field.get(f));
    if (value.kind === 'ListValue' && f.type.k === 'list' && f.type.elem.k === 'record') {
      const entryFields = f.type.elem.fields;
      for (const item of value.items) if (item.kind === 'RecordValue') referKeys(cx, item, entryFields);
    }
  }
}
