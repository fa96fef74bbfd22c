import { defineConfig } from 'vitest/config';

// Integration tests hit a real database: a temporary SQLite file, or
// PostgreSQL when DATABASE_URL is set (CI runs the suite on both).
export default defineConfig({
  test: {
    globalSetup: ['./src/platform/testing/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      './e2e/vitest.config.ts',
    ],
  },
});
