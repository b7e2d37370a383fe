// `npm run bench:scale -- 3 100 1000`: how the build and search grow with the
// edition. For each N, in a temporary copy at /tmp/scale-N/project, the
// articles are replaced by N made from the three texts in turn — the first
// three are the real ones; copy k of a text gets the slug `<slug>-<k>`, a
// title marked “[copy k]”, series number i of 1..N, and keeps its seed, its
// annotations and the same glossary — and the site is built with the real
// build script, from cold caches:
//   - with the annotation pipeline (the site as it is), then search is
//     measured on it in Chromium (bytes per query, time to first result);
//   - with EDITION_PLAIN=1 (astro.config.mjs gives MDX none of our plugins and
//     runs no content check), the baseline for the pipeline's overhead.
// Writes scripts/bench/results/scale.json. Runs build one after another.
//
//   npm run bench:scale -- [N…] [--runs R] [--search-runs 3] [--no-plain] [--no-search] [--profile]
//                          [--timeout 1200] [--patch scripts/bench/experiments/x.diff] [--keep]
//
// --runs: builds per variant (default: 3 up to N = 100, 1 above).
// --profile: also build the largest N once under `node --cpu-prof` and
// summarize where the time goes (done anyway if growth looks superlinear).
// --patch: apply a diff to each copy (not to the repository), to measure a
// proposed change before making it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../../tests/support/browser.ts';
import { readSources, writeEdition } from '../../tests/support/edition.ts';
import { summarizeProfiles, type ProfileSummary } from './profile.ts';
import { countFiles, dirSize, isSearchIndexFile, makeCopy, median, measureBuild, type BuildRun } from './project.ts';
import { PROJECT_ROOT as REPO } from '../../tests/support/project-copy.ts';
import { htmlBreakdown, type Region } from './pages.ts';
import { linearity, MAX_GROWTH } from './linearity.ts';
import { heading, kb, mb, ms, ratio, sec, table, transcript } from './report.ts';
import { searchGrowth } from './search-growth.ts';
import { benchSearch, lookupBytes, ownBytes, type SearchBench } from './search.ts';
import { serveCompressed } from '../../tests/support/server.ts';

const TARGETS = { seconds1000: 120, overhead: 1.3 };

function args() {
  const argv = process.argv.slice(2);
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const flags = new Set(['--runs', '--search-runs', '--timeout', '--patch', '--heap']);
  const sizes = argv.filter((a, i) => /^\d+$/.test(a) && !flags.has(argv[i - 1])).map(Number);
  return {
    sizes: sizes.length ? sizes : [3, 100, 1000],
    runs: value('runs') ? Number(value('runs')) : undefined,
    searchRuns: Number(value('search-runs') ?? 3),
    plain: !argv.includes('--no-plain'),
    search: !argv.includes('--no-search'),
    profile: argv.includes('--profile'),
    /** Per build, in seconds: a build slower than this is stopped and reported as such. */
    timeout: Number(value('timeout') ?? 1200),
    /** V8 heap limit for the builds, in MB (NODE_OPTIONS=--max-old-space-size); Node's default otherwise. */
    heap: value('heap') ? Number(value('heap')) : undefined,
    /** A diff applied to each temporary copy (never to the repository): to measure a proposed change. */
    patch: value('patch') ? path.resolve(value('patch')!) : undefined,
    keep: argv.includes('--keep'),
  };
}

const log = transcript();
const say = log.say;

// ---------------------------------------------------------------- one size

interface Variant {
  runs: BuildRun[];
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMB: number;
  steps: { label: string; seconds: number }[];
}

interface SizeResult {
  n: number;
  annotated: Variant;
  plain?: Variant;
  dist: {
    bytes: number;
    htmlPages: number;
    pagefindBytes: number;
    searchIndexBytes: number;
    /** Raw HTML of article pages: median and largest; the largest entry page. */
    articleHtmlMedian: number;
    articleHtmlMax: number;
    entryHtmlMax: number;
    entryHtmlMaxId: string;
    /** Where the HTML of the series' first article goes, by region. */
    breakdown?: { path: string; totalGzip: number; regions: Region[] };
  };
  search?: SearchBench | { error: string };
  profile?: ProfileSummary[];
  /** The plain build tried after a failed annotated one, when it failed too. */
  plainFailed?: { reason: string; wallSeconds: number; peakRssMB: number };
  /** A build that failed or was stopped: which, why, and after how long. */
  failed?: { variant: string; reason: string; wallSeconds: number; cpuSeconds: number; peakRssMB: number; steps: { label: string; seconds: number }[] };
}

function summarize(runs: BuildRun[]): Variant {
  const labels = [...new Set(runs.flatMap((r) => r.steps.map((s) => s.label)))];
  return {
    runs,
    wallSeconds: median(runs.map((r) => r.wallSeconds)),
    cpuSeconds: median(runs.map((r) => r.cpuSeconds)),
    peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)),
    steps: labels.map((label) => ({ label, seconds: median(runs.map((r) => r.steps.find((s) => s.label === label)?.seconds ?? NaN)) })),
  };
}

let timeoutSeconds = Infinity;
let heapMB: number | undefined;
const heapEnvFor = (): Record<string, string> =>
  heapMB ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${heapMB}`.trim() } : {};

async function build(project: string, env: Record<string, string>, what: string, i: number, count: number): Promise<BuildRun> {
  const run = await measureBuild(project, env, { timeoutSeconds });
  say(
    `    ${what} build ${i + 1}/${count}: ${run.ok ? '' : '✗ '}${sec(run.wallSeconds)} wall, ${sec(run.cpuSeconds)} CPU, ` +
      `peak ${Math.round(run.peakRssMB)} MB, load ${run.load.toFixed(1)} ` +
      `(${run.steps.map((s) => `${s.label} ${sec(s.seconds)}`).join(', ')})`,
  );
  if (!run.ok) say(`      ${failureReason(run)}`);
  return run;
}

/** Why a build failed, in a line. */
function failureReason(run: BuildRun): string {
  if (run.timedOut) return `stopped after ${run.timedOut} s (--timeout) during ${currentStep(run)}`;
  if (/heap out of memory/i.test(run.output)) return `out of memory (V8 heap limit) during ${currentStep(run)}`;
  const lines = run.output.split('\n').map((l) => l.trim()).filter(Boolean);
  const error = lines.find((l) => /error|✗/i.test(l)) ?? lines.at(-1) ?? 'no output';
  return `failed during ${currentStep(run)}: ${error.slice(0, 300)}`;
}

/** The copy for one size: the project, the patch if any, and N articles. */
function prepare(n: number, opts: ReturnType<typeof args>) {
  const dir = path.join(os.tmpdir(), `scale-${n}`);
  const project = makeCopy(dir);
  if (opts.patch) {
    const r = spawnSync('patch', ['-p1', '--forward', '--no-backup-if-mismatch', '-d', project, '-i', opts.patch], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${opts.patch} does not apply to the current tree:\n${r.stdout}${r.stderr}`);
  }
  writeEdition(project, n);
  return { dir, project };
}

async function measureSize(n: number, opts: ReturnType<typeof args>, profile: boolean): Promise<SizeResult> {
  const { dir, project } = prepare(n, opts);
  const count = opts.runs ?? (n <= 100 ? 3 : 1);
  say(`\nN = ${n}: ${project}`);
  const distDir = path.join(project, 'dist');
  const annotatedRuns: BuildRun[] = [];
  const plainRuns: BuildRun[] = [];
  let dist: SizeResult['dist'] | undefined;
  let search: SizeResult['search'];
  let failed: SizeResult['failed'];
  let plainFailed: SizeResult['plainFailed'];
  const heapEnv = heapEnvFor();
  const fail = (variant: string, run: BuildRun) => {
    failed ??= { variant, reason: failureReason(run), wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds, peakRssMB: run.peakRssMB, steps: run.steps };
    if (!run.timedOut) console.error(run.output.split('\n').slice(-25).join('\n'));
  };
  // Annotated and plain builds alternate, so drifting load on a shared machine hits both alike.
  for (let i = 0; i < count && !failed; i++) {
    const a = await build(project, heapEnv, 'annotated', i, count);
    if (!a.ok) {
      fail('annotated', a);
      // Does the same edition build without the pipeline? Once, for comparison.
      if (opts.plain) {
        const p = await build(project, { ...heapEnv, EDITION_PLAIN: '1' }, 'plain', i, count);
        if (p.ok) plainRuns.push(p);
        else plainFailed = { reason: failureReason(p), wallSeconds: p.wallSeconds, peakRssMB: p.peakRssMB };
      }
      break;
    }
    annotatedRuns.push(a);
    if (i === 0) {
      dist = distStats(distDir);
      if (opts.search) search = await measureSearch(distDir, opts.searchRuns);
    }
    if (opts.plain) {
      const p = await build(project, { ...heapEnv, EDITION_PLAIN: '1' }, 'plain', i, count);
      if (!p.ok) fail('plain', p);
      else plainRuns.push(p);
    }
  }
  const result: SizeResult = {
    n,
    annotated: summarize(annotatedRuns),
    plain: opts.plain && plainRuns.length ? summarize(plainRuns) : undefined,
    dist: dist ?? distStats(distDir),
    search,
    failed,
    plainFailed,
  };
  if (profile && !failed) result.profile = await profileBuild(project, dir);
  if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

function distStats(distDir: string): SizeResult['dist'] {
  const sizes = (dir: string) =>
    fs.existsSync(path.join(distDir, dir))
      ? fs
          .readdirSync(path.join(distDir, dir))
          .map((name) => ({ name, file: path.join(distDir, dir, name, 'index.html') }))
          .filter((x) => fs.existsSync(x.file))
          .map((x) => ({ ...x, bytes: fs.statSync(x.file).size }))
      : [];
  const articles = sizes('articles');
  const entries = sizes('glossary').sort((a, b) => b.bytes - a.bytes);
  const first = readSources()[0]?.slug;
  const firstFile = first && path.join(distDir, 'articles', first, 'index.html');
  return {
    bytes: dirSize(distDir),
    htmlPages: countFiles(distDir, (f) => f.endsWith('.html')),
    pagefindBytes: dirSize(path.join(distDir, 'pagefind')),
    searchIndexBytes: dirSize(path.join(distDir, 'pagefind'), isSearchIndexFile),
    articleHtmlMedian: median(articles.map((a) => a.bytes)),
    articleHtmlMax: Math.max(0, ...articles.map((a) => a.bytes)),
    entryHtmlMax: entries[0]?.bytes ?? 0,
    entryHtmlMaxId: entries[0]?.name ?? '',
    breakdown:
      firstFile && fs.existsSync(firstFile)
        ? { path: `articles/${first}/`, ...htmlBreakdown(fs.readFileSync(firstFile, 'utf8')) }
        : undefined,
  };
}

async function measureSearch(distDir: string, runs: number): Promise<SearchBench | { error: string }> {
  const server = await serveCompressed(distDir);
  const browser = await launchBrowser();
  try {
    return await benchSearch(browser, server, { runs, log: say });
  } catch (error) {
    say(`    search could not be measured: ${(error as Error).message}`);
    return { error: (error as Error).message };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function profileBuild(project: string, dir: string): Promise<ProfileSummary[]> {
  const profDir = path.join(dir, 'profiles');
  fs.rmSync(profDir, { recursive: true, force: true });
  say('    profiling one annotated build (node --cpu-prof) …');
  // Node 20 refuses --cpu-prof in NODE_OPTIONS, so every `node` the build starts (the build script,
  // and the tools' `#!/usr/bin/env node` scripts) is this wrapper, found first on PATH.
  const bin = path.join(dir, 'profile-bin');
  fs.mkdirSync(bin, { recursive: true });
  const wrapper = path.join(bin, 'node');
  fs.writeFileSync(wrapper, `#!/bin/sh\nexec "${process.execPath}" --cpu-prof --cpu-prof-dir="${profDir}" "$@"\n`, { mode: 0o755 });
  const run = await measureBuild(project, { ...heapEnvFor(), PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` }, { timeoutSeconds, node: wrapper });
  say(`    profiled build: ${sec(run.wallSeconds)} (${run.steps.map((s) => `${s.label} ${sec(s.seconds)}`).join(', ')})`);
  const summaries = summarizeProfiles(profDir).filter((p) => p.durationMs > 500);
  const keep = path.join(REPO, 'scripts/bench/results/profiles');
  fs.mkdirSync(keep, { recursive: true });
  for (const f of fs.readdirSync(keep)) if (f.startsWith(`${path.basename(dir)}-`)) fs.rmSync(path.join(keep, f));
  for (const s of summaries) {
    const name = `${path.basename(dir)}-${s.process.replace(/\W+/g, '-')}.cpuprofile`;
    fs.copyFileSync(s.file, path.join(keep, name));
    s.file = path.relative(REPO, path.join(keep, name));
  }
  return summaries;
}

/** Where a stopped build was: Astro prints its total after the search index, which runs last. */
function currentStep(run: BuildRun) {
  const done = run.steps.map((s) => s.label);
  if (done.includes('astro build')) return 'after the last step';
  return done.includes('pagefind index') ? 'the end of astro build, after the search index' : 'astro build';
}

// ------------------------------------------------------------------- report

const stepOf = (v: { steps: { label: string; seconds: number }[] } | undefined, re: RegExp) => v?.steps.find((s) => re.test(s.label))?.seconds;

function printReport(all: SizeResult[]) {
  const results = built(all);
  say(heading('Scale: build time by edition size (cold caches, median of the runs)'));
  const mbOf = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : `${Math.round(x)} MB`);
  const rows = all.map((r) => {
    const i = results.indexOf(r);
    const prev = i > 0 ? results[i - 1] : undefined;
    const ok = i >= 0;
    const marginal = ok && prev ? (r.annotated.cpuSeconds - prev.annotated.cpuSeconds) / (r.n - prev.n) : NaN;
    const plain = r.plain
      ? [sec(r.plain.wallSeconds, 1), sec(r.plain.cpuSeconds, 1), mbOf(r.plain.peakRssMB)]
      : r.plainFailed
        ? [`✗ ${sec(r.plainFailed.wallSeconds, 0)}`, '—', mbOf(r.plainFailed.peakRssMB)]
        : ['—', '—', '—'];
    return [
      r.n,
      r.annotated.runs.length,
      ok ? sec(r.annotated.wallSeconds, 1) : `✗ ${sec(r.failed?.wallSeconds, 0)}`,
      ok ? sec(r.annotated.cpuSeconds, 1) : sec(r.failed?.cpuSeconds, 0),
      ok ? mbOf(r.annotated.peakRssMB) : mbOf(r.failed?.peakRssMB),
      ok ? sec(stepOf(r.annotated, /astro/), 1) : '—',
      ok ? sec(stepOf(r.annotated, /pagefind/), 1) : '—',
      ok ? `${((r.annotated.wallSeconds / r.n) * 1000).toFixed(0)} ms` : '—',
      prev ? `${(marginal * 1000).toFixed(0)} ms` : '—',
      ...plain,
      ratio(ok && r.plain ? r.annotated.cpuSeconds / r.plain.cpuSeconds : NaN),
      ratio(ok && r.plain ? r.annotated.wallSeconds / r.plain.wallSeconds : NaN),
    ];
  });
  say(
    table(
      ['N', 'runs', 'wall', 'CPU', 'peak', 'astro', 'pagefind', 'wall/article', 'marginal CPU/article', 'plain wall', 'plain CPU', 'plain peak', 'overhead CPU', 'overhead wall'],
      rows,
    ),
  );
  say('  wall = `astro build` start to end; CPU = user+system time of it and all its processes; peak = largest');
  say('  resident memory of one of its processes (Node\'s default V8 heap limit here is about 4 GB unless --heap is given);');
  say('  astro = Astro\'s own total (wall; the content check and the search index run inside it), pagefind = the search index.');
  say('  marginal CPU/article = extra CPU per extra article since the previous N (flat when growth is linear).');
  say('  overhead = annotated ÷ plain');
  say('  (EDITION_PLAIN=1: plain Astro MDX, with no content check, no notes and no mention index).');
  for (const r of all.filter((r) => r.failed)) say(`  ✗ N = ${r.n}: the ${r.failed!.variant} build ${r.failed!.reason} (${sec(r.failed!.wallSeconds, 0)} wall).`);
  for (const r of all.filter((r) => r.plainFailed)) say(`  ✗ N = ${r.n}: the plain build ${r.plainFailed!.reason} (${sec(r.plainFailed!.wallSeconds, 0)} wall).`);
  say(`  load average during the builds: ${results.flatMap((r) => [...r.annotated.runs, ...(r.plain?.runs ?? [])]).map((b) => b.load.toFixed(1)).join(' ')}`);

  say(heading('Scale: output and search'));
  say(
    table(
      ['N', 'HTML pages', 'dist', 'search index', 'pagefind/', '1st query bytes', '= engine load', '+ query\'s own', 'later query bytes', '1st result (1st query)', '1st result (later)', 'engine alone'],
      results.map((r) => {
        const s = r.search && 'queries' in r.search ? r.search : undefined;
        return [
          r.n,
          r.dist.htmlPages,
          mb(r.dist.bytes),
          kb(r.dist.searchIndexBytes),
          kb(r.dist.pagefindBytes),
          s ? kb(s.medianFirstBytes) : '—',
          s ? kb(s.medianEngineLoadBytes) : '—',
          s ? kb(s.medianFirstOwnBytes) : '—',
          s ? kb(s.medianLaterBytes) : '—',
          s ? ms(s.medianFirstMs) : '—',
          s ? ms(s.medianLaterMs) : '—',
          s ? ms(s.medianEngineMs) : '—',
        ];
      }),
    ),
  );
  say('  search columns: median over the fixed queries of each query\'s median. 1st query = a fresh visit: the engine, loaded once a visit');
  say('  (search code, Pagefind\'s wasm and page metadata, alias table), and the query\'s own index chunks, fragments and filter indexes.');

  say('\n  page sizes (raw HTML): a page whose size grows with N makes the whole build grow faster than N');
  say(
    table(
      ['N', 'article page (median)', 'article page (largest)', 'largest entry page', 'dist / N'],
      results.map((r) => [r.n, kb(r.dist.articleHtmlMedian), kb(r.dist.articleHtmlMax), `${kb(r.dist.entryHtmlMax)} (${r.dist.entryHtmlMaxId})`, kb(r.dist.bytes / r.n)]),
    ),
  );
  const withBreakdown = results.filter((r) => r.dist.breakdown);
  if (withBreakdown.length) {
    const regions = [...new Set(withBreakdown.flatMap((r) => r.dist.breakdown!.regions.map((x) => x.region)))];
    say(`\n  /${withBreakdown[0].dist.breakdown!.path} by region, raw HTML (gzip):`);
    say(
      table(
        ['region', ...withBreakdown.map((r) => `N=${r.n}`)],
        regions.map((region) => [
          region,
          ...withBreakdown.map((r) => {
            const x = r.dist.breakdown!.regions.find((y) => y.region === region);
            return x ? `${kb(x.rawBytes)} (${kb(x.gzipBytes)})` : '—';
          }),
        ]),
      ),
    );
  }
  const withSearch = results.filter((r) => r.search && 'queries' in r.search);
  if (withSearch.length) {
    const queries = (withSearch[0].search as SearchBench).queries.map((q) => q.query);
    const of = (r: SizeResult, q: string) => (r.search as SearchBench).queries.find((x) => x.query === q);
    say('\n  bytes per query: its own on a fresh visit (index chunks, filter indexes, fragments; lookup = the first two) / later in a visit (what it alone fetched):');
    say(
      table(
        ['query', ...withSearch.map((r) => `N=${r.n}`)],
        queries.map((q) => [
          q,
          ...withSearch.map((r) => {
            const x = of(r, q);
            return x ? `${kb(ownBytes(x.first.parts))} (lookup ${kb(lookupBytes(x.first.parts))}) / ${kb(x.later.bytes)}` : '—';
          }),
        ]),
      ),
    );
  }

  for (const r of results.filter((r) => r.profile?.length)) {
    say(heading(`Profile at N = ${r.n} (one annotated build under node --cpu-prof)`));
    for (const p of r.profile!) {
      say(`\n  ${p.process}: ${sec(p.durationMs / 1000, 1)} — ${p.file}`);
      say('  top self time:');
      say(table(['function', 'where', 'self', 'total'], p.topSelf.map((t) => [t.name, t.where, ms(t.selfMs), ms(t.totalMs)]), { indent: '    ' }));
      if (p.projectCode.length) {
        say('  project code, inclusive time:');
        say(table(['function', 'where', 'total', 'self'], p.projectCode.map((t) => [t.name, t.where, ms(t.totalMs), ms(t.selfMs)]), { indent: '    ' }));
      }
    }
  }

  say(heading('Targets'));
  const big = all.find((r) => r.n === 1000);
  const lines: [boolean | null, string, string][] = [];
  lines.push([
    !big ? null : big.failed?.variant === 'annotated' ? false : big.annotated.wallSeconds < TARGETS.seconds1000,
    `1000 articles built in < ${TARGETS.seconds1000} s`,
    !big
      ? 'not run at N = 1000'
      : big.failed?.variant === 'annotated'
        ? `no: ${big.failed.reason} after ${sec(big.failed.wallSeconds, 0)}`
        : sec(big.annotated.wallSeconds, 1),
  ]);
  for (const r of results.filter((r) => r.plain)) {
    const o = r.annotated.cpuSeconds / r.plain!.cpuSeconds;
    const w = r.annotated.wallSeconds / r.plain!.wallSeconds;
    lines.push([o < TARGETS.overhead, `N = ${r.n}: annotation overhead < ${TARGETS.overhead}× plain MDX (CPU)`, `${ratio(o)} (wall ${ratio(w)})`]);
  }
  const lin = buildGrowth(results);
  if (lin) lines.push([lin.linear, `build time grows linearly (fitted CPU per extra article at the largest N within ${MAX_GROWTH}× of the smallest's, by two standard errors)`, lin.text]);
  const search = searchGrowth(
    results.flatMap((r) =>
      r.search && 'queries' in r.search
        ? [
            {
              n: r.n,
              engineLoad: r.search.medianEngineLoadBytes,
              firstOwn: r.search.medianFirstOwnBytes,
              firstLookup: r.search.medianFirstLookupBytes,
              later: r.search.medianLaterBytes,
              laterLookup: r.search.medianLaterLookupBytes,
            },
          ]
        : [],
    ),
  );
  if (search) lines.push([search.flat, search.label, search.text]);
  say(table(['', 'target', 'measured'], lines.map(([p, t, m]) => [p === null ? '?' : p ? '✓ pass' : '✗ FAIL', t, m])));
  for (const note of search?.notes ?? []) say(`  and: ${note}`);
}

/** Sizes whose annotated build succeeded. */
const built = (results: SizeResult[]) => results.filter((r) => r.annotated.runs.length > 0);

/** Growth of build time with N, from the annotated builds' CPU (scripts/bench/linearity.ts). */
const buildGrowth = (all: SizeResult[]) => linearity(built(all).map((r) => ({ n: r.n, cpu: r.annotated.runs.map((b) => b.cpuSeconds) })));

// --------------------------------------------------------------------- main

async function main() {
  const opts = args();
  timeoutSeconds = opts.timeout;
  heapMB = opts.heap;
  if (heapMB) say(`Builds run with a V8 heap limit of ${heapMB} MB (--heap).`);
  if (opts.patch) say(`Experiment: every copy is patched with ${path.relative(REPO, opts.patch)} (the repository is not).`);
  say(`Scale bench: N = ${opts.sizes.join(', ')} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const results: SizeResult[] = [];
  const largest = Math.max(...opts.sizes);
  let failed = false;
  for (const n of opts.sizes) {
    try {
      results.push(await measureSize(n, opts, opts.profile && n === largest));
    } catch (error) {
      failed = true;
      console.error(`✗ N = ${n}: ${(error as Error).message}`);
    }
  }
  // Superlinear growth, or a size that ran out of memory or time, gets a
  // profile of the largest size that built, without being asked.
  const lin = buildGrowth(results);
  const blewUp = results.some((r) => r.failed && /memory|stopped/.test(r.failed.reason));
  const target = built(results).at(-1);
  if (target && !target.profile && (opts.profile || blewUp || lin?.linear === false)) {
    say(`\nProfiling N = ${target.n} (${blewUp ? 'a larger size ran out of memory or time' : lin?.linear === false ? `growth looks superlinear: ${lin.text}` : 'asked'}) …`);
    try {
      const { dir, project } = prepare(target.n, opts);
      target.profile = await profileBuild(project, dir);
      if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      failed = true;
      console.error(`✗ profiling N = ${target.n}: ${(error as Error).message}`);
    }
  }
  // A build that broke (not one that ran out of memory or time) means this run could not measure.
  if (results.some((r) => r.failed && !/memory|stopped/.test(r.failed.reason))) failed = true;
  if (results.length) printReport(results);
  const out = path.join(REPO, `scripts/bench/results/scale${opts.patch ? `-${path.basename(opts.patch).replace(/\.\w+$/, '')}` : ''}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const json = results.map((r) => ({
    ...r,
    annotated: { ...r.annotated, runs: r.annotated.runs.map(({ output, ...x }) => x) },
    plain: r.plain && { ...r.plain, runs: r.plain.runs.map(({ output, ...x }) => x) },
  }));
  fs.writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), patch: opts.patch && path.relative(REPO, opts.patch), loadavg: os.loadavg(), results: json }, null, 2)}\n`);
  say(`\n  JSON: ${path.relative(process.cwd(), out)}`);
  // An experiment (--patch) measures a change that is not in the repository: its figures are not the edition's.
  if (!opts.patch) console.log(`  figures: ${path.relative(process.cwd(), log.write(REPO, 'scale', `npm run bench:scale -- ${process.argv.slice(2).join(' ')}`.trim()))}`);
  if (failed) process.exit(2);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
