// Lighthouse (mobile) in the system Chromium: accessibility, best practices and
// SEO score 100, and nothing shifts as it loads (the CLS audit alone, not the
// whole performance category, which `npm run bench` measures). On the page
// types that differ most in what Lighthouse audits: the longest text with its
// notes, the scripted search page, the map's graphics, the timeline's many
// links. The rest is covered on every page type by axe (a11y.test.ts), the
// tap targets and layout-shift tests (reading.test.ts), html-validate, and the
// markup Lighthouse's SEO audits read (tests/build/editorial.test.ts).
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

describe('lighthouse', () => {
  for (const name of LIGHTHOUSE_PAGES) {
    const path = PAGE_TYPES[name];
    it(`${name} page: accessibility, best practices and SEO are 100, and no layout shift`, async () => {
      const result = await lighthouse(new URL(path, site).href, {
        port: chrome.port,
        logLevel: 'error',
        onlyCategories: CATEGORIES,
        onlyAudits: ['cumulative-layout-shift'],
        formFactor: 'mobile',
        screenEmulation: PHONE,
      });
      const lhr = result!.lhr;
      expect(lhr.runtimeError).toBeUndefined();
      const failing: string[] = [];
      for (const id of CATEGORIES) {
        const category = lhr.categories[id];
        if (category.score === 1) continue;
        for (const ref of category.auditRefs) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push(`${id}: ${ref.id} — ${audit.title}`);
        }
      }
      expect(failing).toEqual([]);
      expect(lhr.configSettings.screenEmulation.width).toBe(PHONE.width);
      const cls = lhr.audits['cumulative-layout-shift'];
      expect(cls.numericValue, cls.errorMessage).toBe(0);
      expect(Object.fromEntries(CATEGORIES.map((id) => [id, lhr.categories[id].score]))).toEqual(
        Object.fromEntries(CATEGORIES.map((id) => [id, 1])),
      );
    }, 90_000);
  }
});
