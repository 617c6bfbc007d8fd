// @assess/core must run in browsers: no Node-only API in its sources.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const dir = new URL('./', import.meta.url);
const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.includes('.test.') && !f.startsWith('testing'));

it.each(sources)('%s uses no Node-only API', (f) => {
  const text = readFileSync(new URL(f, dir), 'utf8').replace(/\/\/.*$/gm, '');
  expect(text).not.toMatch(/from ['"]node:|require\(|\bprocess\.|\bBuffer\b|__dirname|from ['"](fs|path|os|child_process)['"]/);
});
