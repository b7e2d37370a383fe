// The search index, through Pagefind's Node API, once the pages are written.
// Pagefind reads each page as index-view.mjs prepares it (in memory: the
// served pages are not changed), under the page's own path, so results point
// at the real pages.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { AliasMatcher } from '../edition/aliases.ts';
import type { Glossary } from '../schema/glossary-source.ts';
import { PAGEFIND_JS, PAGEFIND_WASM } from '../site/search-files.ts';
import { indexView } from './index-view.mjs';
import { filesUnder } from '../site/files.ts';

// Smaller word-index chunks than Pagefind's default (20,000 word positions,
// about 28 KB gzipped here): a query fetches the chunks of its words only, so
// this is most of what a first query costs beyond the engine. A chunk holds a
// fixed number of positions, so its size does not grow with the edition; the
// chunk list in the page metadata does, a few bytes per chunk. Pagefind reads
// this from its environment and calls it unstable: if a release drops it,
// chunks are simply the default size again.
const INDEX_CHUNK_SIZE = '4000';

/** The glossary and its matcher, as the content check read them: read once per build. */
export interface GlossaryNames {
  glossary: Glossary;
  matcher: AliasMatcher;
}

export const searchIndex = (names: () => GlossaryNames | undefined): AstroIntegration => ({
  name: 'edition:search-index',
  hooks: {
    'astro:build:done': async ({ dir, logger }) => {
      const site = fileURLToPath(dir);
      const started = performance.now();
      process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= INDEX_CHUNK_SIZE;
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      // Each page's names, under every spelling, as searchable metadata (index-view.mjs).
      const read = names();
      if (!read) throw new Error('the search index needs the glossary, which the content check had not read');
      const { glossary, matcher } = read;
      const spellings = (id: string) => [glossary.get(id)!.name, ...glossary.get(id)!.aliases];
      try {
        let pages = 0;
        for (const rel of htmlFiles(site)) {
          const content = indexView(fs.readFileSync(path.join(site, rel), 'utf8'), matcher, spellings);
          const added = await index.addHTMLFile({ sourcePath: rel, content });
          if (added.errors.length) throw new Error(`Pagefind could not index ${rel}: ${added.errors.join('; ')}`);
          pages++;
        }
        const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        checkPreloaded(site);
        logger.info(`${pages} pages indexed in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      } finally {
        await pagefind.close();
      }
    },
  },
});

/** The files the pages ask for on intent (src/site/search-files.ts) are the ones Pagefind wrote and uses. */
function checkPreloaded(site: string) {
  const entry = JSON.parse(fs.readFileSync(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8'));
  const wasm = `pagefind/wasm.${entry.languages?.en?.wasm}.pagefind`;
  for (const [used, preloaded] of [[wasm, PAGEFIND_WASM], [PAGEFIND_JS, PAGEFIND_JS]]) {
    if (used !== preloaded || !fs.existsSync(path.join(site, used))) {
      throw new Error(`src/site/search-files.ts: the pages preload ${preloaded}, but Pagefind uses ${used}: set it to the file Pagefind now writes`);
    }
  }
}

/** Every .html file under `site`, relative to it with "/" (filesUnder), as Pagefind names pages. */
function htmlFiles(site: string): string[] {
  return filesUnder(site, (folder) => folder === 'pagefind').filter((rel) => rel.endsWith('.html'));
}
