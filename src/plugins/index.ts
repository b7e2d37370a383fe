// The article pipeline in one place: astro.config.mjs and the tests both use it.
import type { Glossary } from '../schema/glossary-source.ts';
import type { Options as RemarkRehypeOptions } from 'remark-rehype';
import type { PluggableList } from 'unified';
import { rehypeHeadingLinks } from './rehype-heading-links.ts';
import { backLabel, rehypeNotes } from './rehype-notes.ts';
import { rehypeParagraphs, type ParagraphsOptions } from './rehype-paragraphs.ts';
import { rehypePrerendered, remarkPrerender } from './prerender.ts';
import { remarkGlossaryNotes } from './remark-glossary-notes.ts';

export interface PipelineOptions extends ParagraphsOptions {
  /** The site base ("/" or "/edition/"), for the name links. */
  base?: string;
}

export function articlePipeline(glossary: Glossary, { base, ...paragraphs }: PipelineOptions = {}): { remarkPlugins: PluggableList; rehypePlugins: PluggableList } {
  return {
    remarkPlugins: [[remarkGlossaryNotes, { glossary, base }]],
    rehypePlugins: [
      rehypeNotes,
      [rehypeParagraphs, paragraphs],
      rehypeHeadingLinks,
    ],
  };
}

/**
 * The same pipeline as MDX runs it: the rehype plugins run inside the remark
 * stage (./prerender.ts), so MDX's own passes see static HTML, not every
 * annotation node.
 */
export function mdxPipeline(glossary: Glossary, options: PipelineOptions = {}): { remarkPlugins: PluggableList; rehypePlugins: PluggableList } {
  const { remarkPlugins, rehypePlugins } = articlePipeline(glossary, options);
  return {
    remarkPlugins: [...remarkPlugins, [remarkPrerender, { rehypePlugins, remarkRehype: remarkRehypeOptions }]],
    rehypePlugins: [rehypePrerendered],
  };
}

/** remark-rehype options shared by articles and glossary pages. */
export const remarkRehypeOptions: RemarkRehypeOptions = {
  clobberPrefix: '',
  footnoteLabel: 'Notes',
  footnoteLabelTagName: 'h2',
  footnoteLabelProperties: { className: ['notes-heading'] },
  footnoteBackLabel: backLabel,
};
