import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stripSpans, tokenize } from '../index.js';
import { numberValue } from '../common/numbers.js';
import { StringLit } from './lexer.js';
import { relex } from './relex.js';

// The language sketch's schemes (kept in the repo as fixtures) and the brief's two phrases.
const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/${name}`, import.meta.url), 'utf8');
const PHRASES = `item "材料报送" max 5: deduct 1 per missing_reports
bonus "项目加分": city 3, province 6, national 10, cap 10 prorata`;
const blocks = [PHRASES, fixture('sketch-en.assess'), fixture('sketch-zh.assess')];

describe('the sketch', () => {
  it('parses both phrases of the brief as written', () => {
    const phrases = blocks[0].trim().split('\n');
    expect(phrases).toHaveLength(2);
    for (const p of phrases) {
      const r = parse(`scheme "x" total 5\ninput { missing_reports : count  level : city | province | national }\n${p}`);
      expect(r.diagnostics.map((d) => d.message.en)).toEqual([]);
    }
    const deduct = parse(`scheme "x" total 5\n${phrases[0]}`).ast.items[0];
    expect(deduct.rule).toMatchObject({ kind: 'Deduct', amounts: [{ value: '1' }], count: { kind: 'Name', name: 'missing_reports' } });
    const bonus = parse(`scheme "x" total 5\n${phrases[1]}`).ast.bonuses[0];
    expect(bonus.rule).toMatchObject({ kind: 'Tiers', tiers: [{ member: { name: 'city' } }, { member: { name: 'province' } }, { member: { name: 'national' } }] });
    expect(bonus.cap).toMatchObject({ value: { value: '10' }, prorata: true });
  });

  it('parses the English and the Chinese towns schemes without errors', () => {
    expect(parse(blocks[1]).diagnostics).toEqual([]);
    expect(parse(blocks[2]).diagnostics).toEqual([]);
  });

  it('reads Chinese word order: 每 X 扣 K is deduct K per X', () => {
    const zh = parse('方案 "x" 总分 5\n指标 "材料报送" 满分 5: 每 少报次数 扣 1, 最多 3');
    const en = parse('scheme "x" total 5\nitem "材料报送" max 5: deduct 1 per 少报次数, max 3');
    expect(stripSpans(zh.ast)).toEqual(stripSpans(en.ast));
  });
});

describe('numbers', () => {
  it.each([
    ['12', '12'],
    ['2.50', '2.5'],
    ['5000万', '50000000'],
    ['1.5亿', '150000000'],
    ['40%', '0.4'],
    ['12.5%', '0.125'],
    ['0.5万', '5000'],
    ['-3', '-3'],
  ])('%s is %s', (text, value) => expect(numberValue(text)).toBe(value));
});

describe('tokens', () => {
  it('keeps comments in their own group', () => {
    const t = tokenize('# 说明\nscheme "x" total 1 # 行尾\n');
    expect(t.comments.map((c) => c.image)).toEqual(['# 说明', '# 行尾']);
    expect(t.tokens.some((x) => x.image.startsWith('#'))).toBe(false);
  });
  it('reads a Chinese keyword glued to a name as a name', () => {
    expect(tokenize('次数统计').tokens.map((x) => x.tokenType.name)).toEqual(['Identifier']);
    expect(tokenize('每名 每').tokens.map((x) => x.tokenType.name)).toEqual(['Step', 'Per']);
    expect(tokenize('if zero_count').tokens.map((x) => x.tokenType.name)).toEqual(['If', 'Identifier']);
  });
  it('accepts full-width punctuation', () => {
    expect(tokenize('a：b，c（d）≥ 1').diagnostics).toEqual([]);
  });
});

describe('recovery', () => {
  it('reports the errors of every declaration in one run', () => {
    const r = parse(`scheme "x" total 10
section "a" max 5 { item "b" max 5: deduct per x }
section "c" max 5 { item d max 5: x }
veto "e" x
`);
    const lines = r.diagnostics.map((d) => r.syntax.tokens.length && d.span.start);
    expect(r.diagnostics.length).toBeGreaterThanOrEqual(3);
    expect(new Set(lines).size).toBe(r.diagnostics.length);
  });
});

describe('full-width punctuation', () => {
  it('reads as its half-width twin: the same AST', () => {
    const half = 'scheme "s" total 10\ninput { x : number, y : number }\nitem "a" max 10: 10 - x * 2 / y + 1 >= 0\n# note\nitem "b" max 10 { 10 if x < 5 and y = 1 }\n';
    const full = 'scheme ＂s＂ total 10\ninput ｛ x ： number， y ： number ｝\nitem ＂a＂ max 10： 10 － x ＊ 2 ／ y ＋ 1 ＞＝ 0\n＃ note\nitem ＂b＂ max 10 ｛ 10 if x ＜ 5 and y ＝ 1 ｝\n';
    expect(parse(full).diagnostics).toEqual([]);
    expect(stripSpans(parse(full).ast)).toEqual(stripSpans(parse(half).ast));
  });

  it('an unread full-width character is pointed at its half-width twin only when the language reads the twin', () => {
    const hint = (source: string) => parse(source).diagnostics.find((d) => d.code === 'E0001')?.hint?.en;
    const scheme = 'scheme "s" total 10\ninput { x : number optional, l : list of { n : number } }\nitem "a" max 10: 10 if x != 1\nitem "b" max 10: x ?? 0\n';
    // The twins of 【】！？ are read: writing the twin leaves no error.
    expect(parse(scheme).diagnostics).toEqual([]);
    expect(hint('example "e" { given { l: 【{ n: 1 }] } }')).toBe('use the half-width `[`');
    expect(hint(scheme.replace('!=', '！='))).toBe('use the half-width `!`');
    expect(hint(scheme.replace('??', '？？'))).toBe('use the half-width `?`');
    // A half-width `;`, `@` or `$` would be unread too: the hint says to remove it.
    for (const ch of ['；', '＠', '＄']) expect(hint(scheme.replace('number optional', `number optional${ch}`))).toBe('remove it, or put it inside a quoted label');
  });
});

describe('the grammar', () => {
  it('passes Chevrotain’s checks (no ambiguity, no left recursion): the shared parser skips them to start sooner', async () => {
    const { AssessParser } = await import('./grammar.js');
    expect(() => new AssessParser(true)).not.toThrow();
    expect(new AssessParser(true).definitionErrors).toEqual([]);
  });
});

describe('characters that change the direction of text', () => {
  const RLO = '\u202e';
  it('are an error wherever they are (a label, a comment, between tokens), one each, and the fix removes them', () => {
    const source = `scheme "x" total 5\n# ${RLO} note\ninput { n : count }\nitem "a${RLO}b" max 5: n ${'\u2066'}\n`;
    const ds = tokenize(source).diagnostics;
    expect(ds.map((d) => [d.code, source.slice(d.span.start, d.span.end)])).toEqual([
      ['E0015', RLO],
      ['E0015', RLO],
      ['E0015', '\u2066'],
    ]);
    expect(ds[0].message.en).toBe('an invisible character that changes the direction of the text around it: U+202E (right-to-left override)');
    let fixed = source;
    for (const d of [...ds].reverse()) fixed = fixed.slice(0, d.fixes[0].edits[0].span.start) + d.fixes[0].edits[0].text + fixed.slice(d.fixes[0].edits[0].span.end);
    expect(fixed).toBe(`scheme "x" total 5\n#  note\ninput { n : count }\nitem "ab" max 5: n \n`);
    expect(tokenize(fixed).diagnostics).toEqual([]);
  });
  it('leave right-to-left text itself alone (Arabic, Hebrew, the marks U+200E and U+200F)', () => {
    expect(tokenize('scheme "تقييم\u200f" total 5\nitem "שלום\u200e" max 5: 5\n').diagnostics).toEqual([]);
  });
});

describe('quotes written with a backslash inside a label', () => {
  const apply = (source: string, edits: { span: { start: number; end: number }; text: string }[]) => [...edits].sort((a, b) => b.span.start - a.span.start).reduce((s, e) => s.slice(0, e.span.start) + e.text + s.slice(e.span.end), source);
  it('read as the one label they were meant to be: one E0014, whose fix writes them “…”', () => {
    const source = 'item "a \\"b\\" c" max 5: n\nitem "\\"x\\"" max 5: n\n';
    const t = tokenize(source);
    expect(t.tokens.filter((x) => x.tokenType === StringLit).map((x) => x.image)).toEqual(['"a \\"b\\" c"', '"\\"x\\""']);
    expect(t.diagnostics.map((d) => [d.code, source.slice(d.span.start, d.span.end)])).toEqual([
      ['E0014', '"a \\"b\\" c"'],
      ['E0014', '"\\"x\\""'],
    ]);
    const fixed = apply(source, t.diagnostics.flatMap((d) => d.fixes[0].edits));
    expect(fixed).toBe('item "a “b” c" max 5: n\nitem "“x”" max 5: n\n');
    expect(tokenize(fixed).diagnostics).toEqual([]);
  });
  it('leave a label that ends in a backslash as it is, and backslashed quotes that do not pair', () => {
    expect(tokenize('item "C:\\" max 5: n\n').diagnostics).toEqual([]);
    expect(tokenize('item "C:\\" max 5: n\n').tokens.find((x) => x.tokenType === StringLit)!.image).toBe('"C:\\"');
    // `veto "C:\" if x == "y"`: one backslashed quote before the next label's: not a label of its own.
    expect(tokenize('veto "C:\\" if x == "y"\n').diagnostics).toEqual([]);
  });
  it('are lexed alike after an edit (the tokens of the edited line again)', () => {
    const before = 'scheme "s" total 5\nitem "a" max 5: n\n';
    const after = 'scheme "s" total 5\nitem "a \\"b\\"" max 5: n\n';
    const again = relex(before, tokenize(before), after);
    const fresh = tokenize(after);
    const shape = (x: ReturnType<typeof tokenize>) => ({ tokens: x.tokens.map((t) => [t.tokenType.name, t.image, t.startOffset, t.endOffset, t.startLine, t.startColumn, t.endColumn]), diagnostics: x.diagnostics.map((d) => [d.code, d.span.start, d.span.end]) });
    expect(shape(again)).toEqual(shape(fresh));
  });
});
