// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { edition } from './src/integrations/index.ts';
import { DEFAULT_SITE_URL } from './src/site/urls.ts';
import { lazyChunks, onlyUnder } from './src/plugins/vite-lazy-chunks.ts';

// The browser code, and the part of it loaded when the reader starts a search.
const CLIENT = fileURLToPath(new URL('./src/client/', import.meta.url));
const SEARCH = fileURLToPath(new URL('./src/client/search/', import.meta.url));

export default defineConfig({
  // Absolute URLs (canonical links, feeds, the sitemap) need the public address; set SITE_URL when deploying.
  site: process.env.SITE_URL || DEFAULT_SITE_URL,
  // `SITE_BASE` lets the same build be hosted under a sub-path (e.g. /edition/).
  base: process.env.SITE_BASE ?? '/',
  trailingSlash: 'always',
  // One cacheable stylesheet, never inline <style>: keeps a strict CSP possible.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Astro 7's default ('jsx') drops whitespace that ends a line between inline
  // elements; the texts must render word for word, so keep HTML-aware compression.
  compressHTML: true,
  devToolbar: { enabled: false },
  // Scripts stay external files (never inlined), so the CSP needs no hashes for them.
  vite: {
    plugins: [lazyChunks(CLIENT)],
    build: {
      assetsInlineLimit: 0,
      rollupOptions: {
        output: {
          // All of search in one lazy chunk with no imports of its own, so the
          // script every page loads needs no preload helper to fetch it: the
          // folder, and what only it imports (the URL helpers, the kinds). The
          // bundler pulls a chunk's imports into it: a module that search shares
          // with the every-page script would drag search onto every page.
          manualChunks: (id, { getModuleInfo }) => (onlyUnder(SEARCH, id, getModuleInfo) ? 'search' : undefined),
        },
      },
    },
  },
  markdown: {
    // The texts hold no code: skip the highlighter's pass over every tree.
    syntaxHighlight: false,
  },
  // The content check, the article pipeline, the sitemap, the search index and
  // the swap into dist/: src/integrations/.
  integrations: [edition({ plain: process.env.EDITION_PLAIN === '1' })],
});
