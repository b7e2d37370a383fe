// Reads the article sources the way the build does, for content tests.
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

export const ARTICLES_DIR = 'content/articles';
export { SEEDS_DIR } from '../../src/check/content-check.ts';

export interface ArticleSource {
  slug: string;
  file: string;
  data: Record<string, any>;
  body: string;
  tree: Root;
}

export function readArticles(): ArticleSource[] {
  return fs
    .readdirSync(ARTICLES_DIR)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const file = path.join(ARTICLES_DIR, f);
      const source = fs.readFileSync(file, 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n/.exec(source)!;
      const body = source.slice(m[0].length);
      const tree = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(body) as Root;
      return { slug: f.replace(/\.mdx$/, ''), file, data: parseYaml(m[1]), body, tree };
    });
}
