import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

// Vitest reads the default export. One build and one platform process serve
// every file (see support/global-setup.ts); files run one after another so
// they never race on the shared server or on Chromium's CPU.
export default defineConfig({
  test: {
    name: 'e2e',
    root: repoRoot,
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
