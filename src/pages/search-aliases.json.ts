// The search alias table, derived from the glossary and the mention index at
// build time: every spelling of every entity, and how often each article
// mentions it. Loaded by the search scripts on the first keystroke only.
import type { APIRoute } from 'astro';
import { loadEdition } from '../lib/edition.ts';
import type { SearchEntity } from '../lib/search-query.ts';
import { url } from '../lib/site.ts';
import { entryPath } from '../lib/urls.ts';

export const GET: APIRoute = async () => {
  const { entries, mentions, bySlug } = await loadEdition();
  const table: SearchEntity[] = entries.map((e) => {
    const articles: Record<string, number> = {};
    for (const p of mentions.get(e.id)?.paragraphs ?? []) {
      const title = bySlug.get(p.article)!.entry.data.title;
      articles[title] = (articles[title] ?? 0) + p.count;
    }
    return { id: e.id, name: e.data.name, url: url(entryPath(e.id)), kind: e.data.kind, names: [e.data.name, ...e.data.aliases], articles };
  });
  return new Response(JSON.stringify(table), { headers: { 'content-type': 'application/json' } });
};
