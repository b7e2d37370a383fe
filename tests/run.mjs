#!/usr/bin/env node
// `npm test`: two lanes at once, so that both cores work. One lane builds
// dist/ and runs the suites that read it (build, e2e); the other runs the
// suites that need no dist/ (unit, robustness, and variant, which builds its
// own copy), then `astro check`. Each runs two test files at a time: when one
// lane ends first, the other still keeps both cores busy. The check comes
// after the build, never beside it: both write Astro's generated types and
// content store. Each lane prints its time; exits non-zero if either fails.
// The lanes' output interleaves, so a failing lane's report is printed again
// at the very end, where a CI log's tail shows it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const vitest = (workers, ...projects) => [
  bin('vitest'),
  ['run', '--config', 'tests/vitest.config.ts', `--maxWorkers=${workers}`, ...projects.flatMap((p) => ['--project', p])],
];

/** The part of a failed step's output worth repeating: vitest's failure report, or the last lines. */
function failureReport(output) {
  const lines = output.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const from = lines.findIndex((l) => /Failed Tests? \d+|FAIL /.test(l));
  return (from >= 0 ? lines.slice(from) : lines.slice(-80)).slice(0, 400).join('\n');
}

/** Run the steps one after another; resolves to the first failure, or null. */
async function lane(name, steps) {
  const started = performance.now();
  for (const [command, args] of steps) {
    let output = '';
    const code = await new Promise((resolve) => {
      const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
        from.setEncoding('utf8');
        from.on('data', (chunk) => {
          to.write(chunk);
          output += chunk;
        });
      }
      child.on('close', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
      child.on('error', (err) => {
        output += String(err);
        resolve(1);
      });
    });
    if (code !== 0) {
      const what = `${name}: ${path.basename(command)} ${args.join(' ')} failed (exit ${code})`;
      console.error(`\n✗ ${what}`);
      return { code, what, report: failureReport(output) };
    }
  }
  console.log(`\n✓ ${name} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return null;
}

const failures = await Promise.all([
  lane('build, and the suites over dist/', [[bin('astro'), ['build']], vitest(2, 'build', 'e2e')]),
  lane('the suites with no dist/, then astro check', [vitest(2, 'unit', 'robustness', 'variant'), [bin('astro'), ['check', '--minimumSeverity', 'error']]]),
]);
for (const failure of failures.filter(Boolean)) {
  console.error(`\n== ✗ ${failure.what}\n${failure.report}`);
}
process.exit(failures.find(Boolean)?.code ?? 0);
