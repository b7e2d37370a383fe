// Builds the DOM for one search result from plain text: no HTML strings, so
// nothing in the index can inject markup.
import resultsCss from '../../styles/search-results.css?url';
import { excerpt } from './query.ts';

// Result styles load with search, not with every page.
if (!document.querySelector('link[data-search-results]')) {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: resultsCss });
  link.dataset.searchResults = '';
  document.head.append(link);
}
import { KINDS, isKind } from '../../schema/kinds.ts';
import { resultHref, type ShownResult } from './engine.ts';

export const kindLabel = (kind: string) => (kind === 'article' ? 'Article' : isKind(kind) ? KINDS[kind].one : kind);

/** The index spaces joining dashes so words split (src/integrations/index-view.mjs); close them again for display. */
export const tidy = (text: string) => text.replace(/\s([—–])\s/g, '$1');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Where a result leads: an article's first matching paragraph, or the page. */
export const hrefOf = (r: ShownResult, terms: string[]) => resultHref(r.url, terms, r.kind === 'article' ? r.anchors[0] : undefined);

/**
 * Title link, kind, excerpt with the matched words marked, and further
 * paragraphs. Compact results (the header's list options) hold no links:
 * the whole option is the target.
 */
export function renderResult(r: ShownResult, terms: string[], compact = false): HTMLElement {
  const box = el('div', 'result');
  const title = compact ? el('span', 'result-title', tidy(r.title)) : el('a', 'result-title', tidy(r.title));
  if (title instanceof HTMLAnchorElement) title.href = hrefOf(r, terms);
  const kind = el('span', 'result-kind', kindLabel(r.kind));
  box.append(title, ' ', kind);
  const text = el('p', 'result-excerpt');
  for (const part of excerpt(r.content, r.locations, compact ? 8 : 16)) {
    text.append(part.hit ? el('mark', undefined, part.text) : tidy(part.text));
  }
  box.append(text);
  const more = r.kind === 'article' && !compact ? r.anchors.slice(1, 6).filter((a) => a.startsWith('p-')) : [];
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
