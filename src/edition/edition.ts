// Route data for every page, computed once per build: the articles in series
// order with their paragraphs, the glossary, the mention index and what is
// derived from it (links between texts and entries, the timeline). Pages read
// it and hand components what they show as props.
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { createAliasMatcher } from './aliases.ts';
import type { Article } from './article.ts';
import { buildMentionIndex, type MentionIndex, type Paragraph } from './mentions.ts';
import { loadParagraphs } from './paragraph-store.ts';
import { relatedIndex, type Related } from './related.ts';
import { editionTimeline, type Timeline } from './timeline.ts';

export type GlossaryEntry = CollectionEntry<'glossary'>;

export interface Edition {
  articles: Article[];
  bySlug: Map<string, Article>;
  entries: GlossaryEntry[];
  byId: Map<string, GlossaryEntry>;
  mentions: MentionIndex;
  related: Related;
  timeline: Timeline;
}

const WORDS_PER_MINUTE = 230;

// The build's one cache (docs/architecture.md). Astro evaluates this module
// once per build but calls each page on its own, and a page without
// getStaticPaths (home, timeline, map …) has no other hook to receive data:
// the first page to ask computes the edition, every other page shares it.
let edition: Promise<Edition> | undefined;

export function loadEdition(): Promise<Edition> {
  edition ??= build();
  return edition;
}

async function build(): Promise<Edition> {
  const entries = (await getCollection('glossary')).sort((a, b) => a.data.name.localeCompare(b.data.name, 'en'));
  const articleEntries = (await getCollection('articles')).sort((a, b) => a.data.series - b.data.series);
  const articles: Article[] = [];
  for (const entry of articleEntries) {
    const { remarkPluginFrontmatter } = await render(entry);
    const paragraphs = readParagraphs(remarkPluginFrontmatter.paragraphs);
    const words = paragraphs.reduce((n, p) => n + p.text.split(/\s+/).filter(Boolean).length, 0);
    articles.push({ slug: entry.id, entry, paragraphs, words, readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)) });
  }
  const matcher = createAliasMatcher(entries.map((e) => ({ id: e.id, name: e.data.name, aliases: e.data.aliases })));
  const mentions = buildMentionIndex(articles, matcher);
  const slugs = articles.map((a) => a.slug);
  return {
    articles,
    bySlug: new Map(articles.map((a) => [a.slug, a])),
    entries,
    byId: new Map(entries.map((e) => [e.id, e])),
    mentions,
    related: relatedIndex(mentions, slugs),
    timeline: editionTimeline({ entries, articles, mentions }),
  };
}

/** The paragraphs rehype-paragraphs recorded: JSON, or the key it was stored under (none if the annotation pipeline is off). */
export function readParagraphs(value: unknown): Paragraph[] {
  return typeof value === 'string' ? (JSON.parse(loadParagraphs(value)) as Paragraph[]) : [];
}
