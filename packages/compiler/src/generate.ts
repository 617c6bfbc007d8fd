// Plan → the JavaScript of a scheme's scorer. One case per plan node kind (expressions,
// cohort values, rules); a kind this file does not know fails compilation loudly
// (`unknownNode`), never generates code that scores something else.
//
// The code does what the interpreter of @assess/core does (eval/), step for step: the same
// evaluation order (so the same failures, in the same order), the same laziness (a `let` or
// a cohort value is computed when first read), the same trace steps. The differential tests
// hold the two to that, digit for digit.
//
// Names: generated identifiers are made from indices (`item3`, `let0`, `in2`); a user's name
// or label only ever appears as a string literal, or in a comment as a string literal.
import { Decimal } from '@assess/runtime';
import type { Plan as P } from '@assess/core';
import { words } from './messages.js';
import { data, lit, quoted } from './text.js';

/** Lines of code with indentation. */
export class Lines {
  readonly out: string[] = [];
  private depth = 0;
  line(s = ''): this {
    this.out.push(s === '' ? '' : '  '.repeat(this.depth) + s);
    return this;
  }
  open(s: string): this {
    this.line(s);
    this.depth++;
    return this;
  }
  close(s = '}'): this {
    this.depth--;
    return this.line(s);
  }
  /** A line between two blocks (`} else {`). */
  mid(s: string): this {
    this.depth--;
    this.line(s);
    this.depth++;
    return this;
  }
  add(other: Lines): this {
    for (const l of other.out) this.out.push(l === '' ? '' : '  '.repeat(this.depth) + l);
    return this;
  }
  text(): string {
    return this.out.join('\n');
  }
}

const OPERATORS = new Set(['==', '!=', '<', '<=', '>', '>=']);
/** A comparison operator (one of ours, never user text) as a literal. */
function op(o: string): string {
  if (!OPERATORS.has(o)) throw new Error(`assess compile: unknown comparison ${JSON.stringify(o)}`);
  return JSON.stringify(o);
}

/** The generated name of a key (`in0`, `in1`, … in the order first asked for). */
function nameFor(names: Map<string, string>, prefix: string, key: string): string {
  let name = names.get(key);
  if (!name) names.set(key, (name = `${prefix}${names.size}`));
  return name;
}

export function unknownNode(what: string, node: { k: string }): never {
  throw new Error(`assess compile: no code for the ${what} kind \`${node.k}\` (the compiler is older than the plan)`);
}

/** Constants and failure sites, shared by every scheme of a module and emitted once, at its top. */
export class Module {
  private readonly constants = new Map<string, string>();
  private count = 0;
  readonly constantLines = new Lines();
  readonly siteLines = new Lines();
  private sites = 0;

  /** The module-level constant holding an exact decimal. */
  dec(d: P.Dec): string {
    const canonical = Decimal.parse(d)?.toString();
    if (canonical === undefined) throw new Error(`assess compile: ${JSON.stringify(d)} is not a decimal`);
    let name = this.constants.get(canonical);
    if (!name) {
      name = canonical === '0' ? 'ZERO' : canonical === '1' ? 'ONE' : `K${this.count++}`;
      this.constants.set(canonical, name);
      if (name.startsWith('K')) this.constantLines.line(`const ${name} = dec(${lit(canonical)});`);
    }
    return name;
  }

  /** A module-level constant for any other data (tier points, linear points). */
  value(comment: string, code: string): string {
    const name = `V${this.count++}`;
    this.constantLines.line(`const ${name} = ${code}; // ${comment}`);
    return name;
  }

  /** A place where a unit's number can fail, with the catalog's words for it. */
  site(site: ReturnType<typeof words>, comment: string): string {
    const name = `FAIL${this.sites++}`;
    const { severity: _severity, ...rest } = site;
    this.siteLines.line(`const ${name} = ${data(rest)}; // ${comment}`);
    return name;
  }
}

/** How expressions read the unit, the entry in scope and their temporaries. */
interface Scope {
  /** `rec` inside a `where`, else `undefined`. */
  rec: string;
  temps: { n: number };
}

/** The scorer of one plan (the scheme, or one it imports): a function `name(table, options)`. */
export class SchemeGen {
  /** Functions hoisted to the scorer's top: `where` conditions, lets, cohort values. */
  private readonly helpers = new Lines();
  private helperCount = 0;
  private readonly columns = new Map<string, string>();
  private readonly imports = new Map<string, string>();

  constructor(
    private readonly plan: P.Plan,
    private readonly mod: Module,
    readonly name: string,
    /** Scorers of imported schemes, generated next to this one. */
    private readonly nested: (plan: P.Plan) => string,
  ) {}

  // ── expressions: one case per kind ──────────────────────────────────
  expr(e: P.Expr, s: Scope): string {
    switch (e.k) {
      case 'num':
        return this.mod.dec(e.v);
      case 'text':
        return lit(e.v);
      case 'bool':
        return String(e.v);
      case 'input':
        return `${this.column(e.field)}[u]`;
      case 'entry':
        return s.rec === 'undefined' ? 'undefined' : `(${s.rec} ? ${s.rec}[${lit(e.field)}] : undefined)`;
      case 'let':
        return `let${e.id}(u)`;
      case 'unitKind':
        return 'kinds[u]';
      case 'total':
        return '(totals[u] ?? undefined)';
      case 'itemScore':
        return `(scores[${e.id}][u] ?? undefined)`;
      case 'sectionScore':
        return `(sectionScores[${e.id}]?.[u] ?? undefined)`;
      case 'bonusTotal':
        return 'bonusTotals[u]';
      case 'importTotal':
        return `(${this.importTotal(e.alias)}(u) ?? undefined)`;
      case 'neg':
        return `neg(${this.expr(e.x, s)})`;
      case 'not':
        return `(${this.expr(e.x, s)} !== true)`;
      case 'arith':
        return `${e.op === '+' ? 'add' : e.op === '-' ? 'sub' : 'mul'}(${this.expr(e.l, s)}, ${this.expr(e.r, s)})`;
      case 'div': {
        const site = this.mod.site(
          words('E0601', { ...e.span, file: this.plan.file }, (h) => ({ unit: h(0), expr: e.text })),
          `division by zero in ${quoted(e.text)}`,
        );
        return `div(${this.expr(e.l, s)}, ${this.expr(e.r, s)}, ${e.places}, ${site}, ids[u])`;
      }
      case 'logic':
        return `(${this.expr(e.l, s)} === true ${e.op === 'and' ? '&&' : '||'} ${this.expr(e.r, s)} === true)`;
      case 'cmp':
        return `cmp(${op(e.op)}, ${this.expr(e.l, s)}, ${this.expr(e.r, s)})`;
      case 'coalesce': {
        const t = this.temp(s);
        return `((${t} = ${this.expr(e.l, s)}) === undefined ? ${this.expr(e.r, s)} : ${t})`;
      }
      case 'field':
        return `field(${this.expr(e.of, s)}, ${lit(e.field)})`;
      case 'listAgg': {
        const where = e.where ? this.entryFunction(e.where, 'where') : 'undefined';
        return `listAgg(${lit(e.fn)}, ${this.expr(e.list, s)}, ${where}, u, ${e.field === undefined ? 'undefined' : lit(e.field)})`;
      }
      case 'minmax':
        return `minmax(${lit(e.fn)}, [${e.args.map((a) => this.expr(a, s)).join(', ')}])`;
      case 'round':
        return `round(${this.expr(e.x, s)}, ${e.places})`;
      case 'cohort': {
        const c = this.plan.cohort[e.id];
        return c.k === 'rank' ? `Decimal.fromInt(cohort${e.id}()[u])` : `cohort${e.id}()`;
      }
      case 'bands': {
        // The subject once; the points of the first band that holds, and only those.
        const t = this.temp(s);
        const arms = e.bands.map((b) => {
          const test = b.test;
          const hit = test.k === 'else' ? 'true' : test.k === 'is' ? `${t} === ${lit(test.v)}` : `holds(${op(test.op)}, ${t}, ${this.mod.dec(test.v)})`;
          return `${hit} ? ${this.expr(b.points, s)} : `;
        });
        return `((${t} = ${this.expr(e.subject, s)}), ${arms.join('')}ZERO)`;
      }
      case 'linear': {
        const pts = this.mod.value('linear points', `[${e.points.map((p) => `{ x: ${this.mod.dec(p.x)}, y: ${this.mod.dec(p.y)} }`).join(', ')}]`);
        return `linear(${this.expr(e.subject, s)}, ${pts}, ${e.places})`;
      }
      default:
        return unknownNode('expression', e);
    }
  }

  /** A number-valued expression (absent reads as 0). */
  num(e: P.Expr, s: Scope): string {
    return `num(${this.expr(e, s)})`;
  }

  private temp(s: Scope): string {
    return `t${s.temps.n++}`;
  }

  /** An input column, read once per scorer. */
  private column(field: string): string {
    return nameFor(this.columns, 'in', field);
  }

  /** An expression evaluated with a list entry in scope, as a function `(u, rec)`. */
  private entryFunction(e: P.Expr, what: string): string {
    const name = `${what}${this.helperCount++}`;
    this.fn(this.helpers, name, ['u', 'rec'], (s) => [`return ${this.expr(e, s)};`]);
    return name;
  }

  /** A function whose body evaluates expressions, with its temporaries declared. */
  private fn(into: Lines, name: string, params: string[], body: (s: Scope) => string[], comment?: string): void {
    const s: Scope = { rec: params.includes('rec') ? 'rec' : 'undefined', temps: { n: 0 } };
    const lines = body(s);
    if (comment) into.line(`// ${comment}`);
    into.open(`function ${name}(${params.join(', ')}) {`);
    if (s.temps.n > 0) into.line(`let ${Array.from({ length: s.temps.n }, (_, i) => `t${i}`).join(', ')};`);
    for (const l of lines) into.line(l);
    into.close();
  }

  /** An imported scheme's total, by its alias. */
  private importTotal(alias: string): string {
    return nameFor(this.imports, 'import', alias);
  }

  // ── lets and cohort values ────────────────────────────────────────
  /** A let: computed when first read, once per unit (a failure is not kept: it is raised again). */
  private lets(): void {
    for (const l of this.plan.lets) {
      this.helpers.line(`const let${l.id}Cache = new Array(n).fill(UNSET);`);
      this.fn(
        this.helpers,
        `let${l.id}`,
        ['u'],
        (s) => [`const c = let${l.id}Cache[u];`, 'if (c !== UNSET) return c;', `return (let${l.id}Cache[u] = ${this.expr(l.expr, s)});`],
        `let ${quoted(l.name)}`,
      );
    }
  }

  /** Each cohort value: one pass over the cohort, when first read; its failure is kept and raised to every reader. */
  private cohortValues(): void {
    for (const c of this.plan.cohort) {
      const body = (s: Scope): string[] => {
        switch (c.k) {
          case 'rank':
            return [
              'const values = new Array(n);',
              `for (let u = 0; u < n; u++) values[u] = ${this.num(c.by, s)};`,
              `return competitionRanks(values, ${lit(c.dir)});`,
            ];
          case 'aggregate': {
            const lines = ['const values = [];', 'let count = 0;', 'for (let u = 0; u < n; u++) {'];
            if (c.where) lines.push(`  if (${this.expr(c.where, s)} !== true) continue;`);
            lines.push('  count++;', `  const v = ${this.expr(c.value, s)};`, '  if (v instanceof Decimal) values.push(v);', '}');
            lines.push(c.fn === 'count' ? 'return Decimal.fromInt(count);' : `return aggregate(${lit(c.fn)}, values);`);
            return lines;
          }
          case 'prorataMax':
            return [`return prorataTop${c.item}();`];
          default:
            return unknownNode('cohort value', c);
        }
      };
      this.fn(this.helpers, `cohort${c.id}Pass`, [], body, `cohort value ${c.id}: ${c.k === 'prorataMax' ? `the highest raw score of item ${c.item}` : c.k}`);
      this.helpers.line(`const cohort${c.id} = once(cohort${c.id}Pass);`);
    }
  }

  // ── rules: one case per kind ─────────────────────────────────────
  /** The body of `rule{id}(u, steps)`: the rule's raw value, recording steps when asked. */
  private rule(it: P.Item, s: Scope): string[] {
    const r = it.rule;
    const M = this.mod.dec(it.max);
    switch (r.k) {
      case 'points': {
        const out = ['let sum = ZERO;'];
        r.lines.forEach((l, i) => {
          const p = this.mod.dec(l.points);
          out.push(`const holds${i} = ${this.expr(l.cond.expr, s)} === true; // ${quoted(l.cond.text)}`);
          out.push(`if (holds${i}) sum = sum.${l.deduct ? 'sub' : 'add'}(${p});`);
          out.push(`if (steps) steps.push({ k: "line", points: ${p}.toString(), deduct: ${l.deduct}, cond: ${lit(l.cond.text)}, holds: holds${i} });`);
        });
        out.push('if (steps) steps.push({ k: "sum", value: sum.toString() });', 'return sum;');
        return out;
      }
      case 'deduct': {
        const k = this.mod.dec(r.per);
        const most = r.most !== undefined ? this.mod.dec(r.most) : undefined;
        return [
          `const x = ${this.num(r.count.expr, s)};`,
          `let d = ${k}.mul(x);`,
          `const capped = ${most ? `d.gt(${most})` : 'false'};`,
          ...(most ? [`if (capped) d = ${most};`] : []),
          `const result = ${M}.sub(d);`,
          `if (steps) steps.push({ k: "deduct", max: ${M}.toString(), per: ${k}.toString(), count: x.toString(), countText: ${lit(r.count.text)}, ${most ? `...(capped ? { most: ${most}.toString() } : {}), ` : ''}result: result.toString() });`,
          'return result;',
        ];
      }
      case 'ratio': {
        const out = [`const d = ${this.num(r.done, s)};`, `const tg = ${this.num(r.target, s)};`, 'if (tg.isZero()) {'];
        if (r.ifZero) out.push(`  const z = ${this.num(r.ifZero, s)};`, '  if (steps) steps.push({ k: "ratioZero", value: z.toString() });', '  return z;');
        else {
          const site = this.mod.site(
            words('E0602', { ...r.target.span, file: this.plan.file }, (h) => ({ unit: h(0), item: it.label })),
            `the target of ${quoted(it.label)} is 0`,
          );
          out.push(`  throw new Failure(diagnostic(${site}, [ids[u]]));`);
        }
        out.push(
          '}',
          `const q = ${M}.mul(d).div(tg, ${r.places});`,
          `const v = q.clamp(ZERO, ${M});`,
          `if (steps) steps.push({ k: "ratio", max: ${M}.toString(), done: d.toString(), target: tg.toString(), quotient: q.toString(), ...(v.eq(q) ? {} : { clamped: v.toString() }) });`,
          'return v;',
        );
        return out;
      }
      case 'rankPoints': {
        const first = this.mod.dec(r.first);
        const step = this.mod.dec(r.step);
        return [
          `const k = ${this.num(r.rank, s)};`,
          `const raw = ${first}.sub(${step}.mul(k.sub(ONE)));`,
          'const v = Decimal.max(ZERO, raw);',
          `if (steps) steps.push({ k: "rankPoints", rank: k.toString(), first: ${first}.toString(), step: ${step}.toString(), raw: raw.toString(), floored: !v.eq(raw) });`,
          'return v;',
        ];
      }
      case 'rankScored':
        return [
          'if (n <= 1) {',
          `  if (steps) steps.push({ k: "onlyUnit", max: ${M}.toString() });`,
          `  return ${M};`,
          '}',
          `const place = cohort${r.place}()[u];`,
          `const v = ${M}.mul(Decimal.fromInt(n - place)).div(Decimal.fromInt(n - 1), ${r.places});`,
          `if (steps) steps.push({ k: "rankScored", place, n, by: ${lit(r.by.text)}, value: shown(${this.expr(r.by.expr, s)}), max: ${M}.toString(), result: v.toString() });`,
          'return v;',
        ];
      case 'tiers':
        return this.tiers(r, s);
      case 'formula':
        return [`const v = ${this.num(r.expr.expr, s)};`, `if (steps) steps.push({ k: "formula", text: ${lit(r.expr.text)}, value: v.toString() });`, 'return v;'];
      default:
        return unknownNode('rule', r);
    }
  }

  private tiers(r: Extract<P.Rule, { k: 'tiers' }>, s: Scope): string[] {
    const points = this.mod.value('tier points', `new Map([${r.tiers.map((t) => `[${lit(t.member)}, ${this.mod.dec(t.points)}]`).join(', ')}])`);
    const out = [`const value = ${this.expr(r.source.expr, s)};`];
    if (!r.list) {
      out.push(`const p = tierPoints(${points}, value);`, `if (steps) steps.push({ k: "tier", source: ${lit(r.source.text)}, value: shown(value), points: p.toString() });`, 'return p;');
      return out;
    }
    const field = lit(r.list.field);
    const pointsOf = `pointsOf${this.helperCount++}`;
    this.helpers.line(`const ${pointsOf} = (rec) => tierPoints(${points}, rec[${field}]);`);
    out.push('let entries = Array.isArray(value) ? value : [];', 'if (!steps) {', ...this.fusedFilters(r.list.filters, pointsOf).map((l) => `  ${l}`));
    out.push('  let sum = ZERO;', `  for (let i = 0; i < entries.length; i++) sum = sum.add(${pointsOf}(entries[i]));`, '  return sum;', '}', 'let kept;');
    for (const f of r.list.filters) {
      switch (f.k) {
        case 'with':
          out.push(`kept = entries.filter((e) => e[${lit(f.field)}] !== undefined);`);
          break;
        case 'where':
          out.push(`kept = entries.filter((e) => ${this.entryFunction(f.cond.expr, 'where')}(u, e) === true);`);
          break;
        case 'bestPer':
          out.push(`kept = bestPer(entries, ${lit(f.field)}, ${pointsOf});`);
          break;
        default:
          return unknownNode('list filter', f);
      }
      const reason = f.k === 'with' ? `{ k: "with", field: ${lit(f.field)} }` : f.k === 'where' ? `{ k: "where", cond: ${lit(f.cond.text)} }` : `{ k: "bestPer", field: ${lit(f.field)} }`;
      out.push(`if (steps) for (const e of entries) if (!kept.includes(e)) steps.push({ k: "dropped", entry: entryOf(e), reason: ${reason} });`, 'entries = kept;');
    }
    out.push(
      'let sum = ZERO;',
      'for (const e of entries) {',
      `  const p = ${pointsOf}(e);`,
      '  sum = sum.add(p);',
      `  if (steps) steps.push({ k: "entry", entry: entryOf(e), member: e[${field}], points: p.toString() });`,
      '}',
      'if (steps) steps.push({ k: "sum", value: sum.toString() });',
      'return sum;',
    );
    return out;
  }

  /**
   * The filters of a tier table without a trace, in fewer passes: a run of `with` filters
   * and the `where` after it test each entry once. (A `with` cannot fail, so the `where`
   * sees the same entries in the same order as filter after filter would show it.)
   */
  private fusedFilters(filters: Extract<P.Filter, object>[], pointsOf: string): string[] {
    const out: string[] = [];
    let tests: string[] = [];
    const flush = () => {
      if (!tests.length) return;
      const keep = `keep${this.helperCount++}`;
      // Into an array of its own, reused from unit to unit (a rule never runs inside itself).
      this.helpers.line(`const ${keep}Kept = [];`);
      this.fn(this.helpers, keep, ['entries', 'u'], () => [
        `const kept = ${keep}Kept;`,
        'kept.length = 0;',
        'for (let i = 0; i < entries.length; i++) {',
        '  const e = entries[i];',
        `  if (${tests.join(' && ')}) kept.push(e);`,
        '}',
        'return kept;',
      ]);
      out.push(`entries = ${keep}(entries, u);`);
      tests = [];
    };
    for (const f of filters) {
      if (f.k === 'with') tests.push(`e[${lit(f.field)}] !== undefined`);
      else if (f.k === 'where') {
        tests.push(`${this.entryFunction(f.cond.expr, 'where')}(u, e) === true`);
        flush();
      } else if (f.k === 'bestPer') {
        flush();
        const best = `best${this.helperCount++}`;
        this.helpers.line(`const ${best}Keys = [], ${best}Kept = [];`);
        out.push(`entries = bestPerInto(entries, ${lit(f.field)}, ${pointsOf}, ${best}Keys, ${best}Kept);`);
      } else return unknownNode('list filter', f);
    }
    flush();
    return out;
  }

  // ── items ─────────────────────────────────────────────────────────
  private item(it: P.Item, into: Lines): void {
    const plan = this.plan;
    const where = it.section !== undefined ? `section ${quoted(plan.sections[it.section].label)}, ` : '';
    into.line();
    into.line(`// ── ${it.kind} ${it.id} ${quoted(it.label)} (${where}max ${it.max}) ──`);
    into.line(`// ${quoted(it.text)}`);
    this.fn(into, `rule${it.id}`, ['u', 'steps'], (s) => this.rule(it, s));
    // The raw value: `void if` first.
    this.fn(into, `raw${it.id}`, ['u', 'steps'], (s) => [
      ...it.voids.flatMap((v) => [`if (${this.expr(v.expr, s)} === true) {`, `  if (steps) steps.push({ k: "void", cond: ${lit(v.text)} });`, '  return ZERO;', '}']),
      `return rule${it.id}(u, steps);`,
    ]);
    const M = this.mod.dec(it.max);
    const cap = it.cap;
    const body: string[] = [];
    if (cap?.prorata) {
      // The raw values are kept for the cohort's highest (failures too: they are raised again).
      into.line(`const raw${it.id}Cache = new Array(n).fill(UNSET);`);
      this.fn(into, `cachedRaw${it.id}`, ['u'], () => [
        `const c = raw${it.id}Cache[u];`,
        'if (c instanceof Decimal) return c;',
        'if (c instanceof Failure) throw c;',
        'try {',
        `  return (raw${it.id}Cache[u] = raw${it.id}(u));`,
        '} catch (e) {',
        `  if (e instanceof Failure) raw${it.id}Cache[u] = e;`,
        '  throw e;',
        '}',
      ]);
      this.fn(into, `prorataTop${it.id}Pass`, [], () => ['let top = ZERO;', 'for (let u = 0; u < n; u++) {', `  const v = cachedRaw${it.id}(u);`, '  if (v.gt(top)) top = v;', '}', 'return top;']);
      into.line(`const prorataTop${it.id} = once(prorataTop${it.id}Pass);`);
      const c = this.mod.dec(cap.value);
      body.push(
        `let v = steps ? raw${it.id}(u, steps) : cachedRaw${it.id}(u);`,
        `const top = prorataTop${it.id}();`,
        `if (top.gt(${c})) {`,
        `  const scaled = v.mul(${c}).div(top, ${cap.prorata.places});`,
        `  if (steps) steps.push({ k: "prorata", cap: ${c}.toString(), top: top.toString(), raw: v.toString(), scaled: scaled.toString() });`,
        '  v = scaled;',
        `} else if (steps) steps.push({ k: "prorataNone", cap: ${c}.toString(), top: top.toString() });`,
      );
    } else {
      body.push(`let v = raw${it.id}(u, steps);`);
      if (cap) {
        const c = this.mod.dec(cap.value);
        body.push(`if (v.gt(${c})) {`, `  if (steps) steps.push({ k: "cap", cap: ${c}.toString(), from: v.toString() });`, `  v = ${c};`, '}');
      }
    }
    body.push(
      `if (v.gt(${M})) {`,
      `  if (steps) steps.push({ k: "atMostMax", max: ${M}.toString(), from: v.toString() });`,
      `  v = ${M};`,
      '} else if (v.sign() < 0) {',
      '  if (steps) steps.push({ k: "notBelowZero", from: v.toString() });',
      '  v = ZERO;',
      '}',
    );
    if (it.places !== undefined)
      body.push(`const r = v.round(${it.places});`, `if (steps && !r.eq(v)) steps.push({ k: "rounded", places: ${it.places}, from: v.toString(), to: r.toString() });`, 'return r;');
    else body.push('return v;');
    this.fn(into, `score${it.id}`, ['u', 'steps'], () => body);
    // What the trace shows the rule read.
    const reads = it.reads.map((r) =>
      r.k === 'input'
        ? `{ name: ${lit(r.field)}, ${r.label !== undefined ? `label: ${lit(r.label)}, ` : ''}value: shown(${this.column(r.field)}[u]) }`
        : `{ name: ${lit(plan.lets[r.id].name)}, value: shownOrFailed(() => let${r.id}(u)) }`,
    );
    into.line(`const reads${it.id} = (u) => [${reads.join(', ')}];`);
  }

  // ── the scorer ────────────────────────────────────────────────────
  generate(): Lines {
    const plan = this.plan;
    const body = new Lines();
    const items = new Lines();
    for (const it of plan.items) this.item(it, items);
    this.lets();
    this.cohortValues();
    const ends = this.totals();

    const out = new Lines();
    out.line(`// The scheme ${quoted(plan.name)}${plan.file !== undefined ? ` (${quoted(plan.file)})` : ''}: every unit of a validated table, scored.`);
    out.open(`function ${this.name}(table, options = {}) {`);
    out.line('const n = table.n;');
    out.line('const ids = table.ids;');
    out.line('const kinds = table.kinds;');
    out.line('const trace = options.trace;');
    out.line('const tracing = typeof trace === "function" ? trace : () => !!trace;');
    for (const [field, name] of this.columns) out.line(`const ${name} = column(table, ${lit(field)});`);
    out.line(`const scores = [${plan.items.map(() => 'new Array(n)').join(', ')}];`);
    out.line('let sectionScores = [];');
    out.line('let contributions = [];');
    out.line('let totals = [];');
    out.line('let bonusTotals = [];');
    out.line('const errors = new Map();');
    out.line('const guard = (u, f) => guarded(errors, u, f);');
    for (const [alias, name] of this.imports) {
      const sub = plan.imports.find((i) => i.alias === alias);
      if (!sub) throw new Error(`assess compile: no imported scheme ${JSON.stringify(alias)}`);
      out.line(`const ${name}Scoring = once(() => ${this.nested(sub.plan)}(table, {}));`);
      out.line(`const ${name} = (u) => ${name}Scoring().total(u);`);
    }
    out.add(this.helpers);
    out.add(items);
    body.add(ends);
    out.add(body);
    out.close();
    return out;
  }

  /** Sections, totals, vetoes and grades, and the unit results, in the interpreter's order. */
  private totals(): Lines {
    const plan = this.plan;
    const L = new Lines();
    const total = this.mod.dec(plan.total);
    const roundScore = (x: string) => (plan.precision === undefined ? x : `${x}.round(${plan.precision})`);
    L.line();
    L.line('// ── scores, item by item over the cohort ──');
    for (const it of plan.items) {
      L.open(`for (let u = 0, col = scores[${it.id}]; u < n; u++) { // ${quoted(it.label)}`);
      L.line(`try { col[u] = score${it.id}(u); } catch (e) { col[u] = null; failed(errors, u, e); }`);
      L.close();
    }
    L.line();
    L.line('// ── sections ──');
    L.line(`sectionScores = [${plan.sections.map(() => 'new Array(n)').join(', ')}];`);
    // An unweighted section adds its score: the same column.
    L.line(`contributions = [${plan.sections.map((sec) => (sec.weight !== undefined ? 'new Array(n)' : `sectionScores[${sec.id}]`)).join(', ')}];`);
    for (const sec of plan.sections) {
      L.open(`for (let u = 0; u < n; u++) { // ${quoted(sec.label)}`);
      L.line('let sum = ZERO;');
      for (const id of sec.items) L.line(`const s${id} = scores[${id}][u];`);
      for (const id of sec.items) L.line(`if (sum !== null) sum = s${id} === null ? null : sum.add(s${id});`);
      L.line(`sectionScores[${sec.id}][u] = sum;`);
      if (sec.weight !== undefined) {
        const scale = this.mod.dec(sec.scale);
        const weight = this.mod.dec(sec.weight);
        const contribution = Decimal.parse(sec.scale)!.isZero() ? 'ZERO' : roundScore(`sum.mul(${weight}).mul(${total}).div(${scale}, ${sec.places})`);
        L.line(`contributions[${sec.id}][u] = sum === null ? null : ${contribution};`);
      }
      L.close();
    }
    L.line();
    L.line('// ── totals: contributions, items outside sections, bonuses, adjustments ──');
    L.line('totals = new Array(n);');
    L.line('bonusTotals = new Array(n);');
    L.open('for (let u = 0; u < n; u++) {');
    L.line('let sum = ZERO;');
    L.line('let bonus = ZERO;');
    for (const sec of plan.sections) L.line(`sum = sum === null || contributions[${sec.id}][u] === null ? null : sum.add(contributions[${sec.id}][u]);`);
    for (const id of plan.topItems) L.line(`sum = sum === null || scores[${id}][u] === null ? null : sum.add(scores[${id}][u]);`);
    for (const id of plan.bonuses) L.line(`if (scores[${id}][u] === null) sum = null; else bonus = bonus.add(scores[${id}][u]);`);
    L.line('if (sum !== null) sum = sum.add(bonus);');
    plan.adjusts.forEach((a, i) => {
      L.line(`if (sum !== null) { const f = guard(u, adjust${i}); sum = f instanceof Decimal ? ${roundScore('sum.mul(f)')} : null; }`);
    });
    L.line('totals[u] = sum;');
    L.line('bonusTotals[u] = bonus;');
    L.close();
    plan.adjusts.forEach((a, i) => this.fn(this.helpers, `adjust${i}`, ['u'], (s) => [`return ${this.expr(a.factor.expr, s)};`], `adjust total * ${quoted(a.factor.text)}`));

    this.vetoesAndGrade();
    L.line();
    L.line('// ── vetoes and grades ──');
    L.line('const grades = new Array(n);');
    L.line('const vetoLists = new Array(n);');
    L.open('for (let u = 0; u < n; u++) {');
    L.line('const v = (vetoLists[u] = vetoesOf(u));');
    L.line('grades[u] = gradeOf(u, v);');
    L.close();
    this.unitResults();
    L.line('return scoring({ n, ids, errors, totals, bonusTotals, scores, sectionScores, contributions, grades, vetoLists, unitResult });');
    return L;
  }

  private vetoesAndGrade(): void {
    const plan = this.plan;
    const H = this.helpers;
    plan.vetoes.forEach((v, i) => this.fn(H, `veto${i}`, ['u'], (s) => [`return ${this.expr(v.cond.expr, s)};`], `veto ${quoted(v.reason)}: ${quoted(v.cond.text)}`));
    (plan.grades ?? []).forEach((g, i) => {
      if (g.k === 'if') this.fn(H, `grade${i}`, ['u'], (s) => [`return ${this.expr(g.cond.expr, s)};`], `grade ${quoted(g.label)}: ${quoted(g.cond.text)}`);
    });
    H.open('function vetoesOf(u, steps) {');
    H.line('let vetoes = NO_VETOES;');
    plan.vetoes.forEach((v, i) => {
      H.open(`if (guard(u, veto${i}) === true) {`);
      H.line(`vetoes = [...vetoes, ${lit(v.reason)}];`);
      H.line(`if (steps) steps.push({ k: "veto", reason: ${lit(v.reason)}, cond: ${lit(v.cond.text)} });`);
      H.close();
    });
    H.line('return vetoes;');
    H.close();
    H.open('function gradeOf(u, vetoes, steps) {');
    H.line('const total = totals[u];');
    if (plan.grades) {
      const vetoLine = plan.grades.find((l) => l.k === 'veto');
      H.line('if (total === null) return null;');
      H.open('if (vetoes.length > 0) {');
      H.line(`if (steps) steps.push({ k: "vetoGrade", grade: ${vetoLine ? lit(vetoLine.label) : 'null'} });`);
      H.line(`return ${vetoLine ? lit(vetoLine.label) : 'null'};`);
      H.close();
      H.line('let holds;');
      // The first line that holds; `otherwise` ends the block.
      for (const [i, g] of plan.grades.entries()) {
        if (g.k === 'otherwise') {
          H.line(`if (steps) steps.push({ k: "otherwiseGrade", grade: ${lit(g.label)} });`);
          H.line(`return ${lit(g.label)};`);
          break;
        }
        if (g.k !== 'if') continue;
        H.line(`try { holds = grade${i}(u); } catch (e) { holds = undefined; failed(errors, u, e); }`);
        H.open('if (holds === true) {');
        H.line(`if (steps) steps.push({ k: "gradeLine", cond: ${lit(g.cond.text)}, total: total.toString(), grade: ${lit(g.label)} });`);
        H.line(`return ${lit(g.label)};`);
        H.close();
      }
    }
    H.line('return null;');
    H.close();
  }

  /** One unit's result, built when asked for (with its trace when tracing). */
  private unitResults(): void {
    const plan = this.plan;
    const H = this.helpers;
    const total = this.mod.dec(plan.total);
    const itemResult = (id: number) => {
      const it = plan.items[id];
      const section = it.section !== undefined ? `section: ${lit(plan.sections[it.section].label)}, ` : '';
      return `itemResult({ label: ${lit(it.label)}, ${section}score: scores[${id}][u], max: ${this.mod.dec(it.max)} }, tracing(u) && (() => itemTrace(${lit(it.text)}, ${id}, u)))`;
    };
    H.open('function itemTrace(rule, id, u) {');
    H.line('const steps = [];');
    H.line('try {');
    H.line(`  [${plan.items.map((it) => `score${it.id}`).join(', ')}][id](u, steps);`);
    H.line('} catch (e) {');
    H.line('  if (!(e instanceof Failure)) throw e;');
    H.line('  steps.push({ k: "failure", message: e.diagnostic.message });');
    H.line('}');
    H.line(`return { rule, inputs: [${plan.items.map((it) => `reads${it.id}`).join(', ')}][id](u), steps };`);
    H.close();
    H.open('function totalSteps(u) {');
    H.line('const out = [];');
    H.line('const s = (d) => (d === null ? null : d.toString());');
    for (const sec of plan.sections) {
      H.line(`out.push({ k: "section", label: ${lit(sec.label)}, parts: [${sec.items.map((id) => `s(scores[${id}][u])`).join(', ')}], score: s(sectionScores[${sec.id}][u]) });`);
      if (sec.weightText !== undefined)
        H.line(
          `out.push({ k: "weighted", score: s(sectionScores[${sec.id}][u]), scale: ${lit(sec.scale)}, weight: ${lit(sec.weightText)}, total: ${total}.toString(), contribution: s(contributions[${sec.id}][u]) });`,
        );
    }
    const parts = [...plan.sections.map((sec) => `s(contributions[${sec.id}][u])`), ...plan.topItems.map((id) => `s(scores[${id}][u])`)];
    H.line(`const step = { k: "total", parts: [${parts.join(', ')}] };`);
    if (plan.bonuses.length) H.line('step.bonus = bonusTotals[u].toString();');
    if (!plan.adjusts.length) H.line('step.result = s(totals[u]);');
    H.line('out.push(step);');
    if (plan.adjusts.length) {
      // The running total after each adjustment (the stored total is after all of them).
      H.line('let running = ZERO;');
      for (const sec of plan.sections) H.line(`running = running === null || contributions[${sec.id}][u] === null ? null : running.add(contributions[${sec.id}][u]);`);
      for (const id of plan.topItems) H.line(`running = running === null || scores[${id}][u] === null ? null : running.add(scores[${id}][u]);`);
      for (const id of plan.bonuses) H.line(`if (scores[${id}][u] === null) running = null;`);
      H.line('if (running !== null) running = running.add(bonusTotals[u]);');
      plan.adjusts.forEach((a, i) => {
        H.line(`const f${i} = guard(u, adjust${i});`);
        H.line(`running = running !== null && f${i} instanceof Decimal ? ${plan.precision === undefined ? `running.mul(f${i})` : `running.mul(f${i}).round(${plan.precision})`} : null;`);
        H.line(`out.push({ k: "adjusted", factor: ${lit(a.factor.text)}, value: shown(f${i}), result: s(running) });`);
      });
    }
    H.line('return out;');
    H.close();
    H.open('function unitResult(u) {');
    H.line('const steps = tracing(u) ? [] : undefined;');
    H.open('const items = [');
    for (const id of [...plan.sections.flatMap((sec) => sec.items), ...plan.topItems]) H.line(`${itemResult(id)},`);
    H.close('];');
    const sections = plan.sections.map(
      (sec) =>
        `{ label: ${lit(sec.label)}, score: sectionScores[${sec.id}][u], max: ${this.mod.dec(sec.scale)}, contribution: contributions[${sec.id}][u]${sec.weight !== undefined ? `, weight: ${this.mod.dec(sec.weight)}` : ''} }`,
    );
    H.open('const sections = [');
    for (const sec of sections) H.line(`${sec},`);
    H.close('];');
    H.open('const bonuses = [');
    for (const id of plan.bonuses) H.line(`${itemResult(id)},`);
    H.close('];');
    H.line('const vetoes = steps ? [...vetoesOf(u, steps)] : [...vetoLists[u]];');
    H.line('const grade = steps ? gradeOf(u, vetoes, steps) : grades[u];');
    H.line('if (steps) steps.unshift(...totalSteps(u));');
    H.line('const r = { id: ids[u], items, sections, bonuses, bonus: bonusTotals[u], total: totals[u], grade, vetoed: vetoes.length > 0, vetoes, errors: errors.get(u) ?? [] };');
    if (plan.unitKinds.length > 1) H.line('if (kinds[u] !== undefined) r.kind = kinds[u];');
    H.line('if (steps) r.steps = steps;');
    H.line('return r;');
    H.close();
  }
}
