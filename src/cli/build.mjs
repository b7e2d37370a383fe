#!/usr/bin/env node
// `npm run build`: astro build, then the Pagefind index, into a fresh folder;
// dist/ is replaced only when both succeed, so a failed build never leaves a
// half-written site behind.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const dist = path.join(root, 'dist');
const work = path.join(root, '.build', `dist-${process.pid}`);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function step(label, command, args, env = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    fs.rmSync(work, { recursive: true, force: true });
    console.error(`\n✗ ${label} failed (exit ${result.status ?? result.signal}). dist/ was left as it was.`);
    process.exit(result.status || 1);
  }
  console.log(`✓ ${label} in ${seconds.toFixed(2)} s`);
  return seconds;
}

fs.mkdirSync(path.dirname(work), { recursive: true });
fs.rmSync(work, { recursive: true, force: true });
const env = { EDITION_OUT_DIR: work, ASTRO_TELEMETRY_DISABLED: '1' };
const astro = step('astro build', bin('astro'), ['build', '--silent'], env);
const pagefind = step('pagefind index', bin('pagefind'), ['--site', work, '--silent'], env);
if (!fs.existsSync(path.join(work, 'index.html')) || !fs.existsSync(path.join(work, 'pagefind', 'pagefind.js'))) {
  fs.rmSync(work, { recursive: true, force: true });
  console.error('✗ the build produced no index.html or no search index. dist/ was left as it was.');
  process.exit(1);
}
const old = `${dist}.old-${process.pid}`;
if (fs.existsSync(dist)) fs.renameSync(dist, old);
fs.renameSync(work, dist);
fs.rmSync(old, { recursive: true, force: true });
console.log(`✓ site written to dist/ (astro ${astro.toFixed(2)} s + pagefind ${pagefind.toFixed(2)} s)`);
