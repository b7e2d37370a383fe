// Turns each glossary marker into a link from the annotated words to their
// entry, so names are the annotations and numbered notes are the editor's:
//   Putin’s[^vladimir-putin] demand  →  <a class="name" href="/glossary/vladimir-putin/" data-entry="vladimir-putin">Putin’s</a> demand
// remark-gfm parses `[^label]` only when the file defines the label; an
// entity label therefore reaches us as literal text. The words are the name
// (or alias) that ends right before the marker; a marker after words that
// name nothing in its entry fails, as does an unknown label: neither is ever
// silently dropped. Markers inside editor's notes work the same way.
import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import path from 'node:path';
import type { VFile } from 'vfile';
import { createAliasMatcher, type AliasMatcher } from '../edition/aliases.ts';
import { ContentError, pointInText } from '../schema/content-error.ts';
import type { Entity, Glossary } from '../schema/glossary-source.ts';
import { entryPath, joinBase } from '../site/urls.ts';

export interface GlossaryNotesOptions {
  glossary: Glossary;
  /** The site base ("/" or "/edition/"): name links point to the entry pages under it. */
  base?: string;
  /** The glossary's matcher, when the caller has made it already (it is made once per build). */
  matcher?: AliasMatcher;
}

// A label runs to the first "]": a marker that lost its bracket ("[^a[^b]") reads as one
// bad label and fails, rather than leaving "[^a" in the text (the content check names it).
const CALL = /\[\^([^\]\s]+)\]/g;
// What may stand between a name and its marker: a possessive (linked with the
// name: “Putin’s”), a closing double quote (left outside the link, as its
// opening quote is: “military infrastructure”).
const TRAILER = /^(?:[’']s?)?[”"’]?$/;
const isClosingQuote = (s: string | undefined) => s === '”' || s === '"';

export function remarkGlossaryNotes({ glossary, base = '/', matcher = createAliasMatcher(glossary.values()) }: GlossaryNotesOptions) {
  return (tree: Root, file: VFile) => {
    const defined = new Set<string>();
    eachNode(tree, (node) => {
      if (node.type !== 'footnoteDefinition') return;
      if (glossary.has(node.identifier)) {
        fail(file, node.position?.start, `the note label “${node.label}” is defined in this file but is also a glossary id.`, `rename the editorial note, e.g. “[^ed-${node.identifier}]”`, 'ambiguous-label');
      }
      defined.add(node.identifier);
    });

    const replaceCalls = (parent: Parent) => {
      const children = parent.children;
      for (let index = 0; index < children.length; index++) {
        const node = children[index];
        if (node.type === 'text') {
          const parts = node.value.includes('[^') ? splitCalls(node, file, { glossary, defined, matcher, base }) : null;
          if (!parts) continue;
          children.splice(index, 1, ...(parts as never[]));
          index += parts.length - 1;
        } else if ('children' in node) replaceCalls(node);
      }
    };
    replaceCalls(tree);
  };
}

interface CallContext {
  glossary: Glossary;
  /** Labels defined in the file: editor's notes, left to remark-gfm. */
  defined: Set<string>;
  matcher: AliasMatcher;
  base: string;
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

function splitCalls(node: Text, file: VFile, { glossary, defined, matcher, base }: CallContext) {
  const value = node.value;
  const out: PhrasingContent[] = [];
  let last = 0;
  let found = false;
  for (const m of value.matchAll(CALL)) {
    const label = m[1].toLowerCase();
    if (defined.has(label)) continue; // remark-gfm handles defined labels itself
    if (!glossary.has(label)) {
      const at = pointInText(node.value, m.index, node.position?.start);
      // “[^a[^b]” reads as one label “a[^b”: a marker that lost its “]”.
      if (/[[^]/.test(m[1])) fail(file, at, `broken note marker “[^${m[1].split(/[[^]/)[0]}”`, 'write a note marker as [^label], with no space, right after the words it annotates', 'broken-marker');
      fail(file, at, `unknown note label “[^${m[1]}]”: it is neither a glossary id nor defined in this file.`, `correct the spelling, add content/glossary/${label}.md, or define “[^${m[1]}]: …” at the end of the file`, 'unknown-label');
    }
    found = true;
    const linked = nameLink(value.slice(last, m.index), label, matcher, joinBase(base, entryPath(label)));
    if (!linked) {
      const entity = glossary.get(label)!;
      fail(file, pointInText(node.value, m.index, node.position?.start), noName(value.slice(last, m.index), entity, m[1]), noNameFix(entity), 'no-name');
    }
    out.push(...linked);
    last = m.index + m[0].length;
  }
  if (!found) return null;
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

/** Why a marker links nothing: the words it follows are not a name of its entry. */
function noName(before: string, entity: Entity, label: string): string {
  const tail = before.slice(-40);
  const words = before.length > 40 ? tail.slice(tail.search(/\s/) + 1) : tail.trimStart();
  const after = words ? `follows “${words}”, which is not a name of ${entity.name}` : `follows no words of its own (another marker, formatting, or the start of a paragraph)`;
  return `the marker “[^${label}]” ${after}: it would link nothing.`;
}

const noNameFix = (entity: Entity) =>
  `put [^${entity.id}] right after a name of the entry (${[entity.name, ...entity.aliases].join(', ')}), ` +
  `or replace it with an editor’s note [^ed-…] that says who or what is meant, with [^${entity.id}] after the name in the note`;

/** How far back from a marker its name can start: more than the longest alias, with room for line breaks. */
const NAME_WINDOW = 200;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Link the name the marker is attached to ("Putin’s" before [^vladimir-putin])
 * to its entry; undefined when no name of the entry ends right before the
 * marker. Only the end of the text is searched (a match cut at the window's
 * start must begin a word).
 */
function nameLink(text: string, id: string, matcher: AliasMatcher, href: string): PhrasingContent[] | undefined {
  const from = Math.max(0, text.length - NAME_WINDOW);
  const tail = text.slice(from);
  const wordStart = from === 0 || !WORD_CHAR.test(text[from - 1]);
  const candidates = matcher.find(tail).filter((m) => m.id === id && TRAILER.test(tail.slice(m.end)) && (m.start > 0 || wordStart));
  const hit = candidates.at(-1);
  if (!hit) return undefined;
  const start = from + hit.start;
  const end = isClosingQuote(text.at(-1)) && text.length - 1 >= from + hit.end ? text.length - 1 : text.length;
  const nodes: PhrasingContent[] = [];
  if (start > 0) nodes.push({ type: 'text', value: text.slice(0, start) });
  // An emphasis node renamed, not an mdast link: its attributes then come in
  // the order the client script documents (class, href, data-entry).
  nodes.push({
    type: 'emphasis',
    data: { hName: 'a', hProperties: { className: ['name'], href, dataEntry: id } },
    children: [{ type: 'text', value: text.slice(start, end) }],
  });
  if (end < text.length) nodes.push({ type: 'text', value: text.slice(end) });
  return nodes;
}

/**
 * Stop on a content mistake. The message reads `file:line:col: problem` and a
 * `Fix:` line, as the content check's; the ContentError itself is its cause,
 * which the check reads rather than the text.
 */
function fail(file: VFile, at: { line: number; column: number } | undefined, problem: string, fix: string, rule: string): never {
  const name = file.path ? path.relative(process.cwd(), file.path) : '<input>';
  const error = new ContentError(name, at?.line, problem, fix, at?.column);
  file.fail(error.message, { place: at, ruleId: rule, source: 'glossary-notes', cause: error });
}
