// The search alias table, derived from the glossary at build time: every
// spelling of every entity. Loaded by the search scripts on the first
// keystroke only. Its size depends on the glossary, not on the articles:
// ranking counts mentions from Pagefind's own matches.
import type { APIRoute } from 'astro';
import { loadEdition } from '../edition/edition.ts';
import type { SearchEntity } from '../client/search/query.ts';

export const GET: APIRoute = async () => {
  const { entries } = await loadEdition();
  const table: SearchEntity[] = entries.map((e) => ({ id: e.id, kind: e.data.kind, names: [e.data.name, ...e.data.aliases] }));
  return new Response(JSON.stringify(table), { headers: { 'content-type': 'application/json' } });
};
