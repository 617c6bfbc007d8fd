// Properties of the formatter, over every .assess file of the repository, the schemes of the
// language sketch, the golden inputs, and generated schemes (packages/core/src/testing/arbitrary.ts).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scheme } from '@assess/testing';
import { assessFiles, astOf, commentTexts, diagnosticsOf, format, goldenDir, placement, repoRoot, sketchSchemes } from '../tests/helpers.js';

const RUNS = Number(process.env.FC_RUNS ?? 120);
/** Room for many runs: FC_RUNS=2000 takes minutes. */
const TIMEOUT = Math.max(60_000, RUNS * 500);

/** The four properties, for one source text. */
async function checkRoundTrip(source: string, options: { printWidth?: number } = {}) {
  const before = diagnosticsOf(source).filter((d) => d.startsWith('E00'));
  const out = await format(source, options);
  // 1. the output has no syntax errors (none that the input did not have)
  expect(diagnosticsOf(out).filter((d) => d.startsWith('E00')).map((d) => d.replace(/@\d+/, ''))).toEqual(before.map((d) => d.replace(/@\d+/, '')));
  // 2. formatting is idempotent
  expect(await format(out, options)).toBe(out);
  // 3. same AST, ignoring positions
  expect(astOf(out)).toEqual(astOf(source));
  // 4. every comment is still there, in the same order, between the same two tokens
  expect(commentTexts(out)).toEqual(commentTexts(source));
  expect(placement(out)).toEqual(placement(source));
  return out;
}

const files = [
  ...assessFiles(join(repoRoot, 'examples')).map((f) => ({ name: f.slice(repoRoot.length), text: readFileSync(f, 'utf8') })),
  ...sketchSchemes(),
  ...assessFiles(goldenDir)
    .filter((f) => !f.endsWith('.formatted.assess'))
    .map((f) => ({ name: f.slice(repoRoot.length), text: readFileSync(f, 'utf8') })),
];

describe('formatting files', () => {
  test.each(files.map((f) => [f.name, f.text]))('%s', async (_name, text) => {
    for (const printWidth of [40, 80, 120]) await checkRoundTrip(text, { printWidth });
  });
});

describe('formatting generated schemes', () => {
  test('neat layout, any keyword spelling', async () => {
    await fc.assert(
      fc.asyncProperty(scheme({ imports: true }, { layout: 'neat' }), async ({ text }) => {
        await checkRoundTrip(text);
      }),
      { numRuns: RUNS, endOnFailure: !!process.env.NO_SHRINK },
    );
  }, TIMEOUT);

  test('random layout, comments anywhere, optional commas, full-width punctuation, CRLF', async () => {
    await fc.assert(
      fc.asyncProperty(scheme({ imports: true, shuffle: true }, { layout: 'random', comments: 15 }), fc.constantFrom(40, 80, 100), async ({ text }, printWidth) => {
        await checkRoundTrip(text, { printWidth });
      }),
      { numRuns: RUNS, endOnFailure: !!process.env.NO_SHRINK },
    );
  }, TIMEOUT);

  test('deep expressions', async () => {
    await fc.assert(
      fc.asyncProperty(scheme({ maxDepth: 4, maxSections: 2, examples: false }, { comments: 5 }), fc.constantFrom(30, 80), async ({ text }, printWidth) => {
        await checkRoundTrip(text, { printWidth });
      }),
      { numRuns: Math.ceil(RUNS / 2), endOnFailure: !!process.env.NO_SHRINK },
    );
  }, TIMEOUT);
});
