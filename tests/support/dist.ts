// Reads built pages from dist/ as hast trees; TEST_DIST names another folder
// (a changed copy of dist/, to see a test fail when what it tests is broken).
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { htmlPages, parsePage } from './site-files.ts';

export const DIST = path.resolve(process.env.TEST_DIST ?? 'dist');

const cache = new Map<string, Root>();

/** The page at a site path ("articles/x/"), parsed. */
export function page(sitePath: string): Root {
  const file = pageFile(sitePath);
  let tree = cache.get(file);
  if (!tree) {
    tree = parsePage(fs.readFileSync(file, 'utf8'));
    cache.set(file, tree);
  }
  return tree;
}

export function pageFile(sitePath: string): string {
  const clean = sitePath.replace(/^\/+/, '').replace(/#.*$/, '');
  return clean.endsWith('.html') ? path.join(DIST, clean) : path.join(DIST, clean, 'index.html');
}

export const exists = (sitePath: string) => fs.existsSync(pageFile(sitePath));

/** Every HTML page in dist/ (not the preview fragments), as site paths. */
export function allPages(): string[] {
  return htmlPages(DIST).map((f) => (f.endsWith('/index.html') ? f.slice(0, -'index.html'.length) : f === 'index.html' ? '' : f));
}
