// Search as a reader meets it, in Chromium: open the search page, type a
// query key by key, and time from the last keystroke to the first result
// shown; count the bytes fetched for it.
//
// "First result shown": the first animation frame, after the last keystroke,
// at which the result list has changed and its first result (the first
// element matching SEARCH_RESULT, laid out) is the one the query ends with.
// The two selectors below are the only coupling to the search UI; change them
// there (or set BENCH_SEARCH_INPUT / BENCH_SEARCH_RESULT) if the UI changes.
import type { Browser, BrowserContext } from 'playwright-core';
import { median } from './project.ts';
import { NetworkLog, total, type RequestRecord } from './pages.ts';
import type { StaticServer as BenchServer } from '../../tests/support/server.ts';

/** The query box on the search page. */
export const SEARCH_INPUT = process.env.BENCH_SEARCH_INPUT ?? 'main input[type="search"]';
/** A result link in the results container: the custom UI's, or Pagefind Component UI's. */
export const SEARCH_RESULT =
  process.env.BENCH_SEARCH_RESULT ?? '#search-results a.result-title, pagefind-results a.pf-result-link';

/** Fixed queries: names, an alias spelling (Kiev), a rare word, a phrase. */
export const QUERIES = ['Minsk', 'Putin', 'Kiev', 'Grushko', 'Finlandization', 'sphere of influence'];

/**
 * Typing speeds, ms per key: a fast typist, and a slow one whose pauses are
 * long enough for every prefix of the query to be searched on its way.
 * Later queries are typed fast.
 */
export const TYPING_MS = { fast: 50, slow: 150 } as const;
const RESULT_TIMEOUT_MS = 10_000;
/** For each click and keystroke: a page too busy to take them in this time counts as a failed run. */
const ACTION_TIMEOUT_MS = 20_000;

export interface QueryRun {
  /** Last keystroke → first result shown; null if none appeared. */
  ms: number | null;
  /** Bytes fetched for search on a fresh visit: the page's search code and everything the query loaded. */
  bytes: number;
  requests: number;
  /** The same bytes by what they are (code, wasm, index chunks, fragments, …). */
  parts: Record<string, number>;
  /** Why `ms` is null. */
  note?: string;
  /** The query set in one input event (pasted): input → first result. */
  pastedMs?: number | null;
  /** Bytes of the requests started from focus to the first result shown (the page's resource timing, body as sent). */
  bytesToResult?: number;
}

export const PARTS = ['code', 'wasm', 'index', 'fragments', 'filters', 'meta', 'other'] as const;
/**
 * What a visit loads once, whatever it searches for: the search code,
 * Pagefind's wasm, its page metadata (a few bytes per page) and the alias
 * table. The rest (index chunks, fragments, filter indexes) is the query's own.
 */
export const ENGINE_PARTS: readonly (typeof PARTS)[number][] = ['code', 'wasm', 'meta', 'other'];
export const engineBytes = (parts: Record<string, number>) => ENGINE_PARTS.reduce((sum, k) => sum + parts[k], 0);
export const ownBytes = (parts: Record<string, number>) => PARTS.filter((k) => !ENGINE_PARTS.includes(k)).reduce((sum, k) => sum + parts[k], 0);
/** A query's lookup: the index chunks and filter indexes it reads (its results' own text, the fragments, aside). */
export const lookupBytes = (parts: Record<string, number>) => parts.index + parts.filters;

function partOf(p: string): (typeof PARTS)[number] {
  const file = p.split('?')[0];
  if (/\.m?js$/.test(file)) return 'code';
  if (/wasm/.test(file)) return 'wasm';
  if (file.endsWith('.pf_index')) return 'index';
  if (file.endsWith('.pf_fragment')) return 'fragments';
  if (file.endsWith('.pf_filter')) return 'filters';
  if (file.endsWith('.pf_meta') || file.endsWith('pagefind-entry.json')) return 'meta';
  return 'other';
}

function parts(records: RequestRecord[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(PARTS.map((k) => [k, 0]));
  for (const r of records) out[partOf(r.path)] += r.bytes;
  return out;
}

export interface QueryResult {
  query: string;
  /** First query of a visit (cold cache), typed fast, one fresh browser context per run. */
  first: { ms: number | null; misses: number; bytes: number; bytesToResult: number; requests: number; parts: Record<string, number>; runs: QueryRun[] };
  /** The same, typed slowly. */
  firstSlow: { ms: number | null; misses: number; bytesToResult: number; runs: QueryRun[] };
  /** The same query typed after another in the same visit: what it alone fetched. */
  later: { ms: number | null; misses: number; bytes: number; pastedMs: number | null; runs: QueryRun[] };
  /** Pagefind's own time for search() and the first result's data(), without the UI (warm engine). */
  engineMs: number | null;
}

export interface SearchBench {
  resultSelector: string;
  inputSelector: string;
  queries: QueryResult[];
  /** What every page loads anyway (the site's CSS, favicon, shared JS): not counted as search bytes. */
  baseline: string[];
  medianFirstMs: number | null;
  worstFirstMs: number | null;
  medianFirstSlowMs: number | null;
  worstFirstSlowMs: number | null;
  /** Bytes from focus to the first result, first query of a visit, at either speed: largest and median over queries. */
  maxFirstBytesToResult: number;
  medianFirstBytesToResult: number;
  medianLaterMs: number | null;
  medianFirstBytes: number;
  maxFirstBytes: number;
  /** The first query's bytes split: the visit's one-time engine load, and the query's own. */
  medianEngineLoadBytes: number;
  medianFirstOwnBytes: number;
  /** Index chunks and filter indexes: of the first query on a fresh visit, and of a later one. */
  medianFirstLookupBytes: number;
  medianLaterLookupBytes: number;
  medianLaterBytes: number;
  medianEngineMs: number | null;
  medianPastedMs: number | null;
}

// Installed before any page script. It records keystrokes and input events,
// and every change of the result list while it holds a result: a change counts
// when a mutation touches the list around the first result (its closest
// ol/ul/pagefind-results), so a re-rendered list counts even when its first
// result is unchanged. Each change is timed at the first animation frame where
// the first result has a box, with the keystroke and input counts at the time
// of the change and the first result's href and text.
// (Polled with page.evaluate from outside: the site's CSP forbids the eval that
// page.waitForFunction would need.)
const PROBE = (selector: string) => `(() => {
  const b = (window.__bench = { lastKey: 0, keys: 0, lastInput: 0, inputs: 0, shown: [], focusAt: 0 });
  addEventListener('keydown', () => { b.lastKey = performance.now(); b.keys++; }, true);
  addEventListener('input', () => { b.lastInput = performance.now(); b.inputs++; }, true);
  const sel = ${JSON.stringify(selector)};
  const id = (el) => (el.getAttribute('href') || '') + '|' + el.textContent;
  let waiting = [];
  const frame = () => {
    const el = document.querySelector(sel);
    if (!el) { waiting = []; return; }
    if (el.getClientRects().length === 0) return requestAnimationFrame(frame);
    const t = performance.now();
    for (const w of waiting) b.shown.push({ t, keys: w.keys, inputs: w.inputs, first: id(el) });
    waiting = [];
  };
  new MutationObserver((records) => {
    const first = document.querySelector(sel);
    if (!first) return;
    const list = first.closest('ol, ul, pagefind-results') || first.parentElement;
    if (!records.some((r) => list.contains(r.target) || r.target.contains(list))) return;
    if (!waiting.length) requestAnimationFrame(frame);
    waiting.push({ keys: b.keys, inputs: b.inputs });
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href', 'hidden', 'class', 'style'] });
})()`;

type Shown = { t: number; keys: number; inputs: number; first: string };
type ProbeState = { lastKey: number; keys: number; lastInput: number; inputs: number; shown: Shown[]; focusAt: number };

/**
 * Body bytes (as sent) of the requests the page started between two of its
 * times (resource timing: fetch and import alike), leaving out what every
 * page loads (the browser asks for the favicon again as the URL changes).
 */
const bytesBetween = (from: number, to: number, baseline: Set<string>) => `performance.getEntriesByType('resource')
  .filter((e) => e.startTime >= ${from} && e.startTime <= ${to} && !${JSON.stringify([...baseline])}.includes(new URL(e.name).pathname))
  .reduce((sum, e) => sum + e.encodedBodySize, 0)`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Types the query key by key ('type') or sets it in one input event ('paste'),
 * waits for the results to settle, and returns the time from the last
 * keystroke (or the input event) to the first frame showing, after it, the
 * first result the query finally shows. (While typing, a result for the query
 * so far may be the final one already: the reader sees it then.)
 */
async function queryAndTime(
  page: import('playwright-core').Page,
  query: string,
  mode: 'type' | 'paste' = 'type',
  delay: number = TYPING_MS.fast,
  baseline = new Set<string>(),
): Promise<{ ms: number | null; note?: string; bytesToResult?: number }> {
  const input = page.locator(SEARCH_INPUT).first();
  await page.evaluate('window.__bench.focusAt = performance.now()');
  // Focus and type at once: no pause before the first key.
  await input.click();
  if (mode === 'type') await input.pressSequentially(query, { delay });
  else await input.fill(query);
  const read = () => page.evaluate('JSON.stringify(window.__bench)').then((j) => JSON.parse(j as string) as ProbeState);
  const after = (st: ProbeState) => st.shown.filter((x) => (mode === 'type' ? x.keys === st.keys : x.inputs === st.inputs));
  const started = performance.now();
  let st = await read();
  let seen = -1;
  let quietSince = performance.now();
  // Settled: a result after the last keystroke, and no new change for 400 ms.
  while (performance.now() - started < RESULT_TIMEOUT_MS) {
    if (st.shown.length !== seen) {
      seen = st.shown.length;
      quietSince = performance.now();
    }
    if (after(st).length && performance.now() - quietSince > 400) break;
    await sleep(25);
    st = await read();
  }
  const events = after(st);
  const from = mode === 'type' ? st.lastKey : st.lastInput;
  if (!events.length) {
    const count = await page.evaluate(`document.querySelectorAll(${JSON.stringify(SEARCH_RESULT)}).length`).catch(() => '?');
    return {
      ms: null,
      note: `no result shown within ${RESULT_TIMEOUT_MS} ms of the last ${mode === 'type' ? 'keystroke' : 'input'} (${count} on the page): ${JSON.stringify(st).slice(0, 800)}`,
    };
  }
  const final = events.at(-1)!.first;
  const hit = events.find((x) => x.first === final)!;
  const bytesToResult = (await page.evaluate(bytesBetween(st.focusAt, hit.t, baseline))) as number;
  return { ms: hit.t - from, bytesToResult };
}

async function clearInput(page: import('playwright-core').Page) {
  const input = page.locator(SEARCH_INPUT).first();
  await input.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.waitForTimeout(400);
}

/** Paths every page loads (from the home page), so they do not count as search's. */
export async function baselinePaths(browser: Browser, server: BenchServer): Promise<string[]> {
  const context = await browser.newContext();
  const log = new NetworkLog(context, server.url.replace(/\/$/, ''));
  const page = await context.newPage();
  await page.goto(server.url, { waitUntil: 'load' });
  await log.idle();
  await context.close();
  return log.records.filter((r) => r.kind !== 'html').map((r) => r.path.split('?')[0]);
}

const searchBytes = (records: RequestRecord[], baseline: Set<string>) =>
  records.filter((r) => r.kind !== 'html' && !baseline.has(r.path.split('?')[0]));

const failedRun = (error: unknown): QueryRun => ({
  ms: null,
  note: `the run failed: ${String((error as Error)?.message ?? error).split('\n')[0]}`,
  bytes: NaN,
  requests: NaN,
  parts: Object.fromEntries(PARTS.map((k) => [k, NaN])),
});

/** The search page in a fresh tab of `context`, with the result probe and a network log, settled. */
async function openSearchPage(context: BrowserContext, server: BenchServer) {
  await context.addInitScript(PROBE(SEARCH_RESULT));
  const log = new NetworkLog(context, server.url.replace(/\/$/, ''));
  const page = await context.newPage();
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  await page.goto(new URL('search/', server.url).href, { waitUntil: 'load' });
  await log.idle(300);
  return { page, log };
}

async function firstQueryRun(browser: Browser, server: BenchServer, query: string, baseline: Set<string>, delay: number): Promise<QueryRun> {
  const context = await browser.newContext();
  try {
    const { page, log } = await openSearchPage(context, server);
    // The search code the search page loads with itself counts too, as if fetched on focus.
    const withPage = total(searchBytes(log.records, baseline));
    const { ms, note, bytesToResult } = await queryAndTime(page, query, 'type', delay, baseline);
    await log.idle(500).catch(() => undefined);
    const fetched = searchBytes(log.records, baseline);
    return { ms, note, bytesToResult: bytesToResult === undefined ? undefined : withPage + bytesToResult, bytes: total(fetched), requests: fetched.length, parts: parts(fetched) };
  } catch (error) {
    return failedRun(error);
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** One visit: each query typed after the previous one; what each fetched on its own. */
async function laterQueriesRun(browser: Browser, server: BenchServer, queries: string[], warmup: string): Promise<Map<string, QueryRun>> {
  const context = await browser.newContext();
  const out = new Map<string, QueryRun>();
  try {
    const { page, log } = await openSearchPage(context, server);
    await queryAndTime(page, warmup);
    await log.idle(300).catch(() => undefined);
    for (const q of queries) {
      try {
        await clearInput(page);
        await log.idle(200).catch(() => undefined);
        const from = log.records.length;
        const { ms, note } = await queryAndTime(page, q);
        await log.idle(500).catch(() => undefined);
        const fetched = log.since(from).filter((r) => r.kind !== 'html' && r.kind !== 'images');
        // The same query again, in one input event (as pasted): no keystrokes before it to show an earlier result.
        await clearInput(page);
        const pasted = await queryAndTime(page, q, 'paste');
        out.set(q, { ms, note: note ?? pasted.note, pastedMs: pasted.ms, bytes: total(fetched), requests: fetched.length, parts: parts(fetched) });
      } catch (error) {
        out.set(q, failedRun(error));
      }
    }
  } catch (error) {
    for (const q of queries) if (!out.has(q)) out.set(q, failedRun(error));
  } finally {
    await context.close().catch(() => undefined);
  }
  return out;
}

/** Pagefind alone: search() and the first result's data(), after init, per query (ms, median of the runs). */
async function engineRun(browser: Browser, server: BenchServer, queries: string[]): Promise<Map<string, number | null>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL('search/', server.url).href, { waitUntil: 'load' });
  const times = (await page.evaluate(`(async () => {
    const pf = await import(${JSON.stringify(new URL('pagefind/pagefind.js', server.url).href)});
    if (pf.options) await pf.options({ excerptLength: 30 });
    await pf.init();
    const out = {};
    for (const q of ${JSON.stringify(queries)}) {
      await pf.search('zzzz-warm');
      const t = performance.now();
      const r = await pf.search(q);
      if (r.results[0]) await r.results[0].data();
      out[q] = r.results.length ? performance.now() - t : null;
    }
    return out;
  })()`)) as Record<string, number | null>;
  await context.close();
  return new Map(Object.entries(times));
}

export async function benchSearch(
  browser: Browser,
  server: BenchServer,
  { runs = 5, queries = QUERIES, log = (_: string) => {} } = {},
): Promise<SearchBench> {
  const baseline = await baselinePaths(browser, server);
  const base = new Set(baseline);
  const results: QueryResult[] = [];
  const laterRuns: Map<string, QueryRun>[] = [];
  const engineRuns: Map<string, number | null>[] = [];
  for (let i = 0; i < runs; i++) {
    // A different warm-up query than any measured one, so each measured query fetches its own chunks.
    laterRuns.push(await laterQueriesRun(browser, server, queries, 'Moscow'));
    engineRuns.push(await engineRun(browser, server, queries).catch(() => new Map()));
  }
  for (const query of queries) {
    const first: QueryRun[] = [];
    const slow: QueryRun[] = [];
    for (let i = 0; i < runs; i++) {
      first.push(await firstQueryRun(browser, server, query, base, TYPING_MS.fast));
      slow.push(await firstQueryRun(browser, server, query, base, TYPING_MS.slow));
    }
    const later = laterRuns.map((m) => m.get(query)!).filter(Boolean);
    // Median of the runs that showed a result; a run that showed none is reported in its `note`.
    const msOf = (rs: QueryRun[]) => (rs.every((r) => r.ms === null) ? null : median(rs.filter((r) => r.ms !== null).map((r) => r.ms!)));
    const engine = engineRuns.map((m) => m.get(query)).filter((x): x is number => typeof x === 'number');
    const toResult = (rs: QueryRun[]) => median(rs.filter((r) => r.ms !== null).map((r) => r.bytesToResult ?? NaN));
    const r: QueryResult = {
      query,
      first: {
        ms: msOf(first),
        misses: first.filter((r) => r.ms === null).length,
        bytes: median(first.map((r) => r.bytes)),
        bytesToResult: toResult(first),
        requests: median(first.map((r) => r.requests)),
        parts: Object.fromEntries(PARTS.map((k) => [k, median(first.map((r) => r.parts[k]))])),
        runs: first,
      },
      firstSlow: { ms: msOf(slow), misses: slow.filter((r) => r.ms === null).length, bytesToResult: toResult(slow), runs: slow },
      later: {
        ms: msOf(later),
        misses: later.filter((r) => r.ms === null).length,
        bytes: median(later.map((r) => r.bytes)),
        pastedMs: later.some((r) => typeof r.pastedMs === 'number') ? median(later.filter((r) => typeof r.pastedMs === 'number').map((r) => r.pastedMs!)) : null,
        runs: later,
      },
      engineMs: engine.length ? median(engine) : null,
    };
    results.push(r);
    log(`  search “${query}”: first ${fmtRuns(r.first)} (slow ${fmtRuns(r.firstSlow)}) ${r.first.bytesToResult} B to result, ${r.first.bytes} B in all · later ${fmtRuns(r.later)} ${r.later.bytes} B · pasted ${fmtMs(r.later.pastedMs)} · engine ${fmtMs(r.engineMs)}`);
  }
  const all = <T>(f: (q: QueryResult) => T) => results.map(f);
  const anyNull = (xs: (number | null)[]) => xs.some((x) => x === null);
  const firstMs = all((q) => q.first.ms);
  const slowMs = all((q) => q.firstSlow.ms);
  const toResult = all((q) => Math.max(q.first.bytesToResult, q.firstSlow.bytesToResult));
  const laterMs = all((q) => q.later.ms);
  const engineMs = all((q) => q.engineMs);
  return {
    resultSelector: SEARCH_RESULT,
    inputSelector: SEARCH_INPUT,
    queries: results,
    baseline,
    medianFirstMs: anyNull(firstMs) ? null : median(firstMs as number[]),
    worstFirstMs: anyNull(firstMs) ? null : Math.max(...(firstMs as number[])),
    medianFirstSlowMs: anyNull(slowMs) ? null : median(slowMs as number[]),
    worstFirstSlowMs: anyNull(slowMs) ? null : Math.max(...(slowMs as number[])),
    maxFirstBytesToResult: Math.max(...toResult),
    medianFirstBytesToResult: median(toResult),
    medianLaterMs: anyNull(laterMs) ? null : median(laterMs as number[]),
    medianFirstBytes: median(all((q) => q.first.bytes)),
    maxFirstBytes: Math.max(...all((q) => q.first.bytes).filter(Number.isFinite)),
    medianEngineLoadBytes: median(all((q) => engineBytes(q.first.parts))),
    medianFirstOwnBytes: median(all((q) => ownBytes(q.first.parts))),
    medianFirstLookupBytes: median(all((q) => lookupBytes(q.first.parts))),
    medianLaterLookupBytes: median(all((q) => median(q.later.runs.map((r) => lookupBytes(r.parts))))),
    medianLaterBytes: median(all((q) => q.later.bytes)),
    medianEngineMs: anyNull(engineMs) ? null : median(engineMs as number[]),
    medianPastedMs: anyNull(all((q) => q.later.pastedMs)) ? null : median(all((q) => q.later.pastedMs) as number[]),
  };
}

/** "181 ms", or "181 ms (1 of 5 showed no result)". */
export const fmtRuns = (x: { ms: number | null; misses: number; runs: unknown[] }) =>
  `${fmtMs(x.ms)}${x.misses ? ` (${x.misses}/${x.runs.length} no result)` : ''}`;

export const fmtMs = (ms: number | null | undefined) => (ms === null || ms === undefined || Number.isNaN(ms) ? '—' : `${Math.round(ms)} ms`);
