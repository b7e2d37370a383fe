// Marks each note and each note reference as an entity note (generated from
// the glossary) or an editorial note (written in the article), so styles,
// previews and search can tell them apart. Markup is kept lean: these
// attributes repeat on every reference of every article.
import type { Element, ElementContent, Root } from 'hast';
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
        } else {
          props.className = ['note-editorial'];
          const first = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
          first?.children.unshift(editorLabel(), { type: 'text', value: ' ' });
        }
      }
    });
  };
}

function editorLabel(): ElementContent {
  return { type: 'element', tagName: 'span', properties: { className: ['note-label'] }, children: [{ type: 'text', value: 'Editor’s note' }] };
}
