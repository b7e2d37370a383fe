// An entry's preview, as an HTML fragment the preview script fetches on first
// use (src/client/previews.ts): any link to the entry, on any page, can show
// it without the page carrying it. Made from the same renderer as the notes.
import type { APIRoute } from 'astro';
import { loadEdition } from '../../../edition/edition.ts';
import { elsewhereFor, entityNoteHtml } from '../../../edition/entity-note.ts';

export async function getStaticPaths() {
  const { entries } = await loadEdition();
  return entries.map((e) => ({ params: { id: e.id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const edition = await loadEdition();
  const id = String(params.id);
  const entry = edition.byId.get(id)!;
  const article = (slug: string) => {
    const a = edition.bySlug.get(slug);
    return a && { slug, title: `Part ${a.entry.data.series}: ${a.entry.data.title}` };
  };
  const elsewhere = elsewhereFor(edition.mentions.get(id)?.articles ?? [], '', article);
  const html = entityNoteHtml(id, entry.data, { base: import.meta.env.BASE_URL, elsewhere });
  return new Response(`${html}\n`, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
