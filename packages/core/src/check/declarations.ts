// What a scheme declares: inputs (and their list-entry fields and enum members), unit kinds,
// lets, imports, and the labels of sections, items, bonuses, vetoes and grades. Each becomes a
// definition of the semantic model, so that every later use can point back at it.
import type * as A from '../ast/ast.js';
import { allSections } from '../ast/walk.js';
import { Decimal } from '../common/decimal.js';
import { Interval } from '../common/interval.js';
import { suggest } from '../common/suggest.js';
import { diag, label, type Span } from '../diagnostics/diagnostic.js';
import { dec } from '../rules/numbers.js';
import type { Checker } from './checker.js';
import { labelSpan, type Definition, type DefinitionKind } from './model.js';
import { BOOL, describeDecl, ERR, type FieldInfo, type Ty } from '../types/types.js';

export function declare(cx: Checker) {
  const ast = cx.ast;
  cx.unitKinds = ast.units.map((u) => u.name.name);
  for (const u of ast.units) cx.defs.unitKind.set(u.name.name, cx.model.define({ kind: 'unitKind', name: u.name.name, label: u.label?.text, nameSpan: u.name.span, span: u.span }));
  cx.gradeLabels = (ast.grades?.lines ?? []).map((l) => l.label.text);
  for (const l of ast.grades?.lines ?? []) if (!cx.defs.grade.has(l.label.text)) cx.defs.grade.set(l.label.text, cx.model.define({ kind: 'grade', name: l.label.text, nameSpan: labelSpan(l.label), span: l.span }));
  for (const u of ast.uses) cx.defs.import.set(u.alias.name, cx.model.define({ kind: 'import', name: u.alias.name, label: u.path.text, nameSpan: u.alias.span, span: u.span }));
  declareInputs(cx);
  declareLets(cx);
  declareLabels(cx);
}

function declareInputs(cx: Checker) {
  for (const f of cx.ast.inputs) {
    const first = cx.inputs.get(f.name.name);
    if (first) {
      cx.report(diag('E0007', f.name.span, { name: f.name.name }, { labels: [label(first.span, 'first defined here', '首次定义在此')] }));
      continue;
    }
    cx.inputs.set(f.name.name, fieldInfo(cx, f, 'input'));
  }
  // Inputs of imported schemes must agree with ours; those we do not declare are ours too.
  for (const [alias, sub] of cx.imports) {
    for (const f of sub.inputs) {
      const mine = cx.inputs.get(f.name);
      if (mine && mine.decl.kind !== f.decl.kind) {
        const use = cx.ast.uses.find((u) => u.alias.name === alias);
        cx.report(diag('E0404', mine.span, { name: f.name, here: describeDecl(mine.decl), there: describeDecl(f.decl), path: use?.path.text ?? alias }));
      }
    }
  }
}

/** The info and definition of a declared field (an input, or a field of a list's entries). */
function fieldInfo(cx: Checker, f: A.Field, kind: DefinitionKind, parent?: Definition): FieldInfo {
  const info: FieldInfo = { name: f.name.name, label: f.label?.text, type: ERR, decl: f.type, optional: f.optional, span: f.name.span, declSpan: f.span };
  const def = cx.model.define({ kind, name: f.name.name, label: f.label?.text, nameSpan: f.name.span, span: f.span, optional: f.optional, parent: parent?.id, type: declText(cx, f.type) });
  cx.defs.field.set(info, def);
  info.type = typeOf(cx, f.type, f.name.name, def);
  def.ty = info.type;
  return info;
}

/** A declared type as the author wrote it (a list's as `list of { a, b }`). */
function declText(cx: Checker, t: A.TypeExpr): { en: string; zh: string } {
  if (t.kind === 'ListType') {
    const names = t.fields.map((f) => f.name.name).join(', ');
    return { en: `list of { ${names} }`, zh: `列表 { ${names} }` };
  }
  const source = cx.options.source;
  if (!source || t.span.end <= t.span.start || t.span.end > source.length) return describeDecl(t);
  const raw = source.slice(t.span.start, t.span.end);
  const written = /\s\s|[\t\r\n]/.test(raw) ? raw.replace(/\s+/g, ' ') : raw;
  return { en: written, zh: written };
}

function typeOf(cx: Checker, t: A.TypeExpr, name: string, def: Definition): Ty {
  switch (t.kind) {
    case 'YesNoType':
      return BOOL;
    case 'CountType':
      return { k: 'num', range: new Interval(Decimal.ZERO, null), int: true };
    case 'PercentType':
      return { k: 'num', range: new Interval(null, null) };
    case 'TextType':
      return { k: 'text' };
    case 'GradeType':
      return { k: 'grade' };
    case 'IntegerType':
    case 'NumberType': {
      if (!t.range) return { k: 'num', range: Interval.ANY, int: t.kind === 'IntegerType' };
      const lo = dec(t.range.low);
      const hi = dec(t.range.high);
      if (lo.gt(hi)) cx.report(diag('E0205', t.range.span, { low: t.range.low.text, high: t.range.high.text }));
      return { k: 'num', range: new Interval(lo, hi), int: t.kind === 'IntegerType' };
    }
    case 'EnumType': {
      const members = t.members.map((m) => m.name);
      if (members.length === 1) {
        const s = suggest(members[0], ['yes/no', 'count', 'integer', 'number', 'percent', 'text', 'grade', 'list']);
        cx.report(diag('E0109', t.members[0].span, { name: members[0], suggestion: s }));
        return ERR;
      }
      const dup = members.find((m, i) => members.indexOf(m) !== i);
      if (dup) cx.report(diag('E0007', t.members[members.lastIndexOf(dup)].span, { name: dup, member: true }));
      const ty: Ty = { k: 'enum', name, members };
      const defs = new Map<string, Definition>();
      for (const m of t.members) if (!defs.has(m.name)) defs.set(m.name, cx.model.define({ kind: 'member', name: m.name, nameSpan: m.span, span: m.span, parent: def.id }));
      cx.defs.member.set(ty, defs);
      cx.enums.push({ name, members, ty });
      return ty;
    }
    case 'ListType': {
      const fields = new Map<string, FieldInfo>();
      for (const f of t.fields) {
        if (fields.has(f.name.name)) cx.report(diag('E0007', f.name.span, { name: f.name.name }));
        else fields.set(f.name.name, fieldInfo(cx, f, 'entryField', def));
      }
      return { k: 'list', elem: { k: 'record', fields } };
    }
  }
}

function declareLets(cx: Checker) {
  for (const s of [undefined, ...allSections(cx.ast)]) {
    for (const l of s ? s.lets : cx.ast.lets) {
      const n = l.name.name;
      const first = cx.letsByName.get(n)?.name.span ?? cx.inputs.get(n)?.span;
      if (first || cx.imports.has(n)) {
        cx.report(diag('E0007', l.name.span, { name: n }, { labels: first ? [label(first, 'first defined here', '首次定义在此')] : [] }));
        continue;
      }
      cx.letsByName.set(n, l);
      cx.defs.let.set(l, cx.model.define({ kind: 'let', name: n, nameSpan: l.name.span, span: l.span }));
    }
  }
}

/** Sections, items and bonuses by label: each label names one thing of its kind. */
function declareLabels(cx: Checker) {
  const firsts = { section: new Map<string, A.Str>(), item: new Map<string, A.Str>(), bonus: new Map<string, A.Str>() };
  const register = (kind: 'section' | 'item' | 'bonus', node: { label: A.Str; span: Span }, parent?: Definition): Definition | undefined => {
    const map = cx.defs[kind];
    const first = firsts[kind].get(node.label.text);
    if (first) {
      cx.report(diag('E0007', node.label.span, { name: node.label.text }, { labels: [label(first.span, 'first defined here', '首次定义在此')] }));
      return undefined;
    }
    firsts[kind].set(node.label.text, node.label);
    const def = cx.model.define({ kind, name: node.label.text, nameSpan: labelSpan(node.label), span: node.span, parent: parent?.id });
    map.set(node.label.text, def);
    return def;
  };
  const section = (s: A.Section, parent?: Definition) => {
    const sd = register('section', s, parent);
    const parts: (A.Item | A.Section)[] = [...s.items, ...s.sections].sort((a, b) => a.span.start - b.span.start);
    for (const p of parts) {
      if (p.kind === 'Section') section(p, sd);
      else {
        const d = register('item', p, sd);
        if (d) d.item = p;
      }
    }
    if (sd) for (const l of s.lets) {
      const ld = cx.defs.let.get(l);
      if (ld) ld.parent = sd.id;
    }
  };
  for (const s of cx.ast.sections) section(s);
  for (const it of cx.ast.items) {
    const d = register('item', it);
    if (d) d.item = it;
  }
  for (const b of cx.ast.bonuses) {
    const d = register('bonus', b);
    if (d) d.item = b;
  }
  for (const v of cx.ast.vetoes) if (!cx.defs.veto.has(v.reason.text)) cx.defs.veto.set(v.reason.text, cx.model.define({ kind: 'veto', name: v.reason.text, nameSpan: labelSpan(v.reason), span: v.span }));
}
