import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Three suites: unit (plugins, lib, content checks; no build needed),
// build (reads dist/), e2e (real Chromium against dist/ on a local server).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'] } },
      // Whole-site checks (html-validate, links over every page) take seconds on a loaded machine.
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 60_000 } },
      // Bad content must stop the build loudly; each case builds a temporary copy.
      {
        extends: true,
        test: { name: 'robustness', include: ['tests/robustness/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
