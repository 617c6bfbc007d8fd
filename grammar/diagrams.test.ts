// The committed railroad diagrams and serialized grammar match the parser: change the grammar
// without running `pnpm grammar` and this fails. The page works offline.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HTML_PATH, JSON_PATH, VENDOR_DIR, VENDOR_FILES, chevrotain, renderGrammar } from './diagrams-lib.mjs';
import { parser } from '@assess/core/internal';

describe('grammar diagrams', async () => {
  const { createSyntaxDiagramsCode, diagramsDir } = await chevrotain();
  const { html, json } = renderGrammar(parser, createSyntaxDiagramsCode);

  it('diagrams.html is up to date with the parser (run `pnpm grammar`)', () => {
    expect(readFileSync(HTML_PATH, 'utf8')).toBe(html);
  });

  it('serialized-grammar.json is up to date with the parser (run `pnpm grammar`)', () => {
    expect(readFileSync(JSON_PATH, 'utf8')).toBe(json);
    const rules = JSON.parse(json).map((r: { name: string }) => r.name);
    expect(rules).toEqual(expect.arrayContaining(['scheme', 'header', 'declaration', 'item', 'rule', 'expression', 'example']));
  });

  it('the page loads nothing from the network', () => {
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/(src|href)\s*=\s*['"]\s*\/\//i);
  });

  it('every script and stylesheet the page loads is committed, as chevrotain ships it', () => {
    const refs = [...html.matchAll(/(?:src|href)='([^']+)'/g)].map((m) => m[1]);
    expect(refs.length).toBe(VENDOR_FILES.length);
    for (const ref of refs) {
      expect(ref.startsWith('./vendor/'), ref).toBe(true);
      expect(existsSync(join(VENDOR_DIR, ref.slice('./vendor/'.length))), ref).toBe(true);
    }
    for (const f of VENDOR_FILES) expect(readFileSync(join(VENDOR_DIR, f), 'utf8'), f).toBe(readFileSync(join(diagramsDir, f), 'utf8'));
  });
});
