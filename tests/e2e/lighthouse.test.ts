// Lighthouse (mobile, 375 px) in the system Chromium. Accessibility, best
// practices and SEO score 100, and nothing shifts as the page loads (the CLS
// audit alone, not the whole performance category, which `npm run bench`
// measures), on the page types that differ most in what those audit: the
// longest text with its notes, the scripted search page, the map's graphics,
// the timeline's many links. The rest is covered on every page type by axe
// (a11y.test.ts), the tap targets test (reading.test.ts), html-validate, and
// the markup Lighthouse's SEO audits read (tests/build/editorial.test.ts); the
// layout shift of every page type, as this audit reads it, in layout.test.ts.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROME_ARGS, CHROME_PATH } from '../support/browser.ts';
import { PAGE_TYPES } from './page-types.ts';

const site = inject('siteUrl');
const CATEGORIES = ['accessibility', 'best-practices', 'seo'];
const LIGHTHOUSE_PAGES = ['article', 'search', 'map', 'timeline'];
// The mobile default, at the narrowest phone width the edition is laid out for.
const PHONE = { mobile: true, width: 375, height: 812, deviceScaleFactor: 2, disabled: false };
let chrome: chromeLauncher.LaunchedChrome;

beforeAll(async () => {
  chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_ARGS, logLevel: 'silent' });
});
afterAll(() => {
  chrome?.kill();
});

/** Lighthouse on a page at 375 px: the categories asked for, and the layout shift, which must be 0. */
async function audit(path: string, categories: string[]) {
  const result = await lighthouse(new URL(path, site).href, {
    port: chrome.port,
    logLevel: 'error',
    onlyCategories: categories,
    onlyAudits: ['cumulative-layout-shift'],
    formFactor: 'mobile',
    // The full-page screenshot only illustrates a report; no score read here depends on it.
    disableFullPageScreenshot: true,
    screenEmulation: PHONE,
  });
  const lhr = result!.lhr;
  expect(lhr.runtimeError).toBeUndefined();
  expect(lhr.configSettings.screenEmulation.width).toBe(PHONE.width);
  const cls = lhr.audits['cumulative-layout-shift'];
  expect(cls.numericValue, cls.errorMessage).toBe(0);
  return lhr;
}

describe('lighthouse', () => {
  for (const name of LIGHTHOUSE_PAGES) {
    const path = PAGE_TYPES[name];
    it(`${name} page: accessibility, best practices and SEO are 100, and no layout shift`, async () => {
      const lhr = await audit(path, CATEGORIES);
      const failing: string[] = [];
      for (const id of CATEGORIES) {
        const category = lhr.categories[id];
        if (category.score === 1) continue;
        for (const ref of category.auditRefs) {
          const a = lhr.audits[ref.id];
          if (ref.weight > 0 && a.score !== null && a.score < 1) failing.push(`${id}: ${ref.id} — ${a.title}`);
        }
      }
      expect(failing).toEqual([]);
      expect(Object.fromEntries(CATEGORIES.map((id) => [id, lhr.categories[id].score]))).toEqual(
        Object.fromEntries(CATEGORIES.map((id) => [id, 1])),
      );
    }, 180_000);
  }
});
