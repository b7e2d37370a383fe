// The editorial layer in dist/: context notes beside the disputed claims, the
// timeline, the map and locators, links between texts and entries, and the
// metadata for the wider web (JSON-LD, canonical links, feed, sitemap).
import fs from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { dateKey } from '../../src/edition/dates.ts';
import { loadGlossary } from '../../src/schema/glossary-source.ts';
import { KINDS } from '../../src/schema/kinds.ts';
import { absoluteUrl, DEFAULT_SITE_URL } from '../../src/site/urls.ts';
import { readArticles } from '../support/articles.ts';
import { allPages, DIST, exists, page, pageFile } from '../support/dist.ts';

const glossary = loadGlossary('content/glossary');
const articles = readArticles().sort((a, b) => a.data.series - b.data.series);
const BASE = process.env.SITE_BASE ?? '/';
const SITE = process.env.SITE_URL || DEFAULT_SITE_URL;
const abs = (p: string) => absoluteUrl(p, SITE, BASE);
const site = (p: string) => BASE + p;
const href = (el: Element) => String(el.properties.href ?? '');
const lastText = articles.map((a) => String(a.data.dating.latest)).sort().at(-1)!;
const places = [...glossary.values()].filter((e) => e.kind === 'place');
const html = (sitePath: string) => fs.readFileSync(pageFile(sitePath), 'utf8');

/** A link resolves when its page exists and its fragment names an id there. */
function resolves(from: string, target: string): boolean {
  if (/^[a-z]+:/.test(target)) return true;
  const [pathPart, fragment] = target.split('#');
  const to = pathPart === '' ? from : pathPart.slice(BASE.length - 1);
  if (!exists(to)) return false;
  return !fragment || Boolean(select(`[id="${decodeURIComponent(fragment)}"]`, page(to)));
}

/** Text of an element without its note markers. */
function textWithoutNotes(el: Element): string {
  const clone = structuredClone(el);
  const strip = (e: Element) => {
    e.children = e.children.filter((c) => !(c.type === 'element' && c.tagName === 'sup'));
    for (const c of e.children) if (c.type === 'element') strip(c);
  };
  strip(clone);
  return toString(clone);
}

const firstDate = (el: Element) => String(select('time', el)?.properties.dateTime ?? '');

/**
 * XML well-formedness, strictly: one root, balanced and properly nested tags,
 * quoted unique attributes without "<", and "&" only in entity references.
 * Returns what is wrong, or undefined. (Node has no XML parser.)
 */
function xmlError(xml: string): string | undefined {
  const NAME = '[A-Za-z_][\\w.:-]*';
  const tag = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);
  const badAmp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/;
  const stack: string[] = [];
  let roots = 0;
  let i = /^\uFEFF?<\?xml\s[^?]*\?>/.exec(xml)?.[0].length ?? 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (badAmp.test(text)) return `a bare “&” in text at ${i}`;
    if (!stack.length && text.trim()) return `text outside the root element at ${i}`;
    if (lt < 0) break;
    const rest = xml.slice(lt, lt + 9);
    const skip = rest.startsWith('<!--') ? '-->' : rest.startsWith('<![CDATA[') ? ']]>' : rest.startsWith('<?') ? '?>' : undefined;
    if (skip) {
      const end = xml.indexOf(skip, lt);
      if (end < 0) return `unclosed ${rest} at ${lt}`;
      i = end + skip.length;
      continue;
    }
    const m = tag.exec(xml.slice(lt));
    if (!m) return `malformed tag at ${lt}: ${xml.slice(lt, lt + 40)}`;
    const [all, close, name, attrs, selfClose] = m;
    const names = [...attrs.matchAll(new RegExp(`(${NAME})\\s*=`, 'g'))].map((a) => a[1]);
    if (new Set(names).size !== names.length) return `a repeated attribute in <${name}>`;
    if (badAmp.test(attrs)) return `a bare “&” in an attribute of <${name}>`;
    if (close) {
      if (selfClose || attrs.trim()) return `a malformed end tag </${name}>`;
      if (stack.pop() !== name) return `</${name}> does not close the element open at that point`;
    } else if (!stack.length && roots++) return `a second root element <${name}>`;
    else if (!selfClose) stack.push(name);
    i = lt + all.length;
  }
  if (stack.length) return `<${stack.at(-1)}> is never closed`;
  return roots ? undefined : 'no root element';
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

describe('the XML checker', () => {
  it('accepts well-formed XML and rejects the usual breakages', () => {
    expect(xmlError('<?xml version="1.0"?>\n<a x="1"><b/><!-- c --><c>&amp; &#8212;</c></a>\n')).toBeUndefined();
    for (const bad of ['<a><b></a></b>', '<a>', '<a/><b/>', '<a>AT&T</a>', '<a x="<"/>', '<a x=1/>', '<a x="1" x="2"/>', 'text', '<a></a>trailing']) {
      expect(xmlError(bad), bad).toBeDefined();
    }
  });
});

describe('context notes beside the disputed claims', () => {
  // Each claim in docs/sources.md ("Claims that later reporting disputes"),
  // by its position there, with the words it rests on in each text.
  const claims: { claim: number; article: string; phrase: string; note: string }[] = [
    { claim: 0, article: 'macron-ukraine-crisis', phrase: 'agreed not to invade Finland', note: 'ed-finnish-treaty' },
    { claim: 1, article: 'macron-ukraine-crisis', phrase: 'signed by Kyiv and Moscow in 2015', note: 'ed-minsk-signatories' },
    { claim: 1, article: 'minsk-last-chance', phrase: 'signed by Russia and Ukraine in 2015', note: 'ed-minsk-signatories' },
    { claim: 1, article: 'diplomatic-off-ramp', phrase: 'signed by Russia and Ukraine in 2015', note: 'ed-minsk-signatories' },
    { claim: 2, article: 'macron-ukraine-crisis', phrase: 'most powerful head of state', note: 'ed-merkel-head-of-state' },
    { claim: 2, article: 'macron-ukraine-crisis', phrase: 'her party was ousted', note: 'ed-merkel-ousted' },
    { claim: 3, article: 'minsk-last-chance', phrase: 'geostrategic catastrophe', note: 'ed-geostrategic' },
    { claim: 4, article: 'minsk-last-chance', phrase: '90,000 troops', note: 'ed-troop-numbers' },
    { claim: 5, article: 'minsk-last-chance', phrase: 'thinking about seeking NATO membership', note: 'ed-finland-sweden' },
    { claim: 6, article: 'diplomatic-off-ramp', phrase: 'there’s no risk in trying', note: 'ed-invasion' },
    { claim: 6, article: 'minsk-last-chance', phrase: 'whether Putin is a rational leader', note: 'ed-invasion' },
    { claim: 6, article: 'macron-ukraine-crisis', phrase: 'the only alternative to permanent crisis or war', note: 'ed-invasion' },
  ];

  it('maps every disputed claim in sources.md', () => {
    const sources = fs.readFileSync('docs/sources.md', 'utf8');
    const section = sources.split(/^## Claims that later reporting disputes.*$/m)[1].split(/^## /m)[0];
    const bullets = section.split('\n').filter((l) => l.startsWith('- ')).length;
    expect(bullets).toBeGreaterThan(0);
    expect([...new Set(claims.map((c) => c.claim))].sort((a, b) => a - b)).toEqual([...Array(bullets).keys()]);
  });

  for (const c of claims) {
    it(`${c.article}: an editor’s note stands in the paragraph of “${c.phrase}”`, () => {
      const tree = page(`articles/${c.article}/`);
      const paragraphs = selectAll('.article-body > p', tree).filter((p) => textWithoutNotes(p).includes(c.phrase));
      expect(paragraphs, 'paragraphs with the phrase').toHaveLength(1);
      const [p] = paragraphs;
      expect(String(p.properties.id)).toMatch(/^p-\d+$/);
      const notes = selectAll('a[data-note-kind="editorial"]', p).map(href);
      expect(notes).toContain(`#fn-${c.note}`);
      const note = select(`li[id="fn-${c.note}"]`, tree);
      expect(note && toString(select('.note-label', note)!)).toBe('Editor’s note');
    });
  }
});

describe('the timeline page', () => {
  const tree = () => page('timeline/');
  const rows = () => selectAll('.timeline li.tl-row', tree());

  it('is in chronological order, with unique anchors', () => {
    const keys = rows().map((r) => dateKey(firstDate(r)));
    expect(keys.length).toBeGreaterThan(100);
    expect(keys).toEqual([...keys].sort());
    const ids = rows().map((r) => r.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('holds every dated fact of every entry, on its row, linking to the entry', () => {
    const missing: string[] = [];
    for (const e of glossary.values()) {
      const dated = [...e.dates.map((d) => `d-${d.date}${d.end ? `--${d.end}` : ''}`), ...e.later.map((l) => `d-${l.date}`)];
      for (const id of dated) {
        const row = select(`li[id="${id}"]`, tree());
        if (!row || !select(`a[href="${site(`glossary/${e.id}/`)}"]`, row)) missing.push(`${e.id} ${id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('links every fact to its entries, and every link resolves', () => {
    for (const fact of selectAll('.tl-facts > li', tree())) {
      expect(selectAll('.tl-entries a', fact).length, toString(fact)).toBeGreaterThan(0);
    }
    const broken = selectAll('.timeline a[href]', tree()).map(href).filter((h) => !resolves('timeline/', h));
    expect(broken).toEqual([]);
  });

  it('puts each fact’s colon right after the last name, as on the strips', () => {
    const names = [tree(), ...articles.map((a) => page(`articles/${a.slug}/`))].flatMap((t) => selectAll('.tl-entries', t)).map((e) => toString(e));
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((n) => !/\S:$/.test(n))).toEqual([]);
  });

  it('stands the three texts on the axis, in series order, at their dates', () => {
    const texts = selectAll('li.tl-text', tree());
    expect(texts.map((t) => href(select('a', t)!))).toEqual(articles.map((a) => site(`articles/${a.slug}/`)));
    expect(texts.map(firstDate)).toEqual(articles.map((a) => String(a.data.dating.earliest)));
  });

  it('sets apart everything after the last text, the invasion and both accessions among it', () => {
    const after = select('.tl-after-section', tree())!;
    const afterRows = selectAll('li.tl-row', after);
    expect(afterRows.length).toBeGreaterThan(10);
    for (const r of afterRows) expect(dateKey(firstDate(r)) > lastText, firstDate(r)).toBe(true);
    for (const r of rows().filter((r) => !afterRows.includes(r))) expect(dateKey(firstDate(r)) <= lastText, firstDate(r)).toBe(true);
    const afterDates = afterRows.map(firstDate);
    for (const id of ['finland', 'sweden', 'russian-invasion-2022']) {
      for (const l of glossary.get(id)!.later) expect(afterDates, `${id} ${l.date}`).toContain(l.date);
    }
    expect(afterDates).toContain('2022-02-24');
  });
});

describe('each article’s strip of the timeline', () => {
  for (const a of articles) {
    it(`${a.slug}: shows the text at its date among the days around it, what came after marked`, () => {
      const strip = select('section.tl-strip', page(`articles/${a.slug}/`))!;
      expect(strip).toBeTruthy();
      const rows = selectAll('li.tl-row', strip);
      const self = rows.filter((r) => (r.properties.className as string[]).includes('tl-self'));
      expect(self).toHaveLength(1);
      expect(firstDate(self[0])).toBe(String(a.data.dating.earliest));
      const keys = rows.map((r) => dateKey(firstDate(r)));
      expect(keys).toEqual([...keys].sort());
      expect(rows.length).toBeGreaterThan(3);
      for (const r of rows) {
        const isAfter = (r.properties.className as string[]).includes('tl-after');
        expect(isAfter, firstDate(r)).toBe(dateKey(firstDate(r)) > lastText);
        expect(Boolean(select('.tl-after-tag', r)), firstDate(r)).toBe(isAfter);
      }
      expect(selectAll('a[href]', strip).map(href).filter((h) => !resolves(`articles/${a.slug}/`, h))).toEqual([]);
    });
  }
});

describe('the map', () => {
  it('puts every place entry on both frames of the map at its coordinates, linking to its entry', () => {
    const tree = page('map/');
    const svgs = selectAll('svg.map', tree);
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) {
      expect(toString(select('title', svg)!)).toMatch(/map/i);
      for (const e of places) {
        expect(e.coordinates, e.id).toBeDefined();
        const marker = select(`a.map-place[data-place="${e.id}"]`, svg);
        expect(marker, e.id).toBeTruthy();
        expect(href(marker!)).toBe(site(`glossary/${e.id}/`));
        expect(Number(marker!.properties.dataLat), e.id).toBe(e.coordinates!.lat);
        expect(Number(marker!.properties.dataLon), e.id).toBe(e.coordinates!.lon);
        expect(toString(select('text', marker!)!)).toBe(e.name);
        expect(select(`.place-list a[href="${site(`glossary/${e.id}/`)}"]`, tree), e.id).toBeTruthy();
      }
      expect(selectAll('a.map-place', svg)).toHaveLength(places.length);
    }
  });

  it('shows a small locator on every place page, and on no other', () => {
    for (const e of glossary.values()) {
      const figure = select('figure.locator', page(`glossary/${e.id}/`));
      expect(Boolean(figure), e.id).toBe(e.kind === 'place');
      if (figure) {
        const svg = select('svg[role="img"]', figure)!;
        expect(toString(select('title', svg)!)).toContain(e.name);
      }
    }
  });

  it('keeps the maps small and off the article pages', () => {
    const svgBytes = (p: string) => Buffer.byteLength(/<svg class="map"[\s\S]*?<\/svg>/.exec(html(p))?.[0] ?? '');
    expect(svgBytes('map/')).toBeGreaterThan(5_000);
    expect(svgBytes('map/')).toBeLessThan(35_000);
    for (const e of places) expect(svgBytes(`glossary/${e.id}/`), e.id).toBeLessThan(8_000);
    for (const a of articles) expect(html(`articles/${a.slug}/`)).not.toContain('<svg class="map"');
  });
});

describe('links between texts and entries', () => {
  const subjects = (slug: string) => new Set(selectAll('.subjects a', page(`articles/${slug}/`)).map(href));

  for (const a of articles) {
    it(`${a.slug}: lists the other texts, ranked by the entries they share, naming them`, () => {
      const items = selectAll('.other-texts li', page(`articles/${a.slug}/`));
      const others = items.map((li) => href(select('a.other-title', li)!));
      expect(others.sort()).toEqual(articles.filter((o) => o.slug !== a.slug).map((o) => site(`articles/${o.slug}/`)).sort());
      const counts = items.map((li) => Number(/^(\d+) entr/.exec(toString(select('.shared .label', li)!))![1]));
      for (const [i, li] of items.entries()) expect(selectAll('.shared a', li).length).toBe(Math.min(8, counts[i]));
      expect(counts).toEqual([...counts].sort((x, y) => y - x));
      for (const li of items) {
        const other = href(select('a.other-title', li)!).split('/').at(-2)!;
        for (const link of selectAll('.shared a', li).map(href)) {
          expect(subjects(a.slug).has(link) && subjects(other).has(link), link).toBe(true);
        }
      }
    });
  }

  it('lists on entity pages the entries named in the same paragraphs, with true counts', () => {
    const mentionLinks = (id: string) => new Set(selectAll('.mention-link', page(`glossary/${id}/`)).map(href));
    let checked = 0;
    for (const e of glossary.values()) {
      for (const li of selectAll('.co-mentioned li', page(`glossary/${e.id}/`))) {
        const other = href(select('a', li)!).split('/').at(-2)!;
        const shared = [...mentionLinks(e.id)].filter((l) => mentionLinks(other).has(l)).length;
        expect(toString(select('.quiet', li)!), `${e.id} / ${other}`).toBe(`(${shared} paragraph${shared === 1 ? '' : 's'})`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('metadata for the wider web', () => {
  const pages = allPages();
  const jsonld = (p: string) => {
    const scripts = selectAll('script[type="application/ld+json"]', page(p));
    expect(scripts, p).toHaveLength(1);
    const text = toString(scripts[0]);
    expect(text, p).not.toContain('<');
    return JSON.parse(text) as Record<string, any>;
  };
  const expectedType = (p: string) =>
    p === '' ? 'WebSite' : p.startsWith('articles/') ? 'Article' : /^glossary\/[^/]+\/$/.test(p) ? KINDS[glossary.get(p.split('/')[1])!.kind].schemaType : 'WebPage';

  it('gives every page JSON-LD that parses, with the expected @type', () => {
    expect(pages.length).toBeGreaterThan(80);
    for (const p of pages) {
      const data = jsonld(p);
      expect(data['@context'], p).toBe('https://schema.org');
      expect(data['@type'], p).toBe(expectedType(p));
    }
  });

  it('describes entries with Wikidata links where known, and articles by mentions, with a date only if verified', () => {
    const ids = new Map<string, string>();
    for (const e of glossary.values()) {
      const data = jsonld(`glossary/${e.id}/`);
      expect(data.sameAs, e.id).toBe(e.wikidata ? `https://www.wikidata.org/wiki/${e.wikidata}` : undefined);
      if (e.kind === 'place') expect(data.geo, e.id).toMatchObject({ latitude: e.coordinates!.lat, longitude: e.coordinates!.lon });
      ids.set(data['@id'], e.id);
    }
    for (const a of articles) {
      const data = jsonld(`articles/${a.slug}/`);
      expect(data.headline).toBe(a.data.title);
      // schema.org cannot mark a date as inferred: an unverified date is left out.
      expect(data.datePublished, a.slug).toBe(a.data.dating.certainty === 'verified' ? String(a.data.dating.earliest) : undefined);
      const mentioned = (data.mentions as { '@id': string }[]).map((m) => ids.get(m['@id']));
      expect(mentioned.length).toBeGreaterThan(10);
      expect(mentioned.every(Boolean)).toBe(true);
      expect(new Set(mentioned.map((id) => site(`glossary/${id}/`)))).toEqual(new Set(selectAll('.subjects a', page(`articles/${a.slug}/`)).map(href)));
    }
  });

  it('states no author anywhere: authorship is inferred, not verified', () => {
    for (const p of pages) expect(JSON.stringify(jsonld(p)), p).not.toMatch(/"(author|creator|publisher)"/);
  });

  // What Lighthouse's SEO audits read from the markup, on every page (Lighthouse itself runs on a few page types).
  it('gives every page a language, a title, a meta description, a mobile viewport, and no robots block', () => {
    for (const p of allPages()) {
      const tree = page(p);
      expect(select('html', tree)?.properties.lang, p).toBeTruthy();
      const head = select('head', tree)!;
      expect(toString(select('title', head) ?? { type: 'root', children: [] }).trim(), p).not.toBe('');
      expect(String(select('meta[name="description"]', head)?.properties.content ?? '').length, p).toBeGreaterThan(20);
      expect(String(select('meta[name="viewport"]', head)?.properties.content ?? ''), p).toMatch(/width=device-width/);
      expect(String(select('meta[name="robots"]', head)?.properties.content ?? ''), p).not.toMatch(/noindex|nofollow/);
    }
  });

  it('gives every page a canonical address and Open Graph tags from the one site setting', () => {
    for (const p of pages.filter((x) => x !== '404.html')) {
      const head = select('head', page(p))!;
      const meta = (property: string) => select(`meta[property="${property}"]`, head)?.properties.content;
      expect(select('link[rel="canonical"]', head)?.properties.href, p).toBe(abs(p));
      expect(meta('og:url'), p).toBe(abs(p));
      expect(meta('og:title'), p).toBeTruthy();
      expect(meta('og:type'), p).toBe(p.startsWith('articles/') ? 'article' : 'website');
      expect(select('meta[name="twitter:card"]', head), p).toBeTruthy();
      expect(select('link[rel="alternate"][type="application/atom+xml"]', head)?.properties.href, p).toBe(abs('feed.xml'));
    }
  });
});

describe('the feed', () => {
  const xml = () => fs.readFileSync(path.join(DIST, 'feed.xml'), 'utf8');

  it('is well-formed Atom', () => {
    expect(xmlError(xml())).toBeUndefined();
    expect(xml()).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    expect(/<link rel="self"[^>]*href="([^"]+)"/.exec(xml())?.[1]).toBe(abs('feed.xml'));
  });

  it('carries every text in full, with its gaps and its notes, every link absolute', () => {
    const entries = [...xml().matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]);
    expect(entries).toHaveLength(articles.length);
    for (const a of articles) {
      const entry = entries.find((e) => e.includes(`<id>${abs(`articles/${a.slug}/`)}</id>`));
      expect(entry, a.slug).toBeDefined();
      expect(entry).toMatch(/<published>\d{4}-\d\d-\d\dT00:00:00Z<\/published>/);
      const content = unescapeXml(/<content type="html">([\s\S]*?)<\/content>/.exec(entry!)![1]);
      const onPage = selectAll('.article-body > p', page(`articles/${a.slug}/`)).map((p) => String(p.properties.id));
      for (const id of onPage) expect(content, `${a.slug} ${id}`).toContain(`id="${id}"`);
      for (const label of new Set([...a.body.matchAll(/\[\^(ed-[a-z0-9-]+)\]:/g)].map((m) => m[1]))) {
        expect(content, label).toContain(`id="fn-${label}"`);
      }
      expect(content.split('class="gap"').length - 1).toBe(a.body.split('<Gap>').length - 1);
      expect(content).not.toMatch(/\b(href|src)="(?![a-z]+:)/);
    }
  });
});

describe('the sitemap', () => {
  // @astrojs/sitemap: an index naming one sitemap, which lists the pages.
  const xml = () => fs.readFileSync(path.join(DIST, 'sitemap-0.xml'), 'utf8');

  it('is named by the sitemap index', () => {
    const index = fs.readFileSync(path.join(DIST, 'sitemap-index.xml'), 'utf8');
    expect(xmlError(index)).toBeUndefined();
    expect([...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([abs('sitemap-0.xml')]);
  });

  it('is well-formed and lists every page but the 404 page, and nothing else', () => {
    expect(xmlError(xml())).toBeUndefined();
    const locs = [...xml().matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => unescapeXml(m[1]));
    const expected = allPages().filter((p) => p !== '404.html').map(abs);
    expect(locs.sort()).toEqual(expected.sort());
  });
});

