import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Suites: unit (plugins, lib, content; no build needed), build (reads dist/),
// robustness (bad content), variant (one shared build of a variant edition),
// e2e (Chromium and Firefox against dist/ on a local server).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
    projects: [
      // Beside the browsers of the other lane, a test that takes 2 s alone can take well over 5 s.
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'], testTimeout: 60_000 },
      },
      // Whole-site checks (html-validate, links over every page, epubcheck) take a minute on a loaded machine.
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 180_000 } },
      // Bad content in-process against the content check; a few real builds where the build itself is under test.
      {
        extends: true,
        test: { name: 'robustness', include: ['tests/robustness/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
      },
      // One shared build of a variant edition (tests/variant/variant.ts): sub-path, twelve articles, hostile text.
      {
        extends: true,
        test: {
          name: 'variant',
          include: ['tests/variant/**/*.test.ts'],
          globalSetup: ['tests/variant/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Generous: every wait is on a condition, and two files share the cores with the other lane.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A browser on a loaded 2-core machine now and then loses an input (a tap that never
          // arrives); a failure is tried once more, so a broken behaviour still fails, twice.
          retry: 1,
        },
      },
    ],
  },
});
