#!/usr/bin/env node
// `npm run build`: astro build, then the Pagefind index, into a fresh folder;
// dist/ is replaced only when both succeed, so a failed build never leaves a
// half-written site behind.
//
// The content check runs inside the astro build: folders, glossary and
// frontmatter when the config loads, each article's MDX as it is parsed
// (src/plugins/remark-content-check.ts), so no article is parsed twice. When
// the astro build fails, the whole check (src/cli/check-content.ts) runs on
// its own, so that every mistake in content/ is reported the same way
// (`file:line: problem` and a `Fix:` line); a failure it does not explain is
// Astro's or Pagefind's own, and is named as such.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeIndexView } from './index-view.mjs';
import { readCheckLog, summaryLine } from '../lib/check-report.mjs';
import { astroNodeOptions } from '../lib/node-options.mjs';
import { HEADERS_FILE } from '../lib/csp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const work = path.join(root, '.build', `dist-${process.pid}`);
const checkLog = `${work}-check.jsonl`;
// The articles' paragraph data, written while they compile, read while pages are made (src/lib/paragraph-store.ts).
const paragraphs = `${work}-paragraphs`;
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const UNTOUCHED = 'dist/ was left as it was.';

// Ctrl-C or a kill reaches the running step too; stay alive long enough to clean up.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => {});

function fail(message, code = 1) {
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(`${work}-index`, { recursive: true, force: true });
  fs.rmSync(checkLog, { force: true });
  fs.rmSync(paragraphs, { recursive: true, force: true });
  console.error(`\n✗ ${message} ${UNTOUCHED}`);
  process.exit(code);
}

/** Run one step; on failure print `explain(status)` and stop. */
function step(label, command, args, explain, env = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = (performance.now() - started) / 1000;
  if (result.error) fail(`${label} could not start: ${result.error.message}.`);
  if (result.status !== 0) fail(explain(result.status ?? result.signal), typeof result.status === 'number' && result.status > 0 ? result.status : 1);
  console.log(`✓ ${label} in ${seconds.toFixed(2)} s`);
  return seconds;
}

/**
 * astro build, with the content check inside it. Astro's error output is held
 * back until the whole check has said whether the failure is a content mistake.
 */
function astroBuild() {
  const started = performance.now();
  const result = spawnSync(bin('astro'), ['build', '--silent'], {
    cwd: root,
    stdio: ['inherit', 'inherit', 'pipe'],
    env: { ...process.env, ...env, EDITION_CHECK_LOG: checkLog, EDITION_PARAGRAPHS_DIR: paragraphs },
    maxBuffer: 256 * 2 ** 20,
  });
  const seconds = (performance.now() - started) / 1000;
  fs.rmSync(paragraphs, { recursive: true, force: true });
  if (result.error) fail(`astro build could not start: ${result.error.message}.`);
  const astroErrors = result.stderr?.toString() ?? '';
  if (result.signal) {
    process.stderr.write(astroErrors);
    fail(`The astro build was stopped (${result.signal}).`);
  }
  if (result.status !== 0) {
    const check = spawnSync(bin('tsx'), [path.join('src', 'cli', 'check-content.ts')], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
    const report = `${check.stdout ?? ''}${check.stderr ?? ''}`.trim();
    if (check.status === 1) {
      console.error(report);
      fail('The content has mistakes, listed above with file, line and fix; nothing was built.');
    }
    process.stderr.write(astroErrors);
    if (report) console.log(report);
    const status = result.status;
    fail(
      check.status === 0
        ? `The Astro build failed (exit ${status}) after the content check had passed: the error above comes from Astro ` +
            '(a page, component, layout, plugin or the config), not from a mistake the content check knows about.'
        : `The Astro build failed (exit ${status}), and the content check could not run to tell why (see above).`,
      status > 0 ? status : 1,
    );
  }
  process.stderr.write(astroErrors);
  const { counts, warnings } = readCheckLog(checkLog);
  fs.rmSync(checkLog, { force: true });
  for (const w of warnings) console.log(`⚠ ${w}`);
  if (counts) console.log(summaryLine({ ...counts, errors: 0, warnings: warnings.length }, ' (in the astro build)'));
  else if (process.env.EDITION_PLAIN === '1') console.log('note: EDITION_PLAIN=1, so no content check and no annotations (a baseline for benchmarks)');
  else fail('The astro build finished, but its content check never reported (see astro.config.mjs): nothing is published unchecked.');
  console.log(`✓ astro build in ${seconds.toFixed(2)} s`);
  return seconds;
}

/** Folders left by builds that were killed (their process is gone). */
function removeStaleWork() {
  const dir = path.dirname(work);
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const pid = Number(/^dist-(\d+)(?:$|[-.])/.exec(name)?.[1]); // dist-PID and its -index, -paragraphs, -check.jsonl
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (err) {
      if (err.code === 'ESRCH') fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    }
  }
}

fs.mkdirSync(path.dirname(work), { recursive: true });
removeStaleWork();
fs.rmSync(work, { recursive: true, force: true });
const env = { EDITION_OUT_DIR: work, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: astroNodeOptions(process.env.NODE_OPTIONS, os.totalmem()) };
// Astro lets these environment variables override import.meta.env.* in pages:
// a stray BASE_URL (test runners set it) would silently drop the SITE_BASE sub-path
// from every link. The config's own settings (SITE_BASE, SITE_URL) are what count.
for (const name of ['BASE_URL', 'SITE', 'ASSETS_PREFIX', 'MODE', 'DEV', 'PROD', 'SSR']) {
  if (process.env[name] === undefined) continue;
  console.log(`note: ignoring ${name}=${process.env[name]} from the environment${name === 'BASE_URL' ? ' (set SITE_BASE for a sub-path)' : name === 'SITE' ? ' (set SITE_URL)' : ''}`);
  delete process.env[name];
}

const astro = astroBuild();
// Security headers for hosts that read a _headers file (the pages carry the CSP too).
fs.writeFileSync(path.join(work, '_headers'), HEADERS_FILE);

// Smaller word-index chunks than Pagefind's default (20,000 word positions,
// about 28 KB gzipped here): a query fetches the chunks of its words only, so
// this is most of what a first query costs beyond the engine. A chunk holds
// a fixed number of positions, so its size does not grow with the edition;
// the chunk list in the page metadata does, a few bytes per chunk.
// Pagefind reads this setting from the environment and calls it unstable:
// if a release drops it, chunks are simply the default size again.
const PAGEFIND_ENV = { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '4000' };

// Pagefind reads a copy in which word-joining dashes are spaced (index-view.mjs).
const view = `${work}-index`;
writeIndexView(work, view);
const pagefind = step(
  'pagefind index',
  bin('pagefind'),
  ['--site', view, '--output-path', path.join(work, 'pagefind'), '--silent'],
  (status) => `Pagefind failed (exit ${status}) to index the built site: the error above comes from Pagefind.`,
  { ...env, ...PAGEFIND_ENV },
);
fs.rmSync(view, { recursive: true, force: true });
if (!fs.existsSync(path.join(work, 'index.html')) || !fs.existsSync(path.join(work, 'pagefind', 'pagefind.js'))) {
  fail('The build produced no index.html or no search index.');
}

// Swap: the old site stays in place until the new one is complete.
const old = `${dist}.old-${process.pid}`;
if (fs.existsSync(dist)) fs.renameSync(dist, old);
try {
  fs.renameSync(work, dist);
} catch (err) {
  if (fs.existsSync(old)) fs.renameSync(old, dist);
  fail(`Could not move the new site into dist/ (${err.message}).`);
}
fs.rmSync(old, { recursive: true, force: true });
console.log(`✓ site written to dist/ (astro ${astro.toFixed(2)} s + pagefind ${pagefind.toFixed(2)} s)`);
