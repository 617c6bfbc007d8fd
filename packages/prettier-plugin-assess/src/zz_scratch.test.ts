import { test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from '@assess/core';
test('x', () => {
  const md = readFileSync('/work/shared/design/language-sketch.md', 'utf8');
  const blocks = [...md.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1]);
  for (const b of blocks) {
    const p = parse(b);
    console.log(b.slice(0, 40), p.diagnostics.map((d) => d.code + ' ' + d.message.en + ' ' + d.span.start));
  }
  const p = parse(blocks[1]);
  console.log(JSON.stringify(p.syntax.cst, (k, v) => (k === 'tokenType' ? v.name : ['startLine','endLine','startColumn','endColumn','tokenTypeIdx','location'].includes(k) ? undefined : v)).slice(0, 3000));
});
