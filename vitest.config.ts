import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: {
      '@assess/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
      'prettier-plugin-assess': fileURLToPath(new URL('./packages/prettier-plugin-assess/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['packages/**/src/**/*.test.ts', 'examples/**/*.test.ts', 'grammar/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
