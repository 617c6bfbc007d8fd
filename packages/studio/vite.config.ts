// Assess Studio's build: static files (relative paths, so any web server and any folder will
// do), the editor's worker as an ES module, the workspace's packages from their sources, and
// the examples menu made from examples/ at build time (each example its own lazy chunk).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const at = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const EXAMPLES = at('../../examples/');

/** Every example folder with a scheme and data, and the scheme's name (its first label). */
function exampleFolders(): { id: string; title: string }[] {
  return readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`${EXAMPLES}${d.name}/scheme.assess`) && existsSync(`${EXAMPLES}${d.name}/data.json`))
    .map((d) => {
      const text = readFileSync(`${EXAMPLES}${d.name}/scheme.assess`, 'utf8');
      return { id: d.name, title: /(?:scheme|方案)\s*"([^"]*)"/.exec(text)?.[1] ?? d.name };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** `virtual:examples`: the menu (ids, titles, a loader each); `virtual:example/ID`: one example's scheme and data. */
function examples(): Plugin {
  const PREFIX = 'virtual:example/';
  return {
    name: 'assess-examples',
    resolveId: (id) => (id === 'virtual:examples' || id.startsWith(PREFIX) ? `\0${id}` : undefined),
    load(id) {
      if (id === '\0virtual:examples') {
        const entries = exampleFolders().map((e) => `{ id: ${JSON.stringify(e.id)}, title: ${JSON.stringify(e.title)}, load: () => import(${JSON.stringify(PREFIX + e.id)}) }`);
        return `export const EXAMPLES = [${entries.join(',\n')}];`;
      }
      if (id.startsWith(`\0${PREFIX}`)) {
        const name = id.slice(PREFIX.length + 1);
        if (!exampleFolders().some((e) => e.id === name)) throw new Error(`no example ${name}`);
        const file = (f: string) => `${EXAMPLES}${name}/${f}`;
        this.addWatchFile(file('scheme.assess'));
        this.addWatchFile(file('data.json'));
        return `export const scheme = ${JSON.stringify(readFileSync(file('scheme.assess'), 'utf8'))};\nexport const data = ${JSON.stringify(readFileSync(file('data.json'), 'utf8'))};`;
      }
      return undefined;
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [examples()],
  resolve: {
    alias: {
      '@assess/core': at('../core/src/index.ts'),
      '@assess/runtime': at('../runtime/src/index.ts'),
      '@assess/language-service': at('../language-service/src/index.ts'),
      '@assess/sheets': at('../sheets/src/index.ts'),
      '@assess/reports/charts': at('../reports/src/charts.ts'),
      '@assess/reports/chart-options': at('../reports/src/chart-options.ts'),
      'prettier-plugin-assess': at('../prettier-plugin-assess/src/index.ts'),
    },
  },
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
