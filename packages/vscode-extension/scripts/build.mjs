// Builds the extension into dist/: the client (extension.js) and the language server
// (server.js) bundled with esbuild, the generated grammar and snippets, and the diagnostics
// pages. Run after `pnpm build` (it bundles the workspace packages' built output).
import { DIAGNOSTIC_PAGES } from '@assess/core';
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  minify: true,
  plugins: [standalonePrettier()],
};

/** The formatter's Prettier is the standalone one (no Node API, no other languages' parsers), wherever `prettier` is imported. */
function standalonePrettier() {
  return {
    name: 'standalone-prettier',
    setup(b) {
      b.onResolve({ filter: /^prettier$/ }, (args) => b.resolve('prettier/standalone', { kind: args.kind, resolveDir: args.resolveDir }));
    },
  };
}
await build({ ...common, entryPoints: [join(root, 'src/extension.ts')], outfile: join(dist, 'extension.js'), external: ['vscode'] });
await build({ ...common, entryPoints: [join(root, 'src/server-main.ts')], outfile: join(dist, 'server.js') });

// The generated contributions: the generator is bundled to a temporary module and run.
const generator = join(dist, 'contributions.mjs');
await build({ ...common, format: 'esm', entryPoints: [join(root, 'src/contributions.ts')], outfile: generator });
const { generatedFiles } = await import(pathToFileURL(generator).href);
rmSync(generator);
for (const [path, text] of Object.entries(generatedFiles())) {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), text);
}

// The diagnostics pages, which each diagnostic's code links to (the client points the server here).
for (const page of Object.values(DIAGNOSTIC_PAGES)) cpSync(join(root, '../../docs', page), join(dist, 'docs', page));
