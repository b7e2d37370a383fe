// The article pipeline in one place: astro.config.mjs and the tests both use it.
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import type { Glossary } from '../lib/glossary-source.ts';
import type { PluggableList } from 'unified';
import { rehypeNotes } from './rehype-notes.ts';
import { rehypeParagraphs } from './rehype-paragraphs.ts';
import { remarkGlossaryNotes } from './remark-glossary-notes.ts';

export function articlePipeline(glossary: Glossary): { remarkPlugins: PluggableList; rehypePlugins: PluggableList } {
  return {
    remarkPlugins: [[remarkGlossaryNotes, { glossary }]],
    rehypePlugins: [
      [rehypeNotes, { glossary }],
      rehypeParagraphs,
      rehypeSlug,
      [rehypeAutolinkHeadings, { behavior: 'wrap' }],
    ],
  };
}

/** remark-rehype options shared by articles and glossary pages. */
export const remarkRehypeOptions = {
  clobberPrefix: '',
  footnoteLabel: 'Notes',
  footnoteLabelTagName: 'h2',
  footnoteLabelProperties: { className: ['notes-heading'] },
  // The same words for every note (the list item already says which note it is):
  // they repeat on every note of every article, and compress to almost nothing.
  footnoteBackLabel: (_i: number, n: number) => (n > 1 ? `Back to the text (reference ${n})` : 'Back to the text'),
};
