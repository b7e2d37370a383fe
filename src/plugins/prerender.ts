// Runs an article's rehype stage (our annotation plugins) inside MDX's remark
// stage and hands MDX the result as static HTML. Annotated trees are several
// times larger than the text's own (each note is a mention mark, a reference
// and its number), and Astro's MDX passes all walk them: rehype-raw reparses
// the whole tree, five more passes look for code, images, headings and JSX,
// and `optimize` serializes it at the end: work that changes nothing in them
// and grows with every article (docs/performance.md).
//
// remarkPrerender makes the hast itself (mdast-util-to-hast, with MDX's
// options), runs the given rehype plugins on it, turns each run of static
// blocks into one <Fragment set:html> (what MDX's `optimize` makes), and
// leaves MDX an empty tree. rehypePrerendered, MDX's first rehype plugin,
// puts the result back. What MDX must still see stays a node: JSX
// (components, expressions, imports), headings (Astro lists them for
// getHeadings) and images (Astro imports and optimizes them; their mdast
// nodes stay behind for it to collect).
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx';
import { toHast, type Options as ToHastOptions } from 'mdast-util-to-hast';
import { unified, type PluggableList } from 'unified';
import type { VFile } from 'vfile';
import { HEADING } from './rehype-heading-links.ts';

/** MDX's own node types (@mdx-js/mdx `nodeTypes`): passed through to-hast as they are. */
export const MDX_TYPES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'] as const;
const MDX = new Set<string>(MDX_TYPES);
/** Where the prerendered tree waits between the two halves. */
const KEY = 'prerenderedHast';

export interface PrerenderOptions {
  rehypePlugins: PluggableList;
  /** The remark-rehype options MDX is given (markdown.remarkRehype). */
  remarkRehype?: ToHastOptions;
}

export function remarkPrerender({ rehypePlugins, remarkRehype = {} }: PrerenderOptions) {
  const rehype = unified().use(rehypePlugins).freeze();
  return async (tree: Root, file: VFile) => {
    // MDX's remark-rehype settings: raw HTML kept (MDX has none), JSX passed through.
    const hast = toHast(tree, { ...remarkRehype, file, allowDangerousHtml: true, passThrough: [...MDX_TYPES] }) as HastRoot;
    await rehype.run(hast, file);
    file.data[KEY] = collapse(hast.children);
    tree.children = imagesOf(tree);
  };
}

export function rehypePrerendered() {
  return (tree: HastRoot, file: VFile) => {
    const children = file.data[KEY] as HastContent[] | undefined;
    if (!children) return;
    tree.children = children;
    delete file.data[KEY];
  };
}

/** Runs of static nodes become one Fragment each; what must stay a node stays, with its static parts collapsed. */
function collapse(nodes: readonly HastContent[]): HastContent[] {
  const out: HastContent[] = [];
  let run: HastContent[] = [];
  const flush = () => {
    // Line breaks between kept nodes stay text, as MDX would have them.
    if (run.every((n) => n.type === 'text' && !n.value.trim())) out.push(...run);
    else out.push(fragment(toHtml(run)) as unknown as HastContent);
    run = [];
  };
  for (const node of nodes) {
    if (!mustStay(node)) {
      run.push(node);
      continue;
    }
    flush();
    if (node.type !== 'element') out.push(node);
    else out.push(withEmptyData(keep(node) ? node : { ...node, children: collapse(node.children) as ElementContent[] }));
  }
  flush();
  return out;
}

/** A node MDX must see as it is. */
function keep(node: HastContent): boolean {
  if (MDX.has(node.type) || node.type === 'raw') return true;
  return node.type === 'element' && (HEADING.test(node.tagName) || node.tagName === 'img');
}

function mustStay(node: HastContent): boolean {
  return keep(node) || (node.type === 'element' && node.children.some(mustStay));
}

/**
 * In hast, `data-x: true` is an empty attribute; Astro renders a JSX `true` as
 * "true". Elements that stay nodes get "" (as rehype-raw used to give them).
 */
function withEmptyData(node: Element): Element {
  const properties = { ...node.properties };
  for (const key in properties) if (key.startsWith('data') && properties[key] === true) properties[key] = '';
  const children = node.children.map((c) => (c.type === 'element' ? withEmptyData(c) : c));
  return { ...node, properties, children };
}

function fragment(html: string): MdxJsxFlowElementHast {
  return { type: 'mdxJsxFlowElement', name: 'Fragment', attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }], children: [] };
}

/** The image nodes (and the definitions image references use), for Astro to collect; the hast holds their elements. */
function imagesOf(tree: Root): RootContent[] {
  const found: RootContent[] = [];
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'image' || node.type === 'imageReference' || node.type === 'definition') found.push(node);
      else if ('children' in node) walk(node.children);
    }
  };
  walk(tree.children);
  // Inside a paragraph, so that to-hast takes them as phrasing content; rehypePrerendered drops the result.
  return found.length ? [{ type: 'paragraph', children: found.filter((n) => n.type !== 'definition') as never[] }, ...found.filter((n) => n.type === 'definition')] : [];
}
