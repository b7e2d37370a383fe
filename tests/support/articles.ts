// Reads the article sources the way the build does, for content tests.
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { markdownParser } from '../../src/plugins/index.ts';
import { ARTICLES_DIR } from '../../src/check/content-check.ts';
import { splitFrontmatter } from '../../src/schema/yaml-lines.ts';

export { ARTICLES_DIR, SEEDS_DIR } from '../../src/check/content-check.ts';

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
      const fm = splitFrontmatter(source)!;
      const body = source.slice(fm.length);
      const tree = markdownParser().parse(body) as Root;
      return { slug: f.replace(/\.mdx$/, ''), file, data: parseYaml(fm.yaml), body, tree };
    });
}
