// Arriving from a search result (?highlight=kyiv kiev#p-7): mark the terms in
// the article or entry text and bring the target paragraph into view.
import { matchesTerm, normalize } from './query.ts';

export function highlightFromUrl() {
  const raw = new URLSearchParams(location.search).get('highlight') ?? '';
  const terms = raw.split(/\s+/).map(normalize).filter((t) => t.length > 1);
  const root = document.querySelector('.article-body, .entity');
  if (!terms.length || !root) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('sup, mark, .footnotes h2') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) markTerms(node, terms);
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  target?.scrollIntoView({ block: 'center' });
}

/** Wrap whole words (or word starts) that fold to a term in <mark>. */
function markTerms(node: Text, terms: string[]) {
  const text = node.data;
  const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.’'-]*/gu)];
  const hits = words.filter((w) => matchesTerm(w[0], terms));
  if (!hits.length) return;
  const frag = document.createDocumentFragment();
  let last = 0;
  for (const w of hits) {
    frag.append(text.slice(last, w.index));
    const mark = document.createElement('mark');
    mark.className = 'search-hit';
    mark.textContent = w[0];
    frag.append(mark);
    last = w.index! + w[0].length;
  }
  frag.append(text.slice(last));
  node.replaceWith(frag);
}
