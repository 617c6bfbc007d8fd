// Submitted rows → a validated unit table, column by column: the one validator behind
// `validateUnits` in @assess/core and behind compiled schemes.
//
// Each field's check is built once from the scheme's input block (no schema library at run
// time). Every problem is reported as data, in the order rows are read, with the row, the
// unit and the field; the caller words it (the diagnostics catalog of @assess/core, or the
// messages a compiled scheme carries). Data is untrusted: a value is read only from the
// row's own properties, and list entries are rebuilt with the declared keys only, on objects
// whose prototype chain holds nothing, so `__proto__` or `constructor` keys change nothing.
import { Decimal } from './decimal.js';
import { IdHashes, type Repeat } from './ids.js';
import { SameKeys } from './keys.js';
import { DATA_LIMITS, describeFound, isAbsent, toDecimal, toPercent, toYesNo } from './values.js';

/** A value of one field of one unit. `undefined` is "not submitted". */
export type Value = Decimal | boolean | string | Rec[] | undefined;
/** One entry of a list field (declared keys only, nothing inherited). */
export type Rec = { [field: string]: Value };

/** Validated data, column by column: `columns.get(field)[i]` is unit i's value. */
export interface UnitTable {
  n: number;
  ids: string[];
  /** Each unit's kind, when the scheme declares several. */
  kinds: (string | undefined)[];
  columns: Map<string, Value[]>;
}

/** The type of a declared field, as the scheme's plan gives it (`F`: a list's entry fields). */
export type FieldType<F = FieldSpec> =
  | { k: 'yesno' }
  | { k: 'count' }
  | { k: 'integer'; range?: Bounds }
  | { k: 'number'; range?: Bounds }
  | { k: 'percent' }
  | { k: 'text' }
  | { k: 'grade' }
  | { k: 'enum'; members: string[] }
  | { k: 'list'; fields: F[] };

/** A declared range: its bounds as exact decimal text, and as written (for messages). */
export interface Bounds {
  low: string;
  high: string;
  lowText: string;
  highText: string;
}

export interface FieldSpec {
  name: string;
  type: FieldType;
  optional: boolean;
}

/** What the data of one unit must hold: the scheme's inputs, unit kinds and grade labels. */
export interface InputSpec {
  inputs: FieldSpec[];
  unitKinds: string[];
  gradeLabels: string[];
}

/**
 * A problem with the data; `row` is the 0-based row it is in. `expected` is the field's
 * type (the `unit` column's is the enum of unit kinds), or `record` for a list entry.
 */
export type Problem =
  | { code: 'E0501'; row: number; unit: string; field: string; expected: FieldType | 'record'; found: string }
  | { code: 'E0502'; row: number; unit: string; field: string; expected: FieldType }
  | { code: 'E0503'; row: number; id: string; first: number }
  | { code: 'E0504'; row: number }
  | { code: 'E0505'; row: number }
  | { code: 'E0507'; row: number; count: number; limit: number }
  | { code: 'W0501'; row: number; field: string; unit: string }
  /** Every value of a percentage field is between 0 and 1, one of them a fraction: probably 0.95 meant as 95%. `found` as written (`0.95`). */
  | { code: 'W0502'; row: number; field: string; unit: string; found: string; asPercent: string };

const BAD: unique symbol = Symbol('bad');
/** 1% as a stored percentage (0.01). */
const ONE_PERCENT = Decimal.parse('0.01')!;
type Check = (raw: unknown) => Value | typeof BAD;

interface FieldCheck {
  spec: FieldSpec;
  check: Check;
  /** For a list: its entries' fields and a maker of empty entries. */
  entries?: { fields: FieldCheck[]; make: () => Rec };
}

const own = (o: object, k: string | number) => Object.prototype.hasOwnProperty.call(o, k);

/** A list's length, read once: a whole number up to `most`, else undefined (a Proxy's `length` may say anything). */
function lengthOf(list: readonly unknown[], most: number): number | undefined {
  const n = list.length;
  return Number.isInteger(n) && n >= 0 && n <= most ? n : undefined;
}
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function numberCheck(t: Extract<FieldType, { k: 'count' | 'integer' | 'number' }>): Check {
  const lo = t.k === 'count' ? Decimal.ZERO : t.range ? Decimal.parse(t.range.low) : undefined;
  const hi = t.k !== 'count' && t.range ? Decimal.parse(t.range.high) : undefined;
  const int = t.k !== 'number';
  // A JSON number is read as the shortest decimal that gives it back; when a bound is itself
  // such a decimal (0, 90, 0.5: the bounds schemes write), comparing the doubles gives the
  // decimals' order exactly (rounding to the nearest double never reverses an order), so
  // numbers within the bounds need no decimal comparison.
  const loNum = lo && exactDouble(lo);
  const hiNum = hi && exactDouble(hi);
  return (v) => {
    if (typeof v === 'number') {
      const d = Decimal.fromNumber(v);
      if (!d || (int && !Number.isInteger(v))) return BAD;
      if (lo && (loNum === undefined ? d.lt(lo) : v < loNum)) return BAD;
      if (hi && (hiNum === undefined ? d.gt(hi) : v > hiNum)) return BAD;
      return d;
    }
    if (typeof v !== 'string') return BAD;
    const d = toDecimal(v);
    if (!d || (int && !d.isInteger()) || (lo && d.lt(lo)) || (hi && d.gt(hi))) return BAD;
    return d;
  };
}

/** The double whose shortest decimal is `d`, if there is one. */
function exactDouble(d: Decimal): number | undefined {
  const x = d.toNumber();
  return Decimal.fromNumber(x)?.eq(d) ? x : undefined;
}

function valueCheck(t: FieldType, grades: readonly string[]): Check {
  switch (t.k) {
    case 'yesno':
      return (v) => toYesNo(v) ?? BAD;
    case 'count':
    case 'integer':
    case 'number':
      return numberCheck(t);
    case 'percent':
      return (v) => (typeof v === 'number' || typeof v === 'string' ? (toPercent(v) ?? BAD) : BAD);
    case 'text': {
      const shared = interning();
      return (v) => (typeof v === 'string' ? (v.length <= DATA_LIMITS.maxTextLength ? shared(v) : BAD) : typeof v === 'number' && Number.isFinite(v) ? String(v) : BAD);
    }
    case 'grade': {
      const known = new Map(grades.map((g) => [g, g]));
      return (v) => (typeof v === 'string' ? (known.get(v) ?? BAD) : BAD);
    }
    case 'enum': {
      // The member as the scheme spells it: one string shared by every unit.
      const members = new Map(t.members.map((m) => [m, m]));
      return (v) => (typeof v === 'string' ? (members.get(v) ?? members.get(v.trim()) ?? BAD) : BAD);
    }
    case 'list':
      // (Its length is read and bounded once, where its entries are read.)
      return (v) => (Array.isArray(v) ? (v as Rec[]) : BAD);
  }
}

/** Most text repeats (project names, file references): one string per distinct text, up to a bound. */
const INTERNED = 4096;
function interning(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    const known = seen.get(s);
    if (known !== undefined) return known;
    if (seen.size < INTERNED) seen.set(s, s);
    return s;
  };
}

function fieldCheck(spec: FieldSpec, grades: readonly string[]): FieldCheck {
  const c: FieldCheck = { spec, check: valueCheck(spec.type, grades) };
  if (spec.type.k === 'list') {
    const fields = spec.type.fields.map((f) => fieldCheck(f, grades));
    c.entries = { fields, make: entryMaker(fields.map((f) => f.spec.name)) };
  }
  return c;
}

/**
 * Entries of a list are objects with the declared keys only, whose prototype chain ends in
 * null (no `__proto__` accessor, no `constructor`), built by one constructor so that V8 gives
 * them one fast shape.
 */
function entryMaker(names: string[]): () => Rec {
  function Entry(this: Rec) {
    for (const n of names) this[n] = undefined;
  }
  Entry.prototype = Object.create(null);
  return () => new (Entry as unknown as new () => Rec)();
}

/** Where a CSV column's values go, worked out once from the header line. */
export interface CsvLayout {
  /** For each declared field, the column it is read from (−1: not in the file). */
  fieldColumns: number[];
  idColumn: number;
  unitColumn: number;
  /** Columns the scheme does not declare, in the order a record would list them. */
  unknown: { column: number; name: string }[];
  /** Columns of list fields (their cells hold JSON). */
  listColumns: boolean[];
}

/** Builds a unit table row by row; rows may come all at once or streamed in chunks. */
export class TableBuilder {
  private problems: Problem[] = [];
  private count = 0;
  private readonly ids: string[];
  private readonly kinds: (string | undefined)[];
  private readonly columns: Value[][];
  private readonly fields: FieldCheck[];
  private readonly known: Set<string>;
  private readonly idHashes: IdHashes;
  private readonly unknownReported = new Set<string>();
  private readonly kindCheck?: Check;
  private readonly kindType: FieldType;

  /** `size`: how many rows are coming, when known (the columns are made that long at once). */
  constructor(
    private readonly spec: InputSpec,
    size = 0,
  ) {
    this.idHashes = new IdHashes(size);
    this.fields = spec.inputs.map((f) => fieldCheck(f, spec.gradeLabels));
    this.columns = spec.inputs.map(() => new Array(size));
    this.ids = new Array(size);
    this.kinds = new Array(size);
    this.known = new Set(['id', 'unit', ...spec.inputs.map((f) => f.name)]);
    this.kindType = { k: 'enum', members: spec.unitKinds };
    if (spec.unitKinds.length > 1) this.kindCheck = valueCheck(this.kindType, []);
  }

  /** The names of the list fields (a CSV cell of one holds JSON). */
  listFields(): string[] {
    return this.spec.inputs.filter((f) => f.type.k === 'list').map((f) => f.name);
  }

  /** Rows read so far. */
  get rows(): number {
    return this.count;
  }

  /** The next row, as a record (a unit of a JSON file). */
  addRecord(row: unknown): void {
    const i = this.count++;
    if (this.full(i)) return;
    if (!isRecord(row)) {
      this.problems.push({ code: 'E0505', row: i });
      return;
    }
    const unit = this.identify(i, own(row, 'id') ? row.id : undefined, own(row, 'unit') ? row.unit : undefined);
    this.unknownKeys(row, i, unit);
    const fields = this.fields;
    for (let j = 0; j < fields.length; j++) {
      const name = fields[j].spec.name;
      this.columns[j][i] = this.value(fields[j], own(row, name) ? row[name] : undefined, unit, i);
    }
  }

  /**
   * How the cells of a CSV file map to fields, from its header line; undefined when two
   * columns have the same name (then each row is read as a record, see `csvRecord`).
   */
  csvLayout(header: string[]): CsvLayout | undefined {
    const names = header.map((c) => c.trim());
    if (new Set(names).size !== names.length) return undefined;
    const at = new Map(names.map((n, j) => [n, j]));
    const lists = new Set(this.listFields());
    // The order Object.keys gives for a record with these keys (integer-like names first).
    const order = Object.keys(Object.fromEntries(names.map((n) => [n, true])));
    return {
      fieldColumns: this.spec.inputs.map((f) => at.get(f.name) ?? -1),
      idColumn: at.get('id') ?? -1,
      unitColumn: at.get('unit') ?? -1,
      unknown: order.filter((n) => !this.known.has(n)).map((name) => ({ column: at.get(name)!, name })),
      listColumns: names.map((n) => lists.has(n)),
    };
  }

  /** The next row, as the cells of a CSV line (see `csvLayout`). */
  addCells(cells: string[], layout: CsvLayout): void {
    const i = this.count++;
    if (this.full(i)) return;
    const cell = (j: number) => (j < 0 ? undefined : csvValue(cells[j] ?? '', layout.listColumns[j]));
    const unit = this.identify(i, cell(layout.idColumn), cell(layout.unitColumn));
    for (const u of layout.unknown) if (cell(u.column) !== undefined) this.unknownField(i, u.name, unit);
    const fields = this.fields;
    const cols = layout.fieldColumns;
    for (let j = 0; j < fields.length; j++) this.columns[j][i] = this.value(fields[j], cell(cols[j]), unit, i);
  }

  /**
   * The table, and every problem found (no table at all when there are too many units); its ids'
   * hashes, sorted (`idHash`: for finding the ids another table shares).
   */
  finish(): { table: UnitTable; problems: Problem[]; idHashes: Float64Array } {
    const n = this.count;
    if (n > DATA_LIMITS.maxUnits) return { ...tooMany(this.spec, n), idHashes: new Float64Array(0) };
    const idHashes = this.idHashes.sorted();
    this.repeatedIds(idHashes);
    const columns = new Map<string, Value[]>();
    this.spec.inputs.forEach((f, j) => {
      const col = this.columns[j];
      col.length = n;
      columns.set(f.name, col);
    });
    this.ids.length = n;
    this.kinds.length = n;
    this.spec.inputs.forEach((f, j) => {
      if (f.type.k === 'percent') this.fractionsAsPercent(f.name, this.columns[j]);
    });
    return { table: { n, ids: this.ids, kinds: this.kinds, columns }, problems: this.problems, idHashes };
  }

  /**
   * Each row whose id an earlier row has, reported where reading the row would have reported
   * it: before the row's other problems (the problems so far are in row order, and a row's
   * others came after its id was read).
   */
  private repeatedIds(sorted: Float64Array): void {
    const repeats = this.idHashes.repeats(sorted, this.ids);
    if (repeats.length === 0) return;
    const merged: Problem[] = [];
    let k = 0;
    for (const p of this.problems) {
      for (; k < repeats.length && repeats[k].row <= p.row; k++) merged.push(this.repeat(repeats[k]));
      merged.push(p);
    }
    for (; k < repeats.length; k++) merged.push(this.repeat(repeats[k]));
    this.problems = merged;
  }

  private repeat({ row, first }: Repeat): Problem {
    return { code: 'E0503', row, id: this.ids[row], first };
  }

  private fractionsAsPercent(field: string, column: Value[]) {
    const shares = percentShares(field, column, this.ids);
    if (!shares.over && shares.first) this.problems.push(shares.first);
  }

  /** Past the limit on units, rows are only counted. */
  private full(i: number): boolean {
    return i >= DATA_LIMITS.maxUnits;
  }

  /** The row's id and kind; returns the name messages use for the unit. */
  private identify(i: number, rawId: unknown, rawKind: unknown): string {
    const id = typeof rawId === 'string' ? rawId.trim() : typeof rawId === 'number' ? String(rawId) : '';
    if (!id) this.problems.push({ code: 'E0504', row: i });
    const unit = id || `#${i + 1}`;
    // (Ids two rows share are found once every row is in: `finish`.)
    this.idHashes.add(i, id);
    this.ids[i] = unit;
    if (this.kindCheck) {
      const k = this.kindCheck(rawKind);
      if (k === BAD) this.problems.push({ code: 'E0501', row: i, unit, field: 'unit', expected: this.kindType, found: describeFound(rawKind) });
      else this.kinds[i] = k as string;
    } else this.kinds[i] = this.spec.unitKinds[0];
    return unit;
  }

  /** Keys the last record had at the same place were checked then (an undeclared key is reported once, where first seen). */
  private readonly sameKeys = new SameKeys();
  /** The record whose keys `keyDeclared` checks: its row and unit. */
  private readonly keysOf = { row: 0, unit: '' };
  private readonly keyDeclared = (k: string): boolean => {
    if (!this.known.has(k)) this.unknownField(this.keysOf.row, k, this.keysOf.unit);
    return true;
  };

  /** A record's keys the scheme does not declare, reported. */
  private unknownKeys(row: Record<string, unknown>, i: number, unit: string): void {
    this.keysOf.row = i;
    this.keysOf.unit = unit;
    this.sameKeys.each(row, this.keyDeclared);
  }

  private unknownField(i: number, field: string, unit: string) {
    if (this.unknownReported.has(field)) return;
    this.unknownReported.add(field);
    this.problems.push({ code: 'W0501', row: i, field, unit });
  }

  /** A field's value; `list` and `j` say which list entry it is in (its path is only spelled out for a problem). */
  private value(f: FieldCheck, raw: unknown, unit: string, i: number, list?: string, j = 0): Value {
    const t = f.spec.type;
    if (isAbsent(raw)) {
      if (t.k === 'list' && raw === undefined && !f.spec.optional) return [];
      if (!f.spec.optional) this.problems.push({ code: 'E0502', row: i, unit, field: pathOf(f, list, j), expected: t });
      return undefined;
    }
    const v = f.check(raw);
    const length = v !== BAD && f.entries ? lengthOf(v as unknown[], DATA_LIMITS.maxListEntries) : 0;
    if (v === BAD || length === undefined) {
      this.problems.push({ code: 'E0501', row: i, unit, field: pathOf(f, list, j), expected: t, found: describeFound(raw) });
      return undefined;
    }
    return f.entries ? this.entries(f.entries, v as unknown[], length, unit, i, pathOf(f, list, j)) : v;
  }

  private entries(e: NonNullable<FieldCheck['entries']>, list: unknown[], length: number, unit: string, i: number, path: string): Rec[] {
    // Made as long as the list at once: an array grown by pushing keeps room for 16 more (a
    // million units' lists of one or two entries took twice the memory of the entries).
    const out: Rec[] = new Array(length);
    let k = 0;
    for (let j = 0; j < length; j++) {
      // A hole is no entry (nor what a prototype's index holds).
      const entry = own(list, j) ? list[j] : undefined;
      if (!isRecord(entry)) {
        this.problems.push({ code: 'E0501', row: i, unit, field: `${path}[${j + 1}]`, expected: 'record', found: describeFound(entry) });
        continue;
      }
      const rec = e.make();
      for (const sub of e.fields) {
        const name = sub.spec.name;
        rec[name] = this.value(sub, own(entry, name) ? entry[name] : undefined, unit, i, path, j);
      }
      out[k++] = rec;
    }
    out.length = k;
    return out;
  }
}

/**
 * A percentage is written as 85 or "85%", so 0.95 reads as 0.95%. When every value of a field
 * is at most 1% and one of them is a fraction of a percent, the data was most likely written as
 * shares (0.95 for 95%): a warning at the first such value, never a guess at what was meant.
 * What a column says of that: whether a value is above 1% or below 0 (then no warning), and the
 * warning at its first fraction of a percent, if any (a file read in parts puts its parts'
 * together: the warning of the first part that has one, where no part's value is over).
 */
export function percentShares(field: string, column: readonly Value[], ids: readonly string[]): { over: boolean; first?: Problem } {
  let first = -1;
  for (let i = 0; i < column.length; i++) {
    const v = column[i] as Decimal | undefined;
    if (v === undefined) continue;
    if (v.gt(ONE_PERCENT) || v.sign() < 0) return { over: true };
    if (first < 0 && v.sign() > 0 && v.lt(ONE_PERCENT)) first = i;
  }
  if (first < 0) return { over: false };
  const found = (column[first] as Decimal).mul(Decimal.HUNDRED);
  return { over: false, first: { code: 'W0502', row: first, field, unit: ids[first], found: found.toString(), asPercent: found.mul(Decimal.HUNDRED).toString() } };
}

/** A field's path in messages: `honors[2].level` for a field of a list's second entry. */
const pathOf = (f: FieldCheck, list: string | undefined, j: number) => (list === undefined ? f.spec.name : `${list}[${j + 1}].${f.spec.name}`);

/** A CSV cell as a JSON file would give the value: blank is absent; a list cell holds JSON. */
export function csvValue(cell: string, list: boolean): unknown {
  if (list) {
    if (cell.trim() === '') return [];
    try {
      return JSON.parse(cell);
    } catch {
      return cell;
    }
  }
  return isAbsent(cell) ? undefined : cell;
}

/**
 * A CSV line as a record, keyed by the header's names (for headers that repeat a name:
 * a later non-blank cell wins). The record has no prototype.
 */
export function csvRecord(header: string[], cells: string[], lists: ReadonlySet<string>): Record<string, unknown> {
  const row: Record<string, unknown> = Object.create(null);
  header.forEach((raw, j) => {
    const name = raw.trim();
    const v = csvValue(cells[j] ?? '', lists.has(name));
    if (v !== undefined) row[name] = v;
  });
  return row;
}

/** Rows → table, in one call. */
export function validateRows(spec: InputSpec, rows: readonly unknown[]): { table: UnitTable; problems: Problem[] } {
  const n = lengthOf(rows, DATA_LIMITS.maxUnits);
  if (n === undefined) return tooMany(spec, Number(rows.length));
  const b = new TableBuilder(spec, n);
  // A hole is no unit (nor what a prototype's index holds).
  for (let i = 0; i < n; i++) b.addRecord(own(rows, i) ? rows[i] : undefined);
  return b.finish();
}

/** Too many units: no table at all, one problem. */
function tooMany(spec: InputSpec, count: number): { table: UnitTable; problems: Problem[] } {
  const columns = new Map(spec.inputs.map((f) => [f.name, [] as Value[]]));
  return { table: { n: 0, ids: [], kinds: [], columns }, problems: [{ code: 'E0507', row: 0, count, limit: DATA_LIMITS.maxUnits }] };
}
