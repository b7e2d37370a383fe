// `npm run bench`: build the site, then measure what a reader downloads and
// waits for, and print each budget with pass/fail. Writes
// scripts/bench/results/bench.json.
//
// The build runs in a temporary copy of the project (scripts/bench/project.ts)
// with cold caches, so it measures a full build and leaves dist/ and the
// working tree alone. Exits 0 whether budgets pass or fail; non-zero only if
// something could not be measured (a failed build, no browser).
//
//   npm run bench -- [--builds 3] [--search-runs 5] [--lh-runs 3] [--no-lighthouse] [--dist <dir>] [--keep] [--search-only]
//
// --dist measures an already built site instead of building one; --search-only
// measures search alone (no page weights, no Lighthouse).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { plural } from '../../src/site/text.ts';
import { launchBrowser } from '../../tests/support/browser.ts';
import { benchLighthouse, type LighthouseBench } from './lighthouse.ts';
import { KINDS, articleFloor, htmlBreakdown, measurePage, pageTypes, type Floor, type PageMeasure } from './pages.ts';
import { CLEAN_BUILD_SECONDS, countFiles, dirSize, isSearchIndexFile, makeCopy, median, measureBuild, type BuildRun } from './project.ts';
import { PROJECT_ROOT } from '../../tests/support/project-copy.ts';
import { budgetTable, heading, kb, mb, ms, ratio, sec, table, transcript, type Budget } from './report.ts';
import { PARTS, TYPING_MS, benchSearch, fmtRuns, type SearchBench } from './search.ts';
import { serveCompressed } from '../../tests/support/server.ts';

const KiB = 1024;
/**
 * An inline script this small may stand in the head: the remembered theme must be
 * applied before the first paint (issue 4: "remembered and does not flash"), which
 * only a synchronous script can do. It fetches nothing and runs in microseconds;
 * Lighthouse's render-blocking audit does not count it either. Anything else fails.
 */
const INLINE_THEME_ALLOWANCE = 256;
export const BUDGETS = {
  /** 0.75× the same article in an Astro Starlight site of the same texts, text face included. */
  articleBytes: 40 * KiB,
  articleRequests: 7,
  articleRenderBlockingJs: 0,
  articleJsBytes: 6 * KiB,
  articleCssBytes: 12 * KiB,
  lighthouseScore: 100,
  buildSeconds: CLEAN_BUILD_SECONDS,
  /** Last keystroke → first result, first query of a visit, at either typing speed. */
  searchFirstResultMs: 100,
  searchLaterResultMs: 50,
  /** Everything fetched from focus to the first result, our code included: an Astro Starlight site of the same texts fetches 113 KB. */
  searchFirstQueryBytes: 113 * KiB,
};

function args() {
  const argv = process.argv.slice(2);
  const opt = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const str = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    builds: opt('builds', 3),
    searchRuns: opt('search-runs', 5),
    lhRuns: opt('lh-runs', 3),
    lighthouse: !argv.includes('--no-lighthouse'),
    dist: str('dist'),
    keep: argv.includes('--keep'),
    searchOnly: argv.includes('--search-only'),
  };
}

const log = transcript();
const say = log.say;
/** ", 2 runs showed no result" when some did not (see `note` in the JSON). */
const misses = (s: SearchBench, which: 'first' | 'firstSlow' | 'later') => {
  const n = s.queries.reduce((k, q) => k + q[which].misses, 0);
  return n ? `; ${plural(n, 'run')} showed no result` : '';
};
const KIND_HEAD = { html: 'HTML', css: 'CSS', js: 'JS', fonts: 'fonts', images: 'images', other: 'other' } as const;

async function main() {
  const opts = args();
  const started = Date.now();
  say(`Bench on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, Node ${process.version}`);

  // ------------------------------------------------------------------ build
  let distDir: string;
  let tmp: string | undefined;
  const builds: BuildRun[] = [];
  if (opts.dist) {
    distDir = path.resolve(opts.dist);
    say(`Measuring the site already built in ${distDir} (no build).`);
  } else {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-bench-'));
    const project = makeCopy(tmp);
    say(`Building ${opts.builds}× from cold caches in a copy at ${project} …`);
    for (let i = 0; i < opts.builds; i++) {
      const run = await measureBuild(project);
      if (!run.ok) {
        console.error(run.output);
        console.error(`✗ build ${i + 1} failed: cannot measure.`);
        process.exit(2);
      }
      say(`  build ${i + 1}: ${sec(run.wallSeconds)} wall, ${sec(run.cpuSeconds)} CPU, peak ${Math.round(run.peakRssMB)} MB, load ${run.load.toFixed(1)} (${run.steps.map((s) => `${s.label} ${sec(s.seconds)}`).join(', ')})`);
      builds.push(run);
    }
    distDir = path.join(project, 'dist');
  }
  if (!fs.existsSync(path.join(distDir, 'index.html'))) {
    console.error(`✗ ${distDir} has no index.html: cannot measure.`);
    process.exit(2);
  }

  const stepNames = [...new Set(builds.flatMap((b) => b.steps.map((s) => s.label)))];
  const buildSummary = {
    runs: builds.length,
    wallSeconds: median(builds.map((b) => b.wallSeconds)),
    wallRuns: builds.map((b) => b.wallSeconds),
    cpuSeconds: median(builds.map((b) => b.cpuSeconds)),
    cpuRuns: builds.map((b) => b.cpuSeconds),
    peakRssMB: Math.max(...builds.map((b) => b.peakRssMB)),
    load: builds.map((b) => b.load),
    steps: stepNames.map((label) => {
      const xs = builds.map((b) => b.steps.find((s) => s.label === label)?.seconds ?? NaN);
      return { label, seconds: median(xs), runs: xs };
    }),
  };
  const sizes = {
    distBytes: dirSize(distDir),
    distFiles: countFiles(distDir, () => true),
    htmlPages: countFiles(distDir, (f) => f.endsWith('.html')),
    pagefindBytes: dirSize(path.join(distDir, 'pagefind')),
    searchIndexBytes: dirSize(path.join(distDir, 'pagefind'), isSearchIndexFile),
  };

  // ---------------------------------------------------------------- browser
  const server = await serveCompressed(distDir);
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    console.error(`✗ cannot launch Chromium: ${(error as Error).message}`);
    await server.close();
    process.exit(2);
  }

  const types = opts.searchOnly ? [] : pageTypes(distDir);
  say(`Measuring ${types.length} pages in Chromium (cold cache, gzip server) …`);
  const pages: PageMeasure[] = [];
  for (const t of types) pages.push(await measurePage(browser, server, t.type, t.path));
  const floors: Floor[] = pages.filter((p) => p.type === 'article').map((p) => articleFloor(distDir, p.path.split('/')[1]));
  const largest = pages.filter((p) => p.type === 'article').sort((a, b) => b.bytes.html - a.bytes.html)[0];
  const breakdown = largest && { path: largest.path, ...htmlBreakdown(fs.readFileSync(path.join(distDir, largest.path, 'index.html'), 'utf8')) };

  say(`Search: ${opts.searchRuns} runs per query …`);
  let search: SearchBench | { error: string };
  try {
    search = await benchSearch(browser, server, { runs: opts.searchRuns, log: say });
  } catch (error) {
    search = { error: (error as Error).message };
    say(`  search could not be measured: ${search.error}`);
  }
  await browser.close();

  let lighthouse: LighthouseBench = { ok: false, reason: 'skipped (--no-lighthouse)' };
  if (opts.searchOnly) lighthouse = { ok: false, reason: 'skipped (--search-only)' };
  else if (opts.lighthouse) {
    // One page per type: the largest article (most to load) stands for the articles.
    const lhPages = types.filter((t) => t.type !== 'article');
    const articles = pages.filter((p) => p.type === 'article').sort((a, b) => b.bytes.total - a.bytes.total);
    if (articles[0]) lhPages.splice(1, 0, { type: 'article', path: articles[0].path });
    say(`Lighthouse (mobile), ${opts.lhRuns} runs per page …`);
    lighthouse = await benchLighthouse(
      lhPages.map((p) => ({ ...p, url: new URL(p.path, server.url).href })),
      { runs: opts.lhRuns, log: say },
    );
    if (!lighthouse.ok) say(`  Lighthouse did not run: ${lighthouse.reason}`);
  }
  await server.close();

  // ---------------------------------------------------------------- budgets
  const budgets: Budget[] = [];
  for (const p of pages.filter((p) => p.type === 'article')) {
    const slug = p.path.split('/')[1];
    const floor = floors.find((f) => f.slug === slug)!;
    const r = p.bytes.total / floor.floorBytes;
    budgets.push(
      { name: `${slug}: bytes, gzip`, limit: `≤ ${kb(BUDGETS.articleBytes, 0)}`, actual: `${kb(p.bytes.total)} (${ratio(r)} its floor of ${kb(floor.floorBytes)})`, pass: p.bytes.total <= BUDGETS.articleBytes },
      { name: `${slug}: requests`, limit: `≤ ${BUDGETS.articleRequests}`, actual: String(p.requests), pass: p.requests <= BUDGETS.articleRequests },
      renderBlockingBudget(slug, p.renderBlockingJs.scripts, p.renderBlockingJs.bytes),
      { name: `${slug}: JS`, limit: `≤ ${kb(BUDGETS.articleJsBytes, 0)}`, actual: kb(p.bytes.js), pass: p.bytes.js <= BUDGETS.articleJsBytes },
      { name: `${slug}: CSS`, limit: `≤ ${kb(BUDGETS.articleCssBytes, 0)}`, actual: kb(p.bytes.css), pass: p.bytes.css <= BUDGETS.articleCssBytes },
    );
  }
  if (lighthouse.ok) {
    for (const l of lighthouse.pages) {
      budgets.push({ name: `Lighthouse ${l.type} (${l.path || '/'})`, limit: `${BUDGETS.lighthouseScore}`, actual: `${l.score} (runs ${l.scores.join(', ')})`, pass: l.score >= BUDGETS.lighthouseScore });
    }
  } else {
    budgets.push({ name: 'Lighthouse, every page type', limit: `${BUDGETS.lighthouseScore}`, actual: `not measured: ${lighthouse.reason}`, pass: null });
  }
  if (builds.length) {
    budgets.push({
      name: 'full build (cold, median wall)',
      limit: `< ${BUDGETS.buildSeconds} s`,
      actual: `${sec(buildSummary.wallSeconds)} (CPU ${sec(buildSummary.cpuSeconds)})`,
      pass: buildSummary.wallSeconds < BUDGETS.buildSeconds,
    });
  }
  if ('queries' in search) {
    const worst = search.queries.reduce((w, q) => ((q.first.ms ?? Infinity) > (w.first.ms ?? Infinity) ? q : w));
    const worstAt = (which: 'first' | 'firstSlow') => search.queries.reduce((w, q) => ((q[which].ms ?? Infinity) > (w[which].ms ?? Infinity) ? q : w));
    const atMost = (x: number | null, limit: number) => (x === null ? false : x <= limit);
    const firstBudget = (which: 'first' | 'firstSlow', perKey: number, worst: number | null, med: number | null) => ({
      name: `search: last keystroke → first result, first query of a visit, ${perKey} ms a key (worst query)`,
      limit: `≤ ${BUDGETS.searchFirstResultMs} ms`,
      actual: `${ms(worst)} (“${worstAt(which).query}”; median over queries ${ms(med)})${misses(search, which)}`,
      pass: atMost(worst, BUDGETS.searchFirstResultMs) && !misses(search, which),
    });
    budgets.push(
      firstBudget('first', TYPING_MS.fast, search.worstFirstMs, search.medianFirstMs),
      firstBudget('firstSlow', TYPING_MS.slow, search.worstFirstSlowMs, search.medianFirstSlowMs),
      {
        name: `search: last keystroke → first result, later queries, ${TYPING_MS.fast} ms a key (median)`,
        limit: `≤ ${BUDGETS.searchLaterResultMs} ms`,
        actual: `${ms(search.medianLaterMs)}${misses(search, 'later')}`,
        pass: atMost(search.medianLaterMs, BUDGETS.searchLaterResultMs) && !misses(search, 'later'),
      },
      {
        name: 'search: query pasted → first result, later queries (median)',
        limit: `≤ ${BUDGETS.searchLaterResultMs} ms`,
        actual: ms(search.medianPastedMs),
        pass: atMost(search.medianPastedMs, BUDGETS.searchLaterResultMs),
      },
      {
        name: 'search: bytes from focus to first result, first query, code included (largest query, either speed)',
        limit: `≤ ${kb(BUDGETS.searchFirstQueryBytes, 0)}`,
        actual: `${kb(search.maxFirstBytesToResult)} (median ${kb(search.medianFirstBytesToResult)}; with what loads after it, such as filter counts, ${kb(search.maxFirstBytes)})`,
        pass: search.maxFirstBytesToResult <= BUDGETS.searchFirstQueryBytes,
      },
    );
  } else {
    budgets.push({ name: 'search', limit: '', actual: `not measured: ${search.error}`, pass: null });
  }

  // ------------------------------------------------------------------ print
  if (builds.length) {
    say(heading(`Build (median of ${builds.length} cold builds of the real site)`));
    say(
      table(
        ['step', 'median', 'runs'],
        [
          ...buildSummary.steps.map((s) => [s.label, sec(s.seconds), s.runs.map((x) => x.toFixed(2)).join(' ')]),
          ['whole build script (wall)', sec(buildSummary.wallSeconds), buildSummary.wallRuns.map((x) => x.toFixed(2)).join(' ')],
          ['CPU time, all build processes', sec(buildSummary.cpuSeconds), buildSummary.cpuRuns.map((x) => x.toFixed(2)).join(' ')],
          ['peak memory (largest process)', `${Math.round(buildSummary.peakRssMB)} MB`, builds.map((b) => Math.round(b.peakRssMB)).join(' ')],
        ],
      ),
    );
    say(`  1-minute load average at the start of each build: ${buildSummary.load.map((x) => x.toFixed(1)).join(' ')} (2 cores: above 2 means waiting for CPU)`);
  }
  say(`\n  dist/: ${mb(sizes.distBytes)} in ${sizes.distFiles} files (${sizes.htmlPages} HTML pages); search: pagefind/ ${kb(sizes.pagefindBytes)}, of which the index (pf_index, pf_fragment, pf_filter, pf_meta) ${kb(sizes.searchIndexBytes)}`);

  say(heading('Pages: bytes transferred (gzip), cold cache, before any search'));
  say(
    table(
      ['page', 'path', ...KINDS.map((k) => KIND_HEAD[k]), 'total', 'requests', 'blocking JS', 'JS to read', 'text w/o JS', 'CSS used', 'JS run'],
      pages.map((p) => [
        p.type,
        `/${p.path}`,
        ...KINDS.map((k) => kb(p.bytes[k])),
        kb(p.bytes.total),
        p.requests,
        p.renderBlockingJs.count,
        p.type === 'search' ? 'n/a' : kb(p.jsToRead),
        `${Math.round(p.textWithoutJs * 100)}%`,
        p.cssUsed === null ? '—' : `${Math.round(p.cssUsed * 100)}%`,
        p.jsUsed === null ? '—' : `${Math.round(p.jsUsed * 100)}%`,
      ]),
    ),
  );
  const mismatch = pages.filter((p) => Math.abs(p.serverBytes - p.bytes.total) > 0);
  if (mismatch.length) say(`  note: browser and server byte counts differ on ${mismatch.map((p) => `/${p.path} (${p.bytes.total} vs ${p.serverBytes})`).join(', ')}`);
  const fromLength = pages.flatMap((p) => p.files.filter((f) => f.source === 'content-length').map((f) => f.path));
  if (fromLength.length) say(`  note: size from Content-Length for ${[...new Set(fromLength)].join(', ')} (the browser reported 0)`);
  say('  “JS to read”: render-blocking JS, plus all JS if <main> loses text with JavaScript off. Search needs JS by design.');
  say('  “CSS used” / “JS run”: share of the stylesheet rules used and of the script code run by the page as loaded (Chromium coverage).');

  say(heading('Article floor: gzip -9 of the article’s own text and notes'));
  say(
    table(
      ['article', 'text chars', 'notes chars', 'floor', 'page (all bytes)', 'page / floor', 'HTML / floor'],
      floors.map((f) => {
        const p = pages.find((x) => x.path === `articles/${f.slug}/`)!;
        return [f.slug, f.textChars, f.notesChars, kb(f.floorBytes), kb(p.bytes.total), ratio(p.bytes.total / f.floorBytes), ratio(p.bytes.html / f.floorBytes)];
      }),
    ),
  );

  if (breakdown) {
    say(`\n  Where the HTML of /${breakdown.path} goes (${kb(breakdown.totalGzip)} gzip; each region: what removing it saves):`);
    say(
      table(
        ['region', 'raw', 'gzip', 'share'],
        breakdown.regions.map((r) => [r.region, kb(r.rawBytes), kb(r.gzipBytes), `${Math.round((r.gzipBytes / breakdown.totalGzip) * 100)}%`]),
        { indent: '    ' },
      ),
    );
  }

  if ('queries' in search) {
    say(heading(`Search (median of ${opts.searchRuns} runs per query; first = fresh visit, cold cache)`));
    say(
      table(
        ['query', `first: → result, ${TYPING_MS.fast} ms a key`, `${TYPING_MS.slow} ms a key`, 'first: bytes to result', 'in all', 'first: requests', 'later: → result', 'later: bytes', 'pasted: → result', 'engine alone'],
        search.queries.map((q) => [
          q.query,
          fmtRuns(q.first),
          fmtRuns(q.firstSlow),
          `${kb(q.first.bytesToResult)} / ${kb(q.firstSlow.bytesToResult)}`,
          kb(q.first.bytes),
          q.first.requests,
          fmtRuns(q.later),
          kb(q.later.bytes),
          ms(q.later.pastedMs),
          ms(q.engineMs),
        ]),
      ),
    );
    say('\n  What the first query fetched, by part (median of runs):');
    say(table(['query', ...PARTS], search.queries.map((q) => [q.query, ...PARTS.map((k) => kb(q.first.parts[k]))]), { indent: '    ' }));
    say(`  result selector: ${search.resultSelector}; input: ${search.inputSelector}`);
    say(`  “first: bytes” = everything the search page and the query fetched except the HTML and what every page loads (${search.baseline.join(', ')}).`);
    say(`  “→ result”: last keystroke → first frame showing the first result the query ends with (focus, then typed at once at`);
    say(`  ${TYPING_MS.fast} or ${TYPING_MS.slow} ms a key; a result for the query so far may already be that one). “bytes to result”: requests`);
    say('  started from focus to that frame, at each speed; “in all”: with what follows it (filter counts, the other');
    say('  results), until the network is quiet. “pasted”: the whole query in one input event, in a');
    say('  visit that has searched before. “engine alone” = pagefind.search() + first result data(), after init, no UI.');
  }

  say(heading('Lighthouse performance (mobile: simulated Slow 4G, 4× CPU)'));
  if (lighthouse.ok) {
    say(
      table(
        ['page', 'path', 'score', 'runs', 'FCP', 'LCP', 'TBT', 'CLS', 'SI', 'costing score'],
        lighthouse.pages.map((l) => [
          l.type,
          `/${l.path}`,
          l.score,
          l.scores.join(' '),
          ms(l.metrics.fcp),
          ms(l.metrics.lcp),
          ms(l.metrics.tbt),
          l.metrics.cls.toFixed(3),
          ms(l.metrics.si),
          l.notes.join('; ') || '—',
        ]),
      ),
    );
  } else say(`  not measured: ${lighthouse.reason}`);

  say(heading('Budgets'));
  say(budgetTable(budgets));
  const failed = budgets.filter((b) => b.pass === false).length;
  const unknown = budgets.filter((b) => b.pass === null).length;
  say(`\n  ${budgets.length - failed - unknown} pass, ${failed} fail${unknown ? `, ${unknown} not measured` : ''}. (${((Date.now() - started) / 1000).toFixed(0)} s)`);

  const out = path.join(PROJECT_ROOT, 'scripts/bench/results/bench.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const json = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavg: os.loadavg(), node: process.version },
    budgets: BUDGETS,
    build: buildSummary,
    sizes,
    pages: pages.map(({ files, ...p }) => ({ ...p, files })),
    floors,
    htmlBreakdown: breakdown,
    search,
    lighthouse,
    results: budgets,
  };
  fs.writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
  say(`  JSON: ${path.relative(process.cwd(), out)}`);
  console.log(`  figures: ${path.relative(process.cwd(), log.write(PROJECT_ROOT, 'bench', 'npm run bench'))}`);

  if (tmp && !opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
  else if (tmp) say(`  kept ${tmp}`);
  if ('error' in search) process.exit(2);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});

/** Render-blocking JS: no script file may block; one tiny inline script (the theme) may. */
function renderBlockingBudget(slug: string, scripts: string[], gzipBytes: number): Budget {
  const files = scripts.filter((s) => s !== '(inline)').length;
  const inline = scripts.length - files;
  const pass = files === BUDGETS.articleRenderBlockingJs && inline <= 1 && gzipBytes <= INLINE_THEME_ALLOWANCE;
  return {
    name: `${slug}: render-blocking JS`,
    limit: `${BUDGETS.articleRenderBlockingJs} files; inline ≤ ${INLINE_THEME_ALLOWANCE} B (theme)`,
    actual: `${files} files; ${inline} inline (${gzipBytes} B)`,
    pass,
  };
}
