// The site's public address: the one setting behind canonical links, Open
// Graph, JSON-LD ids, the feed and the sitemap. It is `site` in
// astro.config.mjs (from SITE_URL); when that is unset, DEFAULT_SITE_URL
// stands in. `.example` is reserved and never resolves, so a build that
// forgot SITE_URL is visibly a placeholder rather than someone's real domain.
import { joinBase } from './urls.ts';

export const DEFAULT_SITE_URL = 'https://before-the-invasion.example/';

/** The configured site address, or the documented default. */
export const siteUrl = (configured: string | URL | undefined = import.meta.env.SITE): string =>
  String(configured || DEFAULT_SITE_URL);

/** Absolute URL of a site path, with the base: "glossary/nato/" → "https://…/edition/glossary/nato/". */
export function absoluteUrl(path = '', site: string = siteUrl(), base: string = import.meta.env.BASE_URL ?? '/'): string {
  return new URL(joinBase(base, path), site).href;
}
