// The article pipeline in one place: the build (src/integrations/), the
// content check and the tests all take it from here.
import type { Root } from 'mdast';
import type { AliasMatcher } from '../edition/aliases.ts';
import type { Glossary } from '../schema/glossary-source.ts';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { rehypeHeadingLinks } from './rehype-heading-links.ts';
import { backLabel, rehypeNotes } from './rehype-notes.ts';
import { rehypeParagraphs, type ParagraphsOptions } from './rehype-paragraphs.ts';
import { MDX_TYPES, rehypePrerendered, remarkPrerender } from './prerender.ts';
import { remarkGlossaryNotes } from './remark-glossary-notes.ts';

export interface PipelineOptions extends ParagraphsOptions {
  /** The site base ("/" or "/edition/"), for the name links. */
  base?: string;
  /** The glossary's alias matcher, when the caller has made it already. */
  matcher?: AliasMatcher;
}

export interface Pipeline {
  remarkPlugins: PluggableList;
  rehypePlugins: PluggableList;
}

export function articlePipeline(glossary: Glossary, { base, matcher, ...paragraphs }: PipelineOptions = {}): Pipeline {
  return {
    remarkPlugins: [[remarkGlossaryNotes, { glossary, base, matcher }]],
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
export function mdxPipeline(glossary: Glossary, options: PipelineOptions = {}): Pipeline {
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

/** A text parsed as the build parses it, before any of our plugins: MDX syntax (or plain Markdown) and GFM. */
export const markdownParser = (mdx = true) =>
  unified()
    .use(remarkParse)
    .use((mdx ? [remarkMdx] : []) as PluggableList)
    .use(remarkGfm);

/**
 * A pipeline outside Astro (the content check, the tests), as MDX runs it:
 * parse, the remark plugins, remark-rehype with JSX passed through, the rehype
 * plugins. `parsed` sees the tree as parsed, before any plugin changes it.
 */
export function articleProcessor(pipeline: Pipeline, { mdx = true, parsed }: { mdx?: boolean; parsed?: (tree: Root) => void } = {}) {
  return markdownParser(mdx)
    .use((parsed ? [() => parsed] : []) as PluggableList)
    .use(pipeline.remarkPlugins)
    .use(remarkRehype, { ...remarkRehypeOptions, allowDangerousHtml: true, passThrough: [...MDX_TYPES] })
    .use(pipeline.rehypePlugins);
}
