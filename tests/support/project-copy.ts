// The one way to copy the project, for tests that break content on purpose
// and for the benches, each running the real build in its copy:
//   <tmp>/project/   content/ (with the seeds in content/sources) src/ public/ astro.config.mjs tsconfig.json package.json
//                    (and tests/, for the benches: an experiment's patch may touch a test)
//   <tmp>/project/node_modules/   a real folder of symlinks into ours, so that Astro's and
//                                 Vite's caches (node_modules/.astro, .vite) belong to the copy:
//                                 otherwise every build would start warm, and concurrent
//                                 builds would share one data store
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SEEDS_DIR } from '../../src/check/content-check.ts';
import { filesUnder } from '../../src/site/files.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
/** The project's own seeds, for checks of a copy that must not read the copy's (possibly broken) ones. */
export const SEEDS = path.resolve(PROJECT_ROOT, SEEDS_DIR);

const COPIED = ['content', 'src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
// Caches that must not be shared between concurrent builds.
const PRIVATE_MODULE_DIRS = new Set(['.astro', '.vite', '.cache', '.vitest']);

export interface ProjectCopy {
  /** The copy's project root. */
  root: string;
  /** Absolute path of a file in the copy. */
  file(rel: string): string;
  read(rel: string): string;
  write(rel: string, text: string): void;
  /** Replace `from` by `to` in a file; throws if `from` is absent (so a test cannot silently test nothing). */
  edit(rel: string, from: string | RegExp, to: string): void;
  /** Keep one article (a path under content/articles/), for a faster check; corrections to the others become corrections to the site. */
  keepOnly(article: string): void;
  remove(): void;
}

export interface CopyOptions {
  /** The temporary folder's name starts so (under the system's), unless `dir` is given. */
  prefix?: string;
  /** This folder instead, emptied first: the copy is `<dir>/project`. */
  dir?: string;
  /** Just content/: enough for the in-process content check. */
  contentOnly?: boolean;
  /** tests/ too (without its .output/). */
  tests?: boolean;
}

/** Copy the project into a fresh temporary folder. */
export function copyProject({ prefix = 'edition-copy-', dir, contentOnly = false, tests = false }: CopyOptions = {}): ProjectCopy {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  const tmp = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const root = path.join(tmp, 'project');
  fs.mkdirSync(root, { recursive: true });
  for (const name of contentOnly ? ['content'] : tests ? [...COPIED, 'tests'] : COPIED) {
    const filter = (src: string) => !/\/tests\/\.output(\/|$)/.test(src);
    fs.cpSync(path.join(PROJECT_ROOT, name), path.join(root, name), { recursive: true, filter });
  }
  if (!contentOnly) {
    const modules = path.join(root, 'node_modules');
    fs.mkdirSync(modules);
    for (const entry of fs.readdirSync(path.join(PROJECT_ROOT, 'node_modules'))) {
      if (PRIVATE_MODULE_DIRS.has(entry)) continue;
      fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules', entry), path.join(modules, entry));
    }
  }

  const file = (rel: string) => path.join(root, rel);
  return {
    root,
    file,
    read: (rel) => fs.readFileSync(file(rel), 'utf8'),
    write: (rel, text) => {
      fs.mkdirSync(path.dirname(file(rel)), { recursive: true });
      fs.writeFileSync(file(rel), text);
    },
    edit(rel, from, to) {
      const before = fs.readFileSync(file(rel), 'utf8');
      const after = before.replace(from, to);
      if (after === before) throw new Error(`copyProject.edit: ${String(from)} not found in ${rel}`);
      fs.writeFileSync(file(rel), after);
    },
    keepOnly(article) {
      let corrections = fs.readFileSync(file('content/corrections.yaml'), 'utf8');
      for (const f of fs.readdirSync(file('content/articles'))) {
        if (`content/articles/${f}` === article) continue;
        fs.rmSync(file(`content/articles/${f}`));
        corrections = corrections.replaceAll(`where: articles/${f.replace(/\.mdx$/, '')}\n`, 'where: site\n');
      }
      fs.writeFileSync(file('content/corrections.yaml'), corrections);
    },
    remove: () => fs.rmSync(tmp, { recursive: true, force: true }),
  };
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  seconds: number;
  timedOut: boolean;
}

/** Run a command in `cwd`, capturing stdout and stderr together; killed (whole group) after `timeoutMs`. */
export function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}, timeoutMs = 110_000): Promise<RunResult> {
  const started = performance.now();
  // Not what vitest runs under (NODE_ENV=test, VITEST*, Vite's BASE_URL/MODE/DEV/PROD/SSR): a build run
  // from a test must see the environment a person's shell would give it.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(VITEST.*|TEST|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR)$/.test(k)),
  );
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {}
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, seconds: (performance.now() - started) / 1000, timedOut });
    });
  });
}

/** `astro build` in the copy, as `npm run build` does. */
export const runBuild = (root: string, env: Record<string, string> = {}, timeoutMs?: number) =>
  run(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], root, env, timeoutMs);

/** Every file under `dir` with its bytes, for before/after comparison. */
export function snapshot(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((rel) => [rel, fs.readFileSync(path.join(dir, rel)).toString('base64')]));
}
