// Every link goes through here: internal ones with the base, so the site can
// live under a sub-path, and absolute ones with the site's public address.
//
// That address is the one setting behind canonical links, Open Graph,
// JSON-LD ids, the feed and the sitemap. It is `site` in astro.config.mjs
// (from SITE_URL); when that is unset, DEFAULT_SITE_URL stands in. `.example`
// is reserved and never resolves, so a build that forgot SITE_URL is visibly a
// placeholder rather than someone's real domain.

export const DEFAULT_SITE_URL = 'https://before-the-invasion.example/';

/** Join the configured base ("/" or "/edition/") and a site path ("glossary/nato/"). */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** A site path with the configured base: url('glossary/') → "/glossary/" or "/edition/glossary/". */
export const url = (path = '') => joinBase(import.meta.env.BASE_URL, path);

/** The configured site address, or the documented default. */
export const siteUrl = (configured: string | URL | undefined = import.meta.env.SITE): string =>
  String(configured || DEFAULT_SITE_URL);

/** Absolute URL of a site path, with the base: "glossary/nato/" → "https://…/edition/glossary/nato/". */
export function absoluteUrl(path = '', site: string = siteUrl(), base: string = import.meta.env.BASE_URL ?? '/'): string {
  return new URL(joinBase(base, path), site).href;
}

export const entryPath = (id: string) => `glossary/${id}/`;
export const articlePath = (slug: string) => `articles/${slug}/`;
/** The EPUB edition of the texts (src/epub/build.ts writes it). */
export const EPUB_PATH = 'before-the-invasion.epub';

/** The id of an entry page's "Mentioned in" list: links to every text naming the entry point there. */
export const MENTIONS_ID = 'mentions-heading';
