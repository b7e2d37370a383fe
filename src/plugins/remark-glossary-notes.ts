// Resolves footnote labels that are glossary ids into notes built from the
// glossary, so an article holds no copy of an entity's text:
//   the Minsk agreements[^minsk-agreements]
// remark-gfm parses `[^label]` only when the file defines the label; an
// entity label therefore reaches us as literal text, which we replace with a
// footnote reference and a generated definition. Unknown labels fail the build.
import type { FootnoteDefinition, PhrasingContent, Root, RootContent, Text } from 'mdast';
import path from 'node:path';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { createAliasMatcher, type AliasMatcher } from '../lib/aliases.ts';
import { formatDate } from '../lib/dates.ts';
import type { Entity, Glossary } from '../lib/glossary-source.ts';
import { articlePath, entryPath, joinBase } from '../lib/urls.ts';
import type { ArticleRef, ArticlesByEntity } from '../lib/article-index.ts';

export interface GlossaryNotesOptions {
  glossary: Glossary;
  base?: string;
  /** Which articles mention each entity, for "Also in" lines. */
  articles?: ArticlesByEntity;
}

// A label runs to the first "]": a marker that lost its bracket ("[^a[^b]") reads as one
// bad label and fails, rather than leaving "[^a" in the text (the content check names it).
const CALL = /\[\^([^\]\s]+)\]/g;
// What may stand between a name and its note: a possessive, a closing quote.
const TRAILER = /^(?:[’']s?)?[”"’]?$/;

export function remarkGlossaryNotes({ glossary, base = '/', articles = new Map() }: GlossaryNotesOptions) {
  const matcher = createAliasMatcher(glossary.values());
  return (tree: Root, file: VFile) => {
    const defined = new Set<string>();
    visit(tree, 'footnoteDefinition', (node) => {
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
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined || !node.value.includes('[^')) return;
      const parts = splitCalls(node, file, glossary, defined, matcher);
      if (!parts) return;
      for (const p of parts) if (p.type === 'footnoteReference' && !used.includes(p.identifier)) used.push(p.identifier);
      parent.children.splice(index, 1, ...(parts as never[]));
      return [SKIP, index + parts.length];
    });

    const slug = file.path ? path.basename(file.path).replace(/\.mdx?$/, '') : '';
    for (const id of used) {
      const elsewhere = (articles.get(id) ?? []).filter((a) => a.slug !== slug);
      tree.children.push(definitionFor(glossary.get(id)!, base, elsewhere));
    }
  };
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

/** Wrap the name the note is attached to ("Putin’s" before [^vladimir-putin]) in a mention span. */
function mentionBefore(text: string, id: string, matcher: AliasMatcher): PhrasingContent[] {
  const candidates = matcher.find(text).filter((m) => m.id === id && TRAILER.test(text.slice(m.end)));
  const hit = candidates.at(-1);
  if (!hit) return text ? [{ type: 'text', value: text }] : [];
  const nodes: PhrasingContent[] = [];
  if (hit.start > 0) nodes.push({ type: 'text', value: text.slice(0, hit.start) });
  nodes.push({
    type: 'emphasis',
    data: { hName: 'span', hProperties: { className: ['mention'], dataEntity: id } },
    children: [{ type: 'text', value: text.slice(hit.start) }],
  });
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

const MAX_DATES = 3;
/** "Also in" names at most this many other texts; the entry page lists them all. */
const MAX_ELSEWHERE = 3;

/**
 * The note for an entity: its name linking to its entry, kind, summary, a few
 * key dates, what happened later, and the other articles that mention it.
 */
export function definitionFor(entity: Entity, base: string, elsewhere: ArticleRef[] = []): FootnoteDefinition {
  const children: RootContent[] = [
    {
      type: 'paragraph',
      children: [
        { type: 'link', url: joinBase(base, entryPath(entity.id)), children: [{ type: 'text', value: entity.name }] },
        { type: 'text', value: ` (${entity.kind}). ${entity.summary}` },
      ],
    },
  ];
  if (entity.dates.length) {
    const dates = entity.dates
      .slice(0, MAX_DATES)
      .map((d) => `${formatDate(d.date)}${d.end ? ` – ${formatDate(d.end)}` : ''}: ${d.label}`)
      .join('; ');
    children.push({
      type: 'paragraph',
      data: { hProperties: { className: ['note-dates'] } },
      children: [{ type: 'text', value: `${dates}${entity.dates.length > MAX_DATES ? '; …' : '.'}` }],
    });
  }
  for (const fact of entity.later) {
    children.push({
      type: 'paragraph',
      data: { hProperties: { className: ['note-later'] } },
      children: [
        { type: 'strong', children: [{ type: 'text', value: `Later, ${formatDate(fact.date)}:` }] },
        { type: 'text', value: ` ${fact.text}` },
      ],
    });
  }
  if (elsewhere.length) {
    const links: PhrasingContent[] = [{ type: 'text', value: 'Also in ' }];
    const shown = elsewhere.slice(0, MAX_ELSEWHERE);
    const more = elsewhere.length - shown.length;
    shown.forEach((a, i) => {
      if (i) links.push({ type: 'text', value: i === shown.length - 1 && !more ? ' and ' : ', ' });
      links.push({ type: 'link', url: joinBase(base, articlePath(a.slug)), children: [{ type: 'emphasis', children: [{ type: 'text', value: a.title }] }] });
    });
    if (more) {
      links.push({ type: 'text', value: ' and ' });
      links.push({ type: 'link', url: joinBase(base, entryPath(entity.id)), children: [{ type: 'text', value: `${more} other ${more === 1 ? 'text' : 'texts'}` }] });
    }
    links.push({ type: 'text', value: '.' });
    children.push({ type: 'paragraph', data: { hProperties: { className: ['note-elsewhere'] } }, children: links });
  }
  return { type: 'footnoteDefinition', identifier: entity.id, label: entity.id, children: children as FootnoteDefinition['children'] };
}
