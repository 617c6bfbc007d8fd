import { test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from './compile';
import { stripSpans } from './ast';
test('x', () => {
  const md = readFileSync('/work/shared/design/language-sketch.md', 'utf8');
  const blocks = [...md.matchAll(/```\n([\s\S]*?)```/g)].map(m => m[1]);
  for (const b of blocks) {
    const r = parse(b);
    console.log(JSON.stringify(r.diagnostics.map(d => [d.message.en, b.slice(d.span.start, d.span.end + 10)])));
  }
  const r = parse(blocks[1]);
  console.log(JSON.stringify(stripSpans(r.ast)).slice(0, 3000));
});
