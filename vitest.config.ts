import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Some unit tests scan whole saved pages; on a shared 2-core machine under load they take 5-10 s, and a
          // test that fails because the machine is busy blocks everyone's landing. No test here measures time.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // Browsers are heavy on a 2-core machine: one browser test file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
