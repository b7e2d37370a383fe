// Marks each note and each note reference as an entity note (rendered from
// the glossary) or an editorial note (written in the article), so styles,
// previews and search can tell them apart. Markup is kept lean: these
// attributes repeat on every reference of every article, so an entity
// reference's data-entity serves the pipeline only (rehype-paragraphs drops it).
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { Glossary } from '../lib/glossary-source.ts';

export function rehypeNotes({ glossary }: { glossary: Glossary }) {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const props = node.properties;
      if (node.tagName === 'a' && props.dataFootnoteRef !== undefined) {
        const label = String(props.href ?? '').replace(/^#fn-/, '');
        if (glossary.has(label)) props.dataEntity = label;
        else props.dataNoteKind = 'editorial';
      }
      if (node.tagName === 'a' && props.dataFootnoteBackref !== undefined) delete props.className;
      if (node.tagName === 'section' && props.dataFootnotes !== undefined) {
        props.ariaLabelledBy = ['footnote-label'];
      }
      if (node.tagName === 'li' && typeof props.id === 'string' && props.id.startsWith('fn-')) {
        const label = props.id.slice(3);
        if (glossary.has(label)) {
          props.className = ['note-entity'];
          backrefsIntoPlaceholder(node);
        } else {
          props.className = ['note-editorial'];
          const first = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
          first?.children.unshift(editorLabel(), { type: 'text', value: ' ' });
        }
      }
    });
  };
}

/**
 * GFM puts the back-references in the note's last paragraph, but an entity
 * note is still a placeholder here, so they land after it: hand them to the
 * placeholder, which closes its last paragraph with them.
 */
function backrefsIntoPlaceholder(li: Element) {
  const at = li.children.findIndex((c: RootContent) => c.type === 'mdxJsxFlowElement');
  if (at === -1) return;
  const note = li.children[at] as unknown as MdxJsxFlowElementHast;
  const backrefs = li.children.slice(at + 1).filter((c): c is Element => c.type === 'element');
  backrefs.forEach((a, i) => note.children.push(...(i ? [{ type: 'text' as const, value: ' ' }, a] : [a])));
  li.children = [{ type: 'text', value: '\n' }, note as unknown as ElementContent, { type: 'text', value: '\n' }];
}

function editorLabel(): ElementContent {
  return { type: 'element', tagName: 'span', properties: { className: ['note-label'] }, children: [{ type: 'text', value: 'Editor’s note' }] };
}
