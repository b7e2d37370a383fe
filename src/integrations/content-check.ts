// The content check, and the article pipeline it feeds. When the config is
// set up: folders, glossary and frontmatter, before anything is built; then
// MDX is added with the checked glossary, and each article's text is checked
// as MDX parses it (src/plugins/remark-content-check.ts), so no article is
// parsed twice. When the build fails, the whole check runs on its own, so that
// every mistake in content/ (a bad label, malformed MDX…) is reported the same
// way, `file:line: problem` and a `Fix:` line, with no stack trace; a failure
// it does not explain is Astro's own, and Astro reports it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import mdx from '@astrojs/mdx';
import { unified, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import { summaryLine } from '../check/check-report.ts';
import { checkContent, checkSources, formatResult } from '../check/content-check.ts';
import type { SeedText } from '../check/seeds.ts';
import { createAliasMatcher } from '../edition/aliases.ts';
import { loadGlossary } from '../schema/glossary-source.ts';
import type { GlossaryNames } from './search-index.ts';
import { storeParagraphs } from '../edition/paragraph-store.ts';
import { buildTextFace } from '../site/text-face.ts';
import { mdxPipeline, remarkRehypeOptions } from '../plugins/index.ts';
import { remarkContentCheck } from '../plugins/remark-content-check.ts';

/** The site's Markdown settings, for the glossary's .md pages and the articles alike. */
const markdownOptions = {
  // The author's typography is kept verbatim; no smart-quote rewriting.
  smartypants: false,
  remarkRehype: remarkRehypeOptions,
};

/**
 * @param plain `EDITION_PLAIN=1` (scripts/bench/scale.ts only): plain Astro MDX,
 * no check and no annotations, to measure what they cost.
 */
export function contentCheck({
  plain = false,
  stopped,
  checked,
}: {
  plain?: boolean;
  stopped: () => void;
  /** Given the glossary and its matcher once they are read, for the integrations after this one. */
  checked: (names: GlossaryNames) => void;
}): AstroIntegration {
  let counts: { articles: number; glossary: number } | undefined;
  const warnings: string[] = [];
  /** Print the check's report and end the process (./staged-output.ts says what became of dist/). */
  const stop = (report: string, why: string): never => {
    console.error(report);
    stopped();
    console.error(`\n✗ ${why}`);
    process.exit(1);
  };
  return {
    name: 'edition:content-check',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig }) => {
        if (command === 'preview') return;
        const root = path.resolve(fileURLToPath(config.root));
        let glossary;
        let matcher;
        let seeds: ReadonlyMap<string, SeedText> = new Map();
        if (plain) {
          glossary = loadGlossary('content/glossary');
          console.log('note: EDITION_PLAIN=1, so no content check and no annotations (a baseline for benchmarks)');
        } else {
          const sources = checkSources(root);
          if (sources.errors.length) stop(formatResult(sources), 'The content has mistakes, listed above with file, line and fix.');
          counts = sources.counts;
          console.log(summaryLine({ ...counts, errors: 0, warnings: 0 }, ' of folders, glossary and frontmatter'));
          ({ glossary, matcher, seeds } = sources);
        }
        // The text face's files, cut to the characters the pages use, before the stylesheet that names them is built.
        await buildTextFace(root);
        // One matcher of the glossary's names for the annotations and the check.
        matcher ??= createAliasMatcher(glossary.values());
        checked({ glossary, matcher });
        // Paragraph data go to files beside the build, not into each compiled article.
        const pipeline = mdxPipeline(glossary, { store: storeParagraphs, base: config.base, matcher });
        const check = [
          remarkContentCheck,
          {
            root,
            seeds,
            glossary,
            matcher,
            warn: (message: string) => void warnings.push(message),
          },
        ];
        // unified's plugin lists, in the narrower type Astro names them with.
        const pipelinePlugins = { remarkPlugins: [check, ...pipeline.remarkPlugins], rehypePlugins: pipeline.rehypePlugins };
        updateConfig({
          markdown: { processor: unified(markdownOptions) },
          vite: { plugins: command === 'build' && !plain ? [explainFailure(root, stop)] : [] },
          integrations: [
            // `optimize` compiles static HTML to strings rather than one JSX call per
            // element: article modules shrink several times over, and with them build time and memory.
            mdx({
              optimize: true,
              processor: unified(plain ? markdownOptions : { ...markdownOptions, ...(pipelinePlugins as UnifiedProcessorOptions) }),
            }),
          ],
        });
      },
      'astro:build:done': () => {
        for (const w of warnings) console.log(`⚠ ${w}`);
        if (counts) console.log(summaryLine({ ...counts, errors: 0, warnings: warnings.length }, ' (in the astro build)'));
      },
    },
  };
}



/** A Vite plugin: when the build fails, the whole content check says whether the content is why. */
function explainFailure(root: string, stop: (report: string, why: string) => never): Plugin {
  let checked = false;
  return {
    name: 'edition:explain-failure',
    async buildEnd(error) {
      if (!error || checked) return;
      checked = true;
      const result = await checkContent(root);
      if (result.errors.length) stop(formatResult(result), 'The content has mistakes, listed above with file, line and fix.');
    },
  };
}
