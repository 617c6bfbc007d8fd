// Plan expressions, named values and cohort values → JavaScript. One case per kind; a kind this
// file does not know fails compilation (`unknownNode`). The code reads the scorer's state by the
// names the scorer gives it (see generate.ts): `u` the unit, `in0…` input columns, `scores`,
// `sectionScores`, `totals`, `places`, `groupOf` and `members` (the unit's group and the units
// assessed in each group), `kinds`, `ids`.
import { givenInParts, readsGroupSizes, type Plan as P } from '@assess/core';
import { ops } from '@assess/runtime';
import { Lines, nameFor, op, unknownNode, type Module } from './lines.js';
import { words } from './messages.js';
import { lit, quoted } from './text.js';

/** A number other than zero written in the scheme: a division by it cannot fail. */
const nonZeroNumber = (e: P.Expr): boolean => e.k === 'num' && /[1-9]/.test(e.v);

/**
 * Whether an expression's code can never throw a unit's failure: it reads only inputs, numbers
 * written in the scheme, scores, the total and places, through operations that cannot fail (a
 * division only by a number other than zero written in the scheme). Such an expression needs
 * no guard. Anything else (a division by a value, a named value, a cohort value, an import, a
 * list) is taken to be able to fail.
 */
export function cannotFail(e: P.Expr): boolean {
  switch (e.k) {
    case 'num':
    case 'text':
    case 'bool':
    case 'input':
    case 'entry':
    case 'unitKind':
    case 'total':
    case 'place':
    case 'cohortSize':
    case 'itemScore':
    case 'sectionScore':
    case 'bonusTotal':
      return true;
    case 'neg':
    case 'not':
    case 'num01':
    case 'round':
      return cannotFail(e.x);
    case 'arith':
    case 'logic':
    case 'cmp':
    case 'coalesce':
      return cannotFail(e.l) && cannotFail(e.r);
    case 'div':
      return nonZeroNumber(e.r) && cannotFail(e.l);
    case 'if':
      return cannotFail(e.c) && cannotFail(e.then) && cannotFail(e.else);
    case 'bands':
      return cannotFail(e.subject) && e.bands.every((b) => cannotFail(b.points) && (b.test.k !== 'cmp' || cannotFail(b.test.v)));
    default:
      return false;
  }
}

/** How expressions read the list entry in scope, and their temporaries. */
export interface Scope {
  /** `rec` inside a `where` or a per-entry formula, else `undefined`. */
  rec: string;
  temps: { n: number };
}

/** The JavaScript of a plan's expressions, with the functions they need hoisted into `helpers`. */
export class Exprs {
  /** Functions hoisted to the scorer's top: entry conditions, lets, cohort values, …. */
  readonly helpers = new Lines();
  protected helperCount = 0;
  /** Input columns read, by field: `in0`, `in1`, …. */
  readonly columns = new Map<string, string>();
  /** Imported schemes read, by alias: `import0`, …. */
  readonly imports = new Map<string, string>();
  /**
   * The variables of the call being scored (a column, a cache, a memo: what each call has its
   * own of), in the order they are declared; the scorer's functions, made once, read them.
   */
  readonly callVariables: string[] = [];
  /** The lines that give a call its own caches and memos when it starts (see `perCall`). */
  readonly callStart = new Lines();

  /** Whether the plan reads how many units a group has, and whether a part of a cohort scored in parts is given anything (see `cohortInputs`). */
  protected readonly readsSizes: boolean;
  protected readonly parted: boolean;

  constructor(
    readonly plan: P.Plan,
    readonly mod: Module,
  ) {
    this.readsSizes = readsGroupSizes(plan);
    this.parted = givenInParts(plan);
  }

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
      case 'place':
        return '(places[u] === null ? undefined : Decimal.fromInt(places[u]))';
      case 'cohortSize':
        return 'Decimal.fromInt(groupSize(groupOf[u]))';
      case 'itemScore':
        return `(scores[${e.id}][u] ?? undefined)`;
      case 'sectionScore':
        return `(sectionScores[${e.id}][u] ?? undefined)`;
      case 'bonusTotal':
        return this.plan.bonuses.length ? 'bonusTotal(u)' : 'ZERO';
      case 'importTotal':
        return `(${this.imported(e.alias)}().total(u) ?? undefined)`;
      case 'importScore':
        return `(${this.imported(e.alias)}().columns.${e.target === 'item' ? 'items' : 'sections'}[${e.id}][u] ?? undefined)`;
      case 'neg':
        return `neg(${this.expr(e.x, s)})`;
      case 'not':
        return `(${this.expr(e.x, s)} !== true)`;
      case 'arith':
        return `${e.op === '+' ? 'add' : e.op === '-' ? 'sub' : 'mul'}(${this.expr(e.l, s)}, ${this.expr(e.r, s)})`;
      case 'div': {
        // By a number written in the scheme other than zero (`/ 90`): it cannot fail; by 10, 100
        // or 1000 the point moves.
        const places = e.r.k === 'num' ? ops.pointShift(e.r.v) : undefined;
        if (places !== undefined) return `divPow10(${this.expr(e.l, s)}, ${places})`;
        if (nonZeroNumber(e.r)) return `divBy(${this.expr(e.l, s)}, ${this.expr(e.r, s)})`;
        const site = this.mod.site(
          words('E0601', { ...e.span, file: this.plan.file }, (h) => ({ unit: h(0), expr: e.text })),
          `division by zero in ${quoted(e.text)}`,
        );
        return `div(${this.expr(e.l, s)}, ${this.expr(e.r, s)}, ${site}, ids[u])`;
      }
      case 'logic':
        return `(${this.expr(e.l, s)} === true ${e.op === 'and' ? '&&' : '||'} ${this.expr(e.r, s)} === true)`;
      case 'cmp':
        return `cmp(${op(e.op)}, ${this.expr(e.l, s)}, ${this.expr(e.r, s)})`;
      case 'if':
        return `(${this.expr(e.c, s)} === true ? ${this.expr(e.then, s)} : ${this.expr(e.else, s)})`;
      case 'num01':
        return `num01(${this.expr(e.x, s)})`;
      case 'coalesce': {
        const t = this.temp(s);
        return `((${t} = ${this.expr(e.l, s)}) === undefined ? ${this.expr(e.r, s)} : ${t})`;
      }
      case 'field':
        return `field(${this.expr(e.of, s)}, ${lit(e.field)})`;
      case 'listAgg': {
        const { list, where, field, value } = this.listAggParts(e, s);
        return `listAgg(${lit(e.fn)}, ${list}, ${where}, u, ${field}${e.value ? `, ${value}` : ''})`;
      }
      case 'minmax':
        return `minmax(${lit(e.fn)}, [${e.args.map((a) => this.expr(a, s)).join(', ')}])`;
      case 'round':
        return `round(${this.expr(e.x, s)}, ${e.places})`;
      case 'cohort': {
        const c = this.plan.cohort[e.id];
        // A rank is per unit; any other cohort value is one number per group.
        return c.k === 'rank' ? `Decimal.fromInt(cohort${e.id}()[u])` : `cohort${e.id}()[groupOf[u]]`;
      }
      case 'bands': {
        // The subject once; each threshold only when its band is reached; the points of the first band that holds.
        const t = this.temp(s);
        const arms = e.bands.map((b) => `${this.bandTest(b.test, t, s)} ? ${this.expr(b.points, s)} : `);
        return `((${t} = ${this.expr(e.subject, s)}), ${arms.join('')}ZERO)`;
      }
      case 'linear': {
        const pts = this.mod.value('linear points', `[${e.points.map((p) => `{ x: ${this.mod.dec(p.x)}, y: ${this.mod.dec(p.y)} }`).join(', ')}]`);
        return `linear(${this.expr(e.subject, s)}, ${pts})`;
      }
      default:
        return unknownNode('expression', e);
    }
  }

  /** Whether the subject (in temporary `t`) falls in a band: one case per kind of test. */
  private bandTest(test: P.Band['test'], t: string, s: Scope): string {
    switch (test.k) {
      case 'else':
        return 'true';
      case 'is':
        return `${t} === ${typeof test.v === 'boolean' ? String(test.v) : lit(test.v)}`;
      case 'cmp':
        return `holds(${op(test.op)}, ${t}, ${this.expr(test.v, s)})`;
      default:
        return unknownNode('band test', test);
    }
  }

  /** A number-valued expression (absent reads as 0). */
  num(e: P.Expr, s: Scope): string {
    return `num(${this.expr(e, s)})`;
  }

  protected temp(s: Scope): string {
    return `t${s.temps.n++}`;
  }

  /** An input column, read once per scorer. */
  column(field: string): string {
    return nameFor(this.columns, 'in', field);
  }

  /** An imported scheme's scoring (on the same table, once), by its alias. */
  private imported(alias: string): string {
    return nameFor(this.imports, 'import', alias);
  }

  /** A variable of the call being scored, set to `init` when a call starts. */
  perCall(name: string, init: string, comment?: string, into = this.callStart): void {
    this.callVariables.push(name);
    into.line(`${name} = ${init};${comment ? ` // ${comment}` : ''}`);
  }

  /** Lines made for a fresh name (`prefix0`, `prefix1`, …), hoisted to the helpers: the name. */
  hoist(prefix: string, make: (name: string) => string[]): string {
    const name = `${prefix}${this.helperCount++}`;
    this.helpers.lines(make(name));
    return name;
  }

  /** An expression evaluated with a list entry in scope, as a function `(u, rec)`. */
  /**
   * An aggregate over a list, as code: the list (read outside any entry), `where` and the
   * per-entry formula as functions of the entry, the field summed ('undefined' where absent).
   */
  listAggParts(e: Extract<P.Expr, { k: 'listAgg' }>, s: Scope): { list: string; where: string; field: string; value: string } {
    // (The entry functions first, then the list: the order helpers are numbered in.)
    const where = e.where ? this.entryFunction(e.where, 'where') : 'undefined';
    const value = e.value ? this.entryFunction(e.value, 'perEntry') : 'undefined';
    return { list: this.expr(e.list, { ...s, rec: 'undefined' }), where, field: e.field === undefined ? 'undefined' : lit(e.field), value };
  }

  entryFunction(e: P.Expr, what: string): string {
    const name = `${what}${this.helperCount++}`;
    this.fn(this.helpers, name, ['u', 'rec'], (s) => [`return ${this.expr(e, s)};`]);
    return name;
  }

  /** A function `(u)` returning an expression's value, hoisted to the helpers. */
  unitFunction(name: string, e: P.Expr, comment: string): string {
    this.fn(this.helpers, name, ['u'], (s) => [`return ${this.expr(e, s)};`], comment);
    return name;
  }

  /** A function whose body evaluates expressions, with its temporaries declared. */
  fn(into: Lines, name: string, params: string[], body: (s: Scope) => string[], comment?: string): void {
    const s: Scope = { rec: params.includes('rec') ? 'rec' : 'undefined', temps: { n: 0 } };
    const lines = body(s);
    if (comment) into.line(`// ${comment}`);
    into.open(`function ${name}(${params.join(', ')}) {`);
    if (s.temps.n > 0) into.line(`let ${Array.from({ length: s.temps.n }, (_, i) => `t${i}`).join(', ')};`);
    into.lines(lines);
    into.close();
  }

  // ── named values and cohort values ──────────────────────────────────
  /**
   * Each let: computed when first read, once per unit (a failure is not kept: it is raised
   * again). A let that reads the total is computed afresh: the total changes as adjustments apply.
   */
  lets(): void {
    for (const l of this.plan.lets) {
      const comment = `let ${quoted(l.name)} = ${quoted(l.text)}`;
      if (l.readsTotal) {
        this.unitFunction(`let${l.id}`, l.expr, `${comment} (reads the total: never kept)`);
        continue;
      }
      this.perCall(`let${l.id}Cache`, 'new Array(n).fill(UNSET)', `${quoted(l.name)}, unit by unit, once worked out`);
      this.fn(
        this.helpers,
        `let${l.id}`,
        ['u'],
        (s) => [`const c = let${l.id}Cache[u];`, 'if (c !== UNSET) return c;', `return (let${l.id}Cache[u] = ${this.expr(l.expr, s)});`],
        comment,
      );
    }
  }

  /**
   * Each cohort value: one pass over the units assessed, group by group, when first read; its
   * failure is kept and raised to every reader. A rank is a place per unit, any other value
   * one number per group.
   */
  cohortValues(): void {
    for (const c of this.plan.cohort) {
      let body: (s: Scope) => string[];
      let what: string;
      switch (c.k) {
        case 'rank':
          what = `each unit's place by ${c.dir === 'desc' ? 'descending' : 'ascending'} value`;
          body = (s) => [
            'const ranks = new Array(n).fill(0);',
            'for (const units of members) {',
            '  const values = new Array(units.length);',
            '  for (let i = 0; i < units.length; i++) {',
            '    const u = units[i];',
            `    values[i] = ${this.num(c.by, s)};`,
            '  }',
            `  competitionRanks(values, ${lit(c.dir)}).forEach((r, i) => (ranks[units[i]] = r));`,
            '}',
            'return ranks;',
          ];
          break;
        case 'aggregate':
        case 'percentile': {
          what = c.k === 'percentile' ? `the percentile ${c.p} per group` : `${c.top !== undefined ? `the top ${c.top}, ` : ''}${c.fn} per group`;
          const spec = this.mod.value(what, c.k === 'percentile' ? `{ k: "percentile", p: ${this.mod.dec(c.p)} }` : `{ k: "aggregate", fn: ${lit(c.fn)}${c.top !== undefined ? `, top: ${c.top}` : ''} }`);
          body = (s) => [
            'return members.map((units) => {',
            '  const values = [];',
            '  let count = 0;',
            '  for (const u of units) {',
            ...this.takenOver(c, s, 'count++;', 'values.push(v)'),
            '  }',
            `  return cohortNumber(${spec}, values, count);`,
            '});',
          ];
          break;
        }
        case 'prorataMax':
          // Read by its item's `cap … prorata` alone, group by group (see the item's code).
          continue;
        default:
          return unknownNode('cohort value', c);
      }
      this.fn(this.helpers, `cohort${c.id}Pass`, [], body, `cohort value ${c.id}: ${what}`);
      // Given (a cohort scored in parts): a rank per unit, any other value by group key.
      const given = c.k === 'rank' ? `given.values[${c.id}]` : `groups.keys.map((k) => given.values[${c.id}].get(k))`;
      this.perCall(`cohort${c.id}`, `once(() => (given.values[${c.id}] !== undefined ? ${given} : cohort${c.id}Pass()))`);
    }
    if (this.parted) this.cohortInputs();
    // How many units a group has: given, for a part of a cohort scored in parts.
    if (this.readsSizes) this.fn(this.helpers, 'groupSize', ['g'], () => ['return given.sizes !== undefined ? given.sizes.get(groups.keys[g]) : members[g].length;']);
  }

  /**
   * Unit u's part in a value across units (in a loop over a group's units): whether it counts
   * (`where`), then `count`, then `keep` its value when that is a number.
   */
  private takenOver(c: Extract<P.CohortValue, { k: 'aggregate' | 'percentile' }>, s: Scope, count: string, keep: string): string[] {
    return [...(c.where ? [`    if (${this.expr(c.where, s)} !== true) continue;`] : []), `    ${count}`, `    const v = ${this.expr(c.value, s)};`, `    if (v instanceof Decimal) ${keep};`];
  }

  /**
   * What each cohort value is taken over, unit by unit (a cohort scored in parts: every part
   * gives these for its units, the values are worked out for every part's units together, and
   * each part is scored with them given): a rank's value, an aggregate's value and whether the
   * unit counts (null for a unit outside every group); for the highest raw score under `cap …
   * prorata`, the part's own highest, group by group.
   */
  private cohortInputs(): void {
    const body = (s: Scope): string[] => {
      const lines = ['const out = [];'];
      for (const c of this.plan.cohort) {
        lines.push(`// cohort value ${c.id}`, '{');
        const unitByUnit = '  const values = new Array(n).fill(null);';
        switch (c.k) {
          case 'rank':
            lines.push(unitByUnit, '  for (const units of members) for (const u of units) {', `    values[u] = ${this.num(c.by, s)};`, '  }', `  out[${c.id}] = { values };`);
            break;
          case 'aggregate':
          case 'percentile':
            lines.push(
              unitByUnit,
              '  const counted = new Uint8Array(n);',
              '  for (const units of members) for (const u of units) {',
              ...this.takenOver(c, s, 'counted[u] = 1;', 'values[u] = v'),
              '  }',
              `  out[${c.id}] = { values, counted };`,
            );
            break;
          case 'prorataMax':
            // Not unit by unit: the part's own highest, group by group.
            lines.push(`  out[${c.id}] = { values: groups.keys.map((_, g) => prorataTopOver${c.item}(g)) };`);
            break;
          default:
            return unknownNode('cohort value', c);
        }
        lines.push('}');
      }
      lines.push('return { cohort: out, groups, eligible };');
      return lines;
    };
    this.fn(this.helpers, 'cohortInputs', [], body, 'what each cohort value is taken over, unit by unit (for a cohort scored in parts)');
  }
}
