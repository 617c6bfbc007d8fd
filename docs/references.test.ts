// The English and the Chinese references cannot drift apart: they have the same sections
// (one `<!-- construct: x -->` anchor per construct, in the same order), every construct has
// a checked example in both, and both keyword tables are generated from the lexer's table.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { KEYWORDS } from '@assess/core';
import { KEYWORD_MEANINGS_ZH } from '@assess/language-service';
import { readDoc, ROOT, type Doc } from './blocks.js';

const en = readDoc('docs/reference.md');
const zh = readDoc('docs/zh/参考.md');

const constructs = (doc: Doc) => doc.headings.filter((h) => h.anchor?.kind === 'construct').map((h) => h.anchor!.name);

const code = (s: string) => `\`${s}\``;

/** The keyword table of each reference, from `KEYWORDS` (English meanings) and the language service's Chinese meanings. */
export const keywordTables = {
  en: () => ['| English | 中文 | meaning |', '|---|---|---|', ...KEYWORDS.map((k) => `| ${k.en.map(code).join(', ')} | ${k.zh.map(code).join('、')} | ${k.meaning} |`)].join('\n'),
  zh: () => ['| 中文 | English | 含义 |', '|---|---|---|', ...KEYWORDS.map((k) => `| ${k.zh.map(code).join('、')} | ${k.en.map(code).join(', ')} | ${KEYWORD_MEANINGS_ZH[k.name]} |`)].join('\n'),
};

it.each([
  ['en', 'docs/reference.md'],
  ['zh', 'docs/zh/参考.md'],
] as const)('the keyword table of %s (%s) lists every keyword in both languages', (lang, path) => {
  const file = join(ROOT, path);
  const text = readFileSync(file, 'utf8');
  const updated = text.replace(/(<!-- keywords:start -->\n)[\s\S]*?(<!-- keywords:end -->)/, `$1${keywordTables[lang]()}\n$2`);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, updated);
  expect(text).toBe(updated);
});

it('both references document the same constructs, in the same order', () => {
  expect(constructs(en).length).toBeGreaterThan(30);
  expect(new Set(constructs(en)).size, 'each construct once').toBe(constructs(en).length);
  expect(constructs(zh)).toEqual(constructs(en));
});

it('every construct has a checked example in both references', () => {
  for (const doc of [en, zh]) {
    const withExample = new Set(doc.blocks.filter((b) => b.lang === 'assess').map((b) => b.headings.find((h) => h.anchor?.kind === 'construct')?.anchor?.name));
    const keywordsOnly = ['keywords'];
    expect(constructs(doc).filter((c) => !withExample.has(c) && !keywordsOnly.includes(c)), doc.path).toEqual([]);
  }
});

it('the Chinese reference writes its examples with Chinese keywords', () => {
  // An English keyword spelling as a whole word, outside labels, comments and text values.
  const english = new Set(KEYWORDS.flatMap((k) => k.en.flatMap((s) => s.split(' '))));
  for (const b of zh.blocks.filter((x) => x.lang === 'assess')) {
    const words = b.text
      .replace(/#.*$/gm, '')
      .replace(/"[^"\n]*"|“[^”\n]*”/g, '')
      .match(/[A-Za-z_][A-Za-z_0-9]*/g) ?? [];
    expect(words.filter((w) => english.has(w)), `docs/zh/参考.md:${b.line}`).toEqual([]);
  }
});
