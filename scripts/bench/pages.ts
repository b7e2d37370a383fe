// What a reader's browser fetches for each page type, measured in Chromium:
// gzip-compressed body bytes by kind and the number of requests, from a cold
// cache, until the network has been idle for half a second. Plus what JS the
// page needs before its text can be read, and each article's floor.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Browser, BrowserContext, Request } from 'playwright-core';
import type { StaticServer as BenchServer } from '../../tests/support/server.ts';

export type Kind = 'html' | 'css' | 'js' | 'fonts' | 'images' | 'other';
export const KINDS: Kind[] = ['html', 'css', 'js', 'fonts', 'images', 'other'];

export interface RequestRecord {
  path: string;
  kind: Kind;
  status: number;
  /** Body bytes as transferred (gzip where the server compressed). */
  bytes: number;
  /** Where `bytes` came from: the browser's network stack, or Content-Length when it reported 0 (worker scripts). */
  source: 'network' | 'content-length';
}

/** Collects every request of a context with its transfer size; `idle()` waits for a quiet network. */
export class NetworkLog {
  records: RequestRecord[] = [];
  private pending = new Set<Promise<void>>();
  private inflight = 0;
  private lastChange = performance.now();

  constructor(context: BrowserContext, private siteUrl: string) {
    context.on('request', () => {
      this.inflight++;
      this.lastChange = performance.now();
    });
    const done = (request: Request, failed: boolean) => {
      const p = this.record(request, failed).finally(() => {
        this.inflight--;
        this.lastChange = performance.now();
        this.pending.delete(p);
      });
      this.pending.add(p);
    };
    context.on('requestfinished', (r) => done(r, false));
    context.on('requestfailed', (r) => done(r, true));
  }

  private async record(request: Request, failed: boolean) {
    const url = request.url();
    if (!url.startsWith('http')) return;
    const response = failed ? null : await request.response().catch(() => null);
    const sizes = failed ? null : await request.sizes().catch(() => null);
    let bytes = sizes?.responseBodySize ?? 0;
    let source: RequestRecord['source'] = 'network';
    const length = Number((await response?.allHeaders().catch(() => ({}) as Record<string, string>))?.['content-length'] ?? 0);
    if (!bytes && length) {
      bytes = length;
      source = 'content-length';
    }
    const type = (await response?.headerValue('content-type').catch(() => null)) ?? '';
    this.records.push({
      path: url.startsWith(this.siteUrl) ? url.slice(this.siteUrl.length) : url,
      kind: kindOf(request.resourceType(), type),
      status: response?.status() ?? 0,
      bytes,
      source,
    });
  }

  /** Resolves once no request has been in flight for `quietMs`. */
  async idle(quietMs = 500, timeoutMs = 15_000) {
    const start = performance.now();
    for (;;) {
      await Promise.all([...this.pending]);
      if (this.inflight <= 0 && performance.now() - this.lastChange >= quietMs) return;
      if (performance.now() - start > timeoutMs) throw new Error(`network not idle after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Records from index `from` on (what a later action fetched). */
  since(from: number) {
    return this.records.slice(from);
  }
}

export function kindOf(resourceType: string, contentType: string): Kind {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet' || contentType.startsWith('text/css')) return 'css';
  if (resourceType === 'script' || /javascript/.test(contentType)) return 'js';
  if (resourceType === 'font' || contentType.startsWith('font/')) return 'fonts';
  if (resourceType === 'image' || contentType.startsWith('image/')) return 'images';
  return 'other';
}

export function byKind(records: RequestRecord[]): Record<Kind, number> {
  const out = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  for (const r of records) out[r.kind] += r.bytes;
  return out;
}

export const total = (records: RequestRecord[]) => records.reduce((n, r) => n + r.bytes, 0);

export interface PageMeasure {
  type: string;
  path: string;
  requests: number;
  bytes: Record<Kind, number> & { total: number };
  /** Bytes the server says it sent for the same load (cross-check of the browser's counts). */
  serverBytes: number;
  files: RequestRecord[];
  renderBlockingJs: { count: number; bytes: number; scripts: string[] };
  /** Share of the page's text (in <main>) a reader gets with JavaScript off. */
  textWithoutJs: number;
  /** Bytes of JS a reader must run before the text can be read: render-blocking JS, or all JS if the text needs it. */
  jsToRead: number;
  /** Share of the CSS and JS (uncompressed) that the loaded page used, from Chromium's coverage. */
  cssUsed: number | null;
  jsUsed: number | null;
}

export async function measurePage(browser: Browser, server: BenchServer, type: string, sitePath: string): Promise<PageMeasure> {
  const context = await browser.newContext();
  const log = new NetworkLog(context, server.url.replace(/\/$/, ''));
  const page = await context.newPage();
  await page.coverage.startCSSCoverage();
  await page.coverage.startJSCoverage({ reportAnonymousScripts: false });
  server.reset();
  const response = await page.goto(new URL(sitePath, server.url).href, { waitUntil: 'load' });
  if (!response || response.status() !== 200) throw new Error(`${sitePath}: HTTP ${response?.status()}`);
  await log.idle();
  const css = await page.coverage.stopCSSCoverage();
  const js = await page.coverage.stopJSCoverage();
  const cssTotal = css.reduce((n, e) => n + (e.text?.length ?? 0), 0);
  const cssUsedChars = css.reduce((n, e) => n + e.ranges.reduce((k, r) => k + r.end - r.start, 0), 0);
  // JS block coverage: nested ranges, the innermost one giving the count. Paint outer to inner, count what ran.
  let jsTotal = 0;
  let jsUnused = 0;
  for (const e of js) {
    if (!e.url.startsWith('http') || !e.source) continue;
    const ran = new Uint8Array(e.source.length);
    const ranges = e.functions.flatMap((f) => f.ranges).sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
    for (const r of ranges) ran.fill(r.count > 0 ? 1 : 0, r.startOffset, Math.min(r.endOffset, ran.length));
    jsTotal += ran.length;
    jsUnused += ran.length - ran.reduce((n, x) => n + x, 0);
  }
  const html = await response.text();
  const withJs = await mainText(page);
  await context.close();
  const serverBytes = server.log.reduce((n, r) => n + r.bytes, 0);

  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plainPage = await noJs.newPage();
  await plainPage.goto(new URL(sitePath, server.url).href, { waitUntil: 'load' });
  const withoutJs = await mainText(plainPage);
  await noJs.close();

  const files = log.records;
  const blocking = renderBlockingScripts(html);
  const blockingBytes = blocking.reduce((n, s) => {
    if (s.inline !== undefined) return n + zlib.gzipSync(s.inline).length;
    const file = files.find((f) => f.path.split('?')[0] === new URL(s.src!, new URL(sitePath, server.url)).pathname);
    return n + (file?.bytes ?? 0);
  }, 0);
  const bytes = { ...byKind(files), total: total(files) };
  // The text a reader should get: what shows with JS on and is in the page as served
  // (so text that scripts add, or copy into popovers, does not count).
  const served = servedMainText(html);
  const textWithoutJs = coverage(withoutJs, intersect(words(withJs), words(served)));
  return {
    type,
    path: sitePath,
    requests: files.length,
    bytes,
    serverBytes,
    files,
    renderBlockingJs: { count: blocking.length, bytes: blockingBytes, scripts: blocking.map((s) => s.src ?? '(inline)') },
    textWithoutJs,
    jsToRead: blockingBytes + (textWithoutJs >= 0.98 ? 0 : bytes.js),
    cssUsed: cssTotal ? cssUsedChars / cssTotal : null,
    jsUsed: jsTotal ? Math.max(0, 1 - jsUnused / jsTotal) : null,
  };
}

async function mainText(page: import('playwright-core').Page): Promise<string> {
  return page.evaluate(`(document.querySelector('main') ?? document.body).innerText`) as Promise<string>;
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Multiset intersection of two word lists. */
function intersect(a: string[], b: string[]): string[] {
  const have = new Map<string, number>();
  for (const w of b) have.set(w, (have.get(w) ?? 0) + 1);
  return a.filter((w) => {
    const n = have.get(w) ?? 0;
    if (n) have.set(w, n - 1);
    return n > 0;
  });
}

/** Share of the words `need` (a multiset) that `text` shows. */
function coverage(text: string, need: string[]): number {
  return need.length ? intersect(need, words(text)).length / need.length : 1;
}

/** Text of <main> as served, without scripts, styles, templates and noscript fallbacks. */
function servedMainText(html: string): string {
  const tree = fromHtml(html);
  const main = select('main', tree) ?? select('body', tree);
  if (!main) return '';
  for (const el of selectAll('script, style, template, noscript', main)) el.children = [];
  return toString(main);
}

/** Classic scripts without async/defer: they block the parser (and so rendering). Modules are deferred. */
export function renderBlockingScripts(html: string): { src?: string; inline?: string }[] {
  const tree = fromHtml(html);
  const out: { src?: string; inline?: string }[] = [];
  for (const s of selectAll('script', tree)) {
    const p = s.properties;
    const type = String(p.type ?? '').toLowerCase();
    if (type && !/^(text|application)\/(java|ecma)script$/.test(type)) continue; // module, json, ld+json…
    if (p.async !== undefined || p.defer !== undefined) continue;
    if (p.src) out.push({ src: String(p.src) });
    else if (toString(s).trim()) out.push({ inline: toString(s) });
  }
  return out;
}

// ---------------------------------------------------------------- the floor

/** Where the article's own text and its notes are in the built page. Change here if the markup changes. */
export const ARTICLE_SELECTORS = {
  title: 'main h1',
  body: '.article-body',
  notes: '[data-footnotes], section.footnotes',
  dropFromNotes: '[data-footnote-backref], #footnote-label',
};

export interface Floor {
  slug: string;
  textChars: number;
  notesChars: number;
  /** gzip -9 of the title, the text and the notes as plain UTF-8 text. */
  floorBytes: number;
}

export function articleFloor(distDir: string, slug: string): Floor {
  const tree = fromHtml(fs.readFileSync(path.join(distDir, 'articles', slug, 'index.html'), 'utf8'));
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  const title = clean(textOf(select(ARTICLE_SELECTORS.title, tree)));
  const body = select(ARTICLE_SELECTORS.body, tree) ?? select('article', tree);
  if (!body) throw new Error(`articles/${slug}/: no ${ARTICLE_SELECTORS.body} or <article>`);
  const notesEl = select(ARTICLE_SELECTORS.notes, body);
  for (const drop of notesEl ? selectAll(ARTICLE_SELECTORS.dropFromNotes, notesEl) : []) drop.children = [];
  const notes = notesEl ? clean(textOf(notesEl)) : '';
  if (notesEl) notesEl.children = [];
  const text = clean(textOf(body));
  const all = `${title}\n${text}\n${notes}`;
  return {
    slug,
    textChars: title.length + text.length,
    notesChars: notes.length,
    floorBytes: zlib.gzipSync(Buffer.from(all, 'utf8'), { level: 9 }).length,
  };
}

const textOf = (node: Element | Root | undefined) => (node ? toString(node) : '');

// ------------------------------------------------------------ the page list

export interface PageType {
  type: string;
  path: string;
}

/** Home, every article, the largest glossary entry, the glossary index, search. */
export function pageTypes(distDir: string): PageType[] {
  const pagesUnder = (dir: string) =>
    fs.existsSync(path.join(distDir, dir))
      ? fs
          .readdirSync(path.join(distDir, dir), { withFileTypes: true })
          .filter((d) => d.isDirectory() && fs.existsSync(path.join(distDir, dir, d.name, 'index.html')))
          .map((d) => d.name)
          .sort()
      : [];
  const gz = (file: string) => zlib.gzipSync(fs.readFileSync(file)).length;
  const entries = pagesUnder('glossary').map((id) => ({ id, size: gz(path.join(distDir, 'glossary', id, 'index.html')) }));
  entries.sort((a, b) => b.size - a.size || a.id.localeCompare(b.id));
  return [
    { type: 'home', path: '' },
    ...pagesUnder('articles').map((slug) => ({ type: 'article', path: `articles/${slug}/` })),
    ...(entries.length ? [{ type: 'entry', path: `glossary/${entries[0].id}/` }] : []),
    { type: 'glossary index', path: 'glossary/' },
    { type: 'search', path: 'search/' },
  ];
}

// ------------------------------------------------------- where the HTML goes

export interface Region {
  region: string;
  rawBytes: number;
  /** gzip size of the page minus gzip size of the page without this region: what it adds on the wire. */
  gzipBytes: number;
}

/**
 * An article page's HTML by region, each with the compressed bytes it adds
 * (gzip of the page without the region, subtracted from the whole; not
 * exactly additive, since gzip shares repeats across regions).
 */
export function htmlBreakdown(html: string): { totalGzip: number; regions: Region[] } {
  const tree = fromHtml(html);
  const buf = Buffer.from(html, 'utf8');
  const gz = (b: Buffer) => zlib.gzipSync(b, { level: 6 }).length;
  const totalGzip = gz(buf);
  // hast offsets are in characters; convert to byte offsets once.
  const byteAt = (i: number) => Buffer.byteLength(html.slice(0, i), 'utf8');
  const span = (el: Element | undefined): [number, number] | null =>
    el?.position?.start.offset !== undefined && el.position.end.offset !== undefined
      ? [byteAt(el.position.start.offset), byteAt(el.position.end.offset)]
      : null;
  const without = (ranges: [number, number][]) => {
    const parts: Buffer[] = [];
    let at = 0;
    for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
      parts.push(buf.subarray(at, a));
      at = b;
    }
    parts.push(buf.subarray(at));
    return Buffer.concat(parts);
  };
  const regions: { region: string; ranges: [number, number][] }[] = [];
  const add = (region: string, ...els: (Element | undefined)[]) => {
    const ranges = els.map(span).filter((r): r is [number, number] => r !== null);
    if (ranges.length) regions.push({ region, ranges });
  };
  add('<head>: meta, JSON-LD, inline scripts', select('head', tree));
  add('site header', select('body > header', tree));
  const main = select('main', tree);
  const article = main ? select('article', main) : undefined;
  add('article header', article ? select('header', article) : undefined);
  const body = select(ARTICLE_SELECTORS.body, tree);
  const notes = body ? select(ARTICLE_SELECTORS.notes, body) : undefined;
  const b = span(body);
  const n = span(notes);
  if (b && n) regions.push({ region: 'article text with its markup', ranges: [[b[0], n[0]], [n[1], b[1]]] });
  else add('article text with its markup', body);
  add('notes', notes);
  for (const child of main?.children ?? []) {
    if (child.type !== 'element' || child === article) continue;
    const p = child.properties;
    const name = `${child.tagName}${p.className ? `.${([] as unknown[]).concat(p.className).join('.')}` : ''}${p.ariaLabelledby ? ` (${p.ariaLabelledby})` : ''}`;
    add(`main: ${name}`, child);
  }
  add('site footer', select('body > footer', tree));
  return {
    totalGzip,
    regions: regions.map(({ region, ranges }) => ({
      region,
      rawBytes: ranges.reduce((s, [a, z]) => s + z - a, 0),
      gzipBytes: totalGzip - gz(without(ranges)),
    })),
  };
}
