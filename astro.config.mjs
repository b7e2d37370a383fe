// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { epub } from './src/integrations/epub.ts';
import { fileURLToPath } from 'node:url';
import { logCheck } from './src/lib/check-report.mjs';
import { checkSources, defaultSeedsDir, formatResult } from './src/lib/content-check.ts';
import { loadGlossary } from './src/lib/glossary-source.ts';
import { storeParagraphs } from './src/lib/paragraph-store.ts';
import { buildTextFace } from './src/lib/text-face.ts';
import { mdxPipeline, remarkRehypeOptions } from './src/plugins/index.ts';
import { remarkContentCheck } from './src/plugins/remark-content-check.ts';
import { lazyChunks } from './src/plugins/vite-lazy-chunks.ts';

// `SITE_BASE` lets the same build be hosted under a sub-path (e.g. /edition/).
const base = process.env.SITE_BASE ?? '/';
const plain = process.env.EDITION_PLAIN === '1';
const root = fileURLToPath(new URL('.', import.meta.url));
// The content check, first part: folders, glossary and frontmatter, before
// anything is built. Each article's MDX is checked as the build parses it
// (remark-content-check). `EDITION_PLAIN=1` (tests/bench/scale.ts only):
// plain Astro MDX, no check and no annotations, to measure what they cost.
const glossary = plain ? loadGlossary('content/glossary') : checkFirst();
// The text face's files, cut to the characters the pages use, before the stylesheet that names them is built.
await buildTextFace(root);
// Paragraph data go to files beside the build, not into each compiled article.
const pipeline = mdxPipeline(glossary, { store: storeParagraphs, base });
/** @type {import('unified').Pluggable} */
const check = [remarkContentCheck, { root, seedsDir: defaultSeedsDir(root), glossary, log: process.env.EDITION_CHECK_LOG }];

/** Stop here on a mistake; keep only the checked glossary (not every article's text). */
function checkFirst() {
  const sources = checkSources(root);
  if (sources.errors.length) throw new Error(`the content has mistakes:\n${formatResult(sources)}`);
  if (process.env.EDITION_CHECK_LOG) logCheck(process.env.EDITION_CHECK_LOG, { counts: sources.counts });
  return sources.glossary;
}

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
    // The texts hold no code: skip the highlighter's pass over every tree.
    syntaxHighlight: false,
    remarkRehype: remarkRehypeOptions,
  },
  integrations: [
    // The annotation pipeline applies to the articles (MDX) only.
    // `optimize` compiles static HTML to strings rather than one JSX call per
    // element: article modules shrink several times over, and with them build time and memory.
    mdx(
      plain
        ? { optimize: true }
        : { optimize: true, remarkPlugins: [check, ...pipeline.remarkPlugins], rehypePlugins: [...pipeline.rehypePlugins] },
    ),
    // The EPUB of the texts, made from the built pages (none in the bench's plain build).
    ...(plain ? [] : [epub()]),
  ],
});
