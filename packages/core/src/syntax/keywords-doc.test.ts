// The keyword table in docs/reference.md is generated from the lexer's table.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { KEYWORDS } from './keywords.js';

const doc = new URL('../../../../docs/reference.md', import.meta.url);

export function keywordTable(): string {
  const rows = KEYWORDS.map((k) => `| ${k.en.map((s) => `\`${s}\``).join(', ')} | ${k.zh.map((s) => `\`${s}\``).join('、')} | ${k.meaning} |`);
  return ['| English | 中文 | meaning |', '|---|---|---|', ...rows].join('\n');
}

it('docs/reference.md lists every keyword in both languages', () => {
  const text = readFileSync(doc, 'utf8');
  const updated = text.replace(/(<!-- keywords:start -->\n)[\s\S]*?(<!-- keywords:end -->)/, `$1${keywordTable()}\n$2`);
  if (process.env.UPDATE_GOLDEN) writeFileSync(doc, updated);
  expect(text).toBe(updated);
});
