// The layout keeps its promises: backends read the plan (never the AST), diagnostics are never
// rewritten after they are made, the public API shows no parser internals, and the syntax
// tree's rule names are the grammar's.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { RULE_NAMES } from './index.js';
import { parser } from './internal.js';

const SRC = fileURLToPath(new URL('./', import.meta.url));
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return f.endsWith('.ts') && !f.endsWith('.test.ts') ? [p] : [];
  });
}
const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^;]*?from '([^']+)'/gms)].map((m) => m[1]);
const folder = (file: string) => relative(SRC, file).split('/')[0];

describe('the pipeline’s layout', () => {
  it('backends (eval, explain, data, examples) never read the AST or the checker', () => {
    for (const file of sources(SRC).filter((f) => ['eval', 'explain', 'data', 'examples'].includes(folder(f)))) {
      for (const spec of imports(file)) expect(spec, relative(SRC, file)).not.toMatch(/\/(ast|check|syntax|rules)\//);
    }
  });
  it('only the syntax folder knows Chevrotain', () => {
    for (const file of sources(SRC)) if (folder(file) !== 'syntax') expect(imports(file), relative(SRC, file)).not.toContain('chevrotain');
  });
  it('a diagnostic’s message or hint is never rewritten after `diag` made it', () => {
    // Renderers build their own output objects from diagnostics; everything else only calls `diag`.
    for (const file of sources(SRC).filter((f) => !relative(SRC, f).startsWith('diagnostics/render/'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, relative(SRC, file)).not.toMatch(/\.(message|hint)(\.(en|zh))?\s*=[^=>]/);
    }
  });
  it('the syntax tree’s rule names are the grammar’s', () => {
    expect([...RULE_NAMES].sort()).toEqual(Object.keys(parser.getGAstProductions()).sort());
  });
  it('the published types of the public API never mention Chevrotain', () => {
    const entry = join(DIST, 'index.d.ts');
    if (!existsSync(entry)) return; // `pnpm test` builds first; a bare `vitest` run may have no dist yet
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file) || !existsSync(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      expect(text, relative(DIST, file)).not.toMatch(/chevrotain/i);
      for (const spec of imports(file)) if (spec.startsWith('.')) visit(join(dirname(file), spec.replace(/\.js$/, '.d.ts')));
    };
    visit(entry);
    expect(seen.size).toBeGreaterThan(10);
  });
});
