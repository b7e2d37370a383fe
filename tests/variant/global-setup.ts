// Builds the variant edition (variant.ts) once for the tests of this folder,
// over a sentinel dist/ that a successful build must replace; then runs the
// editors' check on the same copy.
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { copyProject, run, runBuild, type ProjectCopy } from '../support/project-copy.ts';
import { BASE, makeVariant } from './variant.ts';

let copy: ProjectCopy | undefined;

export async function setup(project: TestProject) {
  copy = copyProject({ prefix: 'edition-variant-' });
  const warning = makeVariant(copy);
  copy.write('dist/index.html', '<!doctype html><title>previous site</title>\n');
  const build = await runBuild(copy.root, { env: { SITE_BASE: BASE }, timeoutMs: 600_000 });
  if (build.code !== 0) throw new Error(`the variant build failed:\n${build.output}`);
  const check = await run(path.join(copy.root, 'node_modules/.bin/tsx'), ['src/cli/check-content.ts'], copy.root);
  project.provide('variant', {
    root: copy.root,
    dist: copy.file('dist'),
    buildOutput: build.output,
    checkOutput: check.output,
    checkCode: check.code,
    checkSeconds: check.seconds,
    warning,
  });
}

export function teardown() {
  copy?.remove();
}
