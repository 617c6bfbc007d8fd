// Where each value of a JSON data file is in its text, so that a bad value is pointed at
// itself rather than at its unit's id: one pass over the text (already known to be JSON),
// keyed by the paths the validator's problems name (`org_system`, `荣誉[2].级别`, `荣誉[2]`).
// Keys written as labels are keyed by the field's name (headers.ts), as the validator reads them.
import type { Span } from '../diagnostics/diagnostic.js';
import type { Plan } from '../ir/plan.js';
import { Headers, unitHeaders } from './headers.js';

type Key = (key: string) => string;

/** Where a unit is in a JSON text: its whole record, and each of its values by path. */
export interface UnitSpans {
  record: Span;
  values: Map<string, Span>;
}

/**
 * Which units `jsonValueSpans` reads, when not all: the first `units` units from offset `from`
 * (the start of a unit of the list, or white space before it), else from the document's start;
 * and of which of them the values' spans.
 * A program that read a large file in chunks needs the spans of only the units its messages name.
 */
export interface JsonUnitsWanted {
  from?: number;
  units?: number;
  /** The units (0: the first read) whose values' spans are wanted (the others: only their records'). */
  named?: ReadonlySet<number>;
}

/** Thrown to stop reading once the wanted units are read. */
const ENOUGH = new Error('enough units');

/** For each unit (in order), where it is and where each of its values is. */
export function jsonValueSpans(text: string, plan?: Pick<Plan, 'inputs' | 'unitLabels'>, wanted: JsonUnitsWanted = {}): UnitSpans[] {
  const unitKey: Key = plan ? ((h) => (k: string) => h.column(k).key)(unitHeaders(plan)) : (k) => k;
  const entryKeys = new Map(plan?.inputs.flatMap((f) => (f.type.k === 'list' ? [[f.name, new Headers(f.type.fields, false)] as const] : [])));
  const entryKey = (list: string): Key => {
    const h = entryKeys.get(list);
    return h ? (k) => h.column(k).key : (k) => k;
  };
  const s = new Scanner(text);
  const units: UnitSpans[] = [];
  const most = wanted.units ?? Infinity;
  const readUnit = () => {
    const spans = new Map<string, Span>();
    const unit = { record: { start: s.at(), end: s.at() }, values: spans };
    units.push(unit);
    if (s.peek() !== '{' || (wanted.named && !wanted.named.has(units.length - 1))) s.skipValue();
    else
      s.object((rawKey) => {
        const key = unitKey(rawKey);
        const start = s.at();
        if (s.peek() === '[') {
          let j = 0;
          s.array(() => {
            const entry = `${key}[${++j}]`;
            const at = s.at();
            if (s.peek() === '{') s.object((sub) => spans.set(`${entry}.${entryKey(key)(sub)}`, s.valueSpan()));
            else s.skipValue();
            spans.set(entry, { start: at, end: s.at() });
          });
        } else s.skipValue();
        spans.set(key, { start, end: s.at() });
      });
    unit.record.end = s.at();
    if (units.length >= most) throw ENOUGH;
  };
  try {
    if (most <= 0) return units;
    if (wanted.from !== undefined) {
      s.seek(wanted.from);
      s.items(readUnit);
    } else {
      s.space();
      if (s.peek() === '[') s.array(readUnit);
      else if (s.peek() === '{') s.object((k) => (k === 'units' && s.peek() === '[' ? s.array(readUnit) : s.skipValue()));
    }
  } catch {
    // Not the JSON it was taken for (or the units wanted are read): whatever was found is still right.
  }
  return units;
}

/** Where each value of a JSON document that is a record starts, by key, in order (a key written twice is there twice). */
export function topLevelValues(text: string): { key: string; at: number }[] {
  const s = new Scanner(text);
  const out: { key: string; at: number }[] = [];
  try {
    s.space();
    if (s.peek() === '{')
      s.object((key) => {
        out.push({ key, at: s.at() });
        s.skipValue();
      });
  } catch {
    // Not JSON: the keys read so far.
  }
  return out;
}

/** White space between JSON's tokens (and a byte-order mark before a document). */
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;

/** A lenient reader of JSON text that knows where it is (offsets are UTF-16, as spans are). */
class Scanner {
  private i = 0;
  constructor(private readonly text: string) {}

  at(): number {
    return this.i;
  }

  seek(at: number): void {
    this.i = at;
  }

  space() {
    while (this.i < this.text.length && isSpace(this.text.charCodeAt(this.i))) this.i++;
  }

  peek(): string {
    this.space();
    return this.text[this.i] ?? '';
  }

  /** The span of the value that starts here (skipped). */
  valueSpan(): Span {
    this.space();
    const start = this.i;
    this.skipValue();
    return { start, end: this.i };
  }

  skipValue(): void {
    const c = this.peek();
    if (c === '{') return this.object(() => this.skipValue());
    if (c === '[') return this.array(() => this.skipValue());
    if (c === '"') return this.skipString();
    for (; this.i < this.text.length; this.i++) {
      const d = this.text.charCodeAt(this.i);
      if (isSpace(d) || d === 0x2c || d === 0x5d || d === 0x7d) break;
    }
  }

  string(): string {
    const start = this.i;
    this.skipString();
    return JSON.parse(this.text.slice(start, this.i)) as string;
  }

  private skipString(): void {
    const t = this.text;
    this.i++;
    while (this.i < t.length && t.charCodeAt(this.i) !== 0x22) this.i += t.charCodeAt(this.i) === 0x5c ? 2 : 1;
    this.i++;
  }

  /** `{ key: value, … }`: `onValue(key)` reads each value (the scanner is at it). */
  object(onValue: (key: string) => void): void {
    this.expect('{');
    if (this.peek() === '}') return void this.i++;
    for (;;) {
      this.space();
      const key = this.string();
      this.expect(':');
      this.space();
      onValue(key);
      if (this.peek() === ',') this.i++;
      else return this.expect('}');
    }
  }

  array(onItem: () => void): void {
    this.expect('[');
    if (this.peek() === ']') return void this.i++;
    this.items(onItem);
  }

  /** A list's items, from the first (after its `[`) to its `]`. */
  items(onItem: () => void): void {
    for (;;) {
      this.space();
      onItem();
      if (this.peek() === ',') this.i++;
      else return this.expect(']');
    }
  }

  private expect(c: string) {
    if (this.peek() !== c) throw new Error(`expected ${c}`);
    this.i++;
  }
}
