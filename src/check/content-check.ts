// The editors' check: everything about the content that can be wrong, found
// without a site build, each problem reported as `file:line[:col]: problem`
// with a `Fix:` line. `npm run check:content` prints it; `npm run build` runs
// it before Astro starts, so every content mistake is reported the same way.
//
// Checks, in order: the folders hold only files the site reads; the glossary
// (schema, YAML, unknown fields, ids used twice, related ids, aliases, raw
// HTML in entry texts); each article's frontmatter (schema, unknown fields,
// dates in order, seed file exists, series numbers unique); its MDX (syntax,
// note labels, through the real annotation pipeline; components, expressions,
// broken note markers, unused editorial notes, images); its fidelity to the
// seed. Warnings (never failures): entities whose first mention in an article
// carries no note.
import fs from 'node:fs';
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { articlePipeline, remarkRehypeOptions } from '../plugins/index.ts';
import { glossaryMatcher, type AliasMatcher } from '../edition/aliases.ts';
import { unannotatedFirstMentions } from './annotations.ts';
import { summaryLine } from './check-report.mjs';
import { ContentError, projectPath } from '../schema/content-error.ts';
import { authorText, compareWithSeed, EDITORIAL_COMPONENTS } from './fidelity.ts';
import { loadGlossary, readEntry, type Entity, type Glossary } from '../schema/glossary-source.ts';
import { articleData } from '../schema/schema.ts';
import { checkCorrections } from '../schema/corrections.ts';
import { issueMessage, unknownFields } from '../schema/schema-errors.ts';
import { parseYaml } from '../schema/yaml-lines.ts';

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
/** MDX components an article may use (provided by the article page). */
export const ARTICLE_COMPONENTS = new Set(EDITORIAL_COMPONENTS);

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** “[^label” with no closing bracket (or a second “[” inside), or “^label]” with no opening one. */
const BROKEN_MARKER = /\[\^(?![^\]\s[^]+\])|(?<!\[)\^[a-z0-9]+(?:-[a-z0-9]+)*\]/g;
const MARKER = /\[\^[^\]\s]+\]/g;

export async function checkContent(root: string, options: CheckOptions = {}): Promise<CheckResult> {
  const sources = checkSources(root, options);
  const { errors, warnings, glossary, matcher } = sources;
  for (const a of sources.articles) {
    const tree = await checkMdx(a.abs, a.file, a.body, glossary, errors);
    if (!tree) continue;
    const found = checkArticleBody({ ...a, tree, matcher });
    errors.push(...found.errors);
    warnings.push(...found.warnings);
  }
  return { errors, warnings, counts: sources.counts };
}

/** An article whose frontmatter passed, ready for the checks of its MDX. */
export interface ArticleSource {
  abs: string;
  file: string;
  /** The MDX with the frontmatter blanked, lines kept, so positions are the file's. */
  body: string;
  /** The seed file's text and names, when the frontmatter names one that exists. */
  seed?: SeedText;
}

export interface SeedText {
  text: string;
  name: string;
  rel: string;
}

export interface Sources extends CheckResult {
  glossary: Glossary;
  /** For the first-mention warnings; none when the glossary has errors or warnings are off. */
  matcher?: AliasMatcher;
  articles: ArticleSource[];
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

  const glossaryFiles = listFolder(root, GLOSSARY_DIR, '.md', errors);
  const articleFiles = listFolder(root, ARTICLES_DIR, '.mdx', errors);

  const { glossary, complete } = checkGlossary(root, glossaryFiles, errors);
  const matcher = complete && options.warnings !== false ? glossaryMatcher(glossary) : undefined;

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
    articles.push({ abs, file, body: fm.blank + source.slice(fm.length), seed: readSeed(root, seedsDir, fm.data.seed) });
  }
  const slugs = new Set(articleFiles.map((f) => path.basename(f, '.mdx')));
  errors.push(...checkCorrections(root, new Set(glossary.keys()), slugs));
  return { errors, warnings, counts: { glossary: glossaryFiles.length, articles: articleFiles.length }, glossary, matcher, articles };
}

/** The texts as supplied, byte for byte, relative to the project root. */
export const SEEDS_DIR = 'content/sources';

/** Where the seeds are: `EDITION_SEEDS_DIR`, else the project's own SEEDS_DIR. */
export const defaultSeedsDir = (root: string) => process.env.EDITION_SEEDS_DIR ?? path.resolve(root, SEEDS_DIR);

/** The seed an article's frontmatter names, if it exists (a missing one is a frontmatter error). */
export function readSeed(root: string, seedsDir: string, name: unknown): SeedText | undefined {
  if (typeof name !== 'string') return undefined;
  const file = path.join(seedsDir, name);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return undefined;
  // A few seeds serve every article: read each once (again if it changes).
  let cached = seedTexts.get(file);
  if (cached?.mtimeMs !== stat.mtimeMs) seedTexts.set(file, (cached = { mtimeMs: stat.mtimeMs, text: fs.readFileSync(file, 'utf8') }));
  return { text: cached.text, name, rel: projectPath(root, file) };
}
const seedTexts = new Map<string, { mtimeMs: number; text: string }>();

/**
 * The checks of one article's MDX syntax tree (as parsed, before the
 * annotation plugins change it): components, expressions, editorial notes,
 * broken note markers, images, fidelity to the seed, and the first-mention
 * warnings. Labels and syntax are checked by the pipeline itself.
 */
export function checkArticleBody(a: { abs: string; file: string; body: string; tree: Root; seed?: SeedText; matcher?: AliasMatcher }): Pick<CheckResult, 'errors' | 'warnings'> {
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const brokenMarkers = checkArticleTree(a.abs, a.file, a.tree, errors);
  if (a.seed && brokenMarkers === 0) checkFidelity(a.file, a.tree, a.seed.text, a.seed.name, a.seed.rel, errors);
  if (a.matcher) {
    for (const m of unannotatedFirstMentions(a.body, a.matcher)) {
      warnings.push(
        new ContentError(a.file, m.line, `first mention of “${m.text}” (${m.entity}) in this article has no note`, `add [^${m.entity}] right after “${m.text}”`, m.column),
      );
    }
  }
  return { errors, warnings };
}

// ---------------------------------------------------------------- folders

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

// ---------------------------------------------------------------- glossary

function checkGlossary(root: string, files: string[], errors: ContentError[]): { glossary: Glossary; complete: boolean } {
  const glossary: Glossary = new Map();
  const before = errors.length;
  const names = new Set(files.map((f) => path.basename(f)));
  for (const file of files) {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    const base = path.basename(file, '.md');
    const lower = base.toLowerCase();
    if (base !== lower && names.has(`${lower}.md`)) {
      // Astro derives ids from file names in lowercase: both would be “kyiv”.
      errors.push(new ContentError(file, undefined, `this entry and ${GLOSSARY_DIR}/${lower}.md have the same id “${lower}”: file names differ only in case`, `keep one entry: merge the two into ${lower}.md and delete ${path.basename(file)}`));
      continue;
    }
    let entity: Entity;
    try {
      const read = readEntry(file, source);
      entity = read.entity;
      errors.push(...read.aliasErrors);
    } catch (err) {
      errors.push(asContentError(err, file));
      // A stand-in, so notes pointing at this entry do not also fail as unknown labels.
      if (SLUG.test(base)) glossary.set(base, { id: base, file, name: base, kind: 'concept', aliases: [], summary: '', dates: [], later: [], related: [], sources: [] });
      continue;
    }
    glossary.set(entity.id, entity);
    const fm = FRONTMATTER.exec(source)!;
    checkEntryBody(root, file, source, fm[0], errors);
  }
  if (errors.length > before) return { glossary, complete: false };
  // Cross-entry checks (related ids, names and aliases used twice) are the loader's own.
  try {
    loadGlossary(path.join(root, GLOSSARY_DIR));
  } catch (err) {
    errors.push(asContentError(err, GLOSSARY_DIR, root));
    return { glossary, complete: false };
  }
  return { glossary, complete: true };
}

/**
 * The entry's own page renders its Markdown body, where raw HTML would be
 * published as markup; note markers work only in articles (a glossary text
 * would show “[^kyiv]” as it is).
 */
function checkEntryBody(root: string, file: string, source: string, frontmatter: string, errors: ContentError[]) {
  const offset = frontmatter.split('\n').length - 1;
  frontmatter.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(MARKER)) errors.push(markerInEntry(file, i + 1, m[0], m.index + 1));
  });
  const body = source.slice(frontmatter.length);
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as Root;
  visit(tree, 'text', (node) => {
    for (const m of node.value.matchAll(MARKER)) {
      const p = pointIn(node.value, m.index, node.position?.start);
      errors.push(markerInEntry(file, p && p.line + offset, m[0], p?.column));
    }
  });
  visit(tree, (node) => {
    if (node.type !== 'html') return;
    const tag = node.value.trim().split('\n')[0].slice(0, 60);
    const line = (node.position?.start.line ?? 1) + offset;
    errors.push(
      new ContentError(
        file,
        line,
        `raw HTML “${tag}” in the entry's text would be published as markup, not shown as text`,
        'use Markdown for emphasis (**bold**, *italic*); to show the characters themselves write \\< or &lt;',
        node.position?.start.column,
      ),
    );
  });
  checkImages(path.join(root, path.dirname(file)), file, tree, offset, errors);
}

function markerInEntry(file: string, line: number | undefined, marker: string, column?: number) {
  return new ContentError(file, line, `the note marker “${marker}” would be shown as it is: notes work only in articles`, 'remove it; to point to another entry, add its id to related:', column);
}

// ---------------------------------------------------------------- articles

interface Frontmatter {
  data: Record<string, unknown>;
  /** Bytes of the `---` block, and blank lines standing in for it. */
  length: number;
  blank: string;
  lineOf(at: (string | number)[]): number;
}

function checkArticleFrontmatter(file: string, source: string, seedsDir: string, errors: ContentError[]): Frontmatter | undefined {
  const fm = FRONTMATTER.exec(source);
  if (!fm) {
    errors.push(new ContentError(file, 1, 'no YAML frontmatter: the file must start with a line “---”, the fields, and a closing line “---”', 'restore the --- lines around title, titleSource, summary, series, seed, dating and provenance (see articleData in src/schema/schema.ts)'));
    return undefined;
  }
  const yaml = parseYaml(fm[1]);
  if (yaml.error) {
    errors.push(new ContentError(file, yaml.error.line, `invalid YAML: ${yaml.error.message}`, 'check indentation, quotes (a value holding “: ” must be quoted) and duplicate keys'));
    return undefined;
  }
  const data = yaml.doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    errors.push(new ContentError(file, 2, 'the frontmatter is not a list of fields', 'write one “field: value” per line between the --- lines'));
    return undefined;
  }
  const result = articleData.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') continue;
      const message = issueMessage(issue, yaml.doc.hasIn(issue.path));
      errors.push(new ContentError(file, yaml.lineOf(issue.path), message, articleFix(issue.path.join('.') || 'frontmatter')));
    }
    errors.push(...unknownFields(articleData, result.error.issues, file, yaml.lineOf, 'article'));
  }
  if (result.success) {
    const { earliest, latest } = result.data.dating;
    if (earliest > latest) {
      errors.push(new ContentError(file, yaml.lineOf(['dating', 'latest']), `“dating.latest” (${latest}) is before “dating.earliest” (${earliest})`, 'swap the two dates, or correct the one that is wrong'));
    }
    if (!fs.existsSync(seedsDir)) {
      errors.push(new ContentError(file, yaml.lineOf(['seed']), `the seeds folder ${seedsDir} does not exist`, `put the source texts in ${SEEDS_DIR}/, or set EDITION_SEEDS_DIR`));
    } else if (!fs.existsSync(path.join(seedsDir, result.data.seed))) {
      errors.push(new ContentError(file, yaml.lineOf(['seed']), `the seed “${result.data.seed}” does not exist in ${path.basename(path.dirname(seedsDir))}/${path.basename(seedsDir)}/`, `correct the file name (the seeds are: ${fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).join(', ')}), or add the source text there`));
    }
  }
  const lines = fm[0].split('\n').length - 1;
  return { data: result.success ? result.data : data, length: fm[0].length, blank: '\n'.repeat(lines), lineOf: yaml.lineOf };
}

function articleFix(field: string): string {
  if (field === 'title') return 'give the article its headline: title: "…"';
  if (field === 'titleSource') return 'use “republished” (headline found on republished copies) or “editorial” (ours)';
  if (field === 'summary') return 'write the editor’s summary in 20–400 characters';
  if (field === 'series') return 'write the article’s position in the series as a whole number (1 = earliest)';
  if (field === 'seed') return `write the seed’s file name in ${SEEDS_DIR}/, e.g. seed: "001_572046c2c0d40b08.txt"`;
  if (/^dating\.(earliest|latest)$/.test(field)) return 'write a real date as YYYY, YYYY-MM or YYYY-MM-DD, in quotes: "2022-01-13"';
  if (field.endsWith('certainty')) return 'use one of verified, probable, inferred, unknown';
  if (field.startsWith('dating.evidence')) return 'give at least one piece of evidence: - quote: "…" with inference: "…"';
  return 'see articleData in src/schema/schema.ts and the frontmatter of an existing article';
}

/** MDX nodes that pass through to the rehype plugins, as in MDX's own compile. */
const MDX_NODES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];

/**
 * Run the article through what the build runs on it (MDX syntax, remark-gfm,
 * the annotation pipeline); returns the parsed tree. It stops short of
 * compiling to JavaScript, which finds no content mistakes and was most of
 * the check's time on a large edition.
 */
async function checkMdx(abs: string, file: string, body: string, glossary: Glossary, errors: ContentError[]): Promise<Root | undefined> {
  let parsed: Root | undefined;
  const capture = () => (tree: Root) => {
    parsed = structuredClone(tree);
  };
  const pipeline = articlePipeline(glossary);
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(capture)
    .use(pipeline.remarkPlugins as PluggableList)
    .use([[remarkRehype, { ...remarkRehypeOptions, passThrough: MDX_NODES }]] as PluggableList)
    .use(pipeline.rehypePlugins as PluggableList);
  try {
    const vfile = new VFile({ path: abs, value: body });
    await processor.run(processor.parse(vfile), vfile);
  } catch (err) {
    errors.push(mdxError(err, file));
  }
  return parsed;
}

interface MdxMessage {
  reason?: string;
  message?: string;
  line?: number;
  column?: number;
  source?: string;
  ruleId?: string;
}

function mdxError(err: unknown, file: string): ContentError {
  if (err instanceof ContentError) return err;
  const e = (err ?? {}) as MdxMessage;
  const text = String(e.reason ?? e.message ?? err);
  // Messages from our plugins already read "path:line:col: problem\n  Fix: …".
  const own = e.source === 'glossary-notes' ? /^[^\n]*?:\d+(?::\d+)?: ([\s\S]*?)(?:\n\s*Fix: ([\s\S]*))?$/.exec(text) : null;
  let [problem, fix] = own ? [own[1], own[2]] : [text.split('\n')[0], mdxFix(e)];
  // “[^a[^b]” reads as one label “a[^b”: it is a marker that lost its “]”.
  const glued = /^unknown note label “\[\^([^“”]*?[[^][^“”]*)\]”/.exec(problem);
  if (glued) {
    problem = `broken note marker “[^${glued[1].split(/[[^]/)[0]}”`;
    fix = 'write a note marker as [^label], with no space, right after the words it annotates';
  }
  if (typeof e.line !== 'number' && !(err instanceof Error && 'reason' in err)) {
    return new ContentError(file, undefined, `the article could not be compiled: ${problem}`, fix ?? 'this looks like a bug in src/plugins; report it with this file');
  }
  // Some MDX messages carry their place only in the text: “Expected a closing tag for `<Gap>` (3:1-3:6)”.
  const paren = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(problem);
  const line = e.line ?? (paren ? Number(paren[1]) : undefined);
  const column = e.line ? e.column : paren ? Number(paren[2]) : undefined;
  return new ContentError(file, line, problem.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)/g, ''), fix, column);
}

function mdxFix(e: MdxMessage): string {
  const source = e.source ?? '';
  if (/mdx-jsx/.test(source)) return 'close every tag you open (<Gap>…</Gap>); to show a “<” in the text write \\< or &lt;';
  if (/mdx-expression/.test(source)) return 'MDX reads { } as code: to show a brace in the text write \\{ or \\}';
  if (/mdxjs-esm/.test(source)) return 'a paragraph starting with “import ” or “export ” is read as code: write its first letter as &#105; or &#101;';
  return 'see https://mdxjs.com/docs/troubleshooting-mdx/';
}

/** What MDX accepts but the edition must not publish silently. */
/** Returns how many broken note markers were found (the fidelity check would only repeat them). */
function checkArticleTree(abs: string, file: string, tree: Root, errors: ContentError[]): number {
  let broken = 0;
  const definedAt = new Map<string, number | undefined>();
  const referenced = new Set<string>();
  visit(tree, 'footnoteReference', (node) => void referenced.add(node.identifier));
  for (const m of collectText(tree).matchAll(/\[\^([^\]\s]+)\](?!:)/g)) referenced.add(m[1].toLowerCase());
  visit(tree, (node) => {
    const at = node.position?.start;
    switch (node.type) {
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (!ARTICLE_COMPONENTS.has(name)) {
          errors.push(new ContentError(file, at?.line, name ? `<${name}> is not a component articles can use` : 'an empty tag <> is not allowed in an article', `only ${[...ARTICLE_COMPONENTS].map((c) => `<${c}>…</${c}>`).join(', ')} is available; to show a “<” in the text write \\< or &lt;`, at?.column));
        }
        break;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        errors.push(new ContentError(file, at?.line, `“{${node.value.slice(0, 40)}}” is read as code by MDX, not as text`, 'to show a brace in the text write \\{ or \\}', at?.column));
        break;
      case 'mdxjsEsm':
        errors.push(new ContentError(file, at?.line, `“${node.value.split('\n')[0].slice(0, 60)}” is read as a JavaScript import/export, not as text`, 'articles need no imports; if this is the author’s text, write its first letter as &#105; or &#101;', at?.column));
        break;
      case 'footnoteDefinition':
        if (definedAt.has(node.identifier)) {
          errors.push(new ContentError(file, at?.line, `the editor’s note [^${node.label ?? node.identifier}] is defined twice (first on line ${definedAt.get(node.identifier)}); only the first would be shown`, 'keep one definition: merge the two texts, or give one of them another label', at?.column));
          break;
        }
        definedAt.set(node.identifier, at?.line);
        if (!referenced.has(node.identifier)) {
          errors.push(new ContentError(file, at?.line, `the editor’s note [^${node.label ?? node.identifier}] is never referenced in the text, so it would not be shown`, `put [^${node.label ?? node.identifier}] after the words it annotates, or delete the note`, at?.column));
        }
        break;
      case 'text': {
        for (const m of node.value.matchAll(BROKEN_MARKER)) {
          const p = pointIn(node.value, m.index, at);
          broken++;
          errors.push(new ContentError(file, p?.line, `broken note marker “${/^\S{1,40}/.exec(node.value.slice(m.index))![0]}”`, 'write a note marker as [^label], with no space, right after the words it annotates', p?.column));
        }
        break;
      }
    }
  });
  checkImages(path.dirname(abs), file, tree, 0, errors);
  return broken;
}

function checkFidelity(file: string, tree: Root, seed: string, seedName: string, seedRel: string, errors: ContentError[]) {
  const text = authorText(tree);
  const problem = compareWithSeed(text, seed);
  if (!problem) return;
  const line = lineOfTextOffset(tree, problem.offset);
  const broken = /\[\^|\^[\w-]+\]|\[[\w-]+\]/.test(problem.message);
  errors.push(
    new ContentError(
      file,
      line,
      `the text no longer matches its seed ${seedName}: ${problem.message}`,
      broken
        ? 'a note marker looks broken: write it as [^label] right after the words it annotates'
        : `restore the author’s words exactly as in ${seedRel}; only notes, paragraph breaks between glued sentences and <Gap> blocks may be added`,
    ),
  );
}

/** The file line of an offset in authorText(tree): the block holding it, plus line breaks inside the block. */
function lineOfTextOffset(tree: Root, offset: number): number | undefined {
  let start = 0;
  let last: { node: RootContent; text: string } | undefined;
  for (const node of tree.children) {
    const text = authorText({ type: 'root', children: [node] });
    if (text === '') continue;
    if (offset <= start + text.length) {
      return (node.position?.start.line ?? 0) + (text.slice(0, Math.max(0, offset - start)).match(/\n/g)?.length ?? 0) || undefined;
    }
    start += text.length + 2;
    last = { node, text };
  }
  return last?.node.position?.end.line;
}

function checkImages(dir: string, file: string, tree: Root, offset: number, errors: ContentError[]) {
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

// ---------------------------------------------------------------- helpers


function collectText(tree: Root): string {
  let out = '';
  visit(tree, 'text', (n) => void (out += `${n.value}\n`));
  return out;
}

function pointIn(value: string, offset: number, start?: { line: number; column: number }) {
  if (!start) return undefined;
  const before = value.slice(0, offset).split('\n');
  return { line: start.line + before.length - 1, column: before.length === 1 ? start.column + offset : before.at(-1)!.length + 1 };
}

/** Any thrown value as a ContentError with the file named (paths made relative to `root`). */
function asContentError(err: unknown, file: string, root?: string): ContentError {
  if (err instanceof ContentError) {
    if (!root) return err;
    const relFile = path.isAbsolute(err.file) ? projectPath(root, err.file) : err.file;
    return new ContentError(relFile, err.line, rebase(err.problem, root), err.fix ? rebase(err.fix, root) : undefined, err.column);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new ContentError(file, undefined, `could not be read: ${message.split('\n')[0]}`, 'check the file is UTF-8 text in the format of the other entries');
}

const rebase = (text: string, root: string) => text.split(`${root}${path.sep}`).join('');

/** Format for terminals: errors, then warnings, then one summary line. */
export function formatResult(result: CheckResult, seconds?: number): string {
  const parts: string[] = [];
  for (const e of result.errors) parts.push(`✗ ${e.message}`);
  for (const w of result.warnings) parts.push(`⚠ ${w.message}`);
  const counts = { ...result.counts, errors: result.errors.length, warnings: result.warnings.length };
  parts.push(summaryLine(counts, seconds === undefined ? '' : ` in ${seconds.toFixed(1)} s`));
  return parts.join('\n');
}
