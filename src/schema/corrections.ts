// The public list of corrections (content/corrections.yaml): read, checked
// against its schema with file and line, for the corrections page and the
// content check.
import fs from 'node:fs';
import path from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { ContentError } from './content-error.ts';
import { correctionList, type Correction } from './schema.ts';

export const CORRECTIONS_FILE = 'content/corrections.yaml';

export function loadCorrections(root = process.cwd()): Correction[] {
  const source = fs.readFileSync(path.join(root, CORRECTIONS_FILE), 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const lineAt = (pos: number) => lines.linePos(pos).line;
  if (doc.errors.length) {
    throw new ContentError(CORRECTIONS_FILE, lineAt(doc.errors[0].pos[0]), `invalid YAML: ${doc.errors[0].message.split('\n')[0]}`, 'check indentation, quotes and duplicate keys');
  }
  const result = correctionList.safeParse(doc.toJS());
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  let line: number | undefined = 1;
  for (let depth = issue.path.length; depth > 0; depth--) {
    const node = doc.getIn(issue.path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      line = lineAt(node.range[0]);
      break;
    }
  }
  throw new ContentError(CORRECTIONS_FILE, line, `“${issue.path.join('.') || 'list'}”: ${issue.message}`, 'each correction needs date, version, where (an entry id or article slug), what and why');
}

/** The content check's rules: the file is valid and each correction names something that exists. */
export function checkCorrections(root: string, glossaryIds: ReadonlySet<string>, articleSlugs: ReadonlySet<string>): ContentError[] {
  let list: Correction[];
  try {
    list = loadCorrections(root);
  } catch (err) {
    if (err instanceof ContentError) return [err];
    return [new ContentError(CORRECTIONS_FILE, undefined, `cannot be read: ${(err as Error).message}`, 'restore the file: a list of corrections')];
  }
  const source = fs.readFileSync(path.join(root, CORRECTIONS_FILE), 'utf8');
  const errors: ContentError[] = [];
  for (const c of list) {
    const [kind, id] = c.where.split('/');
    const known = kind === 'glossary' ? glossaryIds.has(id) : kind === 'articles' ? articleSlugs.has(id) : true;
    if (!known) {
      const at = source.indexOf(`where: ${c.where}`);
      const line = at < 0 ? undefined : source.slice(0, at).split('\n').length;
      errors.push(new ContentError(CORRECTIONS_FILE, line, `“${c.where}” names no ${kind === 'glossary' ? 'glossary entry' : 'article'}`, 'correct the id, or name the page as about, home or site'));
    }
  }
  return errors;
}
