// The article pipeline in one place: astro.config.mjs and the tests both use it.
import { backLabel } from '../lib/entity-note.ts';
import type { Glossary } from '../lib/glossary-source.ts';
import type { Options as RemarkRehypeOptions } from 'remark-rehype';
import type { PluggableList } from 'unified';
import { rehypeHeadingLinks } from './rehype-heading-links.ts';
import { rehypeNotes } from './rehype-notes.ts';
import { rehypeParagraphs, type ParagraphsOptions } from './rehype-paragraphs.ts';
import { remarkGlossaryNotes } from './remark-glossary-notes.ts';

export function articlePipeline(glossary: Glossary, paragraphs: ParagraphsOptions = {}): { remarkPlugins: PluggableList; rehypePlugins: PluggableList } {
  return {
    remarkPlugins: [[remarkGlossaryNotes, { glossary }]],
    rehypePlugins: [
      [rehypeNotes, { glossary }],
      [rehypeParagraphs, paragraphs],
      rehypeHeadingLinks,
    ],
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
