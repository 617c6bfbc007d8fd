import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assessFiles } from '@assess/testing';
import type { IToken } from 'chevrotain';
import { parse, stripSpans } from '../index.js';
import { isChineseSpelling, KEYWORDS } from './keywords.js';
import { Keyword, tokenize } from './lexer.js';
import { translateKeywords } from './translate.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const TESTS = fileURLToPath(new URL('../../tests/', import.meta.url));


const rel = (p: string) => p.slice(ROOT.length);
/** examples/, the sketch schemes, and our own files that exercise every keyword and tight spacing. */
const SCHEMES = [...assessFiles(join(ROOT, 'examples')), ...assessFiles(join(TESTS, 'fixtures')), ...assessFiles(join(TESTS, 'translate'))];
/** The golden cases are schemes with mistakes: translation must keep even a broken file's tree. */
const BROKEN = assessFiles(join(TESTS, 'diagnostics'));

const isKeyword = (t: IToken) => t.tokenType.CATEGORIES?.includes(Keyword) ?? false;
const ast = (s: string) => stripSpans(parse(s).ast);
const codes = (s: string) => parse(s).diagnostics.map((d) => d.code);

/** What translation must leave alone: every non-keyword token and every comment, in order. */
function untouched(s: string): string[] {
  const t = tokenize(s);
  return [...t.tokens.filter((x) => !isKeyword(x)).map((x) => `${x.tokenType.name} ${x.image}`), ...t.comments.map((c) => c.image)];
}

function keywordImages(s: string): string[] {
  return tokenize(s).tokens.filter(isKeyword).map((t) => t.image);
}

describe('translateKeywords', () => {
  it('has the sketch schemes and a file using every keyword', () => {
    expect(SCHEMES.map(rel)).toEqual(expect.arrayContaining([expect.stringMatching(/sketch-en\.assess$/), expect.stringMatching(/sketch-zh\.assess$/), expect.stringMatching(/every-keyword\.assess$/)]));
    const used = new Set(tokenize(readFileSync(SCHEMES.find((p) => p.endsWith('every-keyword.assess'))!, 'utf8')).tokens.map((t) => t.tokenType.name));
    expect(KEYWORDS.filter((k) => !used.has(k.name)).map((k) => k.name)).toEqual([]);
  });

  for (const path of SCHEMES) {
    describe(rel(path), () => {
      const src = readFileSync(path, 'utf8');
      const zh = translateKeywords(src, 'zh');
      const en = translateKeywords(src, 'en');

      it('to zh and to en give the same AST and the same syntax diagnostics', () => {
        expect(ast(zh)).toEqual(ast(src));
        expect(ast(en)).toEqual(ast(src));
        expect(codes(zh)).toEqual(codes(src));
        expect(codes(en)).toEqual(codes(src));
      });

      it('the zh translation has no English keyword, the en translation no Chinese one', () => {
        expect(keywordImages(zh).filter((k) => !isChineseSpelling(k))).toEqual([]);
        expect(keywordImages(en).filter((k) => isChineseSpelling(k))).toEqual([]);
      });

      it('names, labels, numbers, punctuation and comments are unchanged', () => {
        expect(untouched(zh)).toEqual(untouched(src));
        expect(untouched(en)).toEqual(untouched(src));
      });

      it('round trips: zh → en → zh and en → zh → en are stable', () => {
        const lines = (s: string) => s.split('\n').length;
        const back = translateKeywords(translateKeywords(zh, 'en'), 'zh');
        // Exact, unless a line break had to keep an accidental `if zero` apart (tight-zh.assess).
        if (lines(translateKeywords(zh, 'en')) === lines(zh)) expect(back).toBe(zh);
        else expect(ast(back)).toEqual(ast(zh));
        expect(translateKeywords(translateKeywords(en, 'zh'), 'en')).toBe(en);
        expect(translateKeywords(zh, 'zh')).toBe(zh);
        expect(translateKeywords(en, 'en')).toBe(en);
      });
    });
  }

  it('keeps the tree of every broken golden scheme too', () => {
    for (const path of BROKEN) {
      const src = readFileSync(path, 'utf8');
      for (const to of ['zh', 'en'] as const) {
        const out = translateKeywords(src, to);
        expect(ast(out), `${rel(path)} → ${to}`).toEqual(ast(src));
        expect(untouched(out), `${rel(path)} → ${to}`).toEqual(untouched(src));
      }
    }
  });

  it('an English scheme written with canonical spellings comes back byte for byte', () => {
    const src = readFileSync(SCHEMES.find((p) => p.endsWith('sketch-en.assess'))!, 'utf8');
    expect(translateKeywords(translateKeywords(src, 'zh'), 'en')).toBe(src);
  });

  it('changes only keywords: the sketch in English, translated', () => {
    const src = 'item "材料报送" max 5: deduct 1 per missing_reports  # max 5 if late\n';
    expect(translateKeywords(src, 'zh')).toBe('指标 "材料报送" 满分 5: 扣 1 每 missing_reports  # max 5 if late\n');
  });

  it('multi-word and punctuated keywords become one word, and back', () => {
    const src = 'x : yes/no\nratio a / b, if  zero 0\nby rank of v desc\nh, best per p highest\nmax of v across units';
    const zh = translateKeywords(src, 'zh');
    expect(zh).toBe('x : 是否\n比例 a / b, 为零时 0\n按排名 v 降序\nh, 同一 p 取最高\n满分 的 v 全体单位');
    expect(translateKeywords(zh, 'en')).toBe('x : yes/no\nratio a / b, if zero 0\nby rank of v desc\nh, best per p highest\nmax of v across units');
  });

  it('every spelling of a keyword becomes its canonical spelling', () => {
    for (const k of KEYWORDS) {
      for (const s of [...k.en, ...k.zh]) {
        // Surround with punctuation so that no neighbour changes how the keyword lexes.
        const out = translateKeywords(`(${s})`, 'en');
        expect(out, `${s} → en`).toBe(`(${k.en[0]})`);
        expect(translateKeywords(`(${s})`, 'zh'), `${s} → zh`).toBe(`(${k.zh[0]})`);
      }
    }
  });

  it('adds a space only where the new spelling would run into its neighbour', () => {
    // `5若` lexes as 5 and 若; `5if` would too, but `满分` before a name must stay apart.
    expect(translateKeywords('2若 a', 'en')).toBe('2 if a');
    expect(translateKeywords('a:yes/no"甲"', 'zh')).toBe('a:是否"甲"');
    expect(translateKeywords('指标"x"满分 5：每 乙 扣 1', 'en')).toBe('item"x"max 5：per 乙 deduct 1');
    expect(translateKeywords('{2 if a}', 'zh')).toBe('{2 若 a}');
  });

  it('does not form a multi-word keyword by accident', () => {
    // A yes/no named `zero` after 若 would read as `if zero`; a name `best` before 每 as `best per`.
    for (const src of ['指标 "y" 满分 5 { 2 若 zero }', '指标 "z" 满分 0: best 每 乙 扣 1', '排名 按 名次 的 丙 降序']) {
      const en = translateKeywords(src, 'en');
      expect(tokenize(en).tokens.map((t) => t.tokenType.name), en).toEqual(tokenize(src).tokens.map((t) => t.tokenType.name));
      expect(ast(en)).toEqual(ast(src));
    }
  });

  it('leaves text it cannot lex alone', () => {
    expect(translateKeywords('scheme "x" total 10；@ if', 'zh')).toBe('方案 "x" 总分 10；@ 若');
    expect(translateKeywords('', 'zh')).toBe('');
    expect(translateKeywords('"unterminated if', 'zh')).toBe('"unterminated 若');
  });

  it('property: random keyword soups keep their token types and tree', () => {
    const spellings = KEYWORDS.flatMap((k) => [...k.en, ...k.zh]);
    const token = fc.oneof(
      fc.constantFrom(...spellings),
      fc.constantFrom('(', ')', '{', '}', ':', '：', ',', '，', '"甲"', '12', '5万', '40%', '->', '..', '=', '>=', '+', '-', '*', '/', '.', '#c\n'),
      fc.constantFrom('zero', 'best', 'units', 'of', 'rank', 'a', '乙', '少报次数', 'x1', 'per_x'),
    );
    const sep = fc.constantFrom(' ', '', '\n', '  ', '\t');
    fc.assert(
      fc.property(fc.array(fc.tuple(token, sep), { maxLength: 60 }), fc.constantFrom('en', 'zh'), (parts, to) => {
        const src = parts.map(([t, s]) => t + s).join('');
        const out = translateKeywords(src, to as 'en' | 'zh');
        expect(tokenize(out).tokens.map((t) => t.tokenType.name)).toEqual(tokenize(src).tokens.map((t) => t.tokenType.name));
        expect(untouched(out)).toEqual(untouched(src));
        expect(ast(out)).toEqual(ast(src));
      }),
      { numRuns: 500 },
    );
  });
});
