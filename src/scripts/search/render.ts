// Builds the DOM for one search result from plain text: no HTML strings, so
// nothing in the index can inject markup.
import { excerpt } from '../../lib/search-query.ts';
import { resultHref, type ShownResult } from './engine.ts';

const KIND: Record<string, string> = {
  article: 'Article',
  person: 'Person',
  organization: 'Organization',
  treaty: 'Treaty or document',
  event: 'Event',
  place: 'Place',
  concept: 'Concept',
};

export const kindLabel = (kind: string) => KIND[kind] ?? kind;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Title link, kind, excerpt with the matched words marked, and further paragraphs. */
export function renderResult(r: ShownResult, terms: string[], compact = false): HTMLElement {
  const box = el('div', 'result');
  const title = el('a', 'result-title', r.title);
  title.href = resultHref(r.url, terms, r.kind === 'article' ? r.anchors[0] : undefined);
  const kind = el('span', 'result-kind', kindLabel(r.kind));
  box.append(title, ' ', kind);
  const text = el('p', 'result-excerpt');
  for (const part of excerpt(r.content, r.locations, compact ? 8 : 16)) {
    text.append(part.hit ? el('mark', undefined, part.text) : part.text);
  }
  box.append(text);
  const more = r.kind === 'article' ? r.anchors.slice(1, compact ? 1 : 6).filter((a) => a.startsWith('p-')) : [];
  if (more.length) {
    const also = el('p', 'result-also', 'Also in ');
    more.forEach((a, i) => {
      const link = el('a', undefined, `paragraph ${a.slice(2)}`);
      link.href = resultHref(r.url, terms, a);
      also.append(i ? ', ' : '', link);
    });
    box.append(also);
  }
  return box;
}
