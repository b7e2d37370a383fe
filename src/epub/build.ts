// The EPUB 3 edition, made from the built site: the same rendered articles,
// notes, names and About page the site serves (xhtml.ts turns them into book
// files), written as one zip (package.ts). Takes the built site's folder, so
// any build step can call it once the pages are written.
import fs from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { FILES, forBook, popupNotes, xhtmlDocument, type Links } from './xhtml.ts';
import { writeEpub, type BookFile } from './package.ts';
import { escapeHtml as escapeXml } from '../site/text.ts';
import { EPUB_PATH } from '../site/urls.ts';


const h = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });

function readPage(siteDir: string, page: string) {
  const file = path.join(siteDir, page, 'index.html');
  if (!fs.existsSync(file)) throw new Error(`${file}: the EPUB needs this page, and the build did not write it`);
  return fromHtml(fs.readFileSync(file, 'utf8'));
}

/** Build `EPUB_PATH` in the site folder from its pages; returns its path. */
export async function buildEpub(siteDir: string): Promise<string> {
  const home = readPage(siteDir, '');
  // The articles in the home page's order (series order).
  const slugs = [...new Set(selectAll('.article-list a[href*="/articles/"]', home).map((a) => /\/articles\/([^/]+)\//.exec(String(a.properties.href))?.[1]))].filter(
    (s): s is string => !!s,
  );
  if (!slugs.length) throw new Error(`${siteDir}/index.html: no links to articles, so no chapters for the EPUB`);
  const pages = slugs.map((slug) => ({ slug, tree: readPage(siteDir, `articles/${slug}`) }));
  const names = new Map<string, { name: string; kind: string; line: string }>();
  for (const { tree } of pages) {
    for (const li of selectAll('.names-list li[id^="name-"]', tree)) {
      const id = String(li.properties.id).slice('name-'.length);
      const part = (css: string) => toString(select(css, li) ?? h('span', {}, [])).trim();
      names.set(id, { name: part('a'), kind: part('.name-kind'), line: part('.name-line') });
    }
  }
  const links: Links = { glossary: new Set(names.keys()), chapters: new Set(slugs) };
  const first = pages[0].tree;
  const revised = String(select('.edition-version time', first)?.properties.dateTime ?? '');
  const version = /version ([^,]+),/.exec(toString(select('.edition-version', first) ?? h('p', {}, [])))?.[1];
  if (!revised || !version) throw new Error(`${siteDir}/articles/${slugs[0]}/index.html: no edition version and revision date (.edition-version)`);
  const title = toString(select('title', home) ?? h('title', {}, [])).trim();
  const description = String(select('meta[name="description"]', home)?.properties.content ?? '');

  const files: BookFile[] = [];
  const chapters = pages.map(({ slug, tree }) => {
    const header = select('.article-header', tree);
    const body = select('.article-body', tree);
    if (!header || !body) throw new Error(`${siteDir}/articles/${slug}/index.html: no article header or body`);
    const notes = popupNotes([body]);
    const heading = toString(select('h1', header)!).trim();
    const content = forBook([h('section', { 'epub:type': 'chapter' }, [...header.children, ...body.children])], links);
    const noteList = notes.length ? [h('section', { className: ['notes'] }, [h('h2', {}, [text('Editor’s notes')]), ...forBook(notes, links)])] : [];
    files.push({ name: FILES.chapter(slug), data: xhtmlDocument(heading, [...content, ...noteList], 'bodymatter') });
    return { file: FILES.chapter(slug), title: heading };
  });

  const glossary = [...names].sort((a, b) => a[1].name.localeCompare(b[1].name, 'en'));
  files.push({
    name: FILES.glossary,
    data: xhtmlDocument('Glossary', [
      h('section', { 'epub:type': 'glossary' }, [
        h('h1', {}, [text('Glossary')]),
        h('dl', {}, glossary.flatMap(([id, n]) => [h('dt', { id: `g-${id}` }, [text(`${n.name} (${n.kind})`)]), h('dd', {}, [text(n.line)])])),
      ]),
    ], 'backmatter'),
  });

  const about = readPage(siteDir, 'about');
  const aboutParts = selectAll('main > .page-header, main > .prose, main > .about-text', about);
  files.push({ name: FILES.about, data: xhtmlDocument('About these texts', forBook([h('section', { 'epub:type': 'appendix' }, aboutParts)], links), 'backmatter') });

  const cover = [
    h('section', { 'epub:type': 'cover titlepage', className: ['cover'] }, [
      h('h1', {}, [text(title)]),
      h('p', { className: ['tagline'] }, [text(description)]),
      h('p', {}, [text(`Version ${version}, revised ${revised}.`)]),
    ]),
  ];
  files.unshift({ name: 'cover.xhtml', data: xhtmlDocument(title, cover) });
  const toc = [
    { file: 'cover.xhtml', title: 'Cover' },
    ...chapters,
    { file: FILES.glossary, title: 'Glossary' },
    { file: FILES.about, title: 'About these texts' },
  ];
  const out = path.join(siteDir, EPUB_PATH);
  await writeEpub(out, { title: escapeXml(title), description: escapeXml(description), version, revised, files, toc });
  return out;
}
