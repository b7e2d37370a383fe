// Marks each note and each note reference as an entity note (rendered from
// the glossary) or an editorial note (written in the article), so styles,
// previews and search can tell them apart. Markup is kept lean: these
// attributes repeat on every reference of every article, so only editorial
// references are marked; an entity reference's label is its entity.
// Entity notes' list items become <EntityNotes notes="id:refs …">, one per run
// of consecutive entity notes: the article page renders them from the glossary
// (src/components/EntityNotes.astro), so the compiled article carries a short
// string, not the notes' markup nor a call per note.
import type { Element, ElementContent, Root } from 'hast';
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx';
import type { Glossary } from '../lib/glossary-source.ts';

/** The component the article page passes to <Content> to render entity notes. */
export const ENTITY_NOTES = 'EntityNotes';

/** A placeholder's `notes`, "ukraine:1 russia:2": each note's entity and how many references lead to it. */
export function readEntityNotes(notes: string): { id: string; refs: number }[] {
  return notes.split(' ').map((note) => {
    const [id, refs] = note.split(':');
    return { id, refs: Number(refs) };
  });
}

export function rehypeNotes({ glossary }: { glossary: Glossary }) {
  return (tree: Root) => {
    const lists: Element[] = [];
    // A plain walk rather than unist-util-visit: this runs on every node of
    // every article, and the generic visitor's overhead showed at 1000 articles.
    const walk = (parent: Parent) => {
      const children = parent.children;
      for (let index = 0; index < children.length; index++) {
        const node = children[index];
        if (node.type === 'element') {
          const props = node.properties;
          if (node.tagName === 'a' && props.dataFootnoteRef !== undefined) {
            const label = String(props.href ?? '').replace(/^#fn-/, '');
            if (!glossary.has(label)) props.dataNoteKind = 'editorial';
          }
          if (node.tagName === 'a' && props.dataFootnoteBackref !== undefined) delete props.className;
          if (node.tagName === 'section' && props.dataFootnotes !== undefined) {
            props.ariaLabelledBy = ['footnote-label'];
            lists.push(...node.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'ol'));
          }
          if (node.tagName === 'li' && typeof props.id === 'string' && props.id.startsWith('fn-')) {
            const label = props.id.slice(3);
            if (glossary.has(label)) {
              children[index] = entityNote(label, node) as unknown as ElementContent;
              continue;
            }
            props.className = ['note-editorial'];
            const first = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
            first?.children.unshift(editorLabel(), { type: 'text', value: ' ' });
          }
        }
        if ('children' in node) walk(node as Parent);
      }
    };
    walk(tree);
    for (const list of lists) mergeRuns(list);
  };
}

type Parent = { children: (Root['children'][number] | ElementContent)[] };

/** The placeholder for an entity note: its id, and how many references lead to it (one back-link each). */
function entityNote(id: string, li: Element): MdxJsxFlowElementHast {
  return {
    type: 'mdxJsxFlowElement',
    name: ENTITY_NOTES,
    attributes: [{ type: 'mdxJsxAttribute', name: 'notes', value: `${id}:${countBackrefs(li)}` }],
    children: [],
  };
}

function countBackrefs(node: Element): number {
  let refs = node.properties.dataFootnoteBackref !== undefined ? 1 : 0;
  for (const child of node.children) if (child.type === 'element') refs += countBackrefs(child);
  return refs;
}

/** Consecutive entity notes (and the line breaks between them) become one placeholder. */
function mergeRuns(list: Element) {
  const out: (ElementContent | MdxJsxFlowElementHast)[] = [];
  let run: MdxJsxFlowElementHast | undefined;
  let blanks: ElementContent[] = [];
  for (const child of list.children as (ElementContent | MdxJsxFlowElementHast)[]) {
    if (child.type === 'text' && !child.value.trim()) {
      blanks.push(child);
      continue;
    }
    const notes = child.type === 'mdxJsxFlowElement' && child.name === ENTITY_NOTES ? child : undefined;
    if (run && notes) run.attributes = [{ type: 'mdxJsxAttribute', name: 'notes', value: `${notesOf(run)} ${notesOf(notes)}` }];
    else out.push(...blanks, child);
    blanks = [];
    run = notes ? (run ?? notes) : undefined;
  }
  list.children = [...out, ...blanks] as ElementContent[];
}

const notesOf = (node: MdxJsxFlowElementHast) => String(node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'notes')?.value);

function editorLabel(): ElementContent {
  return { type: 'element', tagName: 'span', properties: { className: ['note-label'] }, children: [{ type: 'text', value: 'Editor’s note' }] };
}
