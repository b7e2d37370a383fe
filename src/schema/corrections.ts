// The public list of corrections (content/corrections.yaml): read, checked
// against its schema with file and line, for the corrections page and the
// content check.
import fs from 'node:fs';
import path from 'node:path';
import { ContentError } from './content-error.ts';
import { correctionList, type Correction } from './schema.ts';
import { parseYaml } from './yaml-lines.ts';

export const CORRECTIONS_FILE = 'content/corrections.yaml';

export function loadCorrections(root = process.cwd()): Correction[] {
  return readCorrections(root).list;
}

function readCorrections(root: string): { list: Correction[]; lineOf: (at: readonly PropertyKey[]) => number } {
  const yaml = parseYaml(fs.readFileSync(path.join(root, CORRECTIONS_FILE), 'utf8'), 1);
  if (yaml.error) throw new ContentError(CORRECTIONS_FILE, yaml.error.line, `invalid YAML: ${yaml.error.message}`, 'check indentation, quotes and duplicate keys');
  const result = correctionList.safeParse(yaml.doc.toJS());
  if (result.success) return { list: result.data, lineOf: yaml.lineOf };
  const issue = result.error.issues[0];
  throw new ContentError(CORRECTIONS_FILE, yaml.lineOf(issue.path), `“${issue.path.join('.') || 'list'}”: ${issue.message}`, 'each correction needs date, version, where (an entry id or article slug), what and why');
}

/** The content check's rules: the file is valid and each correction names something that exists. */
export function checkCorrections(root: string, glossaryIds: ReadonlySet<string>, articleSlugs: ReadonlySet<string>): ContentError[] {
  let read: ReturnType<typeof readCorrections>;
  try {
    read = readCorrections(root);
  } catch (err) {
    if (err instanceof ContentError) return [err];
    return [new ContentError(CORRECTIONS_FILE, undefined, `cannot be read: ${(err as Error).message}`, 'restore the file: a list of corrections')];
  }
  const errors: ContentError[] = [];
  for (const [i, c] of read.list.entries()) {
    const [kind, id] = c.where.split('/');
    const known = kind === 'glossary' ? glossaryIds.has(id) : kind === 'articles' ? articleSlugs.has(id) : true;
    if (!known) {
      errors.push(new ContentError(CORRECTIONS_FILE, read.lineOf([i, 'where']), `“${c.where}” names no ${kind === 'glossary' ? 'glossary entry' : 'article'}`, 'correct the id, or name the page as about, home or site'));
    }
  }
  return errors;
}
