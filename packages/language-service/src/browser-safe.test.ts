// The language service runs in a browser's Web Worker (the studio): bundled for the browser,
// with everything it imports, it needs no Node module.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

it('bundles for the browser without any Node module', async () => {
  const r = await build({
    entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  expect(r.errors).toEqual([]);
  const code = r.outputFiles[0].text;
  expect(code).not.toMatch(/require\(["'](node:)?(fs|path|os|child_process|module)["']\)|from ["']node:/);
  // Prettier comes in as its standalone build.
  expect(code).not.toContain('prettier/index.mjs');
}, 60_000);
