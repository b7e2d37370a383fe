// The built site: every page exists, every note and backlink resolves, and
// the text that reaches the reader is still the seed's.
import fs from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { compareWithSeed } from '../../src/check/fidelity.ts';
import { loadGlossary } from '../../src/schema/glossary-source.ts';
import { readArticles, SEEDS_DIR } from '../support/articles.ts';
import { allPages, DIST, exists, page, pageFile } from '../support/dist.ts';
import { filesUnder } from '../../src/site/files.ts';

const glossary = loadGlossary('content/glossary');
const articles = readArticles();
const href = (el: Element) => String(el.properties.href ?? '');

describe('pages', () => {
  it('has the home, glossary index, search, about and 404 pages', () => {
    for (const p of ['', 'glossary/', 'search/', 'about/', '404.html']) expect(exists(p), p).toBe(true);
  });

  it('has a page for every article and every glossary entry', () => {
    for (const a of articles) expect(exists(`articles/${a.slug}/`), a.slug).toBe(true);
    for (const id of glossary.keys()) expect(exists(`glossary/${id}/`), id).toBe(true);
  });

  it('lists the articles on the home page in series order', () => {
    const links = selectAll('.article-list h3 a', page('')).map(href);
    const expected = [...articles].sort((a, b) => a.data.series - b.data.series).map((a) => `/articles/${a.slug}/`);
    expect(links).toEqual(expected);
  });

  it('groups every entry on the glossary index, with counts', () => {
    const tree = page('glossary/');
    const linked = selectAll('.glossary-list a', tree).map(href);
    expect(linked.sort()).toEqual([...glossary.keys()].map((id) => `/glossary/${id}/`).sort());
    for (const h of selectAll('.glossary-group h2', tree)) expect(toString(h)).toMatch(/\(\d+\)/);
  });

  it('files people by family name and gives each entry its summary’s first sentence', () => {
    const tree = page('glossary/');
    const people = selectAll('#person ~ .glossary-list li', tree).map((li) => toString(select('a', li)!));
    const family = (name: string) => name.split(' ').at(-1)!;
    expect(people.map(family)).toEqual([...people.map(family)].sort((a, b) => a.localeCompare(b, 'en')));
    expect(people.indexOf('Joe Biden')).toBeLessThan(people.indexOf('Andrzej Duda'));
    for (const li of selectAll('.glossary-list li', tree)) {
      const id = href(select('a', li)!).split('/').at(-2)!;
      const gist = toString(select('.glossary-gist', li)!);
      expect(gist.length, id).toBeGreaterThan(10);
      expect(glossary.get(id)!.summary.replace(/\s+/g, ' ').startsWith(gist), id).toBe(true);
      expect(gist, id).toMatch(/[.!?][”’)]?$/);
    }
  });
});

describe('article pages', () => {
  for (const article of articles) {
    describe(article.slug, () => {
      const tree = () => page(`articles/${article.slug}/`);

      it('resolves every note reference to an editor’s note, and every note links back', () => {
        const refs = selectAll('a[data-footnote-ref]', tree());
        expect(refs.length).toBeGreaterThan(5);
        for (const ref of refs) {
          const note = select(`li[id="${href(ref).slice(1)}"]`, tree());
          expect(note, href(ref)).toBeTruthy();
          expect(select(`a[data-footnote-backref][href="#${ref.properties.id}"]`, note!), String(ref.properties.id)).toBeTruthy();
        }
      });

      it('numbers only the editor’s notes: one per label defined in the file, none from the glossary', () => {
        const defined = [...article.body.matchAll(/^\[\^([^\]]+)\]:/gm)].map((m) => m[1]).sort();
        const notes = selectAll('section[data-footnotes] li', tree());
        expect(notes.map((li) => String(li.properties.id).slice('fn-'.length)).sort()).toEqual(defined);
        for (const note of notes) expect(toString(select('.note-label', note)!)).toBe('Editor’s note');
      });

      it('links every annotated name to its entry, in the text and in the editor’s notes', () => {
        const labelsIn = (text: string) => [...text.matchAll(/(?<!^)\[\^([^\]\s]+)\]/gm)].map((m) => m[1]).filter((l) => glossary.has(l));
        const entries = (selector: string) => selectAll(selector, tree()).map((a) => String(a.properties.dataEntry));
        // In the running text, in order; with the editor's notes, every marker of the file.
        const definitions = /^\[\^[^\]]+\]:.*$/gm;
        expect(entries('.article-body > p a.name')).toEqual(labelsIn(article.body.replace(definitions, '')));
        expect(entries('.article-body a.name').sort()).toEqual(labelsIn(article.body).sort());
        const links = selectAll('.article-body a.name', tree());
        for (const a of links) {
          expect(a.properties.className).toEqual(['name']);
          expect(href(a)).toBe(`/glossary/${a.properties.dataEntry}/`);
          expect(toString(a).trim()).not.toBe('');
        }
      });

      it('lists the names after the text, in order of first link, each with its kind and one line, out of the search index', () => {
        const section = select('article section.names[aria-labelledby="names-title"][data-pagefind-ignore]', tree())!;
        expect(section).toBeTruthy();
        expect(toString(select('h2#names-title', section)!)).toBe('Names in this text');
        const firstLinks = [...new Set(selectAll('a.name', tree()).map((a) => String(a.properties.dataEntry)))];
        const items = selectAll('ul.names-list > li', section);
        expect(items.map((li) => li.properties.id)).toEqual(firstLinks.map((id) => `name-${id}`));
        for (const [i, li] of items.entries()) {
          const entry = glossary.get(firstLinks[i])!;
          const link = select('a[data-entry]', li)!;
          expect([href(link), link.properties.dataEntry, toString(link)]).toEqual([`/glossary/${entry.id}/`, entry.id, entry.name]);
          expect(toString(select('.name-kind', li)!)).toBe(entry.kind);
          const line = toString(select('.name-line', li)!);
          expect(entry.summary.replace(/\s+/g, ' ').startsWith(line)).toBe(true);
          expect(line).toMatch(/[.!?][”’"]?$/);
        }
        // After the running text, not inside it.
        expect(select('.article-body section.names', tree())).toBeFalsy();
      });

      it('keeps the notes and gaps out of the search index: only the author’s words are searched', () => {
        expect(select('section[data-footnotes]', tree())!.properties.dataPagefindIgnore).toBe('');
        for (const gap of selectAll('.gap', tree())) expect(gap.properties.dataPagefindIgnore).toBe('');
      });

      it('shows each lost quotation as a gap in the running text', () => {
        const gaps = selectAll('.article-body > .gap[role=note]', tree());
        expect(gaps).toHaveLength(article.body.split('<Gap>').length - 1);
        for (const gap of gaps) expect(toString(gap)).toMatch(/lost|missing/i);
      });

      it('gives every paragraph a permalink id p-N, in order', () => {
        const ids = selectAll('.article-body > p', tree()).map((p) => p.properties.id);
        expect(ids).toEqual(ids.map((_, i) => `p-${i + 1}`));
      });

      it('delivers the seed word for word to the reader: the whole running text, nothing added, nothing lost', () => {
        // Everything in the article body but the editor's notes, the gaps, note numbers and permalinks.
        const body = structuredClone(select('.article-body', tree())!);
        const strip = (el: Element) => {
          el.children = el.children.filter((c) => {
            if (c.type !== 'element') return c.type === 'text';
            const cls = String(c.properties.className ?? '');
            return !(c.tagName === 'sup' || cls.includes('pilcrow') || cls.includes('gap') || c.properties.dataFootnotes !== undefined);
          });
          for (const c of el.children) if (c.type === 'element') strip(c);
        };
        strip(body);
        const blocks = body.children.filter((c): c is Element => c.type === 'element');
        expect(blocks.every((b) => b.tagName === 'p')).toBe(true);
        const seed = fs.readFileSync(path.join(SEEDS_DIR, article.data.seed), 'utf8');
        expect(compareWithSeed(blocks.map((b) => toString(b)).join('\n\n'), seed)?.message).toBeUndefined();
      });

      it('lists its subjects with links to their entries', () => {
        const links = selectAll('.subjects a', tree()).map(href);
        expect(links.length).toBeGreaterThan(10);
        for (const l of links) expect(l).toMatch(/^\/glossary\/[a-z0-9-]+\/$/);
      });
    });
  }
});

describe('glossary entry pages', () => {
  it('list backlinks whose targets exist, with counts that add up', () => {
    let total = 0;
    for (const id of glossary.keys()) {
      const tree = page(`glossary/${id}/`);
      const links = selectAll('.mentions .mention-link', tree);
      total += links.length;
      for (const link of links) {
        const [target, fragment] = href(link).split('#');
        expect(fragment, `${id}: ${href(link)}`).toMatch(/^p-\d+$/);
        expect(select(`p#${fragment}`, page(target)), `${id}: ${href(link)}`).toBeTruthy();
      }
      if (links.length) {
        const count = toString(select('.mention-count', tree)!);
        expect(count).toMatch(new RegExp(`in ${links.length} paragraphs? of [123] articles?`));
      }
    }
    expect(total).toBeGreaterThan(200);
  });

  it('finds Kyiv under both spellings, in all three articles', () => {
    const tree = page('glossary/kyiv/');
    expect(toString(select('.mention-count', tree)!)).toMatch(/of 3 articles/);
    const marks = selectAll('.mentions mark', tree).map((m) => toString(m));
    expect(marks).toContain('Kiev');
    expect(marks).toContain('Kyiv');
  });

  it('counts a name linked under an alias that is a phrase (“a secret memorandum”)', () => {
    const links = selectAll('.mentions .mention-link', page('glossary/clinton-yeltsin-assurances/'));
    expect(links.map(href)).toEqual([expect.stringMatching(/^\/articles\/diplomatic-off-ramp\/#p-\d+$/)]);
  });

  it('shows related entries that exist', () => {
    const links = selectAll('.related a', page('glossary/minsk-agreements/')).map(href);
    expect(links).toContain('/glossary/war-in-donbas/');
  });

  it('keeps a related entry’s name apart from its note in the text itself', () => {
    const items = selectAll('.related li', page('glossary/minsk-agreements/')).map((li) => toString(li));
    expect(items).toContain('War in Donbas (event)');
    for (const item of items) expect(item).toMatch(/\S \([^()]+\)$/);
  });
});

describe('what readers see of the sources', () => {
  it('no page and no feed names a text by its file number (“text 002” is Part 1)', () => {
    const files = [...allPages().map(pageFile), path.join(DIST, 'feed.xml')];
    const found = files.filter((f) => /\btexts?\s+00\d/i.test(fs.readFileSync(f, 'utf8')));
    expect(files.length).toBeGreaterThan(80);
    expect(found).toEqual([]);
  });
});

describe('search index', () => {
  it('is built into dist/pagefind with the component UI', () => {
    for (const f of ['pagefind.js', 'pagefind-component-ui.js', 'pagefind-component-ui.css']) {
      expect(fs.existsSync(path.join(DIST, 'pagefind', f)), f).toBe(true);
    }
  });

  it('indexes articles and entries with kind filters', () => {
    expect(select('[data-pagefind-body][data-pagefind-filter="kind:article"]', page(`articles/${articles[0].slug}/`))).toBeTruthy();
    expect(select('[data-pagefind-body][data-pagefind-filter="kind:person"]', page('glossary/vladimir-putin/'))).toBeTruthy();
    expect(select('[data-pagefind-body]', page(''))).toBeFalsy();
  });
});

describe('page script', () => {
  const scripts = fs.readdirSync(path.join(DIST, '_astro')).filter((f) => f.endsWith('.js'));
  const main = scripts.find((f) => f.startsWith('Base.astro'))!;
  const code = fs.readFileSync(path.join(DIST, '_astro', main), 'utf8');

  it('loads previews and search as plain lazy imports, without Vite’s preload helper', () => {
    const lazy = [...code.matchAll(/import\((["`])\.\/([^"`]+)\1\)/g)].map((m) => m[2]);
    expect(lazy.some((f) => f.startsWith('popover.'))).toBe(true);
    expect(lazy.some((f) => f.startsWith('search.'))).toBe(true);
    for (const f of lazy) expect(scripts, f).toContain(f);
    // Vite's helper checks `relList.supports('modulepreload')` and fires `vite:preloadError`; our own
    // Pagefind preload (client/search-preload.ts) adds a modulepreload link without either.
    expect(code).not.toMatch(/\.supports\(["`']modulepreload|vite:preloadError/);
  });

  it('imports nothing up front: search arrives only when a reader searches', () => {
    // A module shared with the search code would make the bundler load the search chunk with every page.
    expect(code).not.toMatch(/(^|[;\s}])import\s*(\{[^}]*\}\s*from\s*|[\w$*][^;]*?from\s*)?["`']/);
  });
});

describe('the about page', () => {
  it('states authorship, dates and headlines no more firmly than the frontmatter', () => {
    const tree = page('about/');
    const text = toString(select('main', tree)!);
    expect(text).not.toMatch(/Editorial:|\(not established\)/);
    for (const a of articles) {
      const section = select(`#text-${a.slug}`, tree)!;
      const field = (name: string) => {
        const dts = selectAll('dt', section);
        const dds = selectAll('dd', section);
        return toString(dds[dts.findIndex((dt) => toString(dt) === name)]).replace(/\s+/g, ' ').trim();
      };
      const { author, headline } = a.data.provenance;
      expect(field('Author'), a.slug).toMatch(author.certainty === 'inferred' ? /by the editor’s inference; not verified/ : author.certainty === 'probable' ? /^Probably / : /./);
      expect(field('Date'), a.slug).toMatch(a.data.dating.certainty === 'verified' ? /./ : /inferred|Probably|Not known/);
      if (a.data.titleSource === 'editorial') expect(field('Headline'), a.slug).toMatch(/^None known\. “.+” is the editor’s title/);
      else expect(field('Headline'), a.slug).toMatch(headline.certainty === 'verified' ? /^“/ : /^Probably the original: “/);
    }
  });
});

describe('the text face', () => {
  const assets = fs.readdirSync(path.join(DIST, '_astro'));
  it('is two small woff2 files of this site, declared with font-display: swap', () => {
    const fonts = filesUnder(DIST).filter((f) => /\.(woff2?|ttf|otf)$/.test(f));
    expect(fonts.map((f) => path.basename(f).replace(/\.[\w-]+\.woff2$/, ''))).toEqual(['source-serif-4-italic', 'source-serif-4-normal']);
    for (const f of fonts) expect(fs.statSync(path.join(DIST, f)).size, f).toBeLessThan(11_000);
    const css = assets.filter((f) => f.endsWith('.css')).map((f) => fs.readFileSync(path.join(DIST, '_astro', f), 'utf8')).join('');
    const faces = css.match(/@font-face\{[^}]*\}/g) ?? [];
    const remote = faces.filter((f) => /url\((?!["']?\/)/.test(f) && /url\(["']?(https?:)?\/\//.test(f));
    expect(remote).toEqual([]);
    expect(faces.filter((f) => f.includes('woff2')).every((f) => f.includes('font-display:swap'))).toBe(true);
    expect(faces.filter((f) => f.includes('woff2'))).toHaveLength(2);
  });
});
