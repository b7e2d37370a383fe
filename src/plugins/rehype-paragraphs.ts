// Gives each paragraph of the author's text a stable id (p-1, p-2, …) and a
// quiet permalink, and records its plain text and annotated mentions (its
// name links, `a.name[data-entry]`) for the mention index.
// Only top-level paragraphs count: notes and editorial blocks are not the text.
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import type { Paragraph, ParagraphNote } from '../edition/mentions.ts';

export interface ParagraphsOptions {
  /** What the frontmatter holds for the paragraphs' JSON: by default the JSON itself. */
  store?: (json: string) => string;
}

export function rehypeParagraphs({ store = (json) => json }: ParagraphsOptions = {}) {
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
    // literal (or, with a store, a key) instead of thousands of syntax-tree
    // nodes for the bundler to carry.
    data.astro.frontmatter.paragraphs = store(JSON.stringify(paragraphs));
  };
}

/** Plain text without note markers, and where each name link starts. */
export function paragraphText(p: Element): { text: string; notes: ParagraphNote[] } {
  let text = '';
  const notes: ParagraphNote[] = [];
  const walk = (nodes: ElementContent[]) => {
    for (const n of nodes) {
      if (n.type === 'text') text += n.value;
      if (n.type !== 'element' || n.tagName === 'sup') continue; // a note number is not the text
      if (n.tagName === 'a' && typeof n.properties.dataEntry === 'string') notes.push({ entity: n.properties.dataEntry, offset: text.length });
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
    // Not a tab stop: one per paragraph would stand between a keyboard reader
    // and the names and notes; the paragraph's address is its id.
    properties: { className: ['pilcrow'], href: `#${id}`, ariaLabel: `Link to paragraph ${id.slice(2)}`, tabIndex: -1 },
    children: [{ type: 'text', value: '¶' }],
  };
}
