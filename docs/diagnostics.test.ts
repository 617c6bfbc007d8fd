// Every diagnostic code has its section, in English and in Chinese: the message as the tools
// print it, a wrong example that gives that very code, and the fix. (docs.test.ts checks each
// block: that the wrong example gives exactly the codes it announces, that the printed text is
// what the CLI prints, and that the fix is clean.) The CLI and the language service link here.
import { describe, expect, it } from 'vitest';
import { CATALOG, DIAGNOSTIC_PAGES } from '@assess/core';
import { expectedCodes, readDoc, type Block, type Doc } from './blocks.js';

const pages = Object.entries(DIAGNOSTIC_PAGES).map(([lang, page]) => [lang, readDoc(`docs/${page}`)] as const);
const codes = Object.keys(CATALOG).sort();
const CODE = /^[EW]\d{4}$/;

/** The blocks of each code's section. */
function sections(doc: Doc): Map<string, Block[]> {
  const out = new Map<string, Block[]>();
  for (const h of doc.headings) if (h.level === 2 && CODE.test(h.title)) out.set(h.title, []);
  for (const b of doc.blocks) {
    const code = b.headings.find((h) => h.level === 2 && CODE.test(h.title))?.title;
    if (code) out.get(code)!.push(b);
  }
  return out;
}

describe.each(pages)('the diagnostics page (%s)', (lang, doc) => {
  const bySection = sections(doc);

  it('has one section per code of the catalog, each anchored by its code', () => {
    expect([...bySection.keys()].sort()).toEqual(codes);
  });

  it.each(codes)('%s: a wrong example that gives it, what the tools print, and a clean fix', (code) => {
    const blocks = bySection.get(code) ?? [];
    const checked = blocks.filter((b) => b.lang === 'assess' || b.directives.has('data'));
    const wrong = checked.findIndex((b) => expectedCodes(b).includes(code));
    expect(wrong, 'a wrong example announcing the code').toBeGreaterThanOrEqual(0);
    const grownData = checked[wrong].directives.get('grow')?.endsWith('units');
    // A data file of five million units is not written out for the command to print about.
    if (!grownData) expect(blocks.some((b) => b.directives.has('diagnostics')), 'the printed message').toBe(true);
    expect(checked.slice(wrong + 1).some((b) => !b.directives.has('expect')), 'a clean fix after it').toBe(true);
  });
});
