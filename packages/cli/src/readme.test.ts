// The README's commands are what CI runs: keep them in step.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const readmeZh = readFileSync(new URL('README.zh.md', root), 'utf8');
const ci = readFileSync(new URL('.ci/run', root), 'utf8');
const commands = (text: string) => [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1].trim());
const blocks = commands(readme);

describe('README', () => {
  it('has a setup command and a test command', () => {
    expect(blocks).toHaveLength(2);
  });
  it.each(blocks)('.ci/run runs `%s` exactly', (cmd) => {
    expect(ci.split('\n')).toContain(cmd);
  });
  it('README.zh.md has the same two commands, and the two link to each other', () => {
    expect(commands(readmeZh)).toEqual(blocks);
    expect(readme).toContain('](README.zh.md)');
    expect(readmeZh).toContain('](README.md)');
  });
});
