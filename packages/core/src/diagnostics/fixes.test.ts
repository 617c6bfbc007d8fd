// Suggestions are structured fixes (span + replacement text): applying a diagnostic's fix
// makes that diagnostic go away. Checked over every golden case that offers one.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { compile, type Diagnostic, type Fix } from '../index.js';

const DIR = fileURLToPath(new URL('../../tests/diagnostics/', import.meta.url));

function apply(source: string, fix: Fix): string {
  let out = source;
  for (const e of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return out;
}

describe('fixes', () => {
  const cases = readdirSync(DIR).filter((f) => f.endsWith('.assess'));
  const withFixes = cases.flatMap((f) => {
    const source = readFileSync(join(DIR, f), 'utf8');
    return compile(f, source)
      .diagnostics.filter((d) => d.fixes.length > 0 && (d.span.file ?? f) === f)
      .map((d) => ({ f, source, d }));
  });

  it('are offered for did-you-mean, glued keywords, missing `?? 0`, full-width characters and more', () => {
    const codes = new Set(withFixes.map((x) => x.d.code));
    for (const code of ['E0001', 'E0002', 'E0101', 'E0102', 'E0103', 'E0105', 'E0203']) expect(codes, code).toContain(code);
  });

  for (const { f, source, d } of withFixes) {
    it(`${f}: ${d.code} “${d.fixes[0].title.en}” removes the diagnostic`, () => {
      for (const fix of d.fixes) {
        expect(fix.title.en.length).toBeGreaterThan(0);
        expect(fix.title.zh.length).toBeGreaterThan(0);
        const fixed = apply(source, fix);
        const same = (ds: Diagnostic[]) => ds.filter((x) => x.code === d.code && x.message.en === d.message.en).length;
        expect(same(compile(f, fixed).diagnostics), fixed).toBeLessThan(same(compile(f, source).diagnostics));
      }
    });
  }
});
