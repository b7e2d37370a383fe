// Small rules and helpers over a parsed text (mdast), shared by the glossary's
// and the articles' rules.
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { ContentError } from '../schema/content-error.ts';

/** Every text node's value, one per line. */
export function collectText(tree: Root): string {
  let out = '';
  visit(tree, 'text', (n) => void (out += `${n.value}\n`));
  return out;
}

/** Images with a path relative to `dir` must exist. `offset`: lines before the tree's first (a frontmatter). */
export function checkImages(dir: string, file: string, tree: Root, offset: number, errors: ContentError[]) {
  visit(tree, 'image', (node) => {
    if (/^(?:[a-z]+:|\/|#)/i.test(node.url)) return;
    let target: string;
    try {
      target = path.join(dir, decodeURI(node.url));
    } catch {
      target = path.join(dir, node.url);
    }
    if (!fs.existsSync(target)) {
      const at = node.position?.start;
      errors.push(new ContentError(file, at && at.line + offset, `the image “${node.url}” does not exist`, 'correct the path (relative to this file) or remove the image', at?.column));
    }
  });
}
