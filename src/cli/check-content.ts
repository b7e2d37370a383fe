#!/usr/bin/env -S npx tsx
// `npm run check:content`: the schema, reference, MDX and fidelity checks of
// src/check/content-check.ts, without a site build. Prints every error and
// warning as `file:line[:col]: problem` with a `Fix:` line; exits 1 on errors.
// Warnings (an entity's first mention with no note) never fail the check.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, formatResult } from '../check/content-check.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const started = performance.now();
try {
  const result = await checkContent(root);
  const seconds = (performance.now() - started) / 1000;
  const out = formatResult(result, seconds);
  if (result.errors.length) {
    console.error(out);
    process.exit(1);
  }
  console.log(out);
} catch (err) {
  // A bug in the check itself, not in the content: say so, with the stack for whoever fixes it.
  console.error(`✗ the content check itself crashed (a bug in src/check/content-check.ts, not necessarily in the content):\n${err instanceof Error ? err.stack : String(err)}`);
  process.exit(2);
}
