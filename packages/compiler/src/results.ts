// One unit's result, built when asked for, as the interpreter builds it (eval/evaluate.ts,
// `unitResult`): its items, sections, bonuses and penalties, total, place, grade and vetoes,
// and with a trace the steps of each item and of the total, in the interpreter's order.
import type { Plan as P } from '@assess/core';
import type { SchemeGen, Whole } from './generate.js';
import { Lines } from './lines.js';
import { lit, quoted } from './text.js';

/** The scorer's functions that build results (`unitResult(u)` and what it calls). */
export function unitResults(g: SchemeGen): Lines {
  const plan = g.plan;
  const L = new Lines();
  const tables = resultTables(g);
  L.line();
  L.line('// ── results: one unit\'s, built when asked for (with its trace when tracing) ──');
  g.perCall('tracing', 'typeof options.trace === "function" ? options.trace : () => !!options.trace', 'which units\' results have their trace');
  L.line(`const itemScorers = [${plan.items.map((it) => `score${it.id}`).join(', ')}];`);
  L.line(`const itemReads = [${plan.items.map((it) => `reads${it.id}`).join(', ')}];`);
  L.line(`const itemNotApplicable = [${plan.items.map((it) => (it.notApplicable.length ? `notApplicable${it.id}` : 'APPLIES')).join(', ')}];`);
  L.lines([
    'function itemResultOf(id, u, traced) {',
    `  const it = ${tables.items}[id];`,
    '  const r = it.section === undefined ? { label: it.label, score: scores[id][u], max: it.max } : { label: it.label, section: it.section, score: scores[id][u], max: it.max };',
    '  if (itemNA[id][u]) r.notApplicable = true;',
    '  if (traced) r.trace = itemTrace(id, u);',
    '  return r;',
    '}',
    'function sectionResultOf(id, u) {',
    `  const s = ${tables.sections}[id];`,
    '  const r = { label: s.label, score: sectionScores[id][u], max: s.max, contribution: contributions[id][u] ?? null };',
    '  if (s.parent !== undefined) r.parent = s.parent;',
    '  if (s.weight !== undefined) r.weight = s.weight;',
    '  if (sectionNA[id][u] && eligible[u]) r.notApplicable = true;',
    '  return r;',
    '}',
    '/** An item\'s steps: why it does not apply, or how its score came about (or failed). */',
    'function itemTrace(id, u) {',
    '  const steps = [];',
    '  const na = itemNotApplicable[id](u);',
    '  if (na !== undefined) steps.push({ k: "notApplicable", cond: na });',
    '  else {',
    '    try {',
    '      itemScorers[id](u, steps);',
    '    } catch (e) {',
    '      if (!(e instanceof Failure)) throw e;',
    '      steps.push({ k: "failure", message: e.diagnostic.message });',
    '    }',
    '  }',
    `  return { rule: ${tables.items}[id].rule, inputs: itemReads[id](u), steps };`,
    '}',
  ]);
  vetoes(g, L);
  grade(g, L, tables.lines);
  L.lines([
    'function placeStep(u) {',
    '  const place = places[u];',
    '  const why = !eligible[u] ? "ineligible" : vetoed[u] ? "vetoed" : totals[u] === null ? "failed" : undefined;',
    '  if (place === null) return { k: "unplaced", why: why ?? "failed" };',
    '  const of = members[groupOf[u]].length;',
    '  return why === "vetoed" || why === "ineligible" ? { k: "place", place, of, after: why } : { k: "place", place, of };',
    '}',
  ]);
  totalSteps(g, L);
  const items = plan.items.filter((it) => it.kind === 'item').map((it) => it.id);
  L.open('function unitResult(u) {');
  L.line('const traced = tracing(u);');
  L.line('const itemsTraced = traced && eligible[u] === 1;');
  L.line(`const items = [${items.map((id) => `itemResultOf(${id}, u, itemsTraced)`).join(', ')}];`);
  L.line(`const sections = [${plan.sections.map((s) => `sectionResultOf(${s.id}, u)`).join(', ')}];`);
  L.line(`const bonuses = [${plan.bonuses.map((id) => `itemResultOf(${id}, u, itemsTraced)`).join(', ')}];`);
  L.line(`const penalties = [${plan.penalties.map((id) => `itemResultOf(${id}, u, itemsTraced)`).join(', ')}];`);
  L.line('const steps = traced ? totalSteps(u) : undefined;');
  L.line('const vetoes = eligible[u] ? (steps ? vetoesOf(u, steps) : vetoLists[u]) : NO_VETOES;');
  L.line('if (steps) steps.push(placeStep(u));');
  L.line('const grade = gradeOf(u, steps);');
  L.line(
    'const r = { id: ids[u], items, sections, bonuses, bonus: bonusTotals[u], penalties, penalty: penaltyTotals[u], total: totals[u], place: places[u], eligible: eligible[u] === 1, grade, vetoed: vetoes.length > 0, vetoes: [...vetoes], errors: errors.get(u) ?? [] };',
  );
  if (plan.within) L.line('r.group = groups.keys[groupOf[u]];');
  if (plan.unitKinds.length > 1) L.line('if (kinds[u] !== undefined) r.kind = kinds[u];');
  L.line('if (steps) r.steps = steps;');
  L.line('return r;');
  L.close();
  return L;
}

/** Module-level tables of what results show of each item, section and grade line. */
function resultTables(g: SchemeGen): { items: string; sections: string; lines: string } {
  const { plan, mod } = g;
  const of = `of ${quoted(plan.name)}`;
  const items = plan.items.map((it) => {
    const section = it.section !== undefined ? `section: ${lit(plan.sections[it.section].label)}, ` : '';
    return `{ label: ${lit(it.label)}, ${section}max: ${it.max !== undefined ? mod.dec(it.max) : 'null'}, rule: ${lit(it.text)} }`;
  });
  const sections = plan.sections.map((s) => {
    const parent = s.parent !== undefined ? `parent: ${lit(plan.sections[s.parent].label)}, ` : '';
    return `{ label: ${lit(s.label)}, ${parent}max: ${mod.dec(s.scale)}${s.weight !== undefined ? `, weight: ${mod.dec(s.weight)}` : ''} }`;
  });
  const lines = (plan.grades ?? []).flatMap((l) => {
    if (l.k === 'otherwise') return [`{ label: ${lit(l.label)}, otherwise: true }`];
    if (l.k !== 'if') return [];
    return [`{ label: ${lit(l.label)}, cond: ${lit(l.cond.text)}${l.quota ? `, quotaText: ${lit(l.quota.text)}` : ''} }`];
  });
  const table = (what: string, rows: string[]) => mod.value(`the ${what} ${of}`, `[\n  ${rows.join(',\n  ')},\n]`);
  return { items: table('items', items), sections: table('sections', sections), lines: table('grade lines', lines) };
}

function vetoes(g: SchemeGen, L: Lines): void {
  L.open('function vetoesOf(u, steps) {');
  L.line('let vetoes = NO_VETOES;');
  g.plan.vetoes.forEach((v, i) => {
    L.open(`if (guard(u, veto${i}) === true) {`);
    L.line(`vetoes = [...vetoes, ${lit(v.reason)}];`);
    L.line(`if (steps) steps.push({ k: "veto", reason: ${lit(v.reason)}, cond: ${lit(v.cond.text)} });`);
    L.close();
  });
  L.line('return vetoes;');
  L.close();
}

/** `gradeOf(u, steps)`: the unit's grade (worked out for the cohort in the flow), with its reasons. */
function grade(g: SchemeGen, L: Lines, lines: string): void {
  const plan = g.plan;
  L.open('function gradeOf(u, steps) {');
  if (!plan.grades) {
    L.line('return null;');
    L.close();
    return;
  }
  const labelOf = (k: P.Grade['k']) => {
    const line = plan.grades!.find((l) => l.k === k);
    return line ? lit(line.label) : 'null';
  };
  if (plan.eligible) L.lines(['if (!eligible[u]) {', `  if (steps) steps.push({ k: "ineligibleGrade", grade: ${labelOf('ineligible')} });`, `  return ${labelOf('ineligible')};`, '}']);
  L.line('if (totals[u] === null) return null;');
  L.lines(['if (vetoed[u]) {', `  if (steps) steps.push({ k: "vetoGrade", grade: ${labelOf('veto')} });`, `  return ${labelOf('veto')};`, '}']);
  L.line('const line = gradeLines[u];');
  L.open('if (steps) {');
  if (plan.grades.some((l) => l.k === 'if' && l.quota))
    L.line(
      `for (const q of quotaDecisions.get(u) ?? []) steps.push({ k: "quota", grade: ${lines}[q.line].label, place: q.place, quota: q.quota, quotaText: ${lines}[q.line].quotaText, size: members[groupOf[u]].length, admitted: q.admitted });`,
    );
  L.line(`const l = ${lines}[line];`);
  L.line('if (l) steps.push(l.otherwise ? { k: "otherwiseGrade", grade: l.label } : { k: "gradeLine", cond: l.cond, total: totals[u].toString(), grade: l.label });');
  L.close();
  L.line(`return line >= 0 ? ${lines}[line].label : null;`);
  L.close();
}

/** `totalSteps(u)`: who the unit is assessed with, each section (after those it holds), the total, adjustments, the floor. */
function totalSteps(g: SchemeGen, L: Lines): void {
  const plan = g.plan;
  L.open('function totalSteps(u) {');
  if (plan.eligible) L.line(`if (!eligible[u]) return [{ k: "ineligible", cond: ${lit(plan.eligible.text)} }];`);
  L.line('const out = [];');
  if (plan.within) L.line('out.push({ k: "group", key: groups.keys[groupOf[u]], size: members[groupOf[u]].length });');
  const visit = (id: number) => {
    const s = plan.sections[id];
    s.sections.forEach(visit);
    L.line(`wholeSteps(out, ${g.section(id).fn}, u, { k: "section", label: ${lit(s.label)}, parts: ${parts(g.section(id))}, score: part(sectionScores[${id}][u], sectionNA[${id}][u]) });`);
  };
  plan.topSections.forEach(visit);
  const root = g.root();
  L.line(`const r = wholeSteps(out, ${root.fn}, u);`);
  L.line(`const step = { k: "total", parts: ${parts(root, true)} };`);
  const plus = `${plan.bonuses.length ? '.add(bonusTotals[u])' : ''}${plan.penalties.length ? '.sub(penaltyTotals[u])' : ''}`;
  if (plan.bonuses.length) L.line('step.bonus = bonusTotals[u].toString();');
  if (plan.penalties.length) L.line('step.penalty = penaltyTotals[u].toString();');
  L.line(`let running = r === null ? null : ${g.rootMayNA() ? '(r === NA ? ZERO : r)' : 'r'}${plus};`);
  if (!plan.adjusts.length) L.line('step.result = str(running);');
  L.line('out.push(step);');
  const totalOnly = plan.precision?.of === 'total' ? plan.precision.places : undefined;
  if (plan.adjusts.length) L.line('const final = totals[u];');
  // The running total after each adjustment; `total` in the factor reads the total before it.
  plan.adjusts.forEach((a, i) => {
    L.line('totals[u] = running;');
    L.line(`const f${i} = guard(u, adjust${i});`);
    L.line(`running = running !== null && f${i} instanceof Decimal ? ${g.roundScore(`running.mul(f${i})`)} : null;`);
    L.line(`out.push({ k: "adjusted", factor: ${lit(a.factor.text)}, value: shown(f${i}), result: str(running) });`);
  });
  if (plan.adjusts.length) L.line('totals[u] = final;');
  if (plan.floor === undefined && totalOnly === undefined) {
    L.line('return out;');
    L.close();
    return;
  }
  L.line('if (running === null) return out;');
  if (plan.floor !== undefined) {
    const floor = g.mod.dec(plan.floor);
    L.line(`if (running.lt(${floor})) { out.push({ k: "floor", floor: ${lit(plan.floor)}, from: running.toString() }); running = ${floor}; }`);
  }
  if (totalOnly !== undefined) L.line(`{ const to = running.round(${totalOnly}); if (!to.eq(running)) out.push({ k: "rounded", places: ${totalOnly}, from: running.toString(), to: to.toString(), total: true }); }`);
  L.line('return out;');
  L.close();
}

/**
 * A whole's parts as a trace shows them: items' scores, subsections' scores (contributions when
 * weighted), `n/a`; a section lists its items first, the total its sections first.
 */
function parts(w: Whole, sectionsFirst = false): string {
  const items = w.items.map((id) => `part(scores[${id}][u], itemNA[${id}][u])`);
  const sections = w.sections.map((id) => `part(${w.weighted ? 'contributions' : 'sectionScores'}[${id}][u], sectionNA[${id}][u])`);
  return `[${(sectionsFirst ? [...sections, ...items] : [...items, ...sections]).join(', ')}]`;
}
