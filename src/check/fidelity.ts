// Fidelity: the author's words, in order, must equal the seed text.
// Only whitespace (paragraph breaks at glued joins), annotations and marked
// editorial insertions may be added.
import type { Root, RootContent } from 'mdast';

/** Elements that are editorial insertions, not the author's text. */
export const EDITORIAL_COMPONENTS = new Set(['Gap']);
const MARKER = /\[\^[^\]\s]+\]/g;

/** The author's text of a parsed article: paragraphs joined by blank lines. */
export function authorText(tree: Root): string {
  const blocks: string[] = [];
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition' || node.type === 'yaml' || node.type === 'mdxjsEsm') continue;
    if (node.type === 'mdxJsxFlowElement' && EDITORIAL_COMPONENTS.has(node.name ?? '')) continue;
    blocks.push(inlineText(node));
  }
  return blocks.filter((b) => b.trim() !== '').join('\n\n');
}

function inlineText(node: RootContent): string {
  if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') return '';
  if (node.type === 'mdxJsxTextElement' && EDITORIAL_COMPONENTS.has(node.name ?? '')) return '';
  if (node.type === 'text' || node.type === 'inlineCode') return node.value.replace(MARKER, '');
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as RootContent[]).map(inlineText).join('');
  return '';
}

/** Positions after which the seed may gain a paragraph break: `made.Peskov`, `NATO.”And`. */
export function joinPoints(seed: string): Set<number> {
  const points = new Set<number>();
  for (const m of seed.matchAll(/[.?!:)][”’]?(?=[A-Z“])/g)) points.add(m.index + m[0].length);
  return points;
}

/** `\s` as in regular expressions, with the common characters decided without one. */
function isSpace(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code === 32 || code === 10) return true;
  if (code > 32 && code < 127) return false;
  return /\s/.test(c);
}

export interface FidelityProblem {
  message: string;
  /** Offset in the article's text where the problem is. */
  offset: number;
}

/**
 * Compare the article's text with its seed. Whitespace may be collapsed or
 * added only at a glued join; every other character must match in order.
 * `joins`: the seed's joinPoints, when the caller has them (readSeeds does).
 */
export function compareWithSeed(article: string, seed: string, joins = joinPoints(seed)): FidelityProblem | null {
  let i = 0;
  let j = 0;
  while (i < article.length || j < seed.length) {
    const a = article[i];
    const s = seed[j];
    if (isSpace(a) && isSpace(s)) {
      while (isSpace(article[i])) i++;
      while (isSpace(seed[j])) j++;
      continue;
    }
    if (isSpace(s)) {
      return { message: `the seed has a space here that the article lacks: …${context(seed, j)}…`, offset: i };
    }
    if (isSpace(a)) {
      if (!joins.has(j)) {
        return { message: `a break or space was added inside the author's text: …${context(article, i)}…`, offset: i };
      }
      while (isSpace(article[i])) i++;
      continue;
    }
    if (a !== s) {
      const what = a === undefined ? 'the article ends early' : s === undefined ? 'the article has extra text' : `“${a}” instead of “${s}”`;
      return { message: `${what}: article …${context(article, i)}… seed …${context(seed, j)}…`, offset: i };
    }
    i++;
    j++;
  }
  return null;
}

function context(text: string, at: number): string {
  return text.slice(Math.max(0, at - 30), at + 30).replace(/\s+/g, ' ');
}
