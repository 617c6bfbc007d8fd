// Snippets write valid Assess: the scheme skeleton compiles without errors in both keyword
// languages, and every other snippet parses inside it.
import { compile } from '@assess/core';
import { describe, expect, it } from 'vitest';
import { snippetLabel } from './completion.js';
import { SNIPPETS } from './snippets.js';

/** A snippet as inserted when every placeholder keeps its default. */
const expand = (body: string) => body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');

describe.each(['en', 'zh'] as const)('snippets (%s)', (lang) => {
  const skeleton = expand(SNIPPETS.find((s) => s.id === 'scheme')!.body[lang]);

  it('the scheme skeleton compiles without errors', () => {
    expect(compile('s.assess', skeleton).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each(SNIPPETS.filter((s) => s.id !== 'scheme').map((s) => s.id))('%s parses inside a scheme', (id) => {
    const s = SNIPPETS.find((x) => x.id === id)!;
    // A deduction is a rule: it goes after an item's head.
    const body = id === 'deduction' ? `${lang === 'zh' ? '指标 "扣分" 满分 5：' : 'item "扣分" max 5: '}${expand(s.body[lang])}` : expand(s.body[lang]);
    const syntax = compile('s.assess', `${skeleton}\n${body}\n`).diagnostics.filter((d) => d.code < 'E0100');
    expect(syntax).toEqual([]);
  });

  it('are labelled by their first line with the placeholders left out', () => {
    expect(snippetLabel(SNIPPETS.find((s) => s.id === 'deduction')!.body[lang])).toBe(lang === 'zh' ? '每 … 扣 …' : 'deduct … per …');
  });
});
