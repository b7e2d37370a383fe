// What a search must find, read from the built site rather than written into
// the tests, so they hold as the content changes: each entity's spellings
// from the table the build writes for search (search-aliases.json), and the
// articles that name an entity from their own links to its entry.
import fs from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { DIST as dir } from '../support/dist.ts';
import { htmlPages, parsePage, readPage } from '../support/site-files.ts';

interface Entity {
  id: string;
  names: string[];
}
interface Article {
  path: string;
  text: string;
  /** The entries its text links by name. */
  names: Set<string>;
}

const entities: Entity[] = JSON.parse(fs.readFileSync(path.join(dir, 'search-aliases.json'), 'utf8'));
const articles: Article[] = htmlPages(dir)
  .filter((f) => /^articles\/[^/]+\/index\.html$/.test(f))
  .map((f) => {
    const body = select('.article-body', parsePage(readPage(dir, f)));
    if (!body) throw new Error(`${f}: no .article-body`);
    const names = selectAll('a.name', body).map((a: Element) => String(a.properties.href));
    return { path: `/${f.slice(0, -'index.html'.length)}`, text: fold(toString(body)), names: new Set(names) };
  });

/** Accents, case and a possessive folded away, as a reader's spellings differ. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '');
}

/** The entity a query names by one of its spellings, if any. */
export function entityOf(query: string): Entity | undefined {
  return entities.find((e) => e.names.some((n) => fold(n) === fold(query)));
}

export const entryPath = (e: Entity) => `/glossary/${e.id}/`;

/** The articles that name the entity (by a link to its entry). */
export const articlesNaming = (e: Entity) => articles.filter((a) => a.names.has(entryPath(e))).map((a) => a.path);

/** The articles whose text has the words, accents and case aside. */
export const articlesWith = (words: string) => articles.filter((a) => a.text.includes(fold(words))).map((a) => a.path);

/** How many times an article's text says any spelling of the entity (longest first, none counted twice). */
export function timesNamed(articlePath: string, e: Entity): number {
  const article = articles.find((a) => a.path === articlePath);
  if (!article) throw new Error(`no article ${articlePath}`);
  const names = e.names.map(fold).sort((a, b) => b.length - a.length);
  return article.text.match(new RegExp(`(?<![\\p{L}\\p{N}])(${names.map((n) => RegExp.escape(n)).join('|')})(?![\\p{L}\\p{N}])`, 'gu'))?.length ?? 0;
}

/**
 * Every article a search for the query returns, sorted: those whose text has
 * it or any other spelling of the entity it names, and those that name that
 * entity (the index gives a page every spelling of what it names).
 */
export function articleResults(query: string): string[] {
  const entity = entityOf(query);
  const spellings = entity ? entity.names : [query];
  const found = new Set([...spellings.flatMap(articlesWith), ...(entity ? articlesNaming(entity) : [])]);
  return [...found].sort();
}

/**
 * The pages a query must find: for a spelling of an entity, its entry (first)
 * and every article that names it; for other words, every article that has them.
 */
export function expectedPages(query: string): { first?: string; pages: string[] } {
  const entity = entityOf(query);
  if (!entity) return { pages: articlesWith(query) };
  return { first: entryPath(entity), pages: [entryPath(entity), ...articlesNaming(entity)] };
}
