// From the site's rendered HTML to EPUB XHTML: the same text and notes, never
// written twice. Each function takes hast the build produced and returns
// hast for a book file; the book links names to its end glossary, and the
// editor's notes become popup footnotes.
import type { Element, ElementContent, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { escapeHtml as escapeXml } from '../site/text.ts';

/** The book's files, by what they hold. */
export const FILES = { glossary: 'glossary.xhtml', about: 'about.xhtml', chapter: (slug: string) => `${slug}.xhtml` };

export interface Links {
  /** Glossary ids the book's end glossary holds. */
  glossary: Set<string>;
  /** Article slugs, each a chapter. */
  chapters: Set<string>;
}

/** A site link as a link inside the book, or undefined when the book has no such place. */
export function bookHref(href: string, links: Links): string | undefined {
  if (href.startsWith('#')) return href;
  if (/^https?:\/\//.test(href)) return undefined;
  const path = href.replace(/^\/([^/]+\/)*?(?=(glossary|articles|about)\/)/, '/');
  const entry = /^\/glossary\/([^/]+)\/(?:#.*)?$/.exec(path);
  if (entry && links.glossary.has(entry[1])) return `${FILES.glossary}#g-${entry[1]}`;
  const article = /^\/articles\/([^/]+)\/(#.*)?$/.exec(path);
  if (article && links.chapters.has(article[1])) return FILES.chapter(article[1]) + (article[2] ?? '');
  const about = /^\/about\/(#.*)?$/.exec(path);
  if (about) return FILES.about + (about[1] ?? '');
  return undefined;
}

/** Rewrite links for the book (unwrapping those it cannot follow), drop what only the site needs, and make notes popups. */
export function forBook(nodes: ElementContent[], links: Links): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'comment') continue;
    if (node.type !== 'element') {
      out.push(node);
      continue;
    }
    const props = node.properties;
    const classes = Array.isArray(props.className) ? props.className.map(String) : [];
    if (classes.includes('pilcrow') || props.hidden) continue;
    for (const key of Object.keys(props)) if (/^(data[A-Z]|on|tabIndex$|style$)/.test(key)) delete props[key];
    node.children = forBook(node.children, links);
    if (node.tagName === 'a') {
      const href = bookHref(String(props.href ?? ''), links);
      if (href === undefined) {
        out.push(...node.children);
        continue;
      }
      props.href = href;
    }
    out.push(node);
  }
  return out;
}

/** The notes section of a rendered article as popup footnotes; the references in `body` point to them. */
export function popupNotes(body: Element[]): Element[] {
  for (const ref of body.flatMap((b) => selectAll('a[data-footnote-ref]', b))) {
    ref.properties['epub:type'] = 'noteref';
    delete ref.properties.ariaDescribedBy;
  }
  const notes = body.flatMap((b) => selectAll('section[data-footnotes] li[id]', b));
  for (const b of body) removeSelf(b, 'section[data-footnotes]');
  return notes.map((li) => {
    for (const back of selectAll('a[data-footnote-backref]', li)) removeSelf(li, back);
    const number = notes.indexOf(li) + 1;
    return {
      type: 'element',
      tagName: 'aside',
      properties: { id: li.properties.id, 'epub:type': 'footnote', className: ['note'] },
      children: [{ type: 'element', tagName: 'p', properties: { className: ['note-number'] }, children: [{ type: 'text', value: `${number}.` }] }, ...li.children],
    };
  });
}

function removeSelf(root: Element, target: string | Element) {
  const node = typeof target === 'string' ? select(target, root) : target;
  if (!node) return;
  const walk = (parent: Element | Root): boolean => {
    const i = parent.children.indexOf(node as ElementContent);
    if (i !== -1) {
      parent.children.splice(i, 1);
      return true;
    }
    return parent.children.some((c) => c.type === 'element' && walk(c));
  };
  walk(root);
}

/** A complete XHTML content document. */
export function xhtmlDocument(title: string, body: ElementContent[], bodyType?: string): string {
  const html = toHtml(
    { type: 'root', children: body },
    { closeSelfClosing: true, closeEmptyElements: false, characterReferences: { useNamedReferences: false } },
  );
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n' +
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">\n' +
    `<head><meta charset="utf-8"/><title>${escapeXml(title)}</title><link rel="stylesheet" href="book.css"/></head>\n` +
    `<body${bodyType ? ` epub:type="${bodyType}"` : ''}>\n${html}\n</body>\n</html>\n`
  );
}

