// The disk, for `use "…"` imports of files that are not open: the language server's and the CLI's view of it.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { SourceHost } from '@assess/core';

export const nodeHost: SourceHost = {
  read(path) {
    try {
      // Only a file: a FIFO or a device named by `use` would wait for ever.
      return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  },
  resolve: (from, rel) => resolve(dirname(from), rel),
};
