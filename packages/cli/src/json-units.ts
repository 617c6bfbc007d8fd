// The units of a .json data file, a piece of the file at a time. The file is one document: a
// list of units (`[{…}, {…}]`) or a record holding it and nothing else (`{"units": [{…}]}`).
// Each unit is handed on as soon as its closing brace is read, parsed by JSON.parse on its own
// (the same value as in the whole document), so that neither the file's text nor its whole
// parsed list is ever held. Anything else (another shape, another key beside "units", a unit that
// is not a record, a byte out of place) stops the reading: the file is then read as one document
// (data.ts), which says what is wrong and where. A part of a file (a run in parts) starts at a
// unit and ends after the comma that follows one, unless it is the first or the last part.

/** Where a reading of units is: `to` where it must end; what it holds to be handed on. */
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

const space = (b: number) => b === B.Space || b === B.Lf || b === B.Cr || b === B.Tab;

/** The key of the list in `{"units": […]}`, as bytes. */
const UNITS_KEY = Buffer.from('"units"');

/** What is read next, outside a unit. */
const enum Next {
  /** The document: `[` or `{`. */
  Document,
  /** `"units"` (`keyAt` bytes of it read). */
  Key,
  Colon,
  /** `[` after `"units":`. */
  List,
  /** A unit, or the list's `]` (right after `[`). */
  UnitOrClose,
  /** A unit (after a comma). */
  Unit,
  /** `,` or `]` after a unit. */
  CommaOrClose,
  /** `}` after the list, when it is held by a record. */
  CloseRecord,
  /** Only white space. */
  Nothing,
}

export class JsonUnits {
  private next: Next;
  private wrapped: boolean;
  private keyAt = 0;
  /** Inside a unit: how deep in its lists and records, whether in a string, after a backslash. */
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The bytes of the unit being read from earlier pieces. */
  private held: Buffer[] = [];
  /** Set when the bytes are not what is streamed: read the document whole instead. */
  stopped = false;
  units = 0;

  constructor(
    private readonly from: UnitsFrom,
    private readonly onUnit: (unit: Record<string, unknown>) => void,
  ) {
    this.next = from.documentStart ? Next.Document : Next.Unit;
    this.wrapped = !from.documentStart && !!from.wrapped;
  }

  /** The next piece of the bytes; false once stopped. */
  write(b: Buffer): boolean {
    if (this.stopped) return false;
    let i = 0;
    const n = b.length;
    // A unit that began in an earlier piece.
    let start = this.depth > 0 ? 0 : -1;
    while (i < n) {
      if (this.depth > 0) {
        // Inside a unit: only its end matters here (JSON.parse reads the rest).
        let depth = this.depth;
        let inString = this.inString;
        let escaped = this.escaped;
        for (; i < n; i++) {
          const c = b[i];
          if (inString) {
            if (escaped) escaped = false;
            else if (c === B.Backslash) escaped = true;
            else if (c === B.Quote) inString = false;
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
        // The unit's last byte is at i.
        const piece = b.subarray(start, i + 1);
        const bytes = this.held.length ? Buffer.concat([...this.held, piece]) : piece;
        this.held = [];
        start = -1;
        i++;
        if (!this.unit(bytes)) return this.stop();
        this.next = Next.CommaOrClose;
        continue;
      }
      const c = b[i];
      if (this.next === Next.Key) {
        if (this.keyAt === 0 && space(c)) {
          i++;
          continue;
        }
        if (c !== UNITS_KEY[this.keyAt]) return this.stop();
        i++;
        if (++this.keyAt === UNITS_KEY.length) this.next = Next.Colon;
        continue;
      }
      i++;
      if (space(c)) continue;
      switch (this.next) {
        case Next.Document:
          if (c === B.OpenList) this.next = Next.UnitOrClose;
          else if (c === B.OpenRecord) {
            this.wrapped = true;
            this.next = Next.Key;
          } else return this.stop();
          break;
        case Next.Colon:
          if (c !== B.Colon) return this.stop();
          this.next = Next.List;
          break;
        case Next.List:
          if (c !== B.OpenList) return this.stop();
          this.next = Next.UnitOrClose;
          break;
        case Next.UnitOrClose:
        case Next.Unit:
          if (c === B.CloseList && this.next === Next.UnitOrClose) this.next = this.wrapped ? Next.CloseRecord : Next.Nothing;
          else if (c === B.OpenRecord) {
            // A unit starts: read on to its end.
            this.depth = 1;
            start = i - 1;
          } else return this.stop();
          break;
        case Next.CommaOrClose:
          if (c === B.Comma) this.next = Next.Unit;
          else if (c === B.CloseList && this.from.documentEnd) this.next = this.wrapped ? Next.CloseRecord : Next.Nothing;
          else return this.stop();
          break;
        case Next.CloseRecord:
          if (c !== B.CloseRecord) return this.stop();
          this.next = Next.Nothing;
          break;
        default:
          return this.stop();
      }
    }
    if (this.depth > 0) this.held.push(b.subarray(start));
    return true;
  }

  /** The bytes are all read: whether every unit was handed on and they end where they must. */
  end(): boolean {
    if (this.stopped || this.depth > 0) return this.stop();
    return this.from.documentEnd ? this.next === Next.Nothing : this.next === Next.Unit;
  }

  private unit(bytes: Buffer): boolean {
    let unit: unknown;
    try {
      unit = JSON.parse(bytes.toString('utf8'));
    } catch {
      return false;
    }
    this.units++;
    this.onUnit(unit as Record<string, unknown>);
    return true;
  }

  private stop(): false {
    this.stopped = true;
    this.held = [];
    return false;
  }
}
