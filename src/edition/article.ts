// What an article is, in the ways the code meets one: the collection entry
// (what Astro read and validated), the route data built from it once per
// build (edition.ts), and a reference to it: its slug with its title, for a
// link, or with one of its paragraphs, for a link to a passage. Anything
// else about an article is read from its entry.
import type { CollectionEntry } from 'astro:content';
import type { Paragraph } from './mentions.ts';

export type ArticleEntry = CollectionEntry<'articles'>;

/** An article as every page sees it: the entry, with its paragraphs as the pipeline recorded them. */
export interface Article {
  slug: string;
  entry: ArticleEntry;
  paragraphs: Paragraph[];
  words: number;
  readingMinutes: number;
}

/** A link to an article, by its title. */
export interface ArticleRef {
  slug: string;
  title: string;
}

/** A link to one paragraph of an article (`p-N`). */
export interface PassageRef {
  slug: string;
  paragraph: string;
}
