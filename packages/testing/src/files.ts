// Test helpers that read the repository (Node only; not part of the built package).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.assess` file below a folder (node_modules excluded), for tests that run over all of them. */
export function assessFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'node_modules' ? [] : assessFiles(p);
    return f.endsWith('.assess') ? [p] : [];
  });
}
