// Marks each note and each note reference as an entity note (rendered from
// the glossary) or an editorial note (written in the article), so styles,
// previews and search can tell them apart. Markup is kept lean: these
// attributes repeat on every reference of every article, so only editorial
// references are marked; an entity reference's label is its entity.
// An entity note's whole list item becomes <EntityNote id refs>: the article
// page renders it from the glossary (src/components/EntityNote.astro), so the
// compiled article carries one short call per note, not its markup.
import type { Element, ElementContent, Root } from 'hast';
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx';
import { SKIP, visit } from 'unist-util-visit';
import type { Glossary } from '../lib/glossary-source.ts';

/** The component the article page passes to <Content> to render entity notes. */
export const ENTITY_NOTE = 'EntityNote';

export function rehypeNotes({ glossary }: { glossary: Glossary }) {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      const props = node.properties;
      if (node.tagName === 'a' && props.dataFootnoteRef !== undefined) {
        const label = String(props.href ?? '').replace(/^#fn-/, '');
        if (!glossary.has(label)) props.dataNoteKind = 'editorial';
      }
      if (node.tagName === 'a' && props.dataFootnoteBackref !== undefined) delete props.className;
      if (node.tagName === 'section' && props.dataFootnotes !== undefined) {
        props.ariaLabelledBy = ['footnote-label'];
      }
      if (node.tagName === 'li' && typeof props.id === 'string' && props.id.startsWith('fn-')) {
        const label = props.id.slice(3);
        if (glossary.has(label) && parent && index !== undefined) {
          parent.children[index] = entityNote(label, node) as unknown as ElementContent;
          return SKIP;
        } else {
          props.className = ['note-editorial'];
          const first = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
          first?.children.unshift(editorLabel(), { type: 'text', value: ' ' });
        }
      }
    });
  };
}

/** The placeholder for an entity note: its id, and how many references lead to it (one back-link each). */
function entityNote(id: string, li: Element): MdxJsxFlowElementHast {
  let refs = 0;
  visit(li, 'element', (n) => {
    if (n.properties.dataFootnoteBackref !== undefined) refs++;
  });
  return {
    type: 'mdxJsxFlowElement',
    name: ENTITY_NOTE,
    attributes: [
      { type: 'mdxJsxAttribute', name: 'id', value: id },
      { type: 'mdxJsxAttribute', name: 'refs', value: String(refs) },
    ],
    children: [],
  };
}

function editorLabel(): ElementContent {
  return { type: 'element', tagName: 'span', properties: { className: ['note-label'] }, children: [{ type: 'text', value: 'Editor’s note' }] };
}
