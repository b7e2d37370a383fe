// The numbered notes are the editor's own (names link to their entries, see
// remark-glossary-notes): each reference is marked as an editor's note, each
// note labelled as one, and the notes kept out of the search index, which
// holds the author's words. Also records the entities the page links, in the
// order a reader meets them (notes after the text, in their numbered order),
// as frontmatter `names`: the article page lists them as "Names in this text".
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';

/**
 * A back-link's label (remark-rehype's footnoteBackLabel): the same words for
 * every note, since the list item already says which note it is.
 */
export const backLabel = (_note: number, ref: number) => (ref > 1 ? `Back to the text (reference ${ref})` : 'Back to the text');

export function rehypeNotes() {
  return (tree: Root, file: VFile) => {
    const names = new Set<string>();
    // A plain walk rather than unist-util-visit: this runs on every node of
    // every article, and the generic visitor's overhead showed at 1000 articles.
    const walk = (parent: Parent) => {
      for (const node of parent.children) {
        if ('children' in node) walk(node as Parent);
        if (node.type !== 'element') continue;
        const props = node.properties;
        if (node.tagName === 'a' && typeof props.dataEntry === 'string') names.add(props.dataEntry);
        if (node.tagName === 'a' && props.dataFootnoteRef !== undefined) props.dataNoteKind = 'editorial';
        if (node.tagName === 'a' && props.dataFootnoteBackref !== undefined) delete props.className;
        if (node.tagName === 'section' && props.dataFootnotes !== undefined) {
          props.ariaLabelledBy = ['footnote-label'];
          props.dataPagefindIgnore = true;
        }
        if (node.tagName === 'li' && typeof props.id === 'string' && props.id.startsWith('fn-')) {
          props.className = ['note-editorial'];
          const first = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
          first?.children.unshift(editorLabel(), { type: 'text', value: ' ' });
        }
      }
    };
    walk(tree);
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.names = [...names];
  };
}

type Parent = { children: (Root['children'][number] | ElementContent)[] };

function editorLabel(): ElementContent {
  return { type: 'element', tagName: 'span', properties: { className: ['note-label'] }, children: [{ type: 'text', value: 'Editor’s note' }] };
}
