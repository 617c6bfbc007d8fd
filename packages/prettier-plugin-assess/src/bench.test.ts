// The time to format a generated 5,000-line scheme. Not a timed test: it only reports.
//   BENCH=1 npx vitest run packages/prettier-plugin-assess/src/bench.test.ts
import { test } from 'vitest';
import { parse } from '@assess/core';
import { generateModel, renderScheme, seededRand, NEAT_STYLE } from '@assess/testing';
import { format } from '../tests/helpers.js';

/** A scheme of at least `lines` lines: generated sections, comments, neat layout. */
export function bigScheme(lines: number): string {
  for (let sections = 50; ; sections += 25) {
    const model = generateModel(seededRand(2024), { minSections: sections, maxSections: sections, maxItemsPerSection: 10 });
    const text = renderScheme(model, { ...NEAT_STYLE, keywords: 'mixed', comments: 10, seed: 7 });
    if (text.split('\n').length >= lines) return text;
  }
}

test.skipIf(!process.env.BENCH)('format a 5,000-line scheme', async () => {
  const text = bigScheme(5000);
  const lines = text.split('\n').length;
  const time = async (f: () => unknown) => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  const cold = await time(() => format(text));
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push(await time(() => format(text)));
  const parses: number[] = [];
  for (let i = 0; i < 5; i++) parses.push(await time(() => parse(text)));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const out = await format(text);
  console.log(
    `${lines} lines (${text.length} chars) → ${out.split('\n').length} lines: format cold ${cold.toFixed(0)} ms, ` +
      `warm median ${median(runs).toFixed(0)} ms (of which parsing ${median(parses).toFixed(0)} ms)`,
  );
});
