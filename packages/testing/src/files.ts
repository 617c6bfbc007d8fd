// Test helpers that read the repository (Node only; not part of the built package).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { joinPath, type SourceHost } from '@assess/core';

/** Every `.assess` file below a folder (node_modules excluded), for tests that run over all of them. */
export function assessFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'node_modules' ? [] : assessFiles(p);
    return f.endsWith('.assess') ? [p] : [];
  });
}

/** The example folders in `dir` (those holding a `scheme.assess`), by name. */
export function exampleFolders(dir: URL): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/scheme.assess`, dir)))
    .map((d) => d.name)
    .sort();
}

/** A host over the disk, for schemes that `use` other files (paths relative to `root`). */
export function nodeHost(root: string): SourceHost {
  return {
    read: (p) => {
      try {
        return readFileSync(isAbsolute(p) ? p : join(root, p), 'utf8');
      } catch {
        return undefined;
      }
    },
    resolve: (from, rel) => joinPath(from, rel),
  };
}
