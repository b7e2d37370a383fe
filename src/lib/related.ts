// Links between texts and entries, derived from the mention index: which
// other texts share the most entries with a text, and which entries are
// named in the same paragraphs as an entry.
import type { MentionIndex } from './mentions.ts';

export interface SharedArticle {
  slug: string;
  /** Entries named in both texts, most mentioned (in the two texts together) first. */
  shared: { id: string; mentions: number }[];
}

const mentionsIn = (index: MentionIndex, id: string, slugs: readonly string[]) =>
  (index.get(id)?.paragraphs ?? []).filter((p) => slugs.includes(p.article)).reduce((n, p) => n + p.count, 0);

/** The other texts, ranked by how many entries they share with `slug`; ties keep the given order. */
export function otherArticles(index: MentionIndex, slug: string, slugs: readonly string[]): SharedArticle[] {
  return slugs
    .filter((s) => s !== slug)
    .map((other, order) => {
      const shared: { id: string; mentions: number }[] = [];
      for (const [id, e] of index) {
        if (e.articles.includes(slug) && e.articles.includes(other)) shared.push({ id, mentions: mentionsIn(index, id, [slug, other]) });
      }
      shared.sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
      return { slug: other, shared, order };
    })
    .sort((a, b) => b.shared.length - a.shared.length || a.order - b.order)
    .map(({ slug: s, shared }) => ({ slug: s, shared }));
}

/** Entries named in the same paragraphs as `id`, with how many paragraphs they share; most first. */
export function coMentioned(index: MentionIndex, id: string): { id: string; paragraphs: number }[] {
  const own = new Set((index.get(id)?.paragraphs ?? []).map((p) => `${p.article}#${p.paragraph}`));
  if (!own.size) return [];
  const out: { id: string; paragraphs: number }[] = [];
  for (const [other, e] of index) {
    if (other === id) continue;
    const n = e.paragraphs.filter((p) => own.has(`${p.article}#${p.paragraph}`)).length;
    if (n) out.push({ id: other, paragraphs: n });
  }
  return out.sort((a, b) => b.paragraphs - a.paragraphs || a.id.localeCompare(b.id));
}

/** For each text that names `id`: its first paragraph doing so, in the index's (series) order. */
export function firstParagraphs(index: MentionIndex, id: string): { slug: string; paragraph: string }[] {
  const out: { slug: string; paragraph: string }[] = [];
  for (const p of index.get(id)?.paragraphs ?? []) {
    if (!out.some((o) => o.slug === p.article)) out.push({ slug: p.article, paragraph: p.paragraph });
  }
  return out;
}
