// src/plugins/prerender.ts: MDX gets the same HTML as the article plugins
// make, with static runs as Fragments and what MDX must see left as nodes.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Element, Root as HastRoot, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import type { Root as MdastRoot } from 'mdast';
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx';
import { nodeTypes } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { articlePipeline, articleProcessor, mdxPipeline, type Pipeline } from '../../src/plugins/index.ts';
import { MDX_TYPES } from '../../src/plugins/prerender.ts';
import { fixtureGlossary } from '../support/pipeline.ts';

/** Markdown → hast as MDX runs it (JSX passed through), with the given plugins. */
async function toTree(markdown: string, plugins: Pipeline) {
  const processor = articleProcessor(plugins);
  const file = new VFile({ value: markdown, path: 'content/articles/test.mdx' });
  const mdast = processor.parse(file) as MdastRoot;
  const hast = (await processor.run(mdast, file)) as HastRoot;
  return { hast, mdast };
}

const isFragment = (n: RootContent): n is MdxJsxFlowElementHast & RootContent =>
  (n as { type: string }).type === 'mdxJsxFlowElement' && (n as MdxJsxFlowElementHast).name === 'Fragment';

/** HTML of a tree: Fragments opened, other JSX as <x-name> elements, then normalized by a parse. */
function html(tree: HastRoot): string {
  const open = (nodes: RootContent[]): RootContent[] =>
    nodes.flatMap((n): RootContent[] => {
      if (isFragment(n)) {
        const attr = n.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'set:html');
        return fromHtml(String(attr?.value), { fragment: true }).children as RootContent[];
      }
      if ((n as { type: string }).type === 'mdxJsxFlowElement') {
        const jsx = n as unknown as MdxJsxFlowElementHast;
        const properties = Object.fromEntries(jsx.attributes.map((a) => (a.type === 'mdxJsxAttribute' ? [a.name, String(a.value)] : ['spread', ''])));
        return [{ type: 'element', tagName: `x-${jsx.name?.toLowerCase()}`, properties, children: open(jsx.children as RootContent[]) as Element['children'] }];
      }
      return 'children' in n ? [{ ...n, children: open(n.children as RootContent[]) } as RootContent] : [n];
    });
  return toHtml(fromHtml(toHtml({ type: 'root', children: open(tree.children) }), { fragment: true }));
}

const body = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');

describe('prerender', () => {
  it('passes through the node types MDX passes through', () => {
    expect([...MDX_TYPES].sort()).toEqual([...nodeTypes].sort());
  });

  it('gives MDX the HTML the article plugins make (tests/fixtures/article.mdx)', async () => {
    const text = body(fs.readFileSync('tests/fixtures/article.mdx', 'utf8'));
    const direct = await toTree(text, articlePipeline(fixtureGlossary()));
    const prerendered = await toTree(text, mdxPipeline(fixtureGlossary()));
    expect(html(prerendered.hast)).toBe(html(direct.hast));
    expect(selectAll('a.name', direct.hast).length).toBeGreaterThan(4);
    // Mostly static: a handful of nodes at the top, not one per paragraph.
    expect(prerendered.hast.children.length).toBeLessThan(direct.hast.children.length / 2);
    expect(prerendered.hast.children.some(isFragment)).toBe(true);
  });

  it('leaves headings and JSX as nodes, and the runs between them as one Fragment each', async () => {
    const md = 'One Putin[^vladimir-putin].\n\nTwo.\n\n## A heading\n\nThree.\n\n<Gap>\nFour.\n</Gap>\n\nFive.\n';
    const { hast } = await toTree(md, mdxPipeline(fixtureGlossary()));
    const kinds = hast.children
      .filter((n) => !(n.type === 'text' && !n.value.trim()))
      .map((n) => (isFragment(n) ? 'fragment' : n.type === 'element' ? n.tagName : `${n.type}:${(n as unknown as MdxJsxFlowElementHast).name}`));
    expect(kinds).toEqual(['fragment', 'h2', 'fragment', 'mdxJsxFlowElement:Gap', 'fragment']);
  });

  it('leaves images for Astro to import: their nodes in the mdast, their elements outside Fragments', async () => {
    const md = 'Look: ![A map](./map.png) and ![B][b].\n\n[b]: ./b.png\n\nPutin[^vladimir-putin].\n';
    const { hast, mdast } = await toTree(md, mdxPipeline(fixtureGlossary()));
    const images = JSON.stringify(mdast.children);
    expect(images).toContain('"url":"./map.png"');
    expect(images).toContain('"type":"imageReference"');
    expect(images).toContain('"url":"./b.png"'); // the definition the reference needs
    expect(selectAll('img', hast).map((img) => img.properties.src)).toEqual(['./map.png', './b.png']);
    expect(html(hast)).toContain('<a class="name" href="/glossary/vladimir-putin/" data-entry="vladimir-putin">Putin</a>');
  });
});
