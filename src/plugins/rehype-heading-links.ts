// Heading ids (rehype-slug) and self-links around heading text
// (rehype-autolink-headings, `wrap`), applied to the headings alone. Both
// plugins walk every node of the tree; an article is hundreds of nodes with
// one or two headings, and at 1000 articles the walks cost half a second.
// Ids are the same: the slugger sees the same headings in the same order.
import type { Element, Root, RootContent } from 'hast';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';

/** A heading element's tag name. */
export const HEADING = /^h[1-6]$/;

export function rehypeHeadingLinks() {
  const slug = rehypeSlug();
  const link = rehypeAutolinkHeadings({ behavior: 'wrap' });
  return (tree: Root) => {
    const headings: Element[] = [];
    collectHeadings(tree.children, headings);
    if (headings.length === 0) return;
    // Each plugin changes the heading elements in place (ids, children), so a
    // root holding only them is enough.
    const only: Root = { type: 'root', children: headings };
    slug(only);
    link(only);
  };
}

function collectHeadings(nodes: RootContent[], out: Element[]) {
  for (const node of nodes) {
    if (node.type === 'element' && HEADING.test(node.tagName)) out.push(node);
    else if ('children' in node) collectHeadings(node.children as RootContent[], out);
  }
}
