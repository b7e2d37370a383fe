// Gives each paragraph of the author's text a stable id (p-1, p-2, …) and a
// quiet permalink, and records its plain text and annotated mentions for the
// mention index. It is the last reader of the data-entity marks the earlier
// plugins leave on mentions and references, and removes them: the page has
// no use for them, and they repeat on every reference of every article.
// Only top-level paragraphs count: notes and editorial blocks are not the text.
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Paragraph, ParagraphNote } from '../lib/mentions.ts';

export function rehypeParagraphs() {
  return (tree: Root, file: VFile) => {
    const paragraphs: Paragraph[] = [];
    for (const node of tree.children) {
      if (node.type !== 'element' || node.tagName !== 'p') continue;
      const id = `p-${paragraphs.length + 1}`;
      node.properties.id = id;
      paragraphs.push({ id, ...paragraphText(node) });
      node.children.push(permalink(id));
    }
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    // One JSON string, not an object: the compiled module then holds a single
    // literal instead of thousands of syntax-tree nodes for the bundler to carry.
    data.astro.frontmatter.paragraphs = JSON.stringify(paragraphs);
    visit(tree, 'element', (node) => {
      delete node.properties.dataEntity;
    });
  };
}

/** Plain text without note markers, and where each annotated mention starts. */
export function paragraphText(p: Element): { text: string; notes: ParagraphNote[] } {
  let text = '';
  const notes: ParagraphNote[] = [];
  let lastSpan: { entity: string; end: number } | undefined;
  const walk = (nodes: ElementContent[]) => {
    for (const n of nodes) {
      if (n.type === 'text') text += n.value;
      if (n.type !== 'element') continue;
      const ref = n.tagName === 'sup' ? findRef(n) : undefined;
      if (ref) {
        const entity = ref.properties.dataEntity;
        if (typeof entity === 'string' && !(lastSpan?.entity === entity && lastSpan.end === text.length)) {
          notes.push({ entity, offset: text.length });
        }
        continue;
      }
      const entity = n.properties.dataEntity;
      if (n.tagName === 'span' && typeof entity === 'string') {
        notes.push({ entity, offset: text.length });
        walk(n.children);
        lastSpan = { entity, end: text.length };
        continue;
      }
      walk(n.children);
    }
  };
  walk(p.children);
  return { text, notes };
}

function permalink(id: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['pilcrow'], href: `#${id}`, ariaLabel: `Link to paragraph ${id.slice(2)}` },
    children: [{ type: 'text', value: '¶' }],
  };
}

function findRef(sup: Element): Element | undefined {
  return sup.children.find(
    (c): c is Element => c.type === 'element' && c.tagName === 'a' && c.properties.dataFootnoteRef !== undefined,
  );
}
