// Serves the built site (dist/, or the folder E2E_DIST names: a changed copy,
// to check that a test fails when what it tests is broken) for the browser tests.
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic, type StaticServer } from '../support/server.ts';

let server: StaticServer | undefined;

export async function setup(project: TestProject) {
  const dist = path.resolve(process.env.E2E_DIST ?? 'dist');
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
