// A direct builder of the validated unit table for the towns data, without zod.
//
// `validateUnits` is the real path, and the benchmark times it; but at the current
// validation speed a million rows take minutes, so for the largest cohort the table the
// interpreter evaluates is built here instead. It must be exactly what `validateUnits`
// gives for valid towns rows (same values, same representations, same key order on the
// null-prototype records, holey column arrays like data.ts's `new Array(n)`);
// `sameTable` checks that on every cohort where both are built.
import { Decimal, type Plan, type Rec, type UnitTable, type Value } from '@assess/core';
import type { TownRow } from './gen-data.js';

const YES = new Set(['yes', 'true', '1', '是', 'y', '√']);

function yesNo(v: boolean | string): boolean {
  return typeof v === 'boolean' ? v : YES.has(String(v).trim().toLowerCase());
}

function num(v: number): Decimal {
  const d = Decimal.fromNumber(v);
  if (!d) throw new Error(`not a number: ${v}`);
  return d;
}

const absent = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The table of the first `n` rows (an array, or a generator that never holds them all). */
export function tableFromTowns(scheme: Plan.Plan, rows: Iterable<TownRow>, n: number): UnitTable {
  const names = scheme.inputs.map((f) => f.name).join(',');
  if (names !== 'org_system,targets_split,missing_reports,dept_score,honors') throw new Error(`tableFromTowns: unexpected inputs ${names}`);
  const kind = scheme.unitKinds[0];
  const ids: string[] = new Array(n);
  const kinds: (string | undefined)[] = new Array(n);
  const org: Value[] = new Array(n);
  const targets: Value[] = new Array(n);
  const missing: Value[] = new Array(n);
  const dept: Value[] = new Array(n);
  const honors: Value[] = new Array(n);
  let i = 0;
  for (const r of rows) {
    if (i === n) break;
    ids[i] = r.id;
    kinds[i] = kind;
    org[i] = yesNo(r.org_system);
    targets[i] = yesNo(r.targets_split);
    missing[i] = num(r.missing_reports);
    dept[i] = num(r.dept_score);
    const list: Rec[] = [];
    for (const h of r.honors) {
      const rec: Rec = new Entry();
      rec.project = h.project;
      rec.level = h.level.trim();
      rec.evidence = absent(h.evidence) ? undefined : (h.evidence as string);
      list.push(rec);
    }
    honors[i] = list;
    i++;
  }
  if (i !== n) throw new Error(`tableFromTowns: ${i} rows, expected ${n}`);
  const columns = new Map<string, Value[]>([
    ['org_system', org],
    ['targets_split', targets],
    ['missing_reports', missing],
    ['dept_score', dept],
    ['honors', honors],
  ]);
  return { n, ids, kinds, columns };
}

/** Entries shaped like `validateUnits` builds them: one constructor, a prototype chain with nothing in it. */
function EntryCtor(this: Rec) {
  this.project = undefined;
  this.level = undefined;
  this.evidence = undefined;
}
EntryCtor.prototype = Object.create(null);
const Entry = EntryCtor as unknown as new () => Rec;

/** Nothing can be inherited: the prototype chain is empty or holds one empty null-prototype object. */
function bareProto(x: object): boolean {
  const p = Object.getPrototypeOf(x);
  return p === null || (Object.getOwnPropertyNames(p).length === 0 && Object.getPrototypeOf(p) === null);
}

function sameValue(a: Value, b: Value): boolean {
  if (a instanceof Decimal || b instanceof Decimal) return a instanceof Decimal && b instanceof Decimal && a.eq(b) && a.toString() === b.toString();
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let j = 0; j < a.length; j++) {
      const x = a[j];
      const y = b[j];
      if (!bareProto(x) || !bareProto(y)) return false;
      const kx = Object.keys(x);
      if (kx.join() !== Object.keys(y).join()) return false;
      for (const k of kx) if (!sameValue(x[k], y[k])) return false;
    }
    return true;
  }
  return a === b;
}

/** Undefined when the first `count` units of the tables are identical, else where they first differ. */
export function sameTable(a: UnitTable, b: UnitTable, count = a.n): string | undefined {
  if (count > a.n || count > b.n) return `n ${a.n} vs ${b.n}`;
  if ([...a.columns.keys()].join() !== [...b.columns.keys()].join()) return 'column order';
  for (let i = 0; i < count; i++) {
    if (a.ids[i] !== b.ids[i]) return `ids[${i}]`;
    if (a.kinds[i] !== b.kinds[i]) return `kinds[${i}]`;
    for (const [name, col] of a.columns) if (!sameValue(col[i], b.columns.get(name)![i])) return `${name}[${i}] (${a.ids[i]})`;
  }
  return undefined;
}
