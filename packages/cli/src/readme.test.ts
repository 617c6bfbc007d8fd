// The README's commands are what CI runs: keep them in step.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const ci = readFileSync(new URL('.ci/run', root), 'utf8');
const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1].trim());

describe('README', () => {
  it('has a setup command and a test command', () => {
    expect(blocks).toHaveLength(2);
  });
  it.each(blocks)('.ci/run runs `%s` exactly', (cmd) => {
    expect(ci.split('\n')).toContain(cmd);
  });
});
