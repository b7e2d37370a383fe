// Links between texts and entries, derived from the mention index: which
// other texts share the most entries with a text, and which entries are
// named in the same paragraphs as an entry.
import { mentionCounts, type MentionIndex } from './mentions.ts';

/** "The other texts" lists at most this many, most entries in common first. */
export const MAX_OTHER_ARTICLES = 5;

export interface SharedArticle {
  slug: string;
  /** Entries named in both texts, most mentioned (in the two texts together) first. */
  shared: { id: string; mentions: number }[];
}

/** The other texts (at most MAX_OTHER_ARTICLES), ranked by how many entries they share with `slug`; ties keep the given order. */
export function otherArticles(index: MentionIndex, slug: string, slugs: readonly string[], limit = MAX_OTHER_ARTICLES): SharedArticle[] {
  const counts = mentionCounts(index);
  const mine = counts.get(slug) ?? new Map<string, number>();
  // Entries in common, counted from each entry's own list of articles: no pass over every other text per entry.
  const inCommon = new Map<string, number>();
  for (const id of mine.keys()) {
    for (const other of index.get(id)?.articles ?? []) if (other !== slug) inCommon.set(other, (inCommon.get(other) ?? 0) + 1);
  }
  const order = new Map(slugs.map((s, i) => [s, i]));
  const byRank = (a: string, b: string) => (inCommon.get(b) ?? 0) - (inCommon.get(a) ?? 0) || order.get(a)! - order.get(b)!;
  const ranked = [...inCommon.keys()].filter((s) => order.has(s)).sort(byRank).slice(0, limit);
  // Fewer than `limit` share anything: fill with the others, in the given order.
  for (const s of slugs) {
    if (ranked.length >= limit) break;
    if (s !== slug && !inCommon.has(s)) ranked.push(s);
  }
  return ranked.map((other) => {
    const theirs = counts.get(other) ?? new Map<string, number>();
    const shared = [...mine].filter(([id]) => theirs.has(id)).map(([id, k]) => ({ id, mentions: k + theirs.get(id)! }));
    shared.sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
    return { slug: other, shared };
  });
}

/** Entries named in the same paragraphs as `id`, with how many paragraphs they share; most first. */
export function coMentioned(index: MentionIndex, id: string): { id: string; paragraphs: number }[] {
  const byParagraph = entitiesByParagraph(index);
  const counts = new Map<string, number>();
  for (const p of index.get(id)?.paragraphs ?? []) {
    for (const other of byParagraph.get(`${p.article}#${p.paragraph}`) ?? []) {
      if (other !== id) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([other, paragraphs]) => ({ id: other, paragraphs }))
    .sort((a, b) => b.paragraphs - a.paragraphs || a.id.localeCompare(b.id));
}

/** "article#p-3" → the entities named there: made once per index, so each entry page is a lookup. */
const paragraphsCache = new WeakMap<MentionIndex, Map<string, string[]>>();
function entitiesByParagraph(index: MentionIndex): Map<string, string[]> {
  let map = paragraphsCache.get(index);
  if (map) return map;
  map = new Map();
  for (const [id, e] of index) {
    for (const p of e.paragraphs) {
      const key = `${p.article}#${p.paragraph}`;
      const list = map.get(key);
      if (list) list.push(id);
      else map.set(key, [id]);
    }
  }
  paragraphsCache.set(index, map);
  return map;
}

/** For each text that names `id`: its first paragraph doing so, in the index's (series) order. */
export function firstParagraphs(index: MentionIndex, id: string): { slug: string; paragraph: string }[] {
  const out: { slug: string; paragraph: string }[] = [];
  const seen = new Set<string>();
  for (const p of index.get(id)?.paragraphs ?? []) {
    if (seen.has(p.article)) continue;
    seen.add(p.article);
    out.push({ slug: p.article, paragraph: p.paragraph });
  }
  return out;
}
