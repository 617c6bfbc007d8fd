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

/** For each unit (in order), where it is and where each of its values is. */
export function jsonValueSpans(text: string, plan?: Pick<Plan, 'inputs' | 'unitLabels'>): UnitSpans[] {
  const unitKey: Key = plan ? ((h) => (k: string) => h.column(k).key)(unitHeaders(plan)) : (k) => k;
  const entryKeys = new Map(plan?.inputs.flatMap((f) => (f.type.k === 'list' ? [[f.name, new Headers(f.type.fields, false)] as const] : [])));
  const entryKey = (list: string): Key => {
    const h = entryKeys.get(list);
    return h ? (k) => h.column(k).key : (k) => k;
  };
  const s = new Scanner(text);
  const units: UnitSpans[] = [];
  const unitsArray = () =>
    s.array(() => {
      const spans = new Map<string, Span>();
      const unit = { record: { start: s.at(), end: s.at() }, values: spans };
      units.push(unit);
      if (s.peek() !== '{') {
        s.skipValue();
        unit.record.end = s.at();
        return;
      }
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
    });
  try {
    s.space();
    if (s.peek() === '[') unitsArray();
    else if (s.peek() === '{') s.object((k) => (k === 'units' && s.peek() === '[' ? unitsArray() : s.skipValue()));
  } catch {
    // Not the JSON it was taken for: whatever was found is still right.
  }
  return units;
}

/** A lenient reader of JSON text that knows where it is (offsets are UTF-16, as spans are). */
class Scanner {
  private i = 0;
  constructor(private readonly text: string) {}

  at(): number {
    return this.i;
  }

  space() {
    while (/\s/.test(this.text[this.i] ?? '')) this.i++;
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
    if (c === '"') {
      this.string();
      return;
    }
    while (this.i < this.text.length && !/[\s,\]}]/.test(this.text[this.i])) this.i++;
  }

  string(): string {
    const start = this.i;
    this.i++;
    while (this.i < this.text.length && this.text[this.i] !== '"') this.i += this.text[this.i] === '\\' ? 2 : 1;
    this.i++;
    return JSON.parse(this.text.slice(start, this.i)) as string;
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
