// Every internal link goes through here, so the site can live under a sub-path.

/** Join the configured base ("/" or "/edition/") and a site path ("glossary/nato/"). */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

export const entryPath = (id: string) => `glossary/${id}/`;
export const articlePath = (slug: string) => `articles/${slug}/`;
/** The EPUB edition of the texts (src/epub/build.ts writes it). */
export const EPUB_PATH = 'before-the-invasion.epub';

/** The id of an entry page's "Mentioned in" list: links to every text naming the entry point there. */
export const MENTIONS_ID = 'mentions-heading';
