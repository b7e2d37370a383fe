// Runs markdown through the same plugins as the site, without Astro, for
// input → output tests of the annotation pipeline. Entity notes are filled in
// as src/components/EntityNotes.astro does on the site.
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { fromHtml } from 'hast-util-from-html';
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { entityNoteItemHtml, type NoteOptions } from '../../src/lib/entity-note.ts';
import { loadGlossary, type Glossary } from '../../src/lib/glossary-source.ts';
import { articlePipeline, remarkRehypeOptions } from '../../src/plugins/index.ts';
import { readEntityNotes } from '../../src/plugins/rehype-notes.ts';

export const fixtureGlossary = () => loadGlossary('tests/fixtures/glossary');

export async function renderArticle(markdown: string, path = 'content/articles/test.mdx', base = '/', elsewhere?: NoteOptions['elsewhere']) {
  const glossary = fixtureGlossary();
  const pipeline = articlePipeline(glossary);
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(pipeline.remarkPlugins)
    .use(remarkRehype, remarkRehypeOptions)
    .use(pipeline.rehypePlugins);
  const file = new VFile({ value: markdown, path });
  const tree = (await processor.run(processor.parse(file), file)) as HastRoot;
  fillEntityNotes(tree, glossary, { base, elsewhere });
  const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ?? {};
  return { tree, html: toHtml(tree), frontmatter };
}

/** Replace each <EntityNotes notes> placeholder with its notes, as the article page renders them. */
function fillEntityNotes(tree: HastRoot, glossary: Glossary, options: Omit<NoteOptions, 'backrefs'>) {
  visit(tree, (node, index, parent) => {
    if (node.type !== 'mdxJsxFlowElement' || !parent || index === undefined) return;
    const note = node as unknown as MdxJsxFlowElementHast;
    const attr = (name: string) => note.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
    const html = readEntityNotes(String(attr('notes')))
      .map(({ id, refs }) => {
        const entity = glossary.get(id);
        if (!entity) throw new Error(`placeholder for unknown entity ${id}`);
        return entityNoteItemHtml(entity.id, entity, { ...options, refs });
      })
      .join('\n');
    parent.children.splice(index, 1, ...(fromHtml(html, { fragment: true }).children as typeof parent.children));
    return [SKIP, index];
  });
}
