// Resolves footnote labels that are glossary ids into notes rendered from the
// glossary, so an article holds no copy of an entity's text:
//   the Minsk agreements[^minsk-agreements]
// remark-gfm parses `[^label]` only when the file defines the label; an
// entity label therefore reaches us as literal text, which we replace with a
// footnote reference and a generated definition. Unknown labels fail the build.
import type { FootnoteDefinition, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import path from 'node:path';
import type { VFile } from 'vfile';
import { glossaryMatcher, type AliasMatcher } from '../lib/aliases.ts';
import type { Glossary } from '../lib/glossary-source.ts';

export interface GlossaryNotesOptions {
  glossary: Glossary;
}

// A label runs to the first "]": a marker that lost its bracket ("[^a[^b]") reads as one
// bad label and fails, rather than leaving "[^a" in the text (the content check names it).
const CALL = /\[\^([^\]\s]+)\]/g;
// What may stand between a name and its note: a possessive (marked with the
// name: “Putin’s”), a closing double quote (left outside the mark, as its
// opening quote is: “military infrastructure”).
const TRAILER = /^(?:[’']s?)?[”"’]?$/;
/** A closing double quote: kept out of a mention's mark (rehype-paragraphs looks past it). */
export const isClosingQuote = (s: string | undefined) => s === '”' || s === '"';

export function remarkGlossaryNotes({ glossary }: GlossaryNotesOptions) {
  const matcher = glossaryMatcher(glossary);
  return (tree: Root, file: VFile) => {
    const defined = new Set<string>();
    eachNode(tree, (node) => {
      if (node.type !== 'footnoteDefinition') return;
      if (glossary.has(node.identifier)) {
        file.fail(
          `${where(file, node.position?.start)}: the note label “${node.label}” is defined in this file but is also a glossary id.\n  Fix: rename the editorial note, e.g. “[^ed-${node.identifier}]”`,
          node,
          'glossary-notes:ambiguous-label',
        );
      }
      defined.add(node.identifier);
    });

    const used: string[] = [];
    const replaceCalls = (parent: Parent) => {
      const children = parent.children;
      for (let index = 0; index < children.length; index++) {
        const node = children[index];
        if (node.type === 'text') {
          const parts = node.value.includes('[^') ? splitCalls(node, file, glossary, defined, matcher) : null;
          if (!parts) continue;
          for (const p of parts) if (p.type === 'footnoteReference' && !used.includes(p.identifier)) used.push(p.identifier);
          children.splice(index, 1, ...(parts as never[]));
          index += parts.length - 1;
        } else if ('children' in node) replaceCalls(node);
      }
    };
    replaceCalls(tree);

    for (const id of used) tree.children.push(definitionFor(id));
  };
}

/**
 * Every node, parents before children. Plain loops rather than
 * unist-util-visit: these walks cover every node of every article, and the
 * generic visitor's overhead showed in builds of 1000 articles.
 */
function eachNode(parent: Parent, fn: (node: RootContent) => void) {
  for (const node of parent.children) {
    fn(node);
    if ('children' in node) eachNode(node, fn);
  }
}

function splitCalls(node: Text, file: VFile, glossary: Glossary, defined: Set<string>, matcher: AliasMatcher) {
  const value = node.value;
  const out: PhrasingContent[] = [];
  let last = 0;
  let found = false;
  for (const m of value.matchAll(CALL)) {
    const label = m[1].toLowerCase();
    if (defined.has(label)) continue; // remark-gfm handles defined labels itself
    if (!glossary.has(label)) {
      const at = pointAt(node, m.index);
      file.fail(
        `${where(file, at)}: unknown note label “[^${m[1]}]”: it is neither a glossary id nor defined in this file.\n  Fix: correct the spelling, add content/glossary/${label}.md, or define “[^${m[1]}]: …” at the end of the file`,
        at,
        'glossary-notes:unknown-label',
      );
    }
    found = true;
    out.push(...mentionBefore(value.slice(last, m.index), label, matcher));
    out.push({ type: 'footnoteReference', identifier: label, label });
    last = m.index + m[0].length;
  }
  if (!found) return null;
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

/** How far back from a note its name can start: more than the longest alias, with room for line breaks. */
const NAME_WINDOW = 200;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Wrap the name the note is attached to ("Putin’s" before [^vladimir-putin]) in
 * a mention span. The name ends right before the note, so only the end of the
 * text is searched (a match cut at the window's start must begin a word).
 * The entity is the following reference's: rehype-paragraphs reads it there.
 */
function mentionBefore(text: string, id: string, matcher: AliasMatcher): PhrasingContent[] {
  const from = Math.max(0, text.length - NAME_WINDOW);
  const tail = text.slice(from);
  const wordStart = from === 0 || !WORD_CHAR.test(text[from - 1]);
  const candidates = matcher.find(tail).filter((m) => m.id === id && TRAILER.test(tail.slice(m.end)) && (m.start > 0 || wordStart));
  const hit = candidates.at(-1);
  if (!hit) return text ? [{ type: 'text', value: text }] : [];
  const start = from + hit.start;
  const end = isClosingQuote(text.at(-1)) && text.length - 1 >= from + hit.end ? text.length - 1 : text.length;
  const nodes: PhrasingContent[] = [];
  if (start > 0) nodes.push({ type: 'text', value: text.slice(0, start) });
  nodes.push({
    type: 'emphasis',
    data: { hName: 'span', hProperties: { className: ['mention'] } },
    children: [{ type: 'text', value: text.slice(start, end) }],
  });
  if (end < text.length) nodes.push({ type: 'text', value: text.slice(end) });
  return nodes;
}

/** "content/articles/x.mdx:12:5", relative to the working directory. */
function where(file: VFile, at?: { line: number; column: number }) {
  const name = file.path ? path.relative(process.cwd(), file.path) : '<input>';
  return at ? `${name}:${at.line}:${at.column}` : name;
}

function pointAt(node: Text, offset: number) {
  const start = node.position?.start;
  if (!start) return undefined;
  const before = node.value.slice(0, offset).split('\n');
  const line = start.line + before.length - 1;
  const column = before.length === 1 ? start.column + offset : before.at(-1)!.length + 1;
  return { line, column };
}

/**
 * The definition of an entity note, empty: it lets GFM number the note and
 * link its references; rehype-notes then turns its list item into
 * <EntityNotes notes>, which the article page renders from the glossary
 * (src/components/EntityNotes.astro). Compiling each note's text into every
 * article made modules grow with the glossary and the number of articles.
 */
export function definitionFor(id: string): FootnoteDefinition {
  return { type: 'footnoteDefinition', identifier: id, label: id, children: [] };
}
