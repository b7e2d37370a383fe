// Links between texts and entries, derived from the mention index: which
// other texts share the most entries with a text, and which entries are
// named in the same paragraphs as an entry.
import type { PassageRef } from './article.ts';
import { mentionCounts, type MentionIndex } from './mentions.ts';

/** "The other texts" lists at most this many, most entries in common first. */
export const MAX_OTHER_ARTICLES = 5;

export interface SharedArticle {
  slug: string;
  /** Entries named in both texts, most mentioned (in the two texts together) first. */
  shared: { id: string; mentions: number }[];
}

/** Links between texts and entries, for every page of one build. */
export interface Related {
  /** Entries one text names, most mentioned first. */
  entitiesIn(slug: string): { id: string; count: number }[];
  /** The other texts (at most MAX_OTHER_ARTICLES), ranked by how many entries they share with `slug`; ties keep the series order. */
  others(slug: string): SharedArticle[];
  /** Entries named in the same paragraphs as `id`, with how many paragraphs they share; most first. */
  coMentioned(id: string): { id: string; paragraphs: number }[];
}

/**
 * Made once per build (src/edition/edition.ts): the counts and lookups every
 * page's questions share are computed here, so each question is a lookup.
 * `slugs`: every text, in series order.
 */
export function relatedIndex(index: MentionIndex, slugs: readonly string[], limit = MAX_OTHER_ARTICLES): Related {
  const counts = mentionCounts(index);
  const position = new Map(slugs.map((s, i) => [s, i]));
  // Each entry's articles as positions in `slugs`.
  const articlesOf = new Map<string, Int32Array>();
  for (const [id, e] of index) articlesOf.set(id, Int32Array.from(e.articles.filter((a) => position.has(a)), (a) => position.get(a)!));
  // "article#p-3" → the entities named there.
  const byParagraph = new Map<string, string[]>();
  for (const [id, e] of index) {
    for (const p of e.paragraphs) {
      const key = `${p.article}#${p.paragraph}`;
      const list = byParagraph.get(key);
      if (list) list.push(id);
      else byParagraph.set(key, [id]);
    }
  }

  return {
    entitiesIn(slug) {
      const out = [...(counts.get(slug) ?? [])].map(([id, count]) => ({ id, count }));
      return out.sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
    },

    others(slug) {
      const mine = counts.get(slug) ?? new Map<string, number>();
      // Entries in common, counted from each entry's own list of articles: no
      // pass over every other text per entry, no map per text.
      const inCommon = new Int32Array(slugs.length);
      for (const id of mine.keys()) for (const p of articlesOf.get(id) ?? []) inCommon[p]++;
      const self = position.get(slug);
      if (self !== undefined) inCommon[self] = 0;
      // The top `limit` in one pass; scanning in series order keeps ties in that order.
      const top: number[] = [];
      for (let p = 0; p < inCommon.length; p++) {
        const n = inCommon[p];
        if (!n || (top.length === limit && n <= inCommon[top[limit - 1]])) continue;
        let at = top.length;
        while (at > 0 && inCommon[top[at - 1]] < n) at--;
        top.splice(at, 0, p);
        if (top.length > limit) top.pop();
      }
      const ranked = top.map((p) => slugs[p]);
      // Fewer than `limit` share anything: fill with the others, in the given order.
      for (let p = 0; p < slugs.length && ranked.length < limit; p++) {
        if (p !== self && !inCommon[p]) ranked.push(slugs[p]);
      }
      return ranked.map((other) => {
        const theirs = counts.get(other) ?? new Map<string, number>();
        const shared = [...mine].filter(([id]) => theirs.has(id)).map(([id, k]) => ({ id, mentions: k + theirs.get(id)! }));
        shared.sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
        return { slug: other, shared };
      });
    },

    coMentioned(id) {
      const shared = new Map<string, number>();
      for (const p of index.get(id)?.paragraphs ?? []) {
        for (const other of byParagraph.get(`${p.article}#${p.paragraph}`) ?? []) {
          if (other !== id) shared.set(other, (shared.get(other) ?? 0) + 1);
        }
      }
      return [...shared]
        .map(([other, paragraphs]) => ({ id: other, paragraphs }))
        .sort((a, b) => b.paragraphs - a.paragraphs || a.id.localeCompare(b.id));
    },
  };
}

/** For each text that names `id`: its first paragraph doing so, in the index's (series) order. */
export function firstParagraphs(index: MentionIndex, id: string): PassageRef[] {
  const out: PassageRef[] = [];
  const seen = new Set<string>();
  for (const p of index.get(id)?.paragraphs ?? []) {
    if (seen.has(p.article)) continue;
    seen.add(p.article);
    out.push({ slug: p.article, paragraph: p.paragraph });
  }
  return out;
}
