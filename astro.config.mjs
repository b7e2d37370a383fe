// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { loadGlossary } from './src/lib/glossary-source.ts';
import { articlePipeline, remarkRehypeOptions } from './src/plugins/index.ts';
import { lazyChunks } from './src/plugins/vite-lazy-chunks.ts';

// `SITE_BASE` lets the same build be hosted under a sub-path (e.g. /edition/).
const base = process.env.SITE_BASE ?? '/';
// Read and check the glossary once; a bad entry stops the build here, naming its file.
const glossary = loadGlossary('content/glossary');
const pipeline = articlePipeline(glossary);

export default defineConfig({
  // Absolute URLs (canonical links, feeds) need the public address; set it when deploying.
  site: process.env.SITE_URL,
  base,
  trailingSlash: 'always',
  outDir: process.env.EDITION_OUT_DIR ?? './dist',
  // One cacheable stylesheet, never inline <style>: keeps a strict CSP possible.
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Scripts stay external files (never inlined), so the CSP needs no hashes for them.
  vite: {
    plugins: [lazyChunks(/\/src\/scripts\/[^/]+\.ts$/)],
    build: {
      assetsInlineLimit: 0,
      rollupOptions: {
        output: {
          // All of search in one lazy chunk with no imports of its own, so the
          // script every page loads needs no preload helper to fetch it.
          manualChunks: (id) => (/\/src\/(scripts\/search\/|scripts\/highlight|lib\/search-query|lib\/urls)/.test(id) ? 'search' : undefined),
        },
      },
    },
  },
  markdown: {
    // The author's typography is kept verbatim; no smart-quote rewriting.
    smartypants: false,
    remarkRehype: remarkRehypeOptions,
  },
  integrations: [
    // The annotation pipeline applies to the articles (MDX) only.
    // `EDITION_PLAIN=1` (tests/bench/scale.ts only): plain MDX, to measure the pipeline's cost.
    // `optimize` compiles static HTML to strings rather than one JSX call per
    // element: article modules shrink about 3×, and with them build time and memory.
    mdx(
      process.env.EDITION_PLAIN === '1'
        ? { optimize: true }
        : { optimize: true, remarkPlugins: [...pipeline.remarkPlugins], rehypePlugins: [...pipeline.rehypePlugins] },
    ),
  ],
});
