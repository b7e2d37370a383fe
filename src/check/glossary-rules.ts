// The content check's glossary rules: each entry read once (schema, YAML,
// unknown fields, aliases), its text (note markers, raw HTML, images), then
// the rules across entries (related ids, a name or alias used twice).
import fs from 'node:fs';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import { markdownParser } from '../plugins/index.ts';
import { ContentError, pointInText, projectPath } from '../schema/content-error.ts';
import { checkAcrossEntries, readEntry, type Glossary, type LineOf } from '../schema/glossary-source.ts';
import { checkImages } from './tree.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MARKER = /\[\^[^\]\s]+\]/g;

/** `complete` when every entry was read without error, so the glossary can be trusted for the articles' warnings. */
export function checkGlossary(root: string, dir: string, files: string[], errors: ContentError[]): { glossary: Glossary; complete: boolean } {
  const glossary: Glossary = new Map();
  const lines = new Map<string, LineOf>();
  const before = errors.length;
  const names = new Set(files.map((f) => path.basename(f)));
  for (const file of files) {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    const base = path.basename(file, '.md');
    const lower = base.toLowerCase();
    if (base !== lower && names.has(`${lower}.md`)) {
      // Astro derives ids from file names in lowercase: both would be “kyiv”.
      errors.push(new ContentError(file, undefined, `this entry and ${dir}/${lower}.md have the same id “${lower}”: file names differ only in case`, `keep one entry: merge the two into ${lower}.md and delete ${path.basename(file)}`));
      continue;
    }
    let read: ReturnType<typeof readEntry>;
    try {
      read = readEntry(file, source);
    } catch (err) {
      errors.push(asContentError(err, file));
      // A stand-in, so notes pointing at this entry do not also fail as unknown labels.
      if (SLUG.test(base)) glossary.set(base, { id: base, file, name: base, kind: 'concept', aliases: [], summary: '', dates: [], later: [], related: [], sources: [] });
      continue;
    }
    errors.push(...read.aliasErrors);
    glossary.set(read.entity.id, read.entity);
    lines.set(read.entity.id, read.lineOf);
    checkEntryText(root, file, source, read.frontmatter, errors);
  }
  if (errors.length > before) return { glossary, complete: false };
  try {
    checkAcrossEntries(glossary, lines);
  } catch (err) {
    errors.push(asContentError(err, dir, root));
    return { glossary, complete: false };
  }
  return { glossary, complete: true };
}

/**
 * The entry's own page renders its Markdown body, where raw HTML would be
 * published as markup; note markers work only in articles (a glossary text
 * would show “[^kyiv]” as it is).
 */
function checkEntryText(root: string, file: string, source: string, frontmatter: { length: number; lines: number }, errors: ContentError[]) {
  const head = source.slice(0, frontmatter.length);
  for (const m of head.matchAll(MARKER)) {
    const lineStart = head.lastIndexOf('\n', m.index) + 1;
    errors.push(markerInEntry(file, head.slice(0, lineStart).split('\n').length, m[0], m.index - lineStart + 1));
  }
  const body = source.slice(frontmatter.length);
  if (!mayHoldFindings(body)) return;
  const offset = frontmatter.lines;
  const tree = markdownParser(false).parse(body);
  visit(tree, 'text', (node) => {
    for (const m of node.value.matchAll(MARKER)) {
      const p = pointInText(node.value, m.index, node.position?.start);
      errors.push(markerInEntry(file, p && p.line + offset, m[0], p?.column));
    }
  });
  visit(tree, 'html', (node) => {
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

/**
 * Whether parsing the text could find anything: raw HTML starts with “<”, an
 * image with “![”, and a marker needs “[” and “^”, unless a character
 * reference (“&#91;”) writes them. Most entries have none, and parsing every
 * entry's Markdown was most of the check's time.
 */
function mayHoldFindings(body: string): boolean {
  return /[<&]|!\[/.test(body) || (body.includes('[') && body.includes('^'));
}

function markerInEntry(file: string, line: number | undefined, marker: string, column?: number) {
  return new ContentError(file, line, `the note marker “${marker}” would be shown as it is: notes work only in articles`, 'remove it; to point to another entry, add its id to related:', column);
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
