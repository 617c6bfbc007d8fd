import { it } from 'vitest';
import fc from 'fast-check';
import { compile } from './index.js';
import { schemeModel, renderScheme, renderStyle } from './testing/arbitrary.js';
it('errors', () => {
  const samples = fc.sample(fc.tuple(schemeModel({ examples: false }), renderStyle()), { numRuns: 200, seed: 7 });
  const counts = new Map<string, number>();
  const ex = new Map<string, string>();
  for (const [m, s] of samples) {
    const t = renderScheme(m, s);
    const c = compile('g.assess', t);
    for (const d of c.diagnostics.filter((d) => d.severity === 'error')) {
      const k = d.code + ' ' + d.message.en.replace(/`[^`]*`|"[^"]*"/g, 'X');
      counts.set(k, (counts.get(k) ?? 0) + 1);
      if (!ex.has(k)) ex.set(k, d.message.en + ' ::: ' + t.slice(Math.max(0, d.span.start - 80), d.span.end + 40));
    }
  }
  console.log([...counts.entries()].sort((a, b) => b[1] - a[1]));
  for (const [k, v] of ex) console.log('---', k, '\n', v);
});
