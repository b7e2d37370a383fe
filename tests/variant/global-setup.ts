// Builds the variant edition (variant.ts) once for the tests of this folder,
// over a sentinel dist/ that a successful build must replace; then runs the
// editors' check on the same copy. For mutation runs: VARIANT_KEEP=1 keeps
// the copy and writes what the tests read to variant.json in it;
// VARIANT_FROM=<that file> reuses it instead of building, with TEST_DIST
// naming a changed copy of its dist/.
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { copyProject, run, runBuild, type ProjectCopy } from '../support/project-copy.ts';
import { BASE, makeVariant, type VariantBuild } from './variant.ts';

let copy: ProjectCopy | undefined;

async function build(): Promise<VariantBuild> {
  copy = copyProject({ prefix: 'edition-variant-' });
  const warning = makeVariant(copy);
  copy.write('dist/index.html', '<!doctype html><title>previous site</title>\n');
  const built = await runBuild(copy.root, { env: { SITE_BASE: BASE }, timeoutMs: 600_000 });
  if (built.code !== 0) throw new Error(`the variant build failed:\n${built.output}`);
  const check = await run(path.join(copy.root, 'node_modules/.bin/tsx'), ['src/cli/check-content.ts'], copy.root);
  return {
    root: copy.root,
    dist: copy.file('dist'),
    buildOutput: built.output,
    checkOutput: check.output,
    checkCode: check.code,
    checkSeconds: check.seconds,
    warning,
  };
}

export async function setup(project: TestProject) {
  const from = process.env.VARIANT_FROM;
  const variant: VariantBuild = from ? JSON.parse(fs.readFileSync(from, 'utf8')) : await build();
  if (from && process.env.TEST_DIST) variant.dist = path.resolve(process.env.TEST_DIST);
  if (!from && process.env.VARIANT_KEEP === '1') {
    const file = path.join(variant.root, 'variant.json');
    fs.writeFileSync(file, JSON.stringify(variant));
    console.log(`variant kept: VARIANT_FROM=${file}`);
  }
  project.provide('variant', variant);
}

export function teardown() {
  if (process.env.VARIANT_KEEP !== '1') copy?.remove();
}
