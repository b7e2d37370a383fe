// Everything search-related, as one lazily loaded chunk: the header box, the
// search page and arrival highlighting share the engine, and a single chunk
// with no dependencies of its own needs no preload helper on every page.
export { startHeaderSearch } from './header.ts';
export { startSearchPage } from './page.ts';
export { highlightFromUrl } from './highlight.ts';
