// The fact pass as readers see it: each entry's sources, the edition's version
// on every page, the corrections page and the rights statement.
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { loadCorrections } from '../../src/schema/corrections.ts';
import { formatDate } from '../../src/edition/dates.ts';
import { loadGlossary } from '../../src/schema/glossary-source.ts';
import { EDITION } from '../../src/site/site.ts';
import { allPages, exists, page } from '../support/dist.ts';

const glossary = [...loadGlossary('content/glossary').values()];
const href = (el: Element | undefined) => String(el?.properties.href ?? '');
const text = (el: Element | undefined) => (el ? toString(el).replace(/\s+/g, ' ').trim() : '');

describe('entry pages', () => {
  it('list each source: title linked, publisher, date read, the quote, what it supports', () => {
    for (const e of glossary.filter((x) => x.sources.length > 0)) {
      const tree = page(`glossary/${e.id}/`);
      const section = select('section.entry-sources', tree);
      expect(text(select('h2', section!)), e.id).toBe('Sources');
      const items = selectAll('.source-list > li', section!);
      expect(items.length, e.id).toBe(e.sources.length);
      e.sources.forEach((s, i) => {
        const li = items[i];
        expect(href(select('.source-cite a', li)), e.id).toBe(s.url);
        expect(text(select('.source-cite a', li)), e.id).toBe(s.title);
        expect(text(select('.source-cite', li)), e.id).toContain(s.publisher);
        expect(select('.source-cite time', li)?.properties.dateTime, e.id).toBe(s.retrieved);
        expect(text(select('blockquote.source-quote', li)), e.id).toBe(s.quote.replace(/\s+/g, ' ').trim());
        expect(text(select('.source-supports', li)), e.id).toBe(`Supports: ${s.supports}`);
      });
    }
  });

  it('mark plainly the facts no source read confirms, and link the Wikidata item', () => {
    for (const e of glossary) {
      const tree = page(`glossary/${e.id}/`);
      expect(selectAll('.unsourced li', tree).map(text), e.id).toEqual((e.unsourced ?? []).map((u) => u.replace(/\s+/g, ' ')));
      expect(href(select('.wikidata a', tree)), e.id).toBe(e.wikidata ? `https://www.wikidata.org/wiki/${e.wikidata}` : '');
    }
  });
});

describe('the edition', () => {
  const revised = formatDate(EDITION.revised);

  it('gives its version and revision date on every page, linking the corrections', () => {
    for (const p of allPages()) {
      const line = select('.site-footer .edition', page(p));
      expect(text(line), p).toContain(`Edition ${EDITION.version}, revised ${revised}`);
      expect(select('.site-footer .edition time', page(p))?.properties.dateTime, p).toBe(EDITION.revised);
      expect(href(select('.site-footer .edition a', page(p))), p).toBe('/corrections/');
    }
  });

  it('publishes every correction with its date, place and reason, linked from the About page', () => {
    expect(exists('corrections/')).toBe(true);
    const tree = page('corrections/');
    const items = selectAll('.corrections li', tree);
    const list = loadCorrections();
    expect(items.length).toBe(list.length);
    list.forEach((c, i) => {
      expect(text(items[i])).toContain(c.what.replace(/\s+/g, ' '));
      expect(text(items[i])).toContain(`Why: ${c.why}`);
    });
    for (const c of list.filter((x) => x.where.startsWith('glossary/'))) {
      expect(selectAll('.corrections a', tree).map(href), c.where).toContain(`/${c.where}/`);
    }
    expect(selectAll('.corrections h2 time', tree).map((t) => t.properties.dateTime)).toContain(EDITION.revised);
    expect(selectAll('a', page('about/')).map(href)).toContain('/corrections/');
  });

  it('states on the About page who holds the rights, as far as known, and on what basis the texts are reproduced', () => {
    const tree = page('about/');
    expect(text(select('h2#rights', tree))).toBe('Rights');
    const about = text(select('main', tree));
    expect(about).toMatch(/Who holds the copyright\. .*not established/);
    expect(about).toMatch(/On what basis they are reproduced\. .*criticism, comment/);
  });

  it('names no single author as fact on the home page, and marks the dates as inferred', () => {
    const home = text(select('main', page('')));
    expect(home).not.toMatch(/one columnist wrote|Fred Kaplan/);
    expect(home).toMatch(/dates are inferred/);
  });
});
