// Builds of a copy of the project (tests/support/project-copy.ts makes it),
// measured: wall and CPU time, peak memory, and the steps Astro reports.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyProject, runBuild, stopRunsOnInterrupt } from '../../tests/support/project-copy.ts';
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
  /** CPU time (user + system) of the build and every process under it (see `run`). */
  cpuSeconds: number;
  /** 1-minute load average when the build started. */
  load: number;
  /** Peak resident memory of the largest process of the build, in MB (NaN without GNU time). */
  peakRssMB: number;
  /** The steps the build reported with their times (see parseSteps). */
  steps: BuildStep[];
  output: string;
  /** Stopped after this many seconds (the build was too slow to wait for). */
  timedOut?: number;
}

// A bench interrupted stops its builds too.
stopRunsOnInterrupt();

/** `astro build` in `project` (tests/support/project-copy.ts runs it), from clean caches unless told otherwise, measured. */
export async function measureBuild(
  project: string,
  env: Record<string, string> = {},
  { clean = true, timeoutSeconds = Infinity, node = process.execPath } = {},
): Promise<BuildRun> {
  if (clean) clearCaches(project);
  const load = os.loadavg()[0];
  const run = await runBuild(project, { env, timeoutMs: timeoutSeconds * 1000, node });
  return {
    ok: run.code === 0 && !run.timedOut,
    wallSeconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
    load,
    peakRssMB: run.peakRssMB,
    steps: parseSteps(run.output),
    output: run.output,
    timedOut: run.timedOut ? timeoutSeconds : undefined,
  };
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
