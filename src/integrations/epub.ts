// The EPUB edition as a build step: once Astro has written the site, the book
// is made from its pages (src/epub/build.ts) and saved beside them.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildEpub } from '../epub/build.ts';

export function epub(): AstroIntegration {
  return {
    name: 'edition:epub',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = await buildEpub(fileURLToPath(dir));
        logger.info(`EPUB written: ${out}`);
      },
    },
  };
}
