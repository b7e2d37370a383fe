// Builds of a copy of the project (tests/support/project-copy.ts makes it),
// timed: wall and CPU time, peak memory, and the steps Astro reports.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyProject } from '../../tests/support/project-copy.ts';
import { filesUnder } from '../../src/site/files.ts';

/** A copy for a bench in `<dir>/project`, tests/ included so that an experiment's patch applies; returns its root. */
export const makeCopy = (dir: string) => copyProject({ dir, tests: true }).root;

/** Issue 18: a clean build of the three texts takes no longer than this (wall), in `npm run bench` and `bench:starlight`. */
export const CLEAN_BUILD_SECONDS = 10;
/** Caches that make a build warm; removed before each measured build, never linked. */
const CACHES = ['node_modules/.astro', 'node_modules/.vite', '.astro', '.build', 'dist'];

export function clearCaches(project: string) {
  for (const rel of CACHES) fs.rmSync(path.join(project, rel), { recursive: true, force: true });
}

export interface BuildStep {
  label: string;
  seconds: number;
}

export interface BuildRun {
  ok: boolean;
  /** Wall time of the whole build script, measured here. */
  wallSeconds: number;
  /**
   * CPU time (user + system) of the build script and every process under it.
   * Far less sensitive than wall time to other work on a shared machine.
   */
  cpuSeconds: number;
  /** 1-minute load average when the build started. */
  load: number;
  /** Peak resident memory of the largest process of the build, in MB (from GNU time; NaN without it). */
  peakRssMB: number;
  /** The steps the build reported with their times (see parseSteps). */
  steps: BuildStep[];
  output: string;
  /** Stopped after this many seconds (the build was too slow to wait for). */
  timedOut?: number;
}

/**
 * `astro build` in `project`, from clean caches unless told otherwise.
 * Run under bash so its `times` builtin can report the CPU time of all the
 * build's descendants (they are waited for, so their usage is accounted).
 */
export function runBuild(
  project: string,
  env: Record<string, string> = {},
  { clean = true, timeoutSeconds = Infinity, node = process.execPath } = {},
): Promise<BuildRun> {
  if (clean) clearCaches(project);
  return new Promise((resolve) => {
    const load = os.loadavg()[0];
    const started = performance.now();
    // GNU time, where there is one, also gives the peak memory (ru_maxrss of the build's processes).
    // (-o to a file: fd 3 is a socket, which /dev/fd/3 cannot open.)
    const usageFile = path.join(os.tmpdir(), `edition-build-usage-${process.pid}-${Date.now()}`);
    const script = fs.existsSync(GNU_TIME)
      ? `${GNU_TIME} -f 'RUSAGE %U %S %M' -o "$1" "$0" node_modules/astro/bin/astro.mjs build; s=$?; cat "$1" >&3; rm -f "$1"; exit $s`
      : `"$0" node_modules/astro/bin/astro.mjs build; s=$?; times >&3; exit $s`;
    const child = spawn('bash', ['-c', script, node, usageFile], {
      cwd: project,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      // Its own process group, so a timeout can stop the build and everything under it (only this build's processes).
      detached: true,
    });
    let timedOut: number | undefined;
    const stop = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {}
    };
    running.add(stop);
    const timer = Number.isFinite(timeoutSeconds)
      ? setTimeout(() => {
          timedOut = timeoutSeconds;
          stop('SIGTERM');
          setTimeout(() => stop('SIGKILL'), 10_000).unref();
        }, timeoutSeconds * 1000)
      : undefined;
    let output = '';
    let times = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d) => (times += d));
    child.on('close', (code) => {
      running.delete(stop);
      clearTimeout(timer);
      const wallSeconds = (performance.now() - started) / 1000;
      const usage = parseTimes(times);
      resolve({ ok: code === 0 && !timedOut, wallSeconds, ...usage, load, steps: parseSteps(output), output, timedOut });
    });
  });
}

// Builds run in their own process group; if the bench is interrupted, stop them too.
const running = new Set<(signal: NodeJS.Signals) => void>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const stop of running) stop('SIGTERM');
    process.exit(130);
  });
}

const GNU_TIME = '/usr/bin/time';

/** GNU time's "RUSAGE user system maxrssKB", or the children's line of bash `times` ("0m12.345s 0m1.234s"). */
function parseTimes(text: string): { cpuSeconds: number; peakRssMB: number } {
  const gnu = /RUSAGE ([\d.]+) ([\d.]+) (\d+)/.exec(text);
  if (gnu) return { cpuSeconds: Number(gnu[1]) + Number(gnu[2]), peakRssMB: Number(gnu[3]) / 1024 };
  const line = text.trim().split('\n')[1] ?? '';
  const secs = [...line.matchAll(/(\d+)m([\d.,]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2].replace(',', '.')));
  return { cpuSeconds: secs.length === 2 ? secs[0] + secs[1] : NaN, peakRssMB: NaN };
}

/**
 * The timed steps in what `astro build` printed: Astro's own total ("164 page(s)
 * built in 31.2s", printed after the integrations' build:done hooks, so the
 * search index is inside it) as `astro build`, and the search index
 * (src/integrations/search-index.ts) as `pagefind index`.
 */
export function parseSteps(output: string): BuildStep[] {
  const text = output.replace(/\x1b\[[\d;]*m/g, '');
  const steps: BuildStep[] = [];
  // Astro writes "850ms", "31.20s" or, past a minute, "2m 5s"; ours "31.20 s".
  const time = String.raw`(?:(\d+)m )?([\d.]+)\s*(ms|s)\b`;
  const patterns: [string, RegExp][] = [
    ['astro build', new RegExp(String.raw`\d+ page\(s\) built in ${time}`)],
    ['pagefind index', new RegExp(String.raw`\d+ pages indexed in ${time}`)],
  ];
  for (const [label, re] of patterns) {
    const m = re.exec(text);
    if (m) steps.push({ label, seconds: Number(m[1] ?? 0) * 60 + Number(m[2]) / (m[3] === 'ms' ? 1000 : 1) });
  }
  return steps;
}

/** Seconds of the step whose label matches, or undefined. */
export const stepSeconds = (run: BuildRun, re: RegExp) => run.steps.find((s) => re.test(s.label))?.seconds;

/** The files under `dir` that `filter` accepts, as absolute paths. */
const filesWhere = (dir: string, filter: (file: string) => boolean) => filesUnder(dir).map((f) => path.join(dir, f)).filter(filter);

export const dirSize = (dir: string, filter: (file: string) => boolean = () => true) =>
  filesWhere(dir, filter).reduce((total, f) => total + fs.statSync(f).size, 0);

export const countFiles = (dir: string, filter: (file: string) => boolean) => filesWhere(dir, filter).length;

/** The search index proper (what grows with content), apart from Pagefind's code. */
export const isSearchIndexFile = (file: string) => /\.(pf_index|pf_fragment|pf_filter|pf_meta)$/.test(file);

export const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
