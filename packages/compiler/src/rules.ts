// Each rule kind of the plan → the body of `rule{id}(u, steps)`: the rule's raw value, with the
// trace steps the interpreter records (eval/rules.ts) when `steps` is given. One case per kind.
import type { Plan as P } from '@assess/core';
import { Decimal } from '@assess/runtime';
import type { Exprs, Scope } from './expressions.js';
import { Lines, unknownNode } from './lines.js';
import { words } from './messages.js';
import { data, lit, quoted } from './text.js';

/** The body of an item's rule function. */
export function ruleBody(x: Exprs, it: P.Item, s: Scope): string[] {
  const r = it.rule;
  // M, for the rules that take it (a penalty without a limit takes none of them).
  const M = x.mod.dec(it.max ?? '0');
  const penalty = it.kind === 'penalty';
  switch (r.k) {
    case 'points':
      return [
        'let sum = ZERO;',
        ...r.lines.flatMap((l, i) => {
          switch (l.k) {
            case 'per':
              return perLine(x, l, i, penalty, s);
            case 'when':
              return whenLine(x, l, i, penalty, s);
            default:
              return unknownNode('points line', l);
          }
        }),
        'if (steps) steps.push({ k: "sum", value: sum.toString() });',
        'return sum;',
      ];
    case 'deduct': {
      const { cost, step } = perOccurrence(x, r, '', s);
      // In a penalty the deduction is the score; in an item it is taken from the max.
      return [
        ...cost,
        `const result = ${penalty ? 'd' : `${M}.sub(d)`};`,
        `if (steps) steps.push({ ${step}, ${penalty ? '' : `max: ${M}.toString(), `}result: result.toString() });`,
        'return result;',
      ];
    }
    case 'ratio': {
      const out = [`const d = ${x.num(r.done, s)};`, `const tg = ${x.num(r.target, s)};`, 'if (tg.isZero()) {'];
      if (r.ifZero) out.push(`  const z = ${x.num(r.ifZero, s)};`, '  if (steps) steps.push({ k: "ratioZero", value: z.toString() });', '  return z;');
      else {
        const site = x.mod.site(
          words('E0602', { ...r.target.span, file: x.plan.file }, (h) => ({ unit: h(0), item: it.label })),
          `the target of ${quoted(it.label)} is 0`,
        );
        out.push(`  throw new Failure(diagnostic(${site}, [ids[u]]));`);
      }
      out.push(
        '}',
        `const q = ${M}.mul(d).div(tg);`,
        `const v = q.clamp(ZERO, ${M});`,
        `if (steps) steps.push({ k: "ratio", max: ${M}.toString(), done: d.toString(), target: tg.toString(), quotient: q.toString(), ...(v.eq(q) ? {} : { clamped: v.toString() }) });`,
        'return v;',
      );
      return out;
    }
    case 'rankPoints': {
      const first = x.mod.dec(r.first);
      const step = x.mod.dec(r.step);
      return [
        `const k = ${x.num(r.rank, s)};`,
        `const raw = ${first}.sub(${step}.mul(k.sub(ONE)));`,
        'const v = Decimal.max(ZERO, raw);',
        `if (steps) steps.push({ k: "rankPoints", rank: k.toString(), first: ${first}.toString(), step: ${step}.toString(), raw: raw.toString(), floored: !v.eq(raw) });`,
        'return v;',
      ];
    }
    case 'rankScored':
      // Within the unit's group: M × (n − place) / (n − 1); a unit alone gets M.
      return [
        'const size = groupSize(groupOf[u]);',
        'if (size <= 1) {',
        `  if (steps) steps.push({ k: "onlyUnit", max: ${M}.toString() });`,
        `  return ${M};`,
        '}',
        `const place = cohort${r.place}()[u];`,
        `const v = ${M}.mul(Decimal.fromInt(size - place)).div(Decimal.fromInt(size - 1));`,
        `if (steps) steps.push({ k: "rankScored", place, n: size, by: ${lit(r.by.text)}, value: shown(${x.expr(r.by.expr, s)}${r.by.percent ? ', true' : ''}), max: ${M}.toString(), result: v.toString() });`,
        'return v;',
      ];
    case 'tiers':
      return tiers(x, r, s);
    case 'formula':
      return [`const v = ${x.num(r.expr.expr, s)};`, `if (steps) steps.push({ k: "formula", text: ${lit(r.expr.text)}, value: v.toString() });`, 'return v;'];
    default:
      return unknownNode('rule', r);
  }
}

/**
 * What `count` occurrences cost (`d`, at most `most`; `cost` before that), and the fields of the
 * `deduct` step that shows it. Names end in `suffix`, so that a block's lines keep theirs apart.
 */
function perOccurrence(x: Exprs, r: { amounts: P.Dec[]; count: P.Cond; most?: P.Dec }, suffix: string, s: Scope): { cost: string[]; step: string } {
  const amounts = r.amounts.map((a) => Decimal.parse(a)!.toString());
  const list = x.mod.value('amounts per occurrence', `[${amounts.map((a) => x.mod.dec(a)).join(', ')}]`);
  const most = r.most !== undefined ? x.mod.dec(r.most) : undefined;
  const [count, cost, d] = ['count', 'cost', 'd'].map((n) => n + suffix);
  const counted = [`const ${count} = ${x.num(r.count.expr, s)};`];
  const step = `k: "deduct", amounts: ${data(amounts)}, count: ${count}.toString(), countText: ${lit(r.count.text)}`;
  if (!most) return { cost: [...counted, `const ${d} = deduction(${list}, ${count});`], step: `${step}, deduction: ${d}.toString()` };
  return {
    cost: [...counted, `const ${cost} = deduction(${list}, ${count});`, `const ${d} = ${cost}.gt(${most}) ? ${most} : ${cost};`],
    step: `${step}, deduction: ${cost}.toString(), ...(${d} !== ${cost} ? { most: ${most}.toString() } : {})`,
  };
}

/** `deduct K per X` in a block: taken off the sum (added up, in a penalty). */
function perLine(x: Exprs, l: Extract<P.Line, { k: 'per' }>, i: number, penalty: boolean, s: Scope): string[] {
  const { cost, step } = perOccurrence(x, l, String(i), s);
  return [...cost, `sum = sum.${penalty ? 'add' : 'sub'}(d${i});`, `if (steps) steps.push({ ${step}, result: d${i}${penalty ? '' : '.neg()'}.toString(), line: true });`];
}

/** `N if cond` / `deduct N if cond`: the points worked out only where the condition holds. */
function whenLine(x: Exprs, l: Extract<P.Line, { k: 'when' }>, i: number, penalty: boolean, s: Scope): string[] {
  const deduct = l.deduct || penalty;
  const literal = l.points.expr.k === 'num';
  const points = literal ? x.mod.dec((l.points.expr as { v: P.Dec }).v) : x.num(l.points.expr, s);
  // In a penalty every line counts up: its score is the points it takes off.
  const apply = l.deduct && !penalty ? 'sub' : 'add';
  return [
    `const holds${i} = ${x.expr(l.cond.expr, s)} === true; // ${quoted(l.cond.text)}`,
    ...(literal ? [`if (holds${i}) sum = sum.${apply}(${points});`] : [`const p${i} = holds${i} ? ${points} : undefined;`, `if (p${i}) sum = sum.${apply}(p${i});`]),
    `if (steps) steps.push({ k: "line", points: holds${i} ? ${literal ? points : `p${i}`}.toString() : ${lit(l.points.text)}, ${literal ? '' : `formula: ${lit(l.points.text)}, `}deduct: ${deduct}, cond: ${lit(l.cond.text)}, holds: holds${i} });`,
  ];
}

function tiers(x: Exprs, r: Extract<P.Rule, { k: 'tiers' }>, s: Scope): string[] {
  const points = x.mod.value('tier points', `new Map([${r.tiers.map((t) => `[${lit(t.member)}, ${x.mod.dec(t.points)}]`).join(', ')}])`);
  const out = [`const value = ${x.expr(r.source.expr, s)};`];
  if (!r.list) {
    out.push(`const p = tierPoints(${points}, value);`, `if (steps) steps.push({ k: "tier", source: ${lit(r.source.text)}, value: shown(value), points: p.toString() });`, 'return p;');
    return out;
  }
  const field = lit(r.list.field);
  const pointsOf = x.hoist('pointsOf', (name) => [`const ${name} = (rec) => tierPoints(${points}, rec[${field}]);`]);
  out.push('let entries = Array.isArray(value) ? value : [];', 'if (!steps) {', ...fusedFilters(x, r.list.filters, pointsOf).map((l) => `  ${l}`));
  out.push('  let sum = ZERO;', `  for (let i = 0; i < entries.length; i++) sum = sum.add(${pointsOf}(entries[i]));`, '  return sum;', '}', 'let kept;');
  for (const f of r.list.filters) {
    switch (f.k) {
      case 'with':
        out.push(`kept = entries.filter((e) => e[${lit(f.field)}] !== undefined);`);
        break;
      case 'where':
        out.push(`kept = entries.filter((e) => ${x.entryFunction(f.cond.expr, 'where')}(u, e) === true);`);
        break;
      case 'bestPer':
        out.push(`kept = bestPer(entries, ${lit(f.field)}, ${pointsOf});`);
        break;
      default:
        return unknownNode('list filter', f);
    }
    const reason = f.k === 'with' ? `{ k: "with", field: ${lit(f.field)} }` : f.k === 'where' ? `{ k: "where", cond: ${lit(f.cond.text)} }` : `{ k: "bestPer", field: ${lit(f.field)} }`;
    out.push(`for (const e of entries) if (!kept.includes(e)) steps.push({ k: "dropped", entry: entryOf(e), reason: ${reason} });`, 'entries = kept;');
  }
  out.push(
    'let sum = ZERO;',
    'for (const e of entries) {',
    `  const p = ${pointsOf}(e);`,
    '  sum = sum.add(p);',
    `  steps.push({ k: "entry", entry: entryOf(e), member: e[${field}], points: p.toString() });`,
    '}',
    'steps.push({ k: "sum", value: sum.toString() });',
    'return sum;',
  );
  return out;
}

/**
 * The filters of a tier table without a trace, in fewer passes: a run of `with` filters
 * and the `where` after it test each entry once. (A `with` cannot fail, so the `where`
 * sees the same entries in the same order as filter after filter would show it.)
 */
function fusedFilters(x: Exprs, filters: P.Filter[], pointsOf: string): string[] {
  const out: string[] = [];
  let tests: string[] = [];
  const flush = () => {
    if (!tests.length) return;
    const conds = tests;
    // Into an array of its own, reused from unit to unit (a rule never runs inside itself).
    const keep = x.hoist('keep', (name) => {
      const body = new Lines();
      body.line(`const ${name}Kept = [];`);
      x.fn(body, name, ['entries', 'u'], () => [
        `const kept = ${name}Kept;`,
        'kept.length = 0;',
        'for (let i = 0; i < entries.length; i++) {',
        '  const e = entries[i];',
        `  if (${conds.join(' && ')}) kept.push(e);`,
        '}',
        'return kept;',
      ]);
      return body.out;
    });
    out.push(`entries = ${keep}(entries, u);`);
    tests = [];
  };
  for (const f of filters) {
    if (f.k === 'with') tests.push(`e[${lit(f.field)}] !== undefined`);
    else if (f.k === 'where') {
      tests.push(`${x.entryFunction(f.cond.expr, 'where')}(u, e) === true`);
      flush();
    } else if (f.k === 'bestPer') {
      flush();
      const best = x.hoist('best', (name) => [`const ${name}Keys = [], ${name}Kept = [];`]);
      out.push(`entries = bestPerInto(entries, ${lit(f.field)}, ${pointsOf}, ${best}Keys, ${best}Kept);`);
    } else return unknownNode('list filter', f);
  }
  flush();
  return out;
}
