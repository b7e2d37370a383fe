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
  /** stdout and stderr, interleaved as they came. */
  output: string;
  /** Wall time. */
  seconds: number;
  /**
   * CPU time (user + system) of the command and every process under it: far
   * less sensitive than wall time to other work on a shared machine.
   */
  cpuSeconds: number;
  /** Peak resident memory of the largest process, in MB (from GNU time; NaN without it). */
  peakRssMB: number;
  timedOut: boolean;
}

export interface RunOptions {
  /** Added to the environment a person's shell would give the command. */
  env?: Record<string, string>;
  /** Stopped, with every process under it, after this long; `Infinity` waits for ever. */
  timeoutMs?: number;
}

const GNU_TIME = '/usr/bin/time';
// Runs in their own process groups; stopRunsOnInterrupt stops them with their caller.
const running = new Set<(signal: NodeJS.Signals) => void>();
let runs = 0;

/**
 * Run a command in `cwd`: the one spawner of the tests and the benches.
 * Under bash, so that the CPU time counts every process the command starts
 * (they are waited for): GNU time, where there is one, also gives the peak
 * memory; else bash's `times`.
 */
export function run(command: string, args: string[], cwd: string, { env = {}, timeoutMs = 110_000 }: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  // Not what vitest runs under (NODE_ENV=test, VITEST*, Vite's BASE_URL/MODE/DEV/PROD/SSR): a build run
  // from a test must see the environment a person's shell would give it.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(VITEST.*|TEST|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR)$/.test(k)),
  );
  const usageFile = path.join(os.tmpdir(), `edition-run-usage-${process.pid}-${++runs}`);
  const script = fs.existsSync(GNU_TIME) ? `exec ${GNU_TIME} -f 'RUSAGE %U %S %M' -o "$0" "$@"` : `"$@"; s=$?; times > "$0"; exit $s`;
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script, usageFile, command, ...args], {
      cwd,
      env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const stop = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {}
    };
    running.add(stop);
    let timedOut = false;
    const timer = Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          timedOut = true;
          stop('SIGTERM');
          setTimeout(() => stop('SIGKILL'), 5_000).unref();
        }, timeoutMs)
      : undefined;
    child.on('close', (code) => {
      running.delete(stop);
      clearTimeout(timer);
      let usage = '';
      try {
        usage = fs.readFileSync(usageFile, 'utf8');
        fs.rmSync(usageFile);
      } catch {}
      resolve({ code, output, seconds: (performance.now() - started) / 1000, ...parseUsage(usage), timedOut });
    });
  });
}

/** GNU time's "RUSAGE user system maxrssKB", or the children's line of bash `times` ("0m12.345s 0m1.234s"). */
function parseUsage(text: string): { cpuSeconds: number; peakRssMB: number } {
  const gnu = /RUSAGE ([\d.]+) ([\d.]+) (\d+)/.exec(text);
  if (gnu) return { cpuSeconds: Number(gnu[1]) + Number(gnu[2]), peakRssMB: Number(gnu[3]) / 1024 };
  const line = text.trim().split('\n')[1] ?? '';
  const secs = [...line.matchAll(/(\d+)m([\d.,]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2].replace(',', '.')));
  return { cpuSeconds: secs.length === 2 ? secs[0] + secs[1] : NaN, peakRssMB: NaN };
}

/** On Ctrl-C or SIGTERM, stop every command still running, then exit: for the benches, whose builds run long. */
export function stopRunsOnInterrupt() {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const stop of running) stop('SIGTERM');
      process.exit(130);
    });
  }
}

/** `astro build` in the copy, as `npm run build` does; `node` may be a wrapper (the bench's profiler). */
export const runBuild = (root: string, { node = process.execPath, ...options }: RunOptions & { node?: string } = {}) =>
  run(node, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], root, options);

/** Every file under `dir` with its bytes, for before/after comparison. */
export function snapshot(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((rel) => [rel, fs.readFileSync(path.join(dir, rel)).toString('base64')]));
}
