// The cookbook: at least 30 recipes that can be written, each with its original wording, the
// Assess lines and a small example whose `expect` lines are its result (docs.test.ts runs
// them); a clause that cannot be written says so, under its own heading.
import { expect, it } from 'vitest';
import { readDoc, type Block } from './blocks.js';

const doc = readDoc('docs/cookbook.md');
const recipes = doc.headings.filter((h) => h.anchor?.kind === 'recipe');
const cannot = (name: string) => /\(cannot\)$/.test(name);
const blocksOf = (title: string): Block[] => doc.blocks.filter((b) => b.headings.some((h) => h.title === title));
const text = (title: string) => {
  const start = doc.text.indexOf(`### ${title}\n`);
  const next = doc.text.indexOf('\n#', start + 1);
  return doc.text.slice(start, next < 0 ? undefined : next);
};

it('has at least 30 recipes that can be written, each under its own anchor', () => {
  expect(recipes.filter((r) => !cannot(r.anchor!.name)).length).toBeGreaterThanOrEqual(30);
  const names = recipes.map((r) => r.anchor!.name);
  expect(new Set(names).size).toBe(names.length);
});

it.each(recipes.map((r) => [r.title, r] as const))('%s: the original, the Assess lines, an example with its result', (title, r) => {
  const body = text(title);
  expect(body).toMatch(/\*\*原文\*\*/);
  const examples = blocksOf(title).filter((b) => b.lang === 'assess' && /^示例 /m.test(b.text) && /^\s*预期 /m.test(b.text));
  expect(examples.length, 'an example with expect lines').toBeGreaterThan(0);
  if (cannot(r.anchor!.name)) expect(body).toMatch(/不能|只能近似/);
  // The Assess lines in Chinese keywords, with the English keywords beside them.
  else {
    const how = /\*\*写法\*\*([\s\S]*?)\n\n/.exec(body)?.[1] ?? '';
    expect(how).toMatch(/（`[^`]*[a-z][^`]*`）/);
    expect(body).toMatch(/\*\*结果\*\*/);
  }
});
