// Where Pagefind writes the files the first search certainly needs, for the
// page to ask for them as soon as the reader shows intent. The search-index
// integration checks after each build that Pagefind still writes these names.

/** Pagefind's script. */
export const PAGEFIND_JS = 'pagefind/pagefind.js';
/** Pagefind's WebAssembly for the site's language (`wasm.<language>.pagefind`). */
export const PAGEFIND_WASM = 'pagefind/wasm.en.pagefind';
