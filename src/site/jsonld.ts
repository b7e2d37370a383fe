// JSON-LD (schema.org) for the pages. Only what the edition knows goes in:
// the texts' author and publisher are inferred, so they are left out.
import { KINDS, isKind } from '../schema/kinds.ts';
import { absoluteUrl, articlePath, entryPath } from './urls.ts';
import { SITE } from './site.ts';
import { WIKIDATA_URL } from '../edition/sources.ts';
import type { ArticleRef } from '../edition/article.ts';

type Node = Record<string, unknown>;
const CONTEXT = 'https://schema.org';

/** The @id of an entry: its page, with a fragment for the thing rather than the page. */
export const entityId = (id: string) => `${absoluteUrl(entryPath(id))}#entity`;
export const articleId = (slug: string) => `${absoluteUrl(articlePath(slug))}#article`;
const websiteId = () => `${absoluteUrl()}#website`;

export interface EntityInput {
  id: string;
  name: string;
  kind: string;
  summary: string;
  aliases?: readonly string[];
  wikidata?: string;
  coordinates?: { lat: number; lon: number };
}

export function entityJsonLd(e: EntityInput): Node {
  if (!isKind(e.kind)) throw new Error(`entityJsonLd: no schema.org type for kind “${e.kind}” (${e.id})`);
  const type = KINDS[e.kind].schemaType;
  const url = absoluteUrl(entryPath(e.id));
  const node: Node = {
    '@context': CONTEXT,
    '@type': type,
    '@id': entityId(e.id),
    name: e.name,
    description: e.summary,
    url,
    mainEntityOfPage: url,
  };
  if (e.aliases?.length) node.alternateName = [...e.aliases];
  if (e.wikidata) node.sameAs = `${WIKIDATA_URL}${e.wikidata}`;
  if (type === 'Place' && e.coordinates) {
    node.geo = { '@type': 'GeoCoordinates', latitude: e.coordinates.lat, longitude: e.coordinates.lon };
  }
  if (type === 'DefinedTerm') {
    node.inDefinedTermSet = { '@type': 'DefinedTermSet', '@id': `${absoluteUrl('glossary/')}#glossary`, name: `${SITE.name}: glossary`, url: absoluteUrl('glossary/') };
  }
  return node;
}

export interface ArticleInput extends ArticleRef {
  summary: string;
  series: number;
  /** When the text was written, as far as known: schema.org has no way to mark
   *  a date as inferred, so only a verified date is published. */
  dating: { earliest: string; certainty: 'verified' | 'probable' | 'inferred' | 'unknown' };
  words: number;
  mentions: readonly string[];
}

export function articleJsonLd(a: ArticleInput): Node {
  const url = absoluteUrl(articlePath(a.slug));
  return {
    '@context': CONTEXT,
    '@type': 'Article',
    '@id': articleId(a.slug),
    headline: a.title,
    description: a.summary,
    url,
    mainEntityOfPage: url,
    inLanguage: 'en',
    ...(a.dating.certainty === 'verified' ? { datePublished: a.dating.earliest } : {}),
    wordCount: a.words,
    position: a.series,
    isPartOf: { '@id': websiteId() },
    mentions: a.mentions.map((id) => ({ '@id': entityId(id) })),
  };
}

/** The home page: the edition as a WebSite. */
export const websiteJsonLd = (): Node => ({
  '@context': CONTEXT,
  '@type': 'WebSite',
  '@id': websiteId(),
  name: SITE.name,
  description: SITE.tagline,
  url: absoluteUrl(),
  inLanguage: 'en',
});

/** Any other page. */
export const webPageJsonLd = (name: string, url?: string, description?: string): Node => ({
  '@context': CONTEXT,
  '@type': 'WebPage',
  name,
  ...(description ? { description } : {}),
  ...(url ? { url } : {}),
  isPartOf: { '@id': websiteId(), '@type': 'WebSite', name: SITE.name },
});

/**
 * JSON for a <script type="application/ld+json">: "<" is escaped so that no
 * text ("</script>", "<!--") can end the element early; U+2028/2029 too.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
