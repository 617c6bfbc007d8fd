// The units of a .json data file, a piece of the file at a time. The file is one document: a
// list of units (`[{…}, {…}]`) or a record holding it under `units` (`{"units": [{…}]}`, other
// keys beside it read and left, as a whole document's reader leaves them). Each unit is handed
// on as soon as its closing brace is read, parsed by JSON.parse on its own (the same value as in
// the whole document), so that neither the file's text nor its whole parsed list is ever held.
// Anything else (another shape, `units` twice, a unit that is not a record, a byte out of place)
// stops the reading: the file is then read as one document (data.ts), which says what is wrong
// and where. A part of a file (a run in parts) starts at a unit and ends after the comma that
// follows one, unless it is the first or the last part.

/** Which part of the document the bytes are. */
export interface UnitsFrom {
  /** Whether the bytes start at the document's start (else at a unit). */
  documentStart: boolean;
  /** Whether they end at the document's end (else after a unit's comma). */
  documentEnd: boolean;
  /** Not from the document's start: whether its list is held by `{"units": …}`. */
  wrapped?: boolean;
}

const enum B {
  Tab = 0x09,
  Lf = 0x0a,
  Cr = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Comma = 0x2c,
  Colon = 0x3a,
  OpenList = 0x5b,
  Backslash = 0x5c,
  CloseList = 0x5d,
  OpenRecord = 0x7b,
  CloseRecord = 0x7d,
}

/** JSON's white space. */
export const space = (b: number) => b === B.Space || b === B.Lf || b === B.Cr || b === B.Tab;

/** What is read next, outside a value. */
const enum Next {
  /** The document: `[` or `{`. */
  Document,
  /** A key of the record holding the list (after `{` or a comma). */
  Key,
  Colon,
  /** `[` after `"units":`. */
  List,
  /** The value of another key. */
  Value,
  /** `,` or `}` after a key's value. */
  CommaOrCloseRecord,
  /** A unit, or the list's `]` (right after `[`). */
  UnitOrClose,
  /** A unit (after a comma). */
  Unit,
  /** `,` or `]` after a unit. */
  CommaOrClose,
  /** Only white space. */
  Nothing,
}

/** What the value being read is. */
const enum Reading {
  Unit,
  Key,
  /** Another key's value: checked (JSON.parse) and left. */
  Other,
}

/** Where a number, `true`, `false` or `null` ends. */
const delimiter = (c: number) => c === B.Comma || c === B.CloseRecord || c === B.CloseList || space(c);

export class JsonUnits {
  private next: Next;
  private wrapped: boolean;
  /** Whether `units` was read as a key (a record holding it twice is not streamed). */
  private sawUnits: boolean;
  private key: string | undefined;
  /** Reading a value (a unit, a key, another key's value): what it is, and whether a literal (ends at a delimiter). */
  private reading: Reading | undefined;
  private literal = false;
  /** Inside a value: how deep in its lists and records, whether in a string, after a backslash. */
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The bytes of the value being read from earlier pieces. */
  private held: Buffer[] = [];
  /** Set when the bytes are not what is streamed: read the document whole instead. */
  private stopped = false;
  /** Bytes written before the current piece. */
  private before = 0;
  /** Where the first unit starts (its brace), once read to. */
  firstUnitAt: number | undefined;
  /** Whether the list is held by a record (`{"units": …}`), once known. */
  get inRecord(): boolean {
    return this.wrapped;
  }

  constructor(
    private readonly from: UnitsFrom,
    private readonly onUnit: (unit: Record<string, unknown>) => void,
  ) {
    this.next = from.documentStart ? Next.Document : Next.Unit;
    this.wrapped = !from.documentStart && !!from.wrapped;
    this.sawUnits = this.wrapped;
  }

  /** The next piece of the bytes; false once stopped. */
  write(b: Buffer): boolean {
    if (this.stopped) return false;
    let i = 0;
    const n = b.length;
    // A value that began in an earlier piece.
    let start = this.reading !== undefined ? 0 : -1;
    while (i < n) {
      if (this.reading !== undefined) {
        let end = -1;
        if (this.literal) {
          while (i < n && !delimiter(b[i])) i++;
          if (i === n) break;
          // (The delimiter is not the value's.)
          end = i;
        } else {
          // Inside a unit, a key or a string, list or record: only its end matters here (JSON.parse reads the rest).
          let depth = this.depth;
          let inString = this.inString;
          let escaped = this.escaped;
          for (; i < n; i++) {
            const c = b[i];
            if (inString) {
              if (escaped) escaped = false;
              else if (c === B.Backslash) escaped = true;
              else if (c === B.Quote) {
                inString = false;
                if (depth === 0) break;
              }
            } else if (c === B.Quote) inString = true;
            else if (c === B.OpenRecord || c === B.OpenList) depth++;
            else if (c === B.CloseRecord || c === B.CloseList) {
              if (--depth === 0) break;
            }
          }
          this.depth = depth;
          this.inString = inString;
          this.escaped = escaped;
          if (i === n) break;
          // The value's last byte is at i.
          end = ++i;
        }
        const piece = b.subarray(start, end);
        const bytes = this.held.length ? Buffer.concat([...this.held, piece]) : piece;
        this.held = [];
        start = -1;
        if (!this.value(bytes)) return this.stop();
        continue;
      }
      const c = b[i++];
      if (space(c)) continue;
      switch (this.next) {
        case Next.Document:
          if (c === B.OpenList) this.next = Next.UnitOrClose;
          else if (c === B.OpenRecord) {
            this.wrapped = true;
            this.next = Next.Key;
          } else return this.stop();
          break;
        case Next.Key:
          if (c !== B.Quote) return this.stop();
          start = this.begin(Reading.Key, i - 1, false, true);
          break;
        case Next.Colon:
          if (c !== B.Colon) return this.stop();
          if (this.key !== 'units') this.next = Next.Value;
          else if (this.sawUnits) return this.stop();
          else {
            this.sawUnits = true;
            this.next = Next.List;
          }
          break;
        case Next.List:
          if (c !== B.OpenList) return this.stop();
          this.next = Next.UnitOrClose;
          break;
        case Next.Value:
          if (c === B.OpenRecord || c === B.OpenList) start = this.begin(Reading.Other, i - 1, false, false, 1);
          else if (c === B.Quote) start = this.begin(Reading.Other, i - 1, false, true);
          else if (delimiter(c)) return this.stop();
          else start = this.begin(Reading.Other, i - 1, true, false);
          break;
        case Next.CommaOrCloseRecord:
          if (c === B.Comma) this.next = Next.Key;
          else if (c === B.CloseRecord && this.sawUnits && this.from.documentEnd) this.next = Next.Nothing;
          else return this.stop();
          break;
        case Next.UnitOrClose:
        case Next.Unit:
          if (c === B.CloseList && this.next === Next.UnitOrClose) this.next = this.wrapped ? Next.CommaOrCloseRecord : Next.Nothing;
          // A unit starts: read on to its end.
          else if (c === B.OpenRecord) {
            start = this.begin(Reading.Unit, i - 1, false, false, 1);
            this.firstUnitAt ??= this.before + start;
          }
          else return this.stop();
          break;
        case Next.CommaOrClose:
          if (c === B.Comma) this.next = Next.Unit;
          else if (c === B.CloseList && this.from.documentEnd) this.next = this.wrapped ? Next.CommaOrCloseRecord : Next.Nothing;
          else return this.stop();
          break;
        default:
          return this.stop();
      }
    }
    if (this.reading !== undefined) this.held.push(b.subarray(start));
    this.before += n;
    return true;
  }

  /** The bytes are all read: whether every unit was handed on and they end where they must. */
  end(): boolean {
    // (A number at the very end would be a document that is not a list or a record.)
    if (this.stopped || this.reading !== undefined) return this.stop();
    return this.from.documentEnd ? this.next === Next.Nothing : this.next === Next.Unit;
  }

  /** A value starts at `at`: what it is, and how its end is found. Its start, for the caller. */
  private begin(reading: Reading, at: number, literal: boolean, inString: boolean, depth = 0): number {
    this.reading = reading;
    this.literal = literal;
    this.inString = inString;
    this.escaped = false;
    this.depth = depth;
    return at;
  }

  /** A value's bytes, read: a unit handed on, a key kept, another value checked. */
  private value(bytes: Buffer): boolean {
    const reading = this.reading;
    this.reading = undefined;
    let v: unknown;
    try {
      v = JSON.parse(bytes.toString('utf8'));
    } catch {
      return false;
    }
    if (reading === Reading.Unit) {
      this.onUnit(v as Record<string, unknown>);
      this.next = Next.CommaOrClose;
    } else if (reading === Reading.Key) {
      this.key = v as string;
      this.next = Next.Colon;
    } else this.next = Next.CommaOrCloseRecord;
    return true;
  }

  private stop(): false {
    this.stopped = true;
    this.held = [];
    this.reading = undefined;
    return false;
  }
}
