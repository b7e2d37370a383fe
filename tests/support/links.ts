// The one link check over a built site (dist/ and the variant under its
// base): every URL the site names, in any attribute of every HTML file, in
// srcset and style, in JSON-LD, and in its CSS, scripts, feeds and data files,
// must carry the base and lead to a file of the build; a fragment, to an
// element of its page. Relative URLs are resolved as a browser would; the
// site's own absolute URLs (canonical, Open Graph, feed, sitemap) are checked
// against the build, and other hosts are left alone (the tests run offline).
import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { visit } from 'unist-util-visit';
import { filesUnder } from '../../src/site/files.ts';
import { parsePage, readPage } from './site-files.ts';

/** Attributes whose value is a URL even when relative. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcSet', 'action', 'formAction', 'poster', 'cite', 'data', 'xLinkHref']);
/** A scheme (external, mailto:, data:) or a protocol-relative URL. */
const ELSEWHERE = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

export interface LinkReport {
  /** Each broken URL, as "file <element attribute>: “url” …". */
  problems: string[];
  /** How many URLs were checked, so that an empty list of problems means something. */
  checked: number;
}

/** Check every URL in the site built into `dir`, hosted under `base`. */
export function checkLinks(dir: string, base = '/'): LinkReport {
  const files = filesUnder(dir, (name) => name === 'pagefind');
  const pages = new Map(files.filter((f) => f.endsWith('.html')).map((f) => [f, parsePage(readPage(dir, f))]));
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file)) {
      const set = new Set<string>();
      visit(pages.get(file)!, 'element', (n: Element) => void (typeof n.properties.id === 'string' && set.add(n.properties.id)));
      ids.set(file, set);
    }
    return ids.get(file)!;
  };
  const origin = siteOrigin(dir, pages);
  const problems: string[] = [];
  let checked = 0;

  /** The file a site path serves, relative to `dir`, or undefined. */
  const fileFor = (sitePath: string) => {
    const rel = decodeURIComponent(sitePath.slice(base.length)).replace(/^\/+/, '');
    for (const candidate of [rel, path.posix.join(rel, 'index.html')]) {
      const full = path.join(dir, candidate);
      if (candidate && fs.existsSync(full) && fs.statSync(full).isFile()) return path.posix.normalize(candidate);
    }
    return undefined;
  };

  /** Check `value`, found in `where`, as a browser at `from` (a site path) would resolve it. */
  const check = (value: string, where: string, from: string, page?: string) => {
    const raw = value.trim();
    if (!raw || (ELSEWHERE.test(raw) && !(origin && raw.startsWith(origin)))) return;
    checked++;
    const url = new URL(raw, `${origin ?? 'http://site.invalid'}${from}`);
    const hash = decodeURIComponent(url.hash.slice(1));
    if (raw.startsWith('#')) {
      if (page && hash && !hash.startsWith(':~:') && !idsOf(page).has(hash)) problems.push(`${where}: “${value}” points to no element on the page`);
      return;
    }
    if (!url.pathname.startsWith(base)) return void problems.push(`${where}: “${value}” does not start with ${base}`);
    const file = fileFor(url.pathname);
    if (!file) return void problems.push(`${where}: “${value}” resolves to no file of the build`);
    if (hash && !hash.startsWith(':~:') && pages.has(file) && !idsOf(file).has(hash)) problems.push(`${where}: “${value}”: no element #${hash} on that page`);
  };

  for (const [file, tree] of pages) {
    const from = `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
    visit(tree, 'element', (node: Element) => {
      for (const [name, prop] of Object.entries(node.properties)) {
        for (const value of Array.isArray(prop) ? prop.map(String) : [String(prop)]) {
          const urls =
            name === 'srcSet' ? value.split(',').map((s) => s.trim().split(/\s+/)[0]) : name === 'style' ? [...value.matchAll(/url\(["']?([^"')]+)/g)].map((m) => m[1]) : [value];
          for (const url of urls) {
            // In a URL attribute, any value; elsewhere (content, bundle-path…), what looks like a path or this site's URL.
            const isUrl = URL_ATTRIBUTES.has(name) || name === 'style' || url.startsWith('/') || (origin !== undefined && url.startsWith(origin));
            if (isUrl) check(url, `${file} <${node.tagName} ${name}>`, from, file);
          }
        }
      }
    });
    // JSON-LD: its URLs lead to pages; "@id"s are identifiers (their #fragment names no element).
    for (const script of selectAll('script[type="application/ld+json"]', tree)) {
      const text = script.children.map((c) => ('value' in c ? c.value : '')).join('');
      for (const { key, value } of jsonStrings(JSON.parse(text))) {
        if (value.startsWith('/') || (origin && value.startsWith(origin))) check(value.split('#')[0], `${file} JSON-LD ${key}`, from);
      }
    }
  }

  for (const file of files.filter((f) => /\.(css|m?js|xml|json|txt|webmanifest)$/.test(f))) {
    const text = readPage(dir, file);
    const from = `${base}${file}`;
    if (file.endsWith('.css')) {
      for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) check(m[1], `${file} url()`, from);
    } else if (/\.m?js$/.test(file)) {
      // A root-relative path to the site's own folders in a bundle would ignore the base.
      if (base !== '/') for (const m of text.matchAll(/["'`](\/(?:_astro|pagefind|glossary|articles|search)\/[^"'`]*)["'`]/g)) problems.push(`${file}: “${m[1]}” ignores the base`);
    } else {
      for (const m of text.matchAll(/(?:"|>|:\s)(\/[\w./-]*\/|https?:\/\/[^"<\s]+)/g)) check(m[1], file, from);
    }
  }
  return { problems, checked };
}

/** The site's own origin, from any absolute URL it publishes about itself (canonical, og:url, sitemap). */
function siteOrigin(dir: string, pages: Map<string, Root>): string | undefined {
  for (const tree of pages.values()) {
    const canonical = selectAll('link[rel~="canonical"], meta[property="og:url"]', tree)[0];
    const value = canonical && String(canonical.properties.href ?? canonical.properties.content ?? '');
    if (value && /^https?:\/\//.test(value)) return new URL(value).origin;
  }
  const sitemap = path.join(dir, 'sitemap-0.xml');
  const loc = fs.existsSync(sitemap) && /<loc>(https?:\/\/[^<]+)<\/loc>/.exec(fs.readFileSync(sitemap, 'utf8'));
  return loc ? new URL(loc[1]).origin : undefined;
}

function jsonStrings(value: unknown, key = ''): { key: string; value: string }[] {
  if (typeof value === 'string') return [{ key, value }];
  if (Array.isArray(value)) return value.flatMap((v) => jsonStrings(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => jsonStrings(v, k));
  return [];
}
