// The disk, for `use "…"` imports of files that are not open: the language server's and the CLI's view of it.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { SourceHost } from '@assess/core';

export const nodeHost: SourceHost = {
  read(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  resolve: (from, rel) => resolve(dirname(from), rel),
};
