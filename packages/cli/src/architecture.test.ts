// The CLI's modules import each other without a cycle: main.ts holds a table of the commands
// (each loaded when asked for), each command is its own file, and shared helpers never import
// a command.
import { expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = fileURLToPath(new URL('./', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return f.endsWith('.ts') && !f.endsWith('.test.ts') ? [p] : [];
  });
}

it('no module of the CLI imports itself through others', () => {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const specs = [...readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => m[1]);
    graph.set(file, specs.map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts'))));
  }
  const cycles: string[] = [];
  const visit = (file: string, path: string[]) => {
    if (path.includes(file)) {
      cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' → '));
      return;
    }
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
  };
  for (const file of graph.keys()) visit(file, []);
  expect(cycles).toEqual([]);
  expect(sources(join(SRC, 'commands')).length).toBeGreaterThanOrEqual(5);
});
