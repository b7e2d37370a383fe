// Marks each note and each note reference as an entity note (generated from
// the glossary) or an editorial note (written in the article), so styles,
// previews and search can tell them apart.
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { Glossary } from '../lib/glossary-source.ts';

export function rehypeNotes({ glossary }: { glossary: Glossary }) {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const props = node.properties;
      // Note numbers are not words: keep them out of search excerpts.
      if (node.tagName === 'sup' && node.children.some((c) => c.type === 'element' && c.properties.dataFootnoteRef !== undefined)) {
        props.dataPagefindIgnore = '';
      }
      if (node.tagName === 'a' && props.dataFootnoteRef !== undefined) {
        const label = String(props.href ?? '').replace(/^#fn-/, '');
        if (glossary.has(label)) {
          props.dataNoteKind = 'entity';
          props.dataEntity = label;
        } else {
          props.dataNoteKind = 'editorial';
        }
      }
      if (node.tagName === 'section' && props.dataFootnotes !== undefined) {
        props.ariaLabelledBy = ['footnote-label'];
      }
      if (node.tagName === 'li' && typeof props.id === 'string' && props.id.startsWith('fn-')) {
        const label = props.id.slice(3);
        if (glossary.has(label)) {
          props.className = ['note', 'note-entity'];
          props.dataEntity = label;
          // The entity's own page is what search should find for its summary.
          props.dataPagefindIgnore = '';
        } else {
          props.className = ['note', 'note-editorial'];
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
