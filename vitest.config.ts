import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@assess/core/internal': src('./packages/core/src/internal.ts'),
      '@assess/core/rows': src('./packages/core/src/rows.ts'),
      '@assess/core': src('./packages/core/src/index.ts'),
      '@assess/compiler': src('./packages/compiler/src/index.ts'),
      '@assess/runtime': src('./packages/runtime/src/index.ts'),
      '@assess/sheets': src('./packages/sheets/src/index.ts'),
      '@assess/reports/charts': src('./packages/reports/src/charts.ts'),
      '@assess/reports': src('./packages/reports/src/index.ts'),
      '@assess/testing': src('./packages/testing/src/index.ts'),
      '@assess/language-service': src('./packages/language-service/src/index.ts'),
      '@assess/language-server/node-host': src('./packages/language-server/src/node-host.ts'),
      '@assess/language-server/test-client': src('./packages/language-server/src/test-client.ts'),
      '@assess/language-server': src('./packages/language-server/src/server.ts'),
      'prettier-plugin-assess': src('./packages/prettier-plugin-assess/src/index.ts'),
    },
  },
  test: {
    include: ['packages/**/src/**/*.test.ts', 'examples/**/*.test.ts', 'grammar/**/*.test.ts', 'docs/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
