// The site hosted under a sub-path (the variant build, variant.ts): built with SITE_BASE=/edition/, every
// link, asset and script reference carries the base and resolves to a file
// of the build; in Chromium, served under /edition/ only, search finds pages
// and links to them under the base, and the article page loads its script
// and stylesheet with no failed request. One article of the variant has an
// image, which Astro must import and serve under the base like any asset.
import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { filesUnder } from '../support/files.ts';
import { serveStatic } from '../support/server.ts';
import { htmlPages, parsePage, readPage } from '../support/site-files.ts';
import { BASE, IMAGE } from './variant.ts';

const out = inject('variant').dist;
const pages = new Map<string, Root>();
for (const file of htmlPages(out)) pages.set(file, parsePage(readPage(out, file)));

/** The site's own origin, from any absolute URL it publishes about itself (canonical, og:url, sitemap). */
function siteOrigin(): string | undefined {
  for (const tree of pages.values()) {
    const canonical = selectAll('link[rel~="canonical"], meta[property="og:url"]', tree)[0];
    const value = canonical && String(canonical.properties.href ?? canonical.properties.content ?? '');
    if (value && /^https?:\/\//.test(value)) return new URL(value).origin;
  }
  const sitemap = path.join(out, 'sitemap-0.xml');
  const loc = fs.existsSync(sitemap) && /<loc>(https?:\/\/[^<]+)<\/loc>/.exec(fs.readFileSync(sitemap, 'utf8'));
  return loc ? new URL(loc[1]).origin : undefined;
}

/** The file a site path serves, or undefined when there is none. */
function fileFor(sitePath: string): string | undefined {
  const rel = decodeURIComponent(sitePath.slice(BASE.length));
  const full = path.join(out, rel);
  for (const candidate of [full, path.join(full, 'index.html')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function jsonStrings(value: unknown, key = ''): { key: string; value: string }[] {
  if (typeof value === 'string') return [{ key, value }];
  if (Array.isArray(value)) return value.flatMap((v) => jsonStrings(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => jsonStrings(v, k));
  return [];
}

function idsOf(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (n: Element) => {
    if (typeof n.properties.id === 'string') ids.add(n.properties.id);
  });
  return ids;
}

/** Check one URL found in `where`; returns a problem or null. */
function problemWith(value: string, where: string, origin: string | undefined, pageTree?: Root): string | null {
  let url = value.trim();
  if (url.startsWith('#')) {
    const id = decodeURIComponent(url.slice(1));
    if (!id || id.startsWith(':~:') || !pageTree) return null;
    return idsOf(pageTree).has(id) ? null : `${where}: “${value}” points to no element on the page`;
  }
  if (origin && url.startsWith(origin)) url = url.slice(origin.length) || '/';
  else if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null; // external, mailto:, data:
  if (!url.startsWith('/')) return null; // relative: resolved by the browser against the page, checked in Chromium
  if (!url.startsWith(BASE)) return `${where}: “${value}” does not start with ${BASE}`;
  const [pathPart, hash] = url.split('#');
  const sitePath = pathPart.split('?')[0];
  const file = fileFor(sitePath);
  if (!file) return `${where}: “${value}” resolves to no file of the build`;
  if (hash && file.endsWith('.html')) {
    const target = pages.get(path.relative(out, file).split(path.sep).join('/'));
    if (target && !idsOf(target).has(decodeURIComponent(hash))) return `${where}: “${value}”: no element #${hash} on that page`;
  }
  return null;
}

describe(`the site built under ${BASE}`, () => {
  it('has every link, asset and script reference under the base, each resolving to a file of the build', () => {
    const origin = siteOrigin();
    const problems: string[] = [];
    let checked = 0;
    for (const [file, tree] of pages) {
      visit(tree, 'element', (node: Element) => {
        for (const [name, raw] of Object.entries(node.properties)) {
          const values = Array.isArray(raw) ? raw.map(String) : [String(raw)];
          for (const value of values) {
            const urls =
              name === 'srcSet' ? value.split(',').map((s) => s.trim().split(/\s+/)[0]) : name === 'style' ? [...value.matchAll(/url\(["']?([^"')]+)/g)].map((m) => m[1]) : [value];
            for (const url of urls) {
              // Anything that looks like a site path or a URL on this site, whatever the attribute (href, src, action, bundle-path, content…).
              const isUrl = url.startsWith('/') || (origin !== undefined && url.startsWith(origin)) || (url.startsWith('#') && (name === 'href' || name === 'xLinkHref'));
              if (!isUrl) continue;
              checked++;
              const problem = problemWith(url, `${file} <${node.tagName} ${name}>`, origin, tree);
              if (problem) problems.push(problem);
            }
          }
        }
      });
      // JSON-LD: URLs carry the base and lead to pages; "@id"s are identifiers (their #fragment names no element).
      for (const script of selectAll('script[type="application/ld+json"]', tree)) {
        const text = script.children.map((c) => ('value' in c ? c.value : '')).join('');
        for (const { key, value } of jsonStrings(JSON.parse(text))) {
          if (!value.startsWith('/') && !(origin && value.startsWith(origin))) continue;
          checked++;
          const problem = problemWith(value.split('#')[0], `${file} JSON-LD ${key}`, origin);
          if (problem) problems.push(problem);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('links names to their entries under the base, in the markup the reading script expects', () => {
    const names = selectAll('a.name', pages.get('articles/minsk-last-chance/index.html')!);
    expect(names.length).toBeGreaterThan(30);
    for (const a of names) expect(a.properties.href).toBe(`${BASE}glossary/${a.properties.dataEntry}/`);
    const listed = selectAll('.names-list a[data-entry]', pages.get('articles/minsk-last-chance/index.html')!);
    for (const a of listed) expect(a.properties.href).toBe(`${BASE}glossary/${a.properties.dataEntry}/`);
    expect(readPage(out, 'articles/minsk-last-chance/index.html')).toMatch(/<a class="name" href="\/edition\/glossary\/moscow\/" data-entry="moscow">Moscow’s<\/a>/);
  });

  it('imports an article’s image as an asset under the base (src/plugins/prerender.ts leaves it to Astro)', () => {
    const page = pages.get('articles/minsk-last-chance/index.html')!;
    const srcs = selectAll('img', page).map((img) => String(img.properties.src));
    expect(srcs).toHaveLength(1);
    expect(srcs[0]).toMatch(new RegExp(`^${BASE}_astro/${IMAGE}\\.[\\w-]+\\.svg$`));
    expect(fileFor(srcs[0])).toBeTruthy();
  });

  it('has stylesheets, scripts, feeds and data files that name only paths under the base', () => {
    const origin = siteOrigin();
    const problems: string[] = [];
    const walk = (dir: string) => filesUnder(dir, (name) => name === 'pagefind').map((f) => path.join(dir, f));
    for (const full of walk(out)) {
      const rel = path.relative(out, full);
      const text = /\.(css|js|mjs|xml|json|txt|webmanifest)$/.test(full) ? fs.readFileSync(full, 'utf8') : '';
      if (full.endsWith('.css')) {
        for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
          const url = m[1];
          if (url.startsWith('data:') || url.startsWith('#')) continue;
          if (url.startsWith('/')) {
            const problem = problemWith(url, rel, origin);
            if (problem) problems.push(problem);
          } else if (!/^[a-z]+:/i.test(url) && !fs.existsSync(path.join(path.dirname(full), url.split(/[?#]/)[0]))) {
            problems.push(`${rel}: url(${url}) resolves to no file`);
          }
        }
      }
      if (/\.m?js$/.test(full)) {
        // A root-relative path to our own folders in a bundle would ignore the base.
        for (const m of text.matchAll(/["'`](\/(?:_astro|pagefind|glossary|articles|search)\/[^"'`]*)["'`]/g)) problems.push(`${rel}: “${m[1]}” ignores the base`);
      }
      if (/\.(xml|json|txt|webmanifest)$/.test(full)) {
        for (const m of text.matchAll(/(?:"|>|:\s)(\/[\w./-]*\/|https?:\/\/[^"<\s]+)/g)) {
          const problem = problemWith(m[1], rel, origin);
          if (problem) problems.push(problem);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  describe('in Chromium, served only under the base', () => {
    let server: Awaited<ReturnType<typeof serveStatic>>;
    let browser: Awaited<ReturnType<typeof launchBrowser>>;
    beforeAll(async () => {
      server = await serveStatic(out, BASE);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    async function openPage(sitePath: string) {
      const page = await browser.newPage();
      const failures: string[] = [];
      page.on('requestfailed', (r) => failures.push(`${r.url()} (${r.failure()?.errorText})`));
      page.on('response', (r) => {
        if (r.status() >= 400) failures.push(`${r.url()} (${r.status()})`);
      });
      page.on('pageerror', (e) => failures.push(`script error: ${e.message}`));
      await page.goto(new URL(sitePath, server.url).href, { waitUntil: 'networkidle' });
      return { page, failures };
    }

    it('search finds pages and links to them under the base', async () => {
      const { page, failures } = await openPage('search/?q=Minsk');
      const results = page.locator('[data-search-ui] a[href]');
      await expect.poll(() => page.locator('[data-search-ui] a[href*="articles/"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const hrefs = await results.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href, href).toMatch(new RegExp(`^${BASE}`));
      expect(hrefs).toEqual(expect.arrayContaining([`${BASE}articles/minsk-last-chance/`, `${BASE}glossary/minsk-agreements/`]));
      // Every result opens a page of the site.
      for (const href of new Set(hrefs)) {
        const response = await page.request.get(new URL(href, server.url).href);
        expect(response.status(), href).toBe(200);
      }
      expect(failures).toEqual([]);
      await page.close();
    });

    it('the article page loads its scripts and stylesheet, with no failed request', async () => {
      const { page, failures } = await openPage('articles/minsk-last-chance/');
      const assets = await page.evaluate(`(() => ({
        scripts: [...document.querySelectorAll('script[src]')].map((s) => s.src),
        sheets: [...document.styleSheets].map((s) => ({ href: s.href, rules: s.cssRules.length })),
      }))()`) as { scripts: string[]; sheets: { href: string | null; rules: number }[] };
      const linked = assets.sheets.filter((s) => s.href);
      expect(linked.length).toBeGreaterThan(0);
      for (const s of linked) {
        expect(new URL(s.href!).pathname).toMatch(new RegExp(`^${BASE}`));
        expect(s.rules, s.href!).toBeGreaterThan(0);
      }
      for (const src of assets.scripts) expect(new URL(src).pathname).toMatch(new RegExp(`^${BASE}`));
      // The preview script ran under the base: a name's preview fetched its fragment there.
      await page.locator('.article-body a.name').first().hover();
      const link = page.locator('.popover a[href*="glossary/"]').first();
      await link.waitFor();
      expect(new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toMatch(new RegExp(`^${BASE}glossary/`));
      expect(failures).toEqual([]);
      await page.close();
    });
  });
});
