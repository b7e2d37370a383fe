// The citations are citation-js's own output for the official CSL styles: each
// is compared with the library formatting a CSL item written out here by hand,
// and what is not verified carries its mark in every format.
import { describe, expect, it } from 'vitest';
import { Cite, plugins } from '@citation-js/core';
import { PARAGRAPH, STYLES, citationItem, marked, pageCitations, paragraphCitations, unsorted, type CitedPage } from '../../src/edition/citation.ts';

const page: CitedPage = {
  slug: 'minsk-last-chance',
  title: 'Minsk agreements: The last chance to stop Russia from invading Ukraine.',
  url: 'https://edition.example/articles/minsk-last-chance/',
  edition: { name: 'Before the Invasion', version: '1.0', revised: '2026-12-03' },
  data: {
    titleSource: 'republished',
    dating: { earliest: '2022-01-13', latest: '2022-01-14', certainty: 'inferred', evidence: [{ quote: 'q', inference: 'i' }] },
    provenance: {
      author: { name: 'Fred Kaplan', certainty: 'inferred', note: '' },
      publication: { name: 'Slate', certainty: 'probable', note: '' },
      headline: { certainty: 'probable', note: '' },
    },
  },
};

/** The same page as a CSL item written by hand. */
const handItem = {
  id: 'minsk-last-chance',
  'citation-key': 'minsk_last_chance',
  type: 'webpage',
  title: page.title,
  'container-title': 'Before the Invasion',
  version: '1.0',
  issued: { 'date-parts': [[2026, 12, 3]] },
  URL: page.url,
  author: [{ literal: '[Fred Kaplan?]' }],
  'original-title': `[${page.title}?]`,
  'original-publisher': '[Slate?]',
  'original-date': { literal: '[c. 13 January 2022]' },
  note: `First published as [${page.title}?], [Slate?], [c. 13 January 2022]`,
};
const library = (item: object, style: string) =>
  (new Cite(item).format('bibliography', { format: 'text', style: `edition-${style}`, lang: 'en-US' }) as string).trim();

describe('citations of an article page', () => {
  const cited = pageCitations(page);

  it.each(STYLES.map((s) => s.id))('%s is the library’s formatting of the page’s item', (style) => {
    expect(cited.references[style]).toBe(library(handItem, style));
  });

  it('Chicago reads as the style gives it, inferred author and date marked', () => {
    expect(cited.references.chicago).toBe(
      '[Fred Kaplan?]. “Minsk Agreements: The Last Chance to Stop Russia from Invading Ukraine.” Version 1.0. ' +
        'Before the Invasion, December 3, 2026. Originally published as [Minsk Agreements: The Last Chance to Stop Russia ' +
        'from Invading Ukraine.?] ([Slate?], [c. 13 January 2022]). ' +
        'https://edition.example/articles/minsk-last-chance/.',
    );
  });

  it('every format marks the inferred author, the probable publication and the inferred date', () => {
    const all = [...Object.values(cited.references), cited.bibtex, cited.csl];
    for (const text of all) {
      expect(text).toContain('[Fred Kaplan?]');
      expect(text).toContain('[c. 13 January 2022]');
      expect(text).toContain('[Slate?]');
    }
    expect(cited.bibtex).toBe(new Cite(handItem).format('bibtex', { format: 'text' }).trim());
    expect(cited.bibtex).toMatch(/^@misc\{minsk_last_chance,/);
    expect(JSON.parse(cited.csl)).toEqual([expect.objectContaining(handItem)]);
  });

  it('a verified author is a parsed name, not a marked literal; unknown facts are left out', () => {
    const known = { ...page, data: { ...page.data, provenance: { ...page.data.provenance,
      author: { name: 'Fred Kaplan', certainty: 'verified' as const, note: '' },
      publication: { certainty: 'unknown' as const, note: '' } } } };
    const item = citationItem(known);
    expect(item.author).toEqual([{ given: 'Fred', family: 'Kaplan' }]);
    expect(item['original-publisher']).toBeUndefined();
    const editorial = citationItem({ ...known, data: { ...known.data, titleSource: 'editorial' } });
    expect(editorial['original-title']).toBe('[untitled]');
    expect(pageCitations(known).references.chicago).toMatch(/^Kaplan, Fred\. /);
  });

  it('marks by certainty', () => {
    expect(marked('verified', 'Slate')).toBe('Slate');
    expect(marked('probable', 'Slate')).toBe('[Slate?]');
    expect(marked('inferred', 'Fred Kaplan')).toBe('[Fred Kaplan?]');
    expect(marked('unknown', 'Slate')).toBeUndefined();
  });
});

describe('citations of a paragraph', () => {
  const cited = paragraphCitations(page);

  it('point at the paragraph and name its locator in each style’s note or in-text citation', () => {
    const para = { ...handItem, URL: `${page.url}#p-${PARAGRAPH}` };
    for (const style of STYLES) {
      expect(cited.references[style.id]).toBe(library(para, style.id));
      const note = new Cite(para).format('citation', {
        format: 'text', style: `edition-${style.id}`, lang: 'en-US',
        entry: [{ id: page.slug, locator: PARAGRAPH, label: 'paragraph' }], citationsPre: [], citationsPost: [],
      });
      expect(cited.notes?.[style.id]).toBe(note);
      expect(cited.notes?.[style.id]).toMatch(new RegExp(`par[a]?\\. ${PARAGRAPH}`));
    }
    expect(cited.bibtex).toContain(`#p-${PARAGRAPH}`);
  });
});

describe('the styles as the build registers them, without their sort keys', () => {
  // The official styles, sort keys and all, beside the build's: each citation holds one item, so they must agree.
  const styles = plugins.config.get('@csl').styles;
  for (const s of STYLES) if (!styles.has(`official-${s.id}`)) styles.add(`official-${s.id}`, s.csl);
  const entry = [{ id: page.slug, locator: PARAGRAPH, label: 'paragraph' as const }];
  const format = (item: object, style: string, kind: 'bibliography' | 'citation') =>
    kind === 'citation'
      ? new Cite(item).format('citation', { format: 'text', style, lang: 'en-US', entry, citationsPre: [], citationsPost: [] })
      : new Cite(item).format('bibliography', { format: 'text', style, lang: 'en-US' });
  const verified = { ...handItem, author: [{ given: 'Fred', family: 'Kaplan' }], 'original-date': { 'date-parts': [[2022, 1, 13]] } };

  it.each(STYLES.map((s) => s.id))('%s: the same references and notes as the official style', (style) => {
    const csl = STYLES.find((s) => s.id === style)!.csl;
    expect(csl).toMatch(/<sort>/);
    expect(unsorted(csl)).not.toMatch(/<sort>|<key /);
    for (const item of [handItem, verified, { ...handItem, URL: `${page.url}#p-${PARAGRAPH}` }]) {
      for (const kind of ['bibliography', 'citation'] as const) {
        expect(format(item, `edition-${style}`, kind)).toBe(format(item, `official-${style}`, kind));
      }
    }
    // Building an official style's engine is the slow part this test exists to avoid in the build.
  }, 60_000);
});
