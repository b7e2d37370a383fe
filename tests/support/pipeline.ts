// Runs markdown through the same plugins as the site, without Astro, for
// input → output tests of the annotation pipeline.
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { loadGlossary } from '../../src/schema/glossary-source.ts';
import { articlePipeline, articleProcessor } from '../../src/plugins/index.ts';

export const fixtureGlossary = () => loadGlossary('tests/fixtures/glossary');

export async function renderArticle(markdown: string, path = 'content/articles/test.mdx', base = '/') {
  const processor = articleProcessor(articlePipeline(fixtureGlossary(), { base }), { mdx: false });
  const file = new VFile({ value: markdown, path });
  const tree = (await processor.run(processor.parse(file), file)) as HastRoot;
  const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ?? {};
  return { tree, html: toHtml(tree), frontmatter };
}
