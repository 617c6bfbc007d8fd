// The units of a .json document read a piece at a time are the units JSON.parse gives for the
// whole document, or the reader says it cannot stream it (and the file is read whole): never
// other units. Also for parts of the document that start at a unit.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonUnits, type UnitsFrom } from './json-units.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);

/** The units read from `bytes` given in pieces cut at `cuts`, or undefined when the reader stops. */
function read(bytes: Buffer, cuts: number[] = [], from: UnitsFrom = { documentStart: true, documentEnd: true }): unknown[] | undefined {
  const units: unknown[] = [];
  const r = new JsonUnits(from, (u) => units.push(u));
  const at = [0, ...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length];
  for (let i = 0; i + 1 < at.length; i++) if (!r.write(bytes.subarray(at[i], at[i + 1]))) return undefined;
  return r.end() ? units : undefined;
}

/** What the whole document's JSON.parse gives as units, when the reader should stream it. */
function parsedUnits(text: string): unknown[] | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  // (As the whole document's reader takes it: a list, or a record's own `units` list.)
  const list = Array.isArray(doc) ? doc : doc && typeof doc === 'object' && Object.hasOwn(doc, 'units') && Array.isArray((doc as { units?: unknown }).units) ? (doc as { units: unknown[] }).units : undefined;
  return list?.every((u) => u !== null && typeof u === 'object' && !Array.isArray(u)) ? list : undefined;
}

/** Records with keys and values that hold what the reader must look past: quotes, backslashes, brackets, other scripts. */
const tricky = fc.oneof(fc.string(), fc.constantFrom('"', '\\', '\\"', '{', '}', '[', ']', ',', '"units"', '镇', '😀', '\u2028', '__proto__', 'constructor'));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, tricky, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(tricky, tie('v'), { maxKeys: 3 })),
})).v;
const unit = fc.dictionary(tricky, value, { maxKeys: 5 });
/**
 * A document as a file might hold it: a list, or `{"units": […]}`, compact or indented, with
 * where each unit starts (its byte).
 */
const otherKeys = fc.array(fc.tuple(tricky.filter((k) => k !== 'units'), value), { maxLength: 2 });
const documentOf = fc
  .tuple(fc.array(unit, { maxLength: 6 }), fc.boolean(), fc.constantFrom(undefined, 2, '\t'), fc.constantFrom('', ' ', '\n', '\n  ', '\r\n\t'), otherKeys, otherKeys)
  .map(([units, wrapped, indent, ws, before, after]) => {
    // Other keys of the record holding the list: before it (then the document is read on one thread) and after it.
    const keys = (kvs: [string, unknown][]) => kvs.map(([k, v]) => `${JSON.stringify(k)}:${ws}${JSON.stringify(v, null, indent)},${ws}`).join('');
    const tail = (kvs: [string, unknown][]) => kvs.map(([k, v]) => `,${ws}${JSON.stringify(k)}:${ws}${JSON.stringify(v, null, indent)}`).join('');
    let text = wrapped ? `{${ws}${keys(before)}"units":${ws}[${ws}` : `[${ws}`;
    const starts: number[] = [];
    units.forEach((u, k) => {
      if (k > 0) text += `,${ws}`;
      starts.push(Buffer.byteLength(text));
      text += JSON.stringify(u, null, indent);
    });
    text += `${ws}]${wrapped ? `${tail(after)}${ws}}` : ''}${ws}`;
    return { units, text, starts, wrapped };
  });

describe('JsonUnits', () => {
  it('gives the units JSON.parse gives, whatever pieces the bytes come in', () => {
    fc.assert(
      fc.property(documentOf, fc.array(fc.nat(), { maxLength: 8 }), ({ units, text }, cuts) => {
        expect(read(Buffer.from(text), cuts)).toEqual(JSON.parse(JSON.stringify(units)));
      }),
      { numRuns: RUNS },
    );
  });

  it('never gives other units than JSON.parse: a document changed anywhere is streamed alike, or not at all', () => {
    const change = fc.tuple(fc.nat(), fc.nat(2), fc.constantFrom(...'[]{},:"\\ a1\n'.split(''), '\u00e9'));
    fc.assert(
      fc.property(documentOf, fc.array(change, { minLength: 1, maxLength: 3 }), fc.array(fc.nat(), { maxLength: 4 }), ({ text }, changes, cuts) => {
        let t = text;
        for (const [at, how, c] of changes) {
          const i = at % (t.length + 1);
          t = how === 0 ? t.slice(0, i) + t.slice(i + 1) : how === 1 ? t.slice(0, i) + c + t.slice(i) : t.slice(0, i) + c + t.slice(i + 1);
        }
        // (As the file's bytes, read as UTF-8: half a surrogate pair is U+FFFD there.)
        const got = read(Buffer.from(t), cuts);
        const want = parsedUnits(Buffer.from(t).toString('utf8'));
        if (got !== undefined) expect(got).toEqual(want);
        // What JSON.parse rejects is never streamed.
        if (want === undefined) expect(got).toBeUndefined();
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('reads parts that start at a unit and end after its comma; parts cut anywhere else read alike or say they cannot', () => {
    fc.assert(
      fc.property(documentOf.filter((d) => d.units.length >= 2), fc.nat(), fc.nat(), ({ units, text, starts, wrapped }, pick, anywhere) => {
        const bytes = Buffer.from(text);
        const all = JSON.parse(JSON.stringify(units));
        const parts = (cut: number) => {
          const first = read(bytes.subarray(0, cut), [], { documentStart: true, documentEnd: false });
          const rest = read(bytes.subarray(cut), [], { documentStart: false, documentEnd: true, wrapped });
          return first && rest && [...first, ...rest];
        };
        expect(parts(starts[1 + (pick % (starts.length - 1))])).toEqual(all);
        const elsewhere = parts(anywhere % (bytes.length + 1));
        if (elsewhere !== undefined) expect(elsewhere).toEqual(all);
      }),
      { numRuns: RUNS },
    );
  });

  it('a unit split between pieces inside a character of several bytes', () => {
    const text = JSON.stringify([{ id: '甲镇', note: '😀"\\' }, { id: '乙镇' }]);
    const bytes = Buffer.from(text);
    for (let i = 0; i <= bytes.length; i++) expect(read(bytes, [i])).toEqual(JSON.parse(text));
  });

  it('stops at what it does not stream: no list, units twice, a unit that is not a record, a trailing comma, a byte order mark', () => {
    for (const text of ['{"scheme":"s"}', '{}', '{"units":{}}', '{"units":[],"units":[]}', '[{"id":"a"},1]', '[{"id":"a"},]', '\ufeff[{"id":"a"}]', '[{"id":"a"}] x', '{"units":[{"id":"a"}],"units":[]}', '[{"id":"a"}', '']) {
      expect(read(Buffer.from(text)), text).toBeUndefined();
    }
    expect(read(Buffer.from(' [ ] '))).toEqual([]);
    expect(read(Buffer.from('{ "units" : [ {"id":"a"} ] }'))).toEqual([{ id: 'a' }]);
    // Other keys, of every kind of value, beside the list.
    expect(read(Buffer.from('{"scheme": "s\\"]}", "n": -1.5e3, "ok": true, "x": null, "m": {"a": [1, {"b": "}"}]}, "units": [{"id":"a"}], "l": [[]]}'))).toEqual([{ id: 'a' }]);
    expect(read(Buffer.from('{"\\u0075nits": [{"id":"a"}]}'))).toEqual([{ id: 'a' }]);
  });
});
