// On the reader's first sign of intent to search, ask for Pagefind's script
// and its WebAssembly at once. Left to itself, Pagefind fetches the wasm only
// after its script has run and read its entry file: two round trips later.
// Imported by the page script only (site.ts): a module shared with the search
// chunk (astro.config's chunk rule: client/search/) would make every page load it.
import { PAGEFIND_JS, PAGEFIND_WASM } from '../site/search-files.ts';

let done = false;

export function preloadEngine() {
  if (done) return;
  done = true;
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const link = (rel: string, path: string, as?: string) => {
    const el = Object.assign(document.createElement('link'), { rel, href: base + path });
    // Pagefind fetches the wasm with fetch(): the preload must match its mode to be used.
    if (as) Object.assign(el, { as, crossOrigin: 'anonymous' });
    document.head.append(el);
  };
  link('modulepreload', PAGEFIND_JS);
  link('preload', PAGEFIND_WASM, 'fetch');
}
