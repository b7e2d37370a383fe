// Serves the built site (dist/, or the folder TEST_DIST names: see
// tests/support/dist.ts) for the browser tests.
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { DIST as dist } from '../support/dist.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';

let server: StaticServer | undefined;

export async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(dist, 'pagefind', 'pagefind.js'))) {
    throw new Error('dist/ has no built site with a search index: run `npm run build` first (npm test does).');
  }
  server = await serveStatic(dist);
  project.provide('siteUrl', server.url);
}

export async function teardown() {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}
