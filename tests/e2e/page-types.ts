// One page of each type, for the accessibility and Lighthouse gates.
export const PAGE_TYPES: Record<string, string> = {
  home: '',
  article: 'articles/minsk-last-chance/',
  'glossary index': 'glossary/',
  entry: 'glossary/vladimir-putin/',
  search: 'search/?q=Kyiv',
  about: 'about/',
  corrections: 'corrections/',
  timeline: 'timeline/',
  map: 'map/',
  // Served with status 200 as a file: Lighthouse audits no page that answers 404.
  '404': '404.html',
};
