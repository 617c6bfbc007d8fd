// Golden files: tests/golden/NAME.assess is formatted and compared with NAME.formatted.assess.
// UPDATE_GOLDEN=1 rewrites the .formatted.assess files (review the diff before committing).
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

import { assessFiles, format, goldenDir } from '../tests/helpers.js';

const inputs = assessFiles(goldenDir).filter((f) => !f.endsWith('.formatted.assess'));
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden files', () => {
  test('there are at least 25 pairs', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(25);
  });

  test.each(inputs.map((f) => [f.slice(goldenDir.length), f]))('%s', async (_name, file) => {
    const expectedFile = file.replace(/\.assess$/, '.formatted.assess');
    const out = await format(readFileSync(file, 'utf8'));
    if (update || !existsSync(expectedFile)) writeFileSync(expectedFile, out);
    expect(out).toBe(readFileSync(expectedFile, 'utf8'));
    // The expected output is itself canonical.
    expect(await format(out)).toBe(out);
  });
});

