// The content check's article checks (src/check/content-check.ts), run inside
// the site build on the tree MDX has just parsed, before the annotation
// plugins change it: the build parses each article once, not once for the
// check and again for the page. Errors stop the build with the check's own
// `file:line: problem` + `Fix:` lines; warnings go to `warn`, or to the
// console without one.
import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { createAliasMatcher, type AliasMatcher } from '../edition/aliases.ts';
import { checkArticleBody } from '../check/article-rules.ts';
import type { SeedText } from '../check/seeds.ts';
import { projectPath } from '../schema/content-error.ts';
import type { Glossary } from '../schema/glossary-source.ts';

export interface ContentCheckOptions {
  /** The project root: messages name files relative to it. */
  root: string;
  /** The seeds, by file name, as the check read them (readSeeds). */
  seeds: ReadonlyMap<string, SeedText>;
  /** A checked glossary: its names are what the first-mention warnings look for. */
  glossary: Glossary;
  /** The glossary's matcher, when the caller has made it already. */
  matcher?: AliasMatcher;
  /** Where warnings go (src/integrations/content-check.ts collects them for its summary). */
  warn?: (message: string) => void;
}

export function remarkContentCheck({ root, seeds, glossary, matcher = createAliasMatcher(glossary.values()), warn = (m) => console.warn(`⚠ ${m}`) }: ContentCheckOptions) {
  return (tree: Root, file: VFile) => {
    const abs = path.resolve(file.path);
    const frontmatter = (file.data as { astro?: { frontmatter?: { seed?: unknown } } }).astro?.frontmatter;
    const { errors, warnings } = checkArticleBody({
      abs,
      file: projectPath(root, abs),
      // Astro blanks the frontmatter with spaces, keeping every position the file's.
      body: String(file.value),
      tree,
      seed: seeds.get(String(frontmatter?.seed)),
      matcher,
    });
    for (const w of warnings) warn(w.message);
    if (errors.length) throw new Error(errors.map((e) => `✗ ${e.message}`).join('\n'));
  };
}
