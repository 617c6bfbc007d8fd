// `pnpm package:vscode`: builds the extension (scripts/build.mjs) and packs it with vsce into
// packages/vscode-extension/assess-<version>.vsix. Everything the extension runs is in its
// bundles, so the package carries no node_modules.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
const out = join(root, `assess-${version}.vsix`);
execFileSync(join(root, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', out], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
console.log(out);
