// Gives each paragraph of the author's text a stable id (p-1, p-2, …) and a
// quiet permalink, and records its plain text and annotated mentions for the
// mention index. A reference's entity is its label (`#fn-<id>`, unless it is
// an editor's note); a mention span's is that of the reference right after it
// (or after its closing quote).
// Only top-level paragraphs count: notes and editorial blocks are not the text.
import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import type { Paragraph, ParagraphNote } from '../lib/mentions.ts';
import { isClosingQuote } from './remark-glossary-notes.ts';

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

/** Plain text without note markers, and where each annotated mention starts. */
export function paragraphText(p: Element): { text: string; notes: ParagraphNote[] } {
  let text = '';
  const notes: ParagraphNote[] = [];
  let lastSpan: { entity: string; end: number } | undefined;
  const walk = (nodes: ElementContent[]) => {
    nodes.forEach((n, i) => {
      if (n.type === 'text') text += n.value;
      if (n.type !== 'element') return;
      const ref = n.tagName === 'sup' ? findRef(n) : undefined;
      if (ref) {
        const entity = entityOf(ref);
        if (entity && !(lastSpan?.entity === entity && lastSpan.end === text.length)) {
          notes.push({ entity, offset: text.length });
        }
        return;
      }
      // A mention's reference follows it, after its closing quote if it was quoted.
      const quote = nodes[i + 1]?.type === 'text' && isClosingQuote((nodes[i + 1] as Text).value) ? 1 : 0;
      const next = nodes[i + 1 + quote];
      const entity = isMention(n) && next?.type === 'element' && next.tagName === 'sup' ? entityOf(findRef(next)) : undefined;
      if (entity) {
        notes.push({ entity, offset: text.length });
        walk(n.children);
        lastSpan = { entity, end: text.length + quote };
        return;
      }
      walk(n.children);
    });
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

const isMention = (n: Element) => n.tagName === 'span' && Array.isArray(n.properties.className) && n.properties.className.includes('mention');

/** The entity an entity note's reference points to; none for an editor's note. */
function entityOf(ref: Element | undefined): string | undefined {
  if (!ref || ref.properties.dataNoteKind === 'editorial') return undefined;
  const href = String(ref.properties.href ?? '');
  return href.startsWith('#fn-') ? href.slice(4) : undefined;
}

function findRef(sup: Element): Element | undefined {
  return sup.children.find(
    (c): c is Element => c.type === 'element' && c.tagName === 'a' && c.properties.dataFootnoteRef !== undefined,
  );
}
