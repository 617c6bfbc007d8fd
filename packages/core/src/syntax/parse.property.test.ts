// The front end never throws on a user's text, and always answers in bounded time.
//
// Properties over (a) random strings, (b) random soups of keyword spellings and punctuation,
// (c) random mutations of real schemes; plus hostile inputs (deep nesting, huge files) and
// names that collide with Object.prototype. The wall-time bound per case is a safety net
// against hangs, not a performance test.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assessFiles } from '@assess/testing';
import { CATALOG, compile, KEYWORDS, LIMITS, memoryHost, renderDiagnostics, tokenize, type Compiled } from '../index.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const TESTS = fileURLToPath(new URL('../../tests/', import.meta.url));

/** `FUZZ_SCALE=20 npx vitest run …` runs the random properties 20 times longer. */
const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1);
/** Milliseconds one compile may take before we call it a hang. */
const CASE_BOUND_MS = 2000;


/** Every real scheme we have: examples/, the two sketch schemes, the golden cases. */
const SEEDS: { path: string; text: string }[] = [...assessFiles(join(ROOT, 'examples')), ...assessFiles(join(TESTS, 'fixtures')), ...assessFiles(join(TESTS, 'diagnostics'))].map((path) => ({
  path,
  text: readFileSync(path, 'utf8'),
}));

/** A host with a couple of files, so that `use` lines in mutated text resolve sometimes. */
const HOST_FILES: Record<string, string> = {
  'a.assess': 'scheme "甲" total 10\ninput { x : count }\nitem "a" max 10: min(x, 10)\n',
  'imports/b.assess': 'scheme "乙" total 10\nuse "../fuzz.assess" as back\nitem "b" max 10: 10\n',
};

const CODES = new Set(Object.keys(CATALOG));

/** Compile, and check that the answer is well-formed diagnostics, in bounded time. */
function compileSafely(source: string): Compiled {
  const t0 = performance.now();
  const c = compile('fuzz.assess', source, memoryHost({ ...HOST_FILES, 'fuzz.assess': source }));
  const ms = performance.now() - t0;
  if (ms > CASE_BOUND_MS) throw new Error(`compile took ${Math.round(ms)} ms (bound ${CASE_BOUND_MS} ms)`);
  expect(Array.isArray(c.diagnostics)).toBe(true);
  expect(c.ok).toBe(!c.diagnostics.some((d) => d.severity === 'error'));
  for (const d of c.diagnostics) {
    expect(CODES.has(d.code), d.code).toBe(true);
    expect(Number.isInteger(d.span.start) && Number.isInteger(d.span.end), `${d.code} span`).toBe(true);
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
    const text = c.sources.get(d.span.file ?? 'fuzz.assess');
    if (text !== undefined) expect(d.span.end).toBeLessThanOrEqual(text.length);
    expect(d.message.en.length > 0 && d.message.zh.length > 0, `${d.code} message`).toBe(true);
  }
  // Rendering the answer must not throw either.
  renderDiagnostics(c.diagnostics, c.sources, 'fuzz.assess', { lang: 'en', color: false });
  renderDiagnostics(c.diagnostics, c.sources, 'fuzz.assess', { lang: 'zh', color: true });
  return c;
}

// ── arbitraries ─────────────────────────────────────────────────────
const ASCII = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const CJK = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const SPECIAL = fc.constantFrom(
  ...'(){}[]<>"“”‘’：，、（）≥≤≠×÷→；＂＃＝｛｝【】\n\r\t \u3000\ufeff#%万亿.-+*/|?!=\\`\u0000\u200b\ud800\udfff'.split(''),
  '..',
  '->',
  '??',
  '\r\n',
  '😀',
  '𠀀',
);
const CHAR = fc.oneof({ weight: 3, arbitrary: ASCII }, { weight: 2, arbitrary: CJK }, { weight: 3, arbitrary: SPECIAL }, { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) });
const RANDOM_TEXT = fc.oneof(fc.string({ unit: CHAR, maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 }));

const SPELLINGS = KEYWORDS.flatMap((k) => [...k.en, ...k.zh]);
const PUNCT = ['(', ')', '{', '}', '[', ']', ':', '：', ',', '，', '、', '..', '.', '->', '→', '??', '=', '==', '!=', '<', '<=', '>', '>=', '≥', '+', '-', '*', '/', '|', '（', '）', '%'];
const TOKEN = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SPELLINGS) },
  { weight: 5, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.constantFrom('missing_reports', 'org_system', 'honors', 'level', 'evidence', 'city', 'province', '少报次数', '荣誉', '级别', '市级', 'x', 'a', '__proto__', 'constructor') },
  { weight: 2, arbitrary: fc.constantFrom('0', '1', '2.5', '5000万', '1.5亿', '40%', '12.5%', '100', '999999999999999999999') },
  { weight: 2, arbitrary: fc.constantFrom('"材料报送"', '"定性考核"', '“规范化单位”', '"a.assess"', '"imports/b.assess"', '"fuzz.assess"', '""', '"x') },
);
const SEP = fc.constantFrom(' ', ' ', ' ', '\n', '', '  ', '\t');
const HEADERS = ['', 'scheme "x" total 10\n', '方案 "x" 总分 100 精度 2\n'];
const TOKEN_SOUP = fc
  .tuple(fc.constantFrom(...HEADERS), fc.array(fc.tuple(TOKEN, SEP), { maxLength: 120 }))
  .map(([h, ts]) => h + ts.map(([t, s]) => t + s).join(''));

type Mutation = { op: 'delete' | 'insert' | 'swap' | 'duplicate'; at: number; len: number; at2: number; text: string };
const MUTATION: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('delete', 'insert', 'swap', 'duplicate'),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 40 }),
  at2: fc.nat(),
  text: fc.oneof(TOKEN, fc.string({ unit: CHAR, maxLength: 10 })),
});

function mutate(src: string, ms: Mutation[]): string {
  let s = src;
  for (const m of ms) {
    const n = s.length;
    const at = n === 0 ? 0 : m.at % (n + 1);
    const end = Math.min(n, at + m.len);
    switch (m.op) {
      case 'delete':
        s = s.slice(0, at) + s.slice(end);
        break;
      case 'insert':
        s = s.slice(0, at) + m.text + s.slice(at);
        break;
      case 'duplicate':
        s = s.slice(0, end) + s.slice(at, end) + s.slice(end);
        break;
      case 'swap': {
        // Swap [at, end) with a slice of the same length elsewhere (non-overlapping when possible).
        const len = end - at;
        const b = n - len <= 0 ? at : m.at2 % (n - len + 1);
        const [x, y] = b < at ? [b, at] : [at, b];
        if (y < x + len) break;
        s = s.slice(0, x) + s.slice(y, y + len) + s.slice(x + len, y) + s.slice(x, x + len) + s.slice(y + len);
        break;
      }
    }
  }
  return s;
}

// ── properties ──────────────────────────────────────────────────────
describe('the front end never throws, in bounded time', () => {
  it('has seeds to mutate (sketch schemes, examples, goldens)', () => {
    expect(SEEDS.some((s) => s.path.endsWith('sketch-en.assess'))).toBe(true);
    expect(SEEDS.some((s) => s.path.endsWith('sketch-zh.assess'))).toBe(true);
  });

  it('the sketch schemes compile cleanly (the mutations start from valid text)', () => {
    for (const s of SEEDS.filter((x) => /sketch-(en|zh)\.assess$/.test(x.path))) {
      expect(compile(s.path, s.text).diagnostics, s.path).toEqual([]);
    }
  });

  it('(a) random strings: unicode, CJK, brackets, full-width punctuation', { timeout: 60_000 * SCALE }, () => {
    fc.assert(
      fc.property(RANDOM_TEXT, (src) => {
        compileSafely(src);
      }),
      { numRuns: 400 * SCALE },
    );
  });

  it('(a) random strings after a valid header', { timeout: 60_000 * SCALE }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...HEADERS), RANDOM_TEXT, (h, src) => {
        compileSafely(h + src);
      }),
      { numRuns: 200 * SCALE },
    );
  });

  it('(b) token soups of keyword spellings (English and Chinese) and punctuation', { timeout: 60_000 * SCALE }, () => {
    fc.assert(
      fc.property(TOKEN_SOUP, (src) => {
        compileSafely(src);
      }),
      { numRuns: 600 * SCALE },
    );
  });

  it('(c) random mutations of every real scheme', { timeout: 60_000 * SCALE }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(MUTATION, { minLength: 1, maxLength: 6 }), (seed, ms) => {
        compileSafely(mutate(seed.text, ms));
      }),
      { numRuns: 800 * SCALE },
    );
  });

  it('(c) token-level mutations of every real scheme (near-valid programs reach the checker)', { timeout: 60_000 * SCALE }, () => {
    const TOKEN_EDIT = fc.record({ op: fc.constantFrom('delete', 'replace', 'insert', 'duplicate'), at: fc.nat(), len: fc.integer({ min: 1, max: 6 }), text: TOKEN });
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(TOKEN_EDIT, { minLength: 1, maxLength: 4 }), (seed, edits) => {
        let src = seed.text;
        for (const e of edits) {
          const toks = tokenize(src).tokens;
          if (toks.length === 0) break;
          const i = e.at % toks.length;
          const j = Math.min(toks.length - 1, i + e.len - 1);
          const a = toks[i].startOffset;
          const b = (toks[j].endOffset ?? toks[j].startOffset) + 1;
          if (e.op === 'delete') src = src.slice(0, a) + src.slice(b);
          else if (e.op === 'replace') src = src.slice(0, a) + e.text + src.slice((toks[i].endOffset ?? a) + 1);
          else if (e.op === 'insert') src = src.slice(0, a) + e.text + ' ' + src.slice(a);
          else src = src.slice(0, b) + ' ' + src.slice(a, b) + src.slice(b);
        }
        compileSafely(src);
      }),
      { numRuns: 800 * SCALE },
    );
  });

  it('(c) every seed survives deleting each single token-sized slice around braces and quotes', () => {
    // Deterministic companion of the random mutations: drop every `{`, `}`, `"` and `:` in turn.
    for (const seed of SEEDS.filter((x) => /sketch-(en|zh)\.assess$/.test(x.path))) {
      for (let i = 0; i < seed.text.length; i++) {
        if ('{}":：,'.includes(seed.text[i])) compileSafely(seed.text.slice(0, i) + seed.text.slice(i + 1));
      }
    }
  });
});

// ── hostile inputs ──────────────────────────────────────────────────
describe('hostile inputs return diagnostics', () => {
  const header = 'scheme "x" total 10\nitem "a" max 10: ';
  const bounded = (src: string, bound = 10_000) => {
    const t0 = performance.now();
    const c = compile('deep.assess', src);
    expect(performance.now() - t0).toBeLessThan(bound);
    expect(c.diagnostics.length).toBeGreaterThan(0);
    return c;
  };

  it('100 000 open parentheses', () => {
    const c = bounded(header + '('.repeat(100_000));
    expect(c.diagnostics.map((d) => d.code)).toContain('E0006');
  });
  it('100 000 balanced parentheses', () => {
    const c = bounded(header + '('.repeat(100_000) + '1' + ')'.repeat(100_000));
    expect(c.diagnostics.map((d) => d.code)).toContain('E0006');
  });
  it('deep braces, brackets, prefix minus and not', () => {
    for (const src of [
      'scheme "x" total 10\nexample "e" { given ' + '{ a: '.repeat(100_000),
      'scheme "x" total 10\nexample "e" { given { a: ' + '['.repeat(100_000),
      header + '- '.repeat(100_000) + '1',
      'scheme "x" total 10\nitem "a" max 10 { 1 if ' + 'not '.repeat(100_000) + 'yes }',
      header + '（'.repeat(100_000),
    ]) {
      expect(bounded(src).diagnostics.map((d) => d.code)).toContain('E0006');
    }
  });
  it('nesting at the limit still parses', () => {
    const n = LIMITS.maxNesting - 2;
    const c = compile('deep.assess', header + '('.repeat(n) + '1' + ')'.repeat(n));
    expect(c.diagnostics.map((d) => d.code)).not.toContain('E0006');
  });

  it('a declaration of 100 000 tokens of garbage: its first error; recovery again in the next declaration', () => {
    // The section after it has two mistakes on two lines: recovering, both are found.
    const section = 'section "s" max 10 {\n  item "b" max 5: (1\n  item "c" max 5: 2 )\n  item "d" max 5: 3 ++ 4\n}\n';
    const c = bounded(header + 'bands a { ' + 'if 1 > 0 then '.repeat(20_000) + '}\n' + section);
    expect(c.diagnostics.map((d) => d.code).filter((code) => code === 'E0002')).toHaveLength(3);
  });

  it('a 2 MB file', () => {
    const unit = 'item "材料报送" max 5: deduct 1 per missing_reports  # 每少报1次扣1分\n';
    const src = 'scheme "大文件" total 10\ninput { missing_reports : count }\n' + unit.repeat(Math.ceil((2 * 1024 * 1024) / unit.length));
    expect(src.length).toBeGreaterThan(LIMITS.maxSourceChars);
    const c = bounded(src, 2000);
    expect(c.diagnostics.map((d) => d.code)).toEqual(['E0005']);
  });

  it('a file just under the size limit is compiled, not refused', { timeout: 180_000 }, () => {
    const unit = (i: number) => `item "指标${i}" max 1: deduct 1 per missing_reports\n`;
    let src = 'scheme "大文件" total 10\ninput { missing_reports : count }\n';
    const parts: string[] = [];
    let len = src.length;
    for (let i = 0; len + unit(i).length < LIMITS.maxSourceChars - 100; i++) {
      parts.push(unit(i));
      len += unit(i).length;
    }
    src += parts.join('');
    // Generous: this is about not crashing on the largest allowed file.
    const c = bounded(src, 120_000);
    expect(c.diagnostics.map((d) => d.code)).toContain('E0302');
  });

  it('a 2 MB line with no line breaks, and 2 MB of blank lines', () => {
    expect(bounded('x'.repeat(2 * 1024 * 1024), 2000).diagnostics.map((d) => d.code)).toEqual(['E0005']);
    expect(bounded('\n'.repeat(2 * 1024 * 1024), 2000).diagnostics.map((d) => d.code)).toEqual(['E0005']);
  });

  it('a long unterminated label and a long comment', () => {
    bounded('scheme "x' + '长'.repeat(500_000));
    bounded('scheme "x" total 10\n#' + '注'.repeat(500_000) + '\nitem');
  });
});

// Long operator chains and long let chains: the checker stops at MAX_EXPR_DEPTH with E0006
// instead of overflowing the stack.
describe('long chains', () => {
  const header = 'scheme "x" total 10\ninput { a : count }\nitem "a" max 10: ';
  it('a sum of 1 000 terms compiles', () => {
    expect(() => compile('c.assess', header + Array(1000).fill('a').join(' + '))).not.toThrow();
  });
  it('a sum of 5 000 terms compiles without throwing', () => {
    expect(() => compile('c.assess', header + Array(5000).fill('a').join(' + '))).not.toThrow();
  });
  it('5 000 `and`s, `??`s and `.field`s compile without throwing', () => {
    expect(() => compile('c.assess', 'scheme "x" total 10\ninput { a : yes/no }\nitem "a" max 10 { 1 if ' + Array(5000).fill('a').join(' and ') + ' }')).not.toThrow();
    expect(() => compile('c.assess', header + Array(5000).fill('a').join(' ?? '))).not.toThrow();
    expect(() => compile('c.assess', header + 'a' + '.b'.repeat(5000))).not.toThrow();
  });
  it('50 000 `and`s, `??`s and `+`s compile without throwing (no pass walks the whole chain by recursion)', () => {
    const chain = (op: string) => Array(50_000).fill('a').join(` ${op} `);
    expect(() => compile('c.assess', `scheme "x" total 10\ninput { a : yes/no }\nitem "a" max 10 { 1 if ${chain('and')} }`)).not.toThrow();
    expect(() => compile('c.assess', header + chain('??'))).not.toThrow();
    expect(() => compile('c.assess', header + chain('+'))).not.toThrow();
  });
  it('2 000 lets, each reading the next, compile without throwing', () => {
    const lets = Array.from({ length: 2000 }, (_, i) => `let v${i} = v${i + 1} + 1\n`).join('');
    expect(() => compile('c.assess', `scheme "x" total 10\n${lets}let v2000 = 1\nitem "a" max 10: v0\n`)).not.toThrow();
  });
  it('5 000 lets, each reading the one before, compile without throwing (no recursion through the chain)', () => {
    const lets = Array.from({ length: 5000 }, (_, i) => `let v${i} = ${i ? `v${i - 1}` : 'x'} + 1\n`).join('');
    expect(() => compile('c.assess', `scheme "x" total 10\ninput { x : number }\n${lets}item "a" max 10: v4999\n`)).not.toThrow();
  });
  it('150 lets, each reading the next and a score: the score is computed before the item reading the chain', () => {
    const lets = Array.from({ length: 150 }, (_, i) => `let v${i} = v${i + 1} + item "b"\n`).join('');
    const c = compile('c.assess', `scheme "x" total 20\ninput { a : count }\n${lets}let v150 = 1\nitem "a" max 10: v0 * 0\nitem "b" max 10: a\n`);
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(c.plan!.order.map((s) => c.plan!.items[s.id].label)).toEqual(['b', 'a']);
  });
  it('a chain of hundreds of `if … else if …`, or of `if … then if …`, is too deeply nested (E0006), not a crash', () => {
    const head = 'scheme "x" total 10\ninput { y : yes/no }\nitem "a" max 10: ';
    for (const src of [head + 'if y then 1 else '.repeat(2000) + '0', head + 'if y then '.repeat(2000) + '1' + ' else 0'.repeat(2000), head + 'if y then 1 else - '.repeat(2000) + '0']) {
      const c = compile('c.assess', src);
      expect(c.diagnostics.map((d) => d.code)).toEqual(['E0006']);
    }
    // A long chain a drafter might write is not.
    const c = compile('c.assess', head + 'if y then 1 else '.repeat(60) + '0');
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

// ── names that collide with Object.prototype ────────────────────────
describe('__proto__, constructor and friends are ordinary names', () => {
  const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
  const before = protoKeys();

  it('declared as inputs, list fields, lets, labels and example keys: no diagnostics', () => {
    const src = `scheme "x" total 10
input {
  __proto__      : count "原型"
  constructor    : yes/no
  toString       : 0..10
  hasOwnProperty : list of { __proto__ : text, valueOf : city | province }
}
let prototype = toString + __proto__
section "__proto__" max 10 {
  item "constructor" max 10 {
    5 if constructor
    5 if count(hasOwnProperty where valueOf = city) > prototype
  }
}
grade { "toString" if total >= 5  otherwise "__proto__" }
example "e" {
  given { __proto__: 1, constructor: yes, toString: 3, hasOwnProperty: [{ __proto__: "x", valueOf: city }] }
  expect item "constructor" = 10
  expect section "__proto__" = 10
  expect grade = "toString"
}
`;
    const c = compileSafely(src);
    expect(c.diagnostics).toEqual([]);
    expect(c.plan!.inputs.map((f) => f.name)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(c.model.find('item', 'constructor')).toBeDefined();
    expect(c.model.find('section', '__proto__')).toBeDefined();
    expect(c.model.find('item', 'toString')).toBeUndefined();
    expect(c.plan!.items.map((i) => i.label)).toContain('constructor');
  });

  it('undeclared, they are unknown names (not inherited properties)', () => {
    const c = compileSafely('scheme "x" total 10\ninput { a : count }\nitem "a" max 10: a + constructor + __proto__ + toString + valueOf + hasOwnProperty\n');
    expect(c.diagnostics.map((d) => `${d.code} ${d.message.en}`)).toEqual([
      'E0101 unknown name `constructor`',
      'E0101 unknown name `__proto__`',
      'E0101 unknown name `toString`',
      'E0101 unknown name `valueOf`',
      'E0101 unknown name `hasOwnProperty`',
    ]);
  });

  it('as enum members, tiers and unknown fields', () => {
    const c = compileSafely(`scheme "x" total 10
input { lvl : a | b, h : list of { level : __proto__ | constructor } }
item "i" max 10: bands lvl { constructor: 3, __proto__: 4, else: 0 }
bonus "b" max 5: h, __proto__ 3, constructor 5
item "j" max 0: sum(h.__proto__) + sum(h.prototype)
`);
    const codes = c.diagnostics.map((d) => d.code);
    expect(codes.filter((x) => x === 'E0102')).toHaveLength(2);
    expect(codes).toContain('E0103');
  });

  it('a `use` of "__proto__" or "constructor" is a missing file, not an object', () => {
    const c = compileSafely('scheme "x" total 10\nuse "__proto__" as p\nuse "constructor" as q\nitem "a" max 10: p.total + q.total\n');
    expect(c.diagnostics.map((d) => d.code)).toEqual(['E0401', 'E0401']);
  });

  it('Object.prototype is untouched', () => {
    expect(protoKeys()).toEqual(before);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });
});
