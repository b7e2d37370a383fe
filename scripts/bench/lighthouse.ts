// Lighthouse performance (its default: mobile, simulated Slow 4G and 4× CPU
// slowdown), run programmatically against the local compressing server with
// the system Chromium. If it cannot run here, the reason is returned.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { RunnerResult } from 'lighthouse';
type Result = RunnerResult['lhr'];
import { CHROME_ARGS, CHROME_PATH } from '../../tests/support/browser.ts';
import { median } from './project.ts';

export const CHROME_FLAGS = CHROME_ARGS;

const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
} as const;

export interface LighthouseResult {
  type: string;
  path: string;
  /** Median performance score, 0–100, over the runs. */
  score: number;
  scores: number[];
  /** Median of each metric (ms; CLS unitless). */
  metrics: Record<keyof typeof METRICS, number>;
  /** Opportunities and diagnostics that cost score, from the median run. */
  notes: string[];
}

export type LighthouseBench = { ok: true; formFactor: string; runs: number; pages: LighthouseResult[] } | { ok: false; reason: string };

export async function benchLighthouse(
  pages: { type: string; url: string; path: string }[],
  { runs = 3, log = (_: string) => {} } = {},
): Promise<LighthouseBench> {
  let chrome: chromeLauncher.LaunchedChrome;
  try {
    chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  } catch (error) {
    return { ok: false, reason: `could not launch Chromium for Lighthouse (${CHROME_PATH}): ${(error as Error).message}` };
  }
  const out: LighthouseResult[] = [];
  let formFactor = 'mobile';
  try {
    for (const p of pages) {
      const lhrs: Result[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(p.url, { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: ['performance'] });
        if (!result) throw new Error(`no result for ${p.url}`);
        const lhr = result.lhr;
        if (lhr.runtimeError) throw new Error(`${p.url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        formFactor = lhr.configSettings.formFactor;
        lhrs.push(lhr);
      }
      const scores = lhrs.map((l) => Math.round((l.categories.performance.score ?? 0) * 100));
      const score = median(scores);
      const metrics = Object.fromEntries(
        Object.entries(METRICS).map(([k, id]) => [k, median(lhrs.map((l) => l.audits[id]?.numericValue ?? NaN))]),
      ) as LighthouseResult['metrics'];
      const mid = lhrs[scores.indexOf([...scores].sort((a, b) => a - b)[scores.length >> 1])] ?? lhrs[0];
      const notes = Object.values(mid.audits)
        .filter((a) => a.score !== null && a.score < 0.9 && (a.details?.type === 'opportunity' || a.scoreDisplayMode === 'metricSavings'))
        .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
      out.push({ type: p.type, path: p.path, score, scores, metrics, notes });
      log(`  lighthouse ${p.type}: ${score} [${scores.join(', ')}] LCP ${Math.round(metrics.lcp)} ms TBT ${Math.round(metrics.tbt)} ms`);
    }
  } catch (error) {
    return { ok: false, reason: `Lighthouse failed: ${(error as Error).message}` };
  } finally {
    chrome.kill();
  }
  return { ok: true, formFactor, runs, pages: out };
}
