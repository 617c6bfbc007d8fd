// Plan → the JavaScript of a scheme's scorer, a function `scheme{k}(table, options)`.
//
// The code does what the interpreter of @assess/core does (eval/), step for step: who is
// assessed and in which group first, then every item and section in the plan's order, the
// totals, vetoes, places and grades; the same laziness (a `let` or a cohort value is computed
// when first read), the same failures in the same order, the same trace steps. The
// differential tests hold the two to that, digit for digit. Expressions and rules are in
// expressions.ts and rules.ts; unit results and their traces in results.ts.
//
// Names: generated identifiers are made from indices (`score3`, `let0`, `in2`); a user's name
// or label only ever appears as a string literal, or in a comment as a string literal.
import { readsPlaces, type Plan as P } from '@assess/core';
import { cannotFail, Exprs } from './expressions.js';
import { Lines, unknownNode, type Module } from './lines.js';
import { unitResults } from './results.js';
import { ruleBody } from './rules.js';
import { data, lit, quoted } from './text.js';

/** The parts of a section, or of the whole scheme: what its score is made of. */
export interface Whole {
  /** `combine{k}`: the function that adds it up. */
  fn: string;
  label: string;
  scale: P.Dec;
  /** Its parts are weighted sections. */
  weighted: boolean;
  items: number[];
  sections: number[];
}

/** The scorer of one plan (the scheme, or one it imports). */
export class SchemeGen extends Exprs {
  /** The item functions (rule, raw value, score, …), one block per item. */
  private readonly itemLines = new Lines();

  constructor(
    plan: P.Plan,
    mod: Module,
    readonly name: string,
    /** Scorers of imported schemes, generated next to this one. */
    private readonly nested: (plan: P.Plan) => string,
  ) {
    super(plan, mod);
  }

  // ── what may not apply ──────────────────────────────────────────────
  /** Whether an item may not apply to a unit (or the unit may not be assessed). */
  itemMayNA(id: number): boolean {
    return this.plan.eligible !== undefined || this.plan.items[id].notApplicable.length > 0;
  }

  /** Whether a section may have no part that applies, for some unit. */
  sectionMayNA(id: number): boolean {
    return this.plan.eligible !== undefined || this.allMayNA(this.plan.sections[id]);
  }

  /** Whether every part of a whole may not apply to a unit that is assessed (no parts: never applies). */
  private allMayNA(w: { items: number[]; sections: number[] }): boolean {
    return w.items.every((id) => this.plan.items[id].notApplicable.length > 0) && w.sections.every((id) => this.allMayNA(this.plan.sections[id]));
  }

  /** Whether some part of a whole may not apply to a unit that is assessed. */
  private someMayNA(w: { items: number[]; sections: number[] }): boolean {
    return w.items.some((id) => this.plan.items[id].notApplicable.length > 0) || w.sections.some((id) => this.allMayNA(this.plan.sections[id]));
  }

  /** Whether, for a unit assessed, none of the parts of the total may apply (the total is then what bonuses and penalties make). */
  rootMayNA(): boolean {
    return this.allMayNA(this.root());
  }

  /** Whether a section's contribution to its parent differs from its score (a weight of a weighted parent). */
  weightedPart(id: number): boolean {
    const s = this.plan.sections[id];
    const parentWeighted = s.parent !== undefined ? this.plan.sections[s.parent].weighted : this.root().weighted;
    return parentWeighted && s.weight !== undefined;
  }

  root(): Whole {
    const plan = this.plan;
    return { fn: 'combineTotal', label: '', scale: plan.total, weighted: plan.topSections.some((id) => plan.sections[id].weight !== undefined), items: plan.topItems, sections: plan.topSections };
  }

  section(id: number): Whole {
    const s = this.plan.sections[id];
    return { fn: `combine${id}`, label: s.label, scale: s.scale, weighted: s.weighted, items: s.items, sections: s.sections };
  }

  /** `x` rounded to the scheme's precision, when it declares one. */
  roundScore(x: string): string {
    const p = this.plan.precision;
    return p?.of === 'each' ? `${x}.round(${p.places})` : x;
  }

  // ── items ───────────────────────────────────────────────────────────
  private item(it: P.Item): void {
    const plan = this.plan;
    const L = this.itemLines;
    const where = it.section !== undefined ? `section ${quoted(plan.sections[it.section].label)}, ` : '';
    L.line();
    L.line(`// ── ${it.kind} ${it.id} ${quoted(it.label)} (${where}${it.max !== undefined ? `max ${it.max}` : 'no max'}) ──`);
    L.line(`// ${quoted(it.text)}`);
    this.fn(L, `rule${it.id}`, ['u', 'steps'], (s) => ruleBody(this, it, s));
    // The raw value: `void if` first.
    // A rule that reads one input and nothing else: worked out once per distinct value (`Item.readsOnly`).
    if (it.readsOnly !== undefined) this.perCall(`memo${it.id}`, 'new Memo()', `${quoted(it.label)} by ${quoted(it.readsOnly)}`);
    this.fn(L, `raw${it.id}`, ['u', 'steps'], (s) => [
      ...it.voids.flatMap((v) => [`if (${this.expr(v.expr, s)} === true) {`, `  if (steps) steps.push({ k: "void", cond: ${lit(v.text)} });`, '  return ZERO;', '}']),
      ...(it.readsOnly === undefined
        ? [`return rule${it.id}(u, steps);`]
        : [`if (steps) return rule${it.id}(u, steps);`, `const key = ${this.column(it.readsOnly)}[u];`, `let v = memo${it.id}.get(key);`, `if (v === undefined) memo${it.id}.set(key, (v = rule${it.id}(u)));`, 'return v;']),
    ]);
    if (it.notApplicable.length > 0) {
      // The first `not applicable if` that holds (its text), or undefined; a failure counts as not holding.
      const conds = it.notApplicable.map((c, k) => this.unitFunction(`notApplicable${it.id}If${k}`, c.expr, `not applicable if ${quoted(c.text)}`));
      this.fn(L, `notApplicable${it.id}`, ['u'], () => [...conds.map((f, k) => `if (guard(u, ${f}) === true) return ${lit(it.notApplicable[k].text)};`), 'return undefined;']);
    }
    const body: string[] = [];
    const cap = it.cap;
    if (cap?.prorata) this.prorata(it, body);
    else {
      body.push(`let v = raw${it.id}(u, steps);`);
      if (cap) {
        const c = this.mod.dec(cap.value);
        body.push(`if (v.gt(${c})) {`, `  if (steps) steps.push({ k: "cap", cap: ${c}.toString(), from: v.toString() });`, `  v = ${c};`, '}');
      }
    }
    // Held within 0..M, but for what the checker proves can never happen (see `Item.proved`).
    const proved = it.proved ?? {};
    const below = ['if (v.sign() < 0) {', '  if (steps) steps.push({ k: "notBelowZero", from: v.toString() });', '  v = ZERO;', '}'];
    const never = [proved.notBelowZero && 'below 0', proved.atMostMax && `above ${it.max}`].filter(Boolean);
    if (never.length > 0) body.push(`// never ${never.join(' nor ')} (the checker's ranges)`);
    if (it.max !== undefined && !proved.atMostMax) {
      const M = this.mod.dec(it.max);
      const above = [`if (v.gt(${M})) {`, `  if (steps) steps.push({ k: "atMostMax", max: ${M}.toString(), from: v.toString() });`, `  v = ${M};`];
      body.push(...above, ...(proved.notBelowZero ? ['}'] : [`} else ${below[0]}`, ...below.slice(1)]));
    } else if (!proved.notBelowZero) body.push(...below);
    if (it.places !== undefined)
      body.push(`const r = v.round(${it.places});`, `if (steps && !r.eq(v)) steps.push({ k: "rounded", places: ${it.places}, from: v.toString(), to: r.toString() });`, 'return r;');
    else body.push('return v;');
    this.fn(L, `score${it.id}`, ['u', 'steps'], () => body);
    this.fn(L, `reads${it.id}`, ['u'], (s) => [`return [${it.reads.map((r) => this.read(r, s)).join(', ')}];`]);
  }

  /** What the trace shows a rule read, with this unit's value. */
  private read(r: P.Read, s: Parameters<Exprs['expr']>[1]): string {
    switch (r.k) {
      case 'input':
        return `{ name: ${lit(r.field)}, ${r.label !== undefined ? `label: ${lit(r.label)}, ` : ''}value: shown(${this.column(r.field)}[u]${r.percent ? ', true' : ''}) }`;
      case 'let': {
        const l = this.plan.lets[r.id];
        return `{ name: ${lit(l.name)}, value: shownOrFailed(() => let${r.id}(u)), formula: ${lit(l.text)} }`;
      }
      case 'import':
        return `{ name: ${lit(r.text)}, value: shownOrFailed(() => ${this.expr(r.expr, s)}), score: true }`;
      case 'score': {
        const of = r.of;
        const value = of.k === 'itemScore' ? `scoreShown(scores[${of.id}][u], itemNA[${of.id}][u])` : of.k === 'sectionScore' ? `scoreShown(sectionScores[${of.id}][u], sectionNA[${of.id}][u])` : 'scoreShown(bonusTotals[u], false)';
        return `{ name: ${lit(r.text)}, value: ${value}, score: true }`;
      }
      case 'entries': {
        // The entries a list aggregate counts: `keptEntries` does what the interpreter's trace does.
        const { list, where, field, value } = this.listAggParts(r.agg, s);
        const args = [list, where, 'u', field, value, r.percent ? `[${r.percent.map(lit).join(', ')}]` : 'undefined'];
        const fields = [`name: ${lit(r.list)}`, ...(r.where !== undefined ? [`where: ${lit(r.where)}`] : []), ...(r.each !== undefined ? [`each: ${lit(r.each)}`] : [])];
        return `((entries) => ({ ${fields.join(', ')}, value: { k: "list", n: entries.length }, entries }))(keptEntries(${args.join(', ')}))`;
      }
      default:
        return unknownNode('read', r);
    }
  }

  /**
   * `cap N prorata`: the raw values are kept for the highest of the unit's group (failures
   * too: they are raised again), which is worked out over the units it applies to, once per group.
   */
  private prorata(it: P.Item, body: string[]): void {
    const L = this.itemLines;
    const id = it.id;
    this.perCall(`raw${id}Cache`, 'new Array(n).fill(UNSET)', `${quoted(it.label)}: raw values, once worked out`);
    this.fn(L, `cachedRaw${id}`, ['u'], () => [
      `const c = raw${id}Cache[u];`,
      'if (c instanceof Decimal) return c;',
      'if (c instanceof Failure) throw c;',
      'try {',
      `  return (raw${id}Cache[u] = raw${id}(u));`,
      '} catch (e) {',
      `  if (e instanceof Failure) raw${id}Cache[u] = e;`,
      '  throw e;',
      '}',
    ]);
    // The highest over the group's units (what a part of a cohort scored in parts gives for it), or given.
    this.fn(L, `prorataTopOver${id}`, ['g'], () => [
      'let top = ZERO;',
      'for (const u of members[g]) {',
      ...(it.notApplicable.length ? [`  if (notApplicable${id}(u) !== undefined) continue;`] : []),
      `  const v = cachedRaw${id}(u);`,
      '  if (v.gt(top)) top = v;',
      '}',
      'return top;',
    ]);
    this.perCall(`prorataTop${id}`, '[]', 'by group, once worked out');
    this.fn(L, `prorataTop${id}Of`, ['g'], () => [
      `const known = prorataTop${id}[g];`,
      'if (known !== undefined) return known;',
      `if (given.values[${it.cap!.prorata!.cohort}] !== undefined) return (prorataTop${id}[g] = given.values[${it.cap!.prorata!.cohort}].get(groups.keys[g]) ?? ZERO);`,
      `return (prorataTop${id}[g] = prorataTopOver${id}(g));`,
    ]);
    const c = this.mod.dec(it.cap!.value);
    body.push(
      `let v = steps ? raw${id}(u, steps) : cachedRaw${id}(u);`,
      `const top = prorataTop${id}Of(groupOf[u]);`,
      `if (top.gt(${c})) {`,
      `  const scaled = v.mul(${c}).div(top);`,
      `  if (steps) steps.push({ k: "prorata", cap: ${c}.toString(), top: top.toString(), raw: v.toString(), scaled: scaled.toString() });`,
      '  v = scaled;',
      `} else if (steps) steps.push({ k: "prorataNone", cap: ${c}.toString(), top: top.toString() });`,
    );
  }

  // ── sections and the total ─────────────────────────────────────────
  /**
   * `combine{k}(u, steps)`: a whole's score for a unit from its parts, as the interpreter's
   * `combine`: the sum of its items and subsections, or the weighted sum of its weighted
   * subsections scaled to its own scale. Parts that do not apply are left out and the rest
   * scaled up (or their weights count as 100%); with no part that applies the whole does not
   * apply (`NA`); a failed part fails it (null). Records each weighted part's contribution.
   * What cannot happen for this whole (a part not applying) is left out of its code.
   */
  private combine(w: Whole): void {
    const plan = this.plan;
    const some = this.someMayNA(w);
    const all = this.allMayNA(w);
    const scale = this.mod.dec(w.scale);
    const body: string[] = [];
    if (plan.eligible) body.push('if (!eligible[u]) return NA;');
    if (w.items.length + w.sections.length === 0) {
      this.fn(this.helpers, w.fn, ['u', 'steps'], () => [...body, 'return NA;'], `${w.label ? `section ${quoted(w.label)}` : 'the total'}: no parts`);
      return;
    }
    body.push('let sum = ZERO;', 'let failed = false;');
    if (all) body.push('let applies = false;');
    if (some) body.push('let someNA = false;', w.weighted ? 'let weights = ZERO;' : 'let applicable = ZERO;');
    /** A part's code, inside the test of whether it applies when it may not. */
    const part = (mayNA: string | undefined, comment: string, lines: string[], naLines: string[] = []) => {
      body.push(`// ${comment}`);
      if (!mayNA) return body.push(...lines);
      body.push(`if (${mayNA}) {`, '  someNA = true;', ...naLines.map((l) => `  ${l}`), '} else {', ...(all ? ['  applies = true;'] : []), ...lines.map((l) => `  ${l}`), '}');
    };
    for (const id of w.items) {
      const it = plan.items[id];
      part(it.notApplicable.length ? `itemNA[${id}][u]` : undefined, `item ${quoted(it.label)}`, [
        `const v${id} = scores[${id}][u];`,
        `if (v${id} === null) failed = true;`,
        `else sum = sum.add(v${id});`,
        ...(some && !w.weighted ? [`applicable = applicable.add(${this.mod.dec(it.max ?? '0')});`] : []),
      ]);
    }
    for (const id of w.sections) {
      const s = plan.sections[id];
      const v = `s${id}`;
      let lines: string[];
      if (w.weighted && s.weight !== undefined) {
        const c = `c${id}`;
        const contribution = s.scale === '0' ? 'ZERO' : this.roundScore(`${v}.mul(${this.mod.dec(s.weight)}).mul(${scale}).div(${this.mod.dec(s.scale)})`);
        lines = [
          `const ${v} = sectionScores[${id}][u];`,
          `let ${c} = ${v};`,
          `if (${v} !== null) {`,
          `  ${c} = ${contribution};`,
          ...(some ? [`  weights = weights.add(${this.mod.dec(s.weight)});`] : []),
          `  if (steps) steps.push({ k: "weighted", score: ${v}.toString(), scale: ${lit(s.scale)}, weight: ${lit(s.weightText ?? s.weight)}, total: ${scale}.toString(), contribution: ${c}.toString() });`,
          '}',
          `contributions[${id}][u] = ${c};`,
          `if (${c} === null) failed = true;`,
          `else sum = sum.add(${c});`,
        ];
      } else
        lines = [
          `const ${v} = sectionScores[${id}][u];`,
          `if (${v} === null) failed = true;`,
          `else sum = sum.add(${v});`,
          ...(some && !w.weighted ? [`applicable = applicable.add(${this.mod.dec(s.scale)});`] : []),
        ];
      part(this.allMayNA(s) ? `sectionNA[${id}][u]` : undefined, `section ${quoted(s.label)}`, lines, this.weightedPart(id) ? [`contributions[${id}][u] = null;`] : []);
    }
    if (all) body.push('if (!applies) return NA;');
    body.push('if (failed) return null;');
    if (some && w.weighted)
      body.push(
        'if (someNA && weights.sign() > 0 && !weights.eq(ONE)) {',
        `  const result = ${this.roundScore('sum.div(weights)')};`,
        `  if (steps) steps.push({ k: "renormalised", label: ${lit(w.label)}, sum: sum.toString(), weights: weights.toString(), result: result.toString() });`,
        '  return result;',
        '}',
      );
    if (some && !w.weighted)
      body.push(
        `if (someNA && applicable.sign() > 0 && !applicable.eq(${scale})) {`,
        `  const result = ${this.roundScore(`sum.mul(${scale}).div(applicable)`)};`,
        `  if (steps) steps.push({ k: "rescaled", label: ${lit(w.label)}, sum: sum.toString(), applicable: applicable.toString(), scale: ${scale}.toString(), result: result.toString() });`,
        '  return result;',
        '}',
      );
    body.push('return sum;');
    const what = w.label ? `section ${quoted(w.label)}` : 'the total';
    this.fn(this.helpers, w.fn, ['u', 'steps'], () => body, `${what}: ${w.weighted ? 'the weighted sum of its parts' : 'the sum of its parts'}${some ? ', those that apply' : ''}`);
  }

  // ── the scorer ──────────────────────────────────────────────────────
  generate(): Lines {
    const plan = this.plan;
    this.fn(this.helpers, 'guard', ['u', 'f'], () => ['return guarded(errors, u, f);'], 'f(u), or undefined when it fails (the failure recorded against the unit)');
    // `bonus` read before the totals are worked out: from the bonuses' scores.
    if (plan.bonuses.length) this.fn(this.helpers, 'bonusTotal', ['u'], () => ['return bonusTotals[u] ?? sumApplicable(bonusCols, bonusNA, u) ?? ZERO;']);
    for (const it of plan.items) this.item(it);
    this.lets();
    this.cohortValues();
    for (const s of plan.sections) this.combine(this.section(s.id));
    this.combine(this.root());
    plan.adjusts.forEach((a, i) => this.unitFunction(`adjust${i}`, a.factor.expr, `adjust total * ${quoted(a.factor.text)}`));
    plan.vetoes.forEach((v, i) => this.unitFunction(`veto${i}`, v.cond.expr, `veto ${quoted(v.reason)}: ${quoted(v.cond.text)}`));
    if (plan.eligible) this.unitFunction('eligibleIf', plan.eligible.expr, `eligible if ${quoted(plan.eligible.text)}`);
    if (plan.within) this.unitFunction('groupKeyOf', plan.within.expr, `within ${quoted(plan.within.text)}`);
    const flow = this.flow();
    const results = unitResults(this);

    const start = this.startOfCall();
    // (Declared in the order a call sets them.)
    const vars = [...start.names, ...this.callVariables.filter((v) => !start.names.includes(v))];
    const scorer = this.name.replace(/^scheme/, 'scorer');

    const out = new Lines();
    out.line(`// The scheme ${quoted(plan.name)}${plan.file !== undefined ? ` (${quoted(plan.file)})` : ''}: every unit of a validated table, scored.`);
    out.line(`const ${this.name} = ${scorer}();`);
    out.line();
    out.line(`/**`);
    out.line(` * The functions of \`${this.name}\`, made once, when the module loads: each reads the call being`);
    out.line(' * scored from the variables below, so that the code the engine optimizes for them serves every');
    out.line(' * call. (Functions made anew by each call lost that code whenever the calls before were collected.)');
    out.line(' */');
    out.open(`function ${scorer}() {`);
    out.line('// ── the call being scored: set when it starts, let go when it returns; a result reads its units with its own ──');
    out.line('// (`var`: read for every unit, with no temporal dead zone to check)');
    const declared = vars.map((v, i) => `${v}${i < vars.length - 1 ? ',' : ';'}`);
    for (let i = 0; i < declared.length; ) {
      // About a hundred characters a line.
      let line = i === 0 ? 'var' : '   ';
      do line += ` ${declared[i++]}`;
      while (i < declared.length && line.length + declared[i].length < 100);
      out.line(line);
    }
    out.add(this.helpers);
    out.add(this.itemLines);
    out.add(results);
    out.line();
    out.line('// ── a call\'s state: kept by its result, put in place for each of its units, let go ──');
    out.lines(callFrame(vars));
    out.line();
    out.open(`return function ${this.name}(table, options = {}) {`);
    out.line('const outer = enterCall();');
    out.open('try {');
    out.add(start.lines);
    out.add(this.callStart);
    out.add(flow);
    out.middle('} finally {');
    out.line('leaveCall(outer);');
    out.close();
    out.close('};');
    out.close();
    return out;
  }

  /** The start of a call: the table's columns, then the columns the scorer fills, unit by unit. */
  private startOfCall(): { lines: Lines; names: string[] } {
    const plan = this.plan;
    const L = new Lines();
    const names: string[] = [];
    const set = (name: string, init: string, comment?: string) => {
      names.push(name);
      this.perCall(name, init, comment, L);
    };
    set('n', 'table.n');
    set('ids', 'table.ids');
    set('kinds', 'table.kinds');
    set('errors', 'new Map()');
    // A cohort scored in parts gives each part its cohort values and its groups' sizes (see
    // `cohortInputs`), or a function that is given what they are taken over and returns them
    // (called before scoring, so that what was worked out for them is not worked out again).
    if (this.parted) set('given', 'options.cohort ?? { values: [] }');
    for (const [field, name] of this.columns) set(name, `column(table, ${lit(field)})`);
    const itemNA = plan.items.map((it) => (this.itemMayNA(it.id) ? 'new Uint8Array(n)' : 'NONE'));
    const sectionNA = plan.sections.map((s) => (this.sectionMayNA(s.id) ? 'new Uint8Array(n)' : 'NONE'));
    if ([...itemNA, ...sectionNA].includes('NONE')) set('NONE', 'new Uint8Array(n)', 'never set: for the scores that always apply');
    set('scores', `[${plan.items.map(() => 'new Array(n)').join(', ')}]`, 'by item id');
    set('itemNA', `[${itemNA.join(', ')}]`);
    set('sectionScores', `[${plan.sections.map(() => 'new Array(n)').join(', ')}]`);
    set('sectionNA', `[${sectionNA.join(', ')}]`);
    // What a section adds to its parent: its score, unless it is a weighted part.
    set('contributions', `[${plan.sections.map((s) => (this.weightedPart(s.id) ? 'new Array(n)' : `sectionScores[${s.id}]`)).join(', ')}]`);
    set('totals', 'new Array(n).fill(null)');
    for (const [what, ids] of [['bonus', plan.bonuses], ['penalty', plan.penalties]] as const) {
      set(`${what}Totals`, `new Array(n)${ids.length ? '' : '.fill(ZERO)'}`);
      if (!ids.length) continue;
      set(`${what}Cols`, `[${ids.map((id) => `scores[${id}]`).join(', ')}]`);
      set(`${what}NA`, `[${ids.map((id) => `itemNA[${id}]`).join(', ')}]`);
    }
    for (const [alias, name] of this.imports) {
      const sub = plan.imports.find((i) => i.alias === alias);
      if (!sub) throw new Error(`assess compile: no imported scheme ${JSON.stringify(alias)}`);
      set(name, `once(() => ${this.nested(sub.plan)}(table, {}))`);
    }
    return { lines: L, names };
  }

  /** Who is assessed and with whom, every score in order, totals, vetoes, places, grades: the scorer's body. */
  private flow(): Lines {
    const plan = this.plan;
    const L = new Lines();
    L.line();
    L.line('// ── who is assessed, and with whom ──');
    const set = (name: string, init: string, comment?: string) => this.perCall(name, init, comment, L);
    if (plan.eligible) {
      set('eligible', 'new Uint8Array(n)');
      L.line('for (let u = 0; u < n; u++) if (guard(u, eligibleIf) === true) eligible[u] = 1;');
    } else set('eligible', 'new Uint8Array(n).fill(1)');
    set('groups', `groupUnits(n, eligible${plan.within ? ', (u) => guard(u, groupKeyOf)' : ''})`);
    set('groupOf', 'groups.of');
    set('members', 'groups.members');
    if (this.parted) {
      L.line('if (options.cohortInputs) return cohortInputs();');
      L.line('if (typeof given === "function") given = given(cohortInputs());');
    }
    L.line();
    L.line('// ── every score, each after the scores it reads ──');
    for (const step of plan.order) {
      switch (step.k) {
        case 'item':
          this.itemColumn(L, plan.items[step.id]);
          break;
        case 'section':
          this.sectionColumn(L, plan.sections[step.id]);
          break;
        default:
          return unknownNode('score step', step);
      }
    }
    this.totals(L);
    L.line();
    L.line('// ── vetoes, places, grades ──');
    set('vetoed', 'new Uint8Array(n)');
    if (plan.vetoes.length) {
      set('vetoLists', 'new Array(n)');
      L.open('for (let u = 0; u < n; u++) {');
      L.line(`const v = (vetoLists[u] = ${plan.eligible ? 'eligible[u] ? vetoesOf(u) : NO_VETOES' : 'vetoesOf(u)'});`);
      L.line('if (v.length > 0) vetoed[u] = 1;');
      L.close();
    } else set('vetoLists', 'new Array(n).fill(NO_VETOES)');
    for (const placing of [plan.places.vetoed, plan.places.ineligible]) if (placing !== 'last' && placing !== 'unplaced') unknownNode('placing', { k: placing });
    const placing = `placeUnits(groups, eligible, vetoed, totals, ${data(plan.places)})`;
    // Places may be left to the caller (a cohort scored in parts places every part's units
    // together); grades that read them then wait for them too (`gradingLater`).
    set('places', `options.places === false ? new Array(n).fill(null) : ${placing}`);
    const byPlace = readsPlaces(plan);
    this.grading(L, set, byPlace);
    L.line();
    L.line('const columns = { items: scores, itemsNA: itemNA, sections: sectionScores, sectionsNA: sectionNA, contributions, bonus: bonusTotals, penalty: penaltyTotals, totals, places, eligible, grades, vetoes: vetoLists };');
    if (plan.within) L.line('columns.groups = groups;');
    L.line(`return scoring({ n, ids, errors, columns, unitResult: resultReader(callState())${byPlace ? ', grading: options.places === false ? gradingLater(callState()) : undefined' : ''} });`);
    return L;
  }

  /** An item's score for every unit (none where it does not apply; a failure recorded against the unit). */
  private itemColumn(L: Lines, it: P.Item): void {
    const naTests = [...(this.plan.eligible ? ['!eligible[u]'] : []), ...(it.notApplicable.length ? [`notApplicable${it.id}(u) !== undefined`] : [])];
    L.open(`for (let u = 0, col = scores[${it.id}]${naTests.length ? `, na = itemNA[${it.id}]` : ''}; u < n; u++) { // ${it.kind} ${quoted(it.label)}`);
    if (naTests.length) L.open(`if (${naTests.join(' || ')}) {`).line('col[u] = null;').line('na[u] = 1;').line('continue;').close();
    L.line(`try { col[u] = score${it.id}(u); } catch (e) { col[u] = null; failed(errors, u, e); }`);
    L.close();
  }

  /** A section's score for every unit, from its parts. */
  private sectionColumn(L: Lines, s: P.Section): void {
    const mayNA = this.sectionMayNA(s.id);
    L.open(`for (let u = 0, col = sectionScores[${s.id}]${mayNA ? `, na = sectionNA[${s.id}]` : ''}; u < n; u++) { // section ${quoted(s.label)}`);
    if (mayNA) L.lines([`const v = combine${s.id}(u);`, 'if (v === NA) {', '  col[u] = null;', '  na[u] = 1;', '} else col[u] = v;']);
    else L.line(`col[u] = combine${s.id}(u);`);
    L.close();
  }

  /** The totals: sections and items outside them, bonuses, penalties, adjustments, the floor, the total's rounding. */
  private totals(L: Lines): void {
    const plan = this.plan;
    const floor = plan.floor !== undefined ? this.mod.dec(plan.floor) : undefined;
    L.line();
    L.line('// ── totals: the parts, bonuses added, penalties taken off, adjustments, the floor ──');
    L.open('for (let u = 0; u < n; u++) {');
    const nulls: string[] = [];
    for (const [what, ids] of [['bonus', plan.bonuses], ['penalty', plan.penalties]] as const) {
      if (!ids.length) continue;
      L.line(`const ${what} = sumApplicable(${what}Cols, ${what}NA, u);`);
      L.line(`${what}Totals[u] = ${what} ?? ZERO;`);
      nulls.push(`${what} === null`);
    }
    if (plan.eligible) L.line('if (!eligible[u]) continue;');
    L.line('const r = combineTotal(u);');
    const sum = `${this.rootMayNA() ? '(r === NA ? ZERO : r)' : 'r'}${plan.bonuses.length ? '.add(bonus)' : ''}${plan.penalties.length ? '.sub(penalty)' : ''}`;
    L.line(`let sum = ${[...nulls, 'r === null'].join(' || ')} ? null : ${sum};`);
    // `total` in an adjustment is the total before it.
    plan.adjusts.forEach((a, i) => {
      L.line(`totals[u] = sum; // adjust total * ${quoted(a.factor.text)}`);
      L.line(`if (sum !== null) { const f = guard(u, adjust${i}); sum = f instanceof Decimal ? ${this.roundScore('sum.mul(f)')} : null; }`);
    });
    if (floor) L.line(`if (sum !== null && sum.lt(${floor})) sum = ${floor};`);
    // `precision P total only`: the total, and nothing before it, is rounded.
    const p = plan.precision;
    L.line(`totals[u] = ${p?.of === 'total' ? `sum === null ? null : sum.round(${p.places})` : 'sum'};`);
    L.close();
  }

  /**
   * Grades, group by group: the first line that holds for each unit ranked (not vetoed, with a
   * total). With a quota, lines take units in order of place, as many as the quota allows.
   */
  private grading(L: Lines, set: (name: string, init: string, comment?: string) => void, byPlace: boolean): void {
    const plan = this.plan;
    for (const l of plan.grades ?? []) if (!['veto', 'ineligible', 'if', 'otherwise'].includes(l.k)) unknownNode('grade line', l);
    const lines = (plan.grades ?? []).filter((l) => l.k === 'if' || l.k === 'otherwise');
    set('gradeLines', 'new Int16Array(n).fill(-1)', 'the line that gave each ranked unit its grade');
    const quotas = lines.some((l) => l.k === 'if' && l.quota);
    if (quotas) set('quotaDecisions', 'new Map()');
    // Grades that read places, where places are left to the caller: given with them (`gradingLater`).
    if (byPlace) {
      L.open('if (options.places !== false) {');
      this.gradingLater(lines, quotas);
    }
    if (quotas) {
      L.open('members.forEach((units) => {');
      L.line('const size = units.length;');
      L.line('const ranked = units.filter((u) => !vetoed[u] && totals[u] !== null);');
      L.open('const lines = [');
      for (const [i, l] of lines.entries()) {
        if (l.k !== 'if') {
          L.line(`{ label: ${lit(l.label)}, otherwise: true },`);
          continue;
        }
        const q = l.quota;
        const quota = q === undefined ? '' : `, quota: ${q.count ?? `Number(${this.mod.dec(q.share!)}.mul(Decimal.fromInt(size)).floor().toString())`}, quotaText: ${lit(q.text)}`;
        L.line(`{ label: ${lit(l.label)}, holds: (u) => guard(u, grade${i}) === true${quota} },`);
      }
      L.close('];');
      L.line('gradeByPlace(ranked, (u) => places[u], lines, gradeLines, quotaDecisions);');
      L.close('});');
    } else if (lines.length) {
      L.line(`for (let u = 0; u < n; u++) if (${plan.eligible ? 'eligible[u] && ' : ''}!vetoed[u] && totals[u] !== null) gradeLines[u] = gradeLineOf(u);`);
      this.fn(this.helpers, 'gradeLineOf', ['u'], () => {
        const body: string[] = [];
        for (const [i, l] of lines.entries()) {
          if (l.k !== 'if') return [...body, `return ${i}; // otherwise ${quoted(l.label)}`];
          // A condition that cannot fail (`total >= 90`) is read without a guard.
          body.push(`if (${cannotFail(l.cond.expr) ? `grade${i}(u)` : `guard(u, grade${i})`} === true) return ${i}; // ${quoted(l.label)}`);
        }
        return [...body, 'return -1;'];
      }, 'the first grade line that holds (-1: none)');
    }
    if (byPlace) L.close();
    lines.forEach((l, i) => {
      if (l.k === 'if') this.unitFunction(`grade${i}`, l.cond.expr, `grade ${quoted(l.label)}: ${quoted(l.cond.text)}`);
    });
    set('grades', 'new Array(n)');
    L.line('for (let u = 0; u < n; u++) grades[u] = gradeOf(u);');
  }

  /**
   * `gradingLater(state)`: grades that read places, for a caller that works the places out itself
   * (a cohort scored in parts): once it has put them in `places`, which units each grade line holds
   * for (ranked units only; undefined when a condition failed), and then, given each unit's line
   * worked out over the whole cohort (and, for explanations, the quota decisions), the grades.
   */
  private gradingLater(lines: P.Grade[], quotas: boolean): void {
    const plan = this.plan;
    const ranked = `${plan.eligible ? 'eligible[u] && ' : ''}!vetoed[u] && totals[u] !== null`;
    this.fn(this.helpers, 'gradingLater', ['state'], () => [
      'return {',
      '  holds: () => inCall(state, () => {',
      '    const failures = errors.size;',
      '    const out = [',
      ...lines.map((l, i) => (l.k === 'if' ? `      holding((u) => ${ranked} && guard(u, grade${i}) === true), // ${quoted(l.label)}` : `      null, // otherwise ${quoted(l.label)}`)),
      '    ];',
      '    return errors.size === failures ? out : undefined;',
      '  }),',
      '  grade: (lineOf, decided) => inCall(state, () => {',
      '    gradeLines.set(lineOf);',
      ...(quotas ? ['    if (decided) for (const [u, ds] of decided) quotaDecisions.set(u, ds);'] : []),
      '    for (let u = 0; u < n; u++) grades[u] = gradeOf(u);',
      '  }),',
      '};',
    ], 'grades that read places, given once the caller has worked the places out');
    this.fn(this.helpers, 'holding', ['holds'], () => ['const out = new Uint8Array(n);', 'for (let u = 0; u < n; u++) if (holds(u)) out[u] = 1;', 'return out;'], 'which units a condition holds for');
  }
}

/**
 * How a scorer's functions, made once, are given a call's state: `callState()` (kept by the
 * call's result, whose units are built after it returns), `loadCall`, and entering and leaving a
 * call or the reading of a result's unit. A callback of a call in progress (a trace function, a
 * cohort given as a function) may score again: what it interrupts is put back when it returns.
 * A result's state stays loaded from one unit read to the next (a loop over its units loads it
 * once) and is let go when the code reading them has run (a microtask).
 */
function callFrame(vars: string[]): string[] {
  return [
    'let callLoaded = false; // a call is in progress, or a result\'s unit is being built',
    'let loadedFrom; // the state of the result whose units were read last, while it stays loaded',
    'let lettingGo = false; // a microtask will let it go',
    'function callState() {',
    `  return [${vars.join(', ')}];`,
    '}',
    'function loadCall(state) {',
    ...vars.map((v, i) => `  ${v} = state[${i}];`),
    '}',
    '/** Before a call, or the building of a result\'s unit: what it interrupts, if anything. */',
    'function enterCall() {',
    '  const outer = callLoaded ? { state: callState(), from: loadedFrom } : undefined;',
    '  callLoaded = true;',
    '  loadedFrom = undefined;',
    '  return outer;',
    '}',
    '/** After: what was interrupted back, or every variable let go. */',
    'function leaveCall(outer) {',
    '  if (outer) {',
    '    loadCall(outer.state);',
    '    loadedFrom = outer.from;',
    '  } else {',
    '    loadCall(NOTHING);',
    '    callLoaded = false;',
    '  }',
    '}',
    'function letGo() {',
    '  lettingGo = false;',
    '  if (callLoaded || loadedFrom === undefined) return;',
    '  loadCall(NOTHING);',
    '  loadedFrom = undefined;',
    '}',
    '/** f() with the state of a call that has returned (what it interrupts put back). */',
    'function inCall(state, f) {',
    '  const outer = enterCall();',
    '  loadCall(state);',
    '  try {',
    '    return f();',
    '  } finally {',
    '    leaveCall(outer);',
    '  }',
    '}',
    '/** A result\'s units, each built with the state of the call that scored them. */',
    'function resultReader(state) {',
    '  return (u) => {',
    '    // Inside a call or the building of another unit (a callback): that state is put back.',
    '    if (callLoaded) return inCall(state, () => unitResult(u));',
    '    if (loadedFrom !== state) {',
    '      loadCall(state);',
    '      loadedFrom = state;',
    '      if (!lettingGo) {',
    '        lettingGo = true;',
    '        queueMicrotask(letGo);',
    '      }',
    '    }',
    '    callLoaded = true;',
    '    try {',
    '      return unitResult(u);',
    '    } finally {',
    '      callLoaded = false;',
    '    }',
    '  };',
    '}',
  ];
}
