// Security headers for hosts that read a `_headers` file (the pages carry the CSP too).
import fs from 'node:fs';
import type { AstroIntegration } from 'astro';
import { HEADERS_FILE } from '../site/csp.mjs';

export const headersFile = (): AstroIntegration => ({
  name: 'edition:headers',
  hooks: {
    'astro:build:done': ({ dir }) => fs.writeFileSync(new URL('_headers', dir), HEADERS_FILE),
  },
});
