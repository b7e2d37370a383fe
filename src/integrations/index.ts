// The build, as Astro integrations, in the order their hooks run: the content
// check and the article pipeline when the config is set up; once the pages are
// written, the sitemap, the search index, the `_headers` file and the EPUB; last, the
// new site replaces dist/ (./staged-output.ts), only if all of that succeeded.
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { contentCheck } from './content-check.ts';
import { epub } from './epub.ts';
import { headersFile } from './headers.ts';
import { searchIndex, type GlossaryNames } from './search-index.ts';
import { stagedOutput } from './staged-output.ts';

export function edition({ plain = false }: { plain?: boolean } = {}): AstroIntegration[] {
  let contentStopped = false;
  let names: GlossaryNames | undefined;
  const { stage, publish } = stagedOutput((code) =>
    contentStopped
      ? 'Nothing was built:'
      : `The Astro build failed (exit ${code}) after the content check had passed: the error above comes from Astro ` +
        '(a page, component, layout, plugin or the config), not from a mistake the content check knows about.',
  );
  return [
    stage,
    contentCheck({ plain, stopped: () => (contentStopped = true), checked: (read) => (names = read) }),
    // Every page but the 404 page and the entries' preview fragments.
    sitemap({ filter: (page) => !/\/404\/$|\/preview\.html$/.test(page) }),
    searchIndex(() => names),
    headersFile(),
    // The EPUB of the texts, made from the built pages (none in the bench's plain build).
    ...(plain ? [] : [epub()]),
    publish,
  ];
}
