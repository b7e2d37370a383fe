// The content check's article rules: the frontmatter (schema, unknown fields,
// dates in order, the seed exists), then the MDX as parsed, before the
// annotation plugins change it (components, expressions, editor's notes,
// broken note markers, images, fidelity to the seed), and the first-mention
// warnings. The plugins themselves check note labels and MDX syntax.
import fs from 'node:fs';
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { AliasMatcher } from '../edition/aliases.ts';
import { ContentError, pointInText } from '../schema/content-error.ts';
import { issueMessage, unknownFields } from '../schema/schema-errors.ts';
import { articleData } from '../schema/schema.ts';
import { parseYaml, splitFrontmatter } from '../schema/yaml-lines.ts';
import { unannotatedFirstMentions } from './annotations.ts';
import { authorText, compareWithSeed, EDITORIAL_COMPONENTS } from './fidelity.ts';
import { SEEDS_DIR, type SeedText } from './seeds.ts';
import { checkImages, collectText } from './tree.ts';

/** MDX components an article may use (provided by the article page). */
export const ARTICLE_COMPONENTS = new Set(EDITORIAL_COMPONENTS);

/** “[^label” with no closing bracket (or a second “[” inside), or “^label]” with no opening one. */
const BROKEN_MARKER = /\[\^(?![^\]\s[^]+\])|(?<!\[)\^[a-z0-9]+(?:-[a-z0-9]+)*\]/g;

export interface ArticleFrontmatter {
  data: Record<string, unknown>;
  /** Characters of the `---` block, and blank lines standing in for it. */
  length: number;
  blank: string;
  lineOf(at: (string | number)[]): number;
}

export function checkArticleFrontmatter(file: string, source: string, seedsDir: string, errors: ContentError[]): ArticleFrontmatter | undefined {
  const fm = splitFrontmatter(source);
  if (!fm) {
    errors.push(new ContentError(file, 1, 'no YAML frontmatter: the file must start with a line “---”, the fields, and a closing line “---”', 'restore the --- lines around title, titleSource, summary, series, seed, dating and provenance (see articleData in src/schema/schema.ts)'));
    return undefined;
  }
  const yaml = parseYaml(fm.yaml);
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
  return { data: result.success ? result.data : data, length: fm.length, blank: '\n'.repeat(fm.lines), lineOf: yaml.lineOf };
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

/**
 * The checks of one article's MDX syntax tree (as parsed, before the
 * annotation plugins change it), and the first-mention warnings.
 */
export function checkArticleBody(a: { abs: string; file: string; body: string; tree: Root; seed?: SeedText; matcher?: AliasMatcher }): { errors: ContentError[]; warnings: ContentError[] } {
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const brokenMarkers = checkArticleTree(a.abs, a.file, a.tree, errors);
  if (a.seed && brokenMarkers === 0) checkFidelity(a.file, a.tree, a.seed, errors);
  if (a.matcher) {
    for (const m of unannotatedFirstMentions(a.body, a.matcher)) {
      warnings.push(
        new ContentError(a.file, m.line, `first mention of “${m.text}” (${m.entity}) in this article has no note`, `add [^${m.entity}] right after “${m.text}”`, m.column),
      );
    }
  }
  return { errors, warnings };
}

/** What MDX accepts but the edition must not publish silently. Returns how many broken note markers were found (the fidelity check would only repeat them). */
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
          const p = pointInText(node.value, m.index, at);
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

function checkFidelity(file: string, tree: Root, seed: SeedText, errors: ContentError[]) {
  const text = authorText(tree);
  const problem = compareWithSeed(text, seed.text, seed.joins);
  if (!problem) return;
  const line = lineOfTextOffset(tree, problem.offset);
  const broken = /\[\^|\^[\w-]+\]|\[[\w-]+\]/.test(problem.message);
  errors.push(
    new ContentError(
      file,
      line,
      `the text no longer matches its seed ${seed.name}: ${problem.message}`,
      broken
        ? 'a note marker looks broken: write it as [^label] right after the words it annotates'
        : `restore the author’s words exactly as in ${seed.rel}; only notes, paragraph breaks between glued sentences and <Gap> blocks may be added`,
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
