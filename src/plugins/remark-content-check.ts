// The content check's article checks (src/lib/content-check.ts), run inside
// the site build on the tree MDX has just parsed, before the annotation
// plugins change it: the build parses each article once, not once for the
// check and again for the page. Errors stop the build with the check's own
// `file:line: problem` + `Fix:` lines; warnings go to `log` (one JSON line
// each, printed by src/cli/build.mjs), or to the console without one.
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { AliasMatcher } from '../lib/aliases.ts';
import { checkArticleBody, readSeed } from '../lib/content-check.ts';

export interface ContentCheckOptions {
  /** The project root: messages name files relative to it. */
  root: string;
  seedsDir: string;
  /** For the first-mention warnings. */
  matcher?: AliasMatcher;
  /** A file to append warnings to, as JSON lines `{"message": …}`. */
  log?: string;
}

export function remarkContentCheck({ root, seedsDir, matcher, log }: ContentCheckOptions) {
  return (tree: Root, file: VFile) => {
    const abs = path.resolve(file.path);
    const frontmatter = (file.data as { astro?: { frontmatter?: { seed?: unknown } } }).astro?.frontmatter;
    const { errors, warnings } = checkArticleBody({
      abs,
      file: path.relative(root, abs).split(path.sep).join('/'),
      // Astro blanks the frontmatter with spaces, keeping every position the file's.
      body: String(file.value),
      tree,
      seed: readSeed(root, seedsDir, frontmatter?.seed),
      matcher,
    });
    for (const w of warnings) {
      if (log) fs.appendFileSync(log, `${JSON.stringify({ message: w.message })}\n`);
      else console.warn(`⚠ ${w.message}`);
    }
    if (errors.length) throw new Error(errors.map((e) => `✗ ${e.message}`).join('\n'));
  };
}
