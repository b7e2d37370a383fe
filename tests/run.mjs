#!/usr/bin/env node
// `npm test`: two lanes at once, so that both cores work. One lane builds
// dist/ and runs the suites that read it (build, e2e); the other runs the
// suites that need no dist/ (unit, robustness, and variant, which builds its
// own copy), then `astro check`. Each runs two test files at a time: when one
// lane ends first, the other still keeps both cores busy. The check comes
// after the build, never beside it: both write Astro's generated types and
// content store. Each lane prints its time; exits non-zero if either fails.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const vitest = (workers, ...projects) => [
  bin('vitest'),
  ['run', '--config', 'tests/vitest.config.ts', `--maxWorkers=${workers}`, ...projects.flatMap((p) => ['--project', p])],
];

/** Run the steps one after another; resolves to the first non-zero exit code, or 0. */
async function lane(name, steps) {
  const started = performance.now();
  for (const [command, args] of steps) {
    const code = await new Promise((resolve) => {
      const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
      child.on('close', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
      child.on('error', () => resolve(1));
    });
    if (code !== 0) {
      console.error(`\n✗ ${name}: ${path.basename(command)} ${args.join(' ')} failed (exit ${code})`);
      return code;
    }
  }
  console.log(`\n✓ ${name} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return 0;
}

const codes = await Promise.all([
  lane('build, and the suites over dist/', [[bin('astro'), ['build']], vitest(2, 'build', 'e2e')]),
  lane('the suites with no dist/, then astro check', [vitest(2, 'unit', 'robustness', 'variant'), [bin('astro'), ['check', '--minimumSeverity', 'error']]]),
]);
process.exit(codes.find((c) => c !== 0) ?? 0);
