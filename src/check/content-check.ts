// The editors' check: everything about the content that can be wrong, found
// without a site build, each problem reported as `file:line[:col]: problem`
// with a `Fix:` line. `npm run check:content` prints it; `npm run build` runs
// its first half (checkSources) before Astro starts and the article rules
// inside its own pipeline, so every content mistake is reported the same way.
//
// In order: the folders hold only files the site reads (here); the glossary
// (./glossary-rules.ts); content/corrections.yaml; each article's frontmatter
// and series number, then its MDX through the real annotation pipeline
// (./mdx.ts) and the rules on its tree, with its fidelity to the seed
// (./article-rules.ts). Warnings (never failures): entities whose first
// mention in an article carries no note.
import fs from 'node:fs';
import path from 'node:path';
import { createAliasMatcher, type AliasMatcher } from '../edition/aliases.ts';
import { articlePipeline } from '../plugins/index.ts';
import { checkCorrections } from '../schema/corrections.ts';
import { ContentError } from '../schema/content-error.ts';
import type { Glossary } from '../schema/glossary-source.ts';
import { checkArticleBody, checkArticleFrontmatter } from './article-rules.ts';
import { summaryLine } from './check-report.ts';
import { checkGlossary } from './glossary-rules.ts';
import { checkMdx } from './mdx.ts';
import { defaultSeedsDir, readSeeds, type SeedText } from './seeds.ts';

export { SEEDS_DIR } from './seeds.ts';

export interface CheckOptions {
  /** Where the seeds are; default `EDITION_SEEDS_DIR`, else `<root>/content/sources`. */
  seedsDir?: string;
  /** Skip the first-mention warnings. */
  warnings?: boolean;
}

export interface CheckResult {
  errors: ContentError[];
  /** Same shape as errors; they do not fail the check. */
  warnings: ContentError[];
  /** How many files were read: glossary entries and articles. */
  counts: { glossary: number; articles: number };
}

export const GLOSSARY_DIR = 'content/glossary';
export const ARTICLES_DIR = 'content/articles';

export async function checkContent(root: string, options: CheckOptions = {}): Promise<CheckResult> {
  const sources = checkSources(root, options);
  const { errors, warnings, glossary, matcher } = sources;
  const pipeline = articlePipeline(glossary, { matcher: matcher ?? createAliasMatcher(glossary.values()) });
  for (const a of sources.articles) {
    const tree = await checkMdx(a.abs, a.file, a.body, pipeline, errors);
    if (!tree) continue;
    const found = checkArticleBody({ ...a, tree, matcher });
    errors.push(...found.errors);
    warnings.push(...found.warnings);
  }
  return { errors, warnings, counts: sources.counts };
}

/** An article whose frontmatter passed, ready for the checks of its MDX. */
interface ArticleSource {
  abs: string;
  file: string;
  /** The MDX with the frontmatter blanked, lines kept, so positions are the file's. */
  body: string;
  /** The seed file's text and names, when the frontmatter names one that exists. */
  seed?: SeedText;
}

export interface Sources extends CheckResult {
  glossary: Glossary;
  /** For the first-mention warnings; none when the glossary has errors or warnings are off. */
  matcher?: AliasMatcher;
  articles: ArticleSource[];
  /** Every seed, by file name, for the build's article rules (src/plugins/remark-content-check.ts). */
  seeds: Map<string, SeedText>;
}

/**
 * Everything but the articles' MDX: the folders, the glossary and each
 * article's frontmatter. Cheap (no MDX is parsed), so the site build runs it
 * first; the MDX checks then run inside the build's own pipeline
 * (src/plugins/remark-content-check.ts) instead of parsing every article twice.
 */
export function checkSources(root: string, options: CheckOptions = {}): Sources {
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const seedsDir = options.seedsDir ?? defaultSeedsDir(root);
  const seeds = readSeeds(root, seedsDir);

  const glossaryFiles = listFolder(root, GLOSSARY_DIR, '.md', errors);
  const articleFiles = listFolder(root, ARTICLES_DIR, '.mdx', errors);

  const { glossary, complete } = checkGlossary(root, GLOSSARY_DIR, glossaryFiles, errors);
  const matcher = complete && options.warnings !== false ? createAliasMatcher(glossary.values()) : undefined;

  const series = new Map<number, string>();
  const articles: ArticleSource[] = [];
  for (const file of articleFiles) {
    const abs = path.join(root, file);
    const source = fs.readFileSync(abs, 'utf8');
    const before = errors.length;
    const fm = checkArticleFrontmatter(file, source, seedsDir, errors);
    if (!fm) continue;
    if (typeof fm.data.series === 'number' && errors.length === before) {
      const other = series.get(fm.data.series);
      if (other) errors.push(new ContentError(file, fm.lineOf(['series']), `series number ${fm.data.series} is also used by ${other}`, 'give each article its own position in the series (1 = earliest)'));
      else series.set(fm.data.series, file);
    }
    articles.push({ abs, file, body: fm.blank + source.slice(fm.length), seed: seeds.get(String(fm.data.seed)) });
  }
  const slugs = new Set(articleFiles.map((f) => path.basename(f, '.mdx')));
  errors.push(...checkCorrections(root, new Set(glossary.keys()), slugs));
  return { errors, warnings, counts: { glossary: glossaryFiles.length, articles: articleFiles.length }, glossary, matcher, articles, seeds };
}

/** The files a collection reads (`*.md` or `*.mdx` directly in the folder); anything else there is an error, since the site would silently skip it. */
function listFolder(root: string, dir: string, ext: string, errors: ContentError[]): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) {
    errors.push(new ContentError(dir, undefined, 'the folder does not exist', `create ${dir}/`));
    return [];
  }
  const files: string[] = [];
  for (const entry of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      errors.push(new ContentError(`${file}/`, undefined, `a folder inside ${dir}/ is not read: nothing in it would be published`, `move its files up into ${dir}/ (one ${ext} file per ${ext === '.md' ? 'entry' : 'article'})`));
    } else if (!entry.name.endsWith(ext)) {
      errors.push(new ContentError(file, undefined, `only ${ext} files in ${dir}/ are read: this file would not be published`, `rename it to ${entry.name.replace(/\.[^.]*$/, '')}${ext}, or move it out of ${dir}/`));
    } else {
      files.push(file);
    }
  }
  return files;
}

/** Format for terminals: errors, then warnings, then one summary line. */
export function formatResult(result: CheckResult, seconds?: number): string {
  const parts: string[] = [];
  for (const e of result.errors) parts.push(`✗ ${e.message}`);
  for (const w of result.warnings) parts.push(`⚠ ${w.message}`);
  const counts = { ...result.counts, errors: result.errors.length, warnings: result.warnings.length };
  parts.push(summaryLine(counts, seconds === undefined ? '' : ` in ${seconds.toFixed(1)} s`));
  return parts.join('\n');
}
