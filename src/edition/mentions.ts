// The mention index: which paragraphs of which articles mention each entity,
// by name or alias (found by the alias matcher), and which of those mentions
// the text links to the entry (annotated). Built once, looked up per page.
import type { AliasMatcher } from './aliases.ts';
import type { Article } from './article.ts';

export interface ParagraphNote {
  entity: string;
  /** Offset in the paragraph's text where the annotated mention starts. */
  offset: number;
}

export interface Paragraph {
  id: string;
  text: string;
  notes: ParagraphNote[];
}

export interface Snippet {
  before: string;
  match: string;
  after: string;
}

export interface ParagraphMention {
  article: string;
  paragraph: string;
  /** How many times the paragraph mentions the entity. */
  count: number;
  annotated: boolean;
  snippet: Snippet;
}

export interface EntityMentions {
  mentions: number;
  articles: string[];
  paragraphs: ParagraphMention[];
}

export type MentionIndex = Map<string, EntityMentions>;

export function buildMentionIndex(articles: readonly Pick<Article, 'slug' | 'paragraphs'>[], matcher: AliasMatcher): MentionIndex {
  const index: MentionIndex = new Map();
  for (const article of articles) {
    for (const p of article.paragraphs) {
      const byEntity = new Map<string, { start: number; end: number; annotated: boolean }[]>();
      for (const m of matcher.find(p.text)) {
        const list = byEntity.get(m.id) ?? [];
        list.push({ start: m.start, end: m.end, annotated: false });
        byEntity.set(m.id, list);
      }
      for (const note of p.notes) {
        const list = byEntity.get(note.entity) ?? [];
        // A note on a name the matcher found is the same mention, not another.
        const same = list.find((m) => note.offset >= m.start && note.offset <= m.end);
        if (same) same.annotated = true;
        else list.push({ start: note.offset, end: note.offset, annotated: true });
        byEntity.set(note.entity, list);
      }
      for (const [entity, found] of byEntity) {
        found.sort((a, b) => a.start - b.start);
        const entry = index.get(entity) ?? { mentions: 0, articles: [], paragraphs: [] };
        entry.mentions += found.length;
        if (entry.articles.at(-1) !== article.slug) entry.articles.push(article.slug);
        const first = found.find((f) => f.end > f.start) ?? found[0];
        entry.paragraphs.push({
          article: article.slug,
          paragraph: p.id,
          count: found.length,
          annotated: found.some((f) => f.annotated),
          snippet: snippet(p.text, first.start, first.end),
        });
        index.set(entity, entry);
      }
    }
  }
  return index;
}

/** A short context around text[start, end), cut at word boundaries. */
export function snippet(text: string, start: number, end: number, radius = 70): Snippet {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  // A note on a phrase ("his foreign minister") has no name to highlight:
  // show the words just before the note instead.
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, start),
    match: text.slice(start, end),
    after: text.slice(end, to) + (to < text.length ? '…' : ''),
  };
}

/** For each article, how often it mentions each entity. */
export function mentionCounts(index: MentionIndex): Map<string, Map<string, number>> {
  const byArticle = new Map<string, Map<string, number>>();
  for (const [id, e] of index) {
    for (const p of e.paragraphs) {
      let counts = byArticle.get(p.article);
      if (!counts) byArticle.set(p.article, (counts = new Map()));
      counts.set(id, (counts.get(id) ?? 0) + p.count);
    }
  }
  return byArticle;
}
