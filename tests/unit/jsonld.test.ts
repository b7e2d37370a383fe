import { describe, expect, it } from 'vitest';
import { articleJsonLd, entityId, entityJsonLd, serializeJsonLd, websiteJsonLd, webPageJsonLd } from '../../src/site/jsonld.ts';
import { absoluteUrl, DEFAULT_SITE_URL, siteUrl } from '../../src/site/urls.ts';
import { ENTITY_KINDS } from '../../src/schema/schema.ts';

const base = { summary: 'A summary long enough to be one.' };

describe('site address', () => {
  it('falls back to the one documented default when no site is configured', () => {
    expect(siteUrl(undefined)).toBe(DEFAULT_SITE_URL);
    expect(siteUrl('https://example.org/')).toBe('https://example.org/');
    expect(absoluteUrl('glossary/nato/')).toBe(`${DEFAULT_SITE_URL}glossary/nato/`);
    expect(absoluteUrl('glossary/nato/', 'https://example.org', '/edition/')).toBe('https://example.org/edition/glossary/nato/');
  });
});

describe('entityJsonLd', () => {
  it('gives every kind the glossary allows a schema.org type, and refuses any other', () => {
    const types = ENTITY_KINDS.map((kind) => entityJsonLd({ id: 'x', name: 'X', kind, ...base })['@type']);
    for (const type of types) expect(type).toMatch(/^[A-Z][A-Za-z]+$/);
    // People, organizations, events and places are each their own kind of thing.
    const things = ['person', 'organization', 'event', 'place'].map((kind) => types[ENTITY_KINDS.indexOf(kind as never)]);
    expect(new Set(things).size).toBe(things.length);
    expect(() => entityJsonLd({ id: 'x', name: 'X', kind: 'animal', ...base })).toThrow(/animal/);
  });

  it('links to Wikidata only when the id is known, and gives places their coordinates', () => {
    const kyiv = entityJsonLd({ id: 'kyiv', name: 'Kyiv', kind: 'place', wikidata: 'Q1899', coordinates: { lat: 50.45, lon: 30.52 }, ...base });
    expect(kyiv).toMatchObject({
      '@context': 'https://schema.org',
      '@id': entityId('kyiv'),
      sameAs: 'https://www.wikidata.org/wiki/Q1899',
      geo: { '@type': 'GeoCoordinates', latitude: 50.45, longitude: 30.52 },
      url: absoluteUrl('glossary/kyiv/'),
    });
    expect(entityJsonLd({ id: 'y', name: 'Y', kind: 'person', ...base })).not.toHaveProperty('sameAs');
  });

  it('puts concepts in the glossary’s DefinedTermSet', () => {
    const term = entityJsonLd({ id: 'finlandization', name: 'Finlandization', kind: 'concept', ...base });
    expect(term.inDefinedTermSet).toMatchObject({ '@type': 'DefinedTermSet', url: absoluteUrl('glossary/') });
  });
});

describe('articleJsonLd', () => {
  const input = { slug: 's', title: 'T', summary: 'S', series: 2, words: 900, mentions: ['nato', 'kyiv'] };
  const a = articleJsonLd({ ...input, dating: { earliest: '2022-01-13', certainty: 'inferred' } });

  it('gives an inferred date no datePublished: schema.org cannot say it is inferred', () => {
    expect(a).not.toHaveProperty('datePublished');
    expect(articleJsonLd({ ...input, dating: { earliest: '2022-01-13', certainty: 'probable' } })).not.toHaveProperty('datePublished');
  });

  it('publishes a verified date', () => {
    expect(articleJsonLd({ ...input, dating: { earliest: '2022-01-13', certainty: 'verified' } }).datePublished).toBe('2022-01-13');
  });

  it('is an Article with its mentions pointing at the entries’ @ids', () => {
    expect(a['@type']).toBe('Article');
    expect(a.mentions).toEqual([{ '@id': entityId('nato') }, { '@id': entityId('kyiv') }]);
  });

  it('claims no author or publisher: neither is verified', () => {
    expect(a).not.toHaveProperty('author');
    expect(a).not.toHaveProperty('publisher');
  });
});

describe('pages', () => {
  it('has a WebSite for the home page and a WebPage for the others', () => {
    expect(websiteJsonLd()['@type']).toBe('WebSite');
    expect(webPageJsonLd('Map', absoluteUrl('map/'))).toMatchObject({ '@type': 'WebPage', name: 'Map' });
  });
});

describe('serializeJsonLd', () => {
  it('cannot close the script element, and still parses to the same data', () => {
    const data = { description: 'Ends here </script><script>alert(1)</script> & <!-- more -->\u2028' };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});
