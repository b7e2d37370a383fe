// Reads and checks the glossary straight from content/glossary, for the
// markdown plugins (which run outside Astro's content layer) and for tests.
import fs from 'node:fs';
import path from 'node:path';
import { aliasKey, aliasProblem } from '../edition/aliases.ts';
import { ContentError } from './content-error.ts';
import { ENTITY_KINDS } from './kinds.ts';
import { entityData, type EntityData } from './schema.ts';
import { issueMessage, unknownFields } from './schema-errors.ts';
import { parseYaml, splitFrontmatter, type Frontmatter } from './yaml-lines.ts';

export interface Entity extends EntityData {
  id: string;
  /** Path of the entry's file, relative to the project root. */
  file: string;
}

export type Glossary = Map<string, Entity>;

export function loadGlossary(dir: string): Glossary {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const glossary: Glossary = new Map();
  const lines = new Map<string, LineOf>();
  for (const name of files) {
    const file = path.join(dir, name).split(path.sep).join('/');
    const { entity, aliasErrors, lineOf } = readEntry(file, fs.readFileSync(file, 'utf8'));
    if (aliasErrors.length) throw aliasErrors[0];
    glossary.set(entity.id, entity);
    lines.set(entity.id, lineOf);
  }
  checkAcrossEntries(glossary, lines);
  return glossary;
}

/** The file line of a field of an entry's frontmatter, as parseYaml finds it. */
export type LineOf = (at: readonly PropertyKey[]) => number;

/**
 * An entry, and the errors of aliases that cannot be names (left out of the
 * entity), so that the content check reports them without losing the entry:
 * its notes in the articles still resolve.
 */
export function readEntry(file: string, source: string): { entity: Entity; aliasErrors: ContentError[]; frontmatter: Frontmatter; lineOf: LineOf } {
  const id = path.basename(file, '.md');
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    throw new ContentError(file, undefined, `the file name “${id}” is not a valid id`, 'rename it to a lowercase slug such as “minsk-agreements.md”');
  }
  const frontmatter = splitFrontmatter(source);
  if (!frontmatter) throw new ContentError(file, 1, 'no YAML frontmatter', 'start the file with a --- block holding name, kind and summary');
  const yaml = parseYaml(frontmatter.yaml);
  if (yaml.error) throw new ContentError(file, yaml.error.line, `invalid YAML: ${yaml.error.message}`, 'check indentation, quotes and duplicate keys');
  const result = entityData.safeParse(yaml.doc.toJS());
  if (!result.success) {
    const [unknown] = unknownFields(entityData, result.error.issues, file, yaml.lineOf, 'glossary entry');
    if (unknown) throw unknown;
    const issue = result.error.issues[0];
    throw new ContentError(file, yaml.lineOf(issue.path), issueMessage(issue, yaml.doc.hasIn(issue.path)), fixFor(issue.path.join('.') || 'frontmatter'));
  }
  const aliasErrors: ContentError[] = [];
  const aliases = result.data.aliases.filter((alias, i) => {
    const problem = aliasProblem(alias);
    if (!problem) return true;
    aliasErrors.push(new ContentError(file, yaml.lineOf(['aliases', i]), `the alias “${alias}” ${problem}`, 'remove it: aliases are the spellings of this name in the texts, and common alternatives'));
    return false;
  });
  return { entity: { ...result.data, aliases, id, file }, aliasErrors, frontmatter, lineOf: yaml.lineOf };
}

function fixFor(field: string): string {
  if (field.startsWith('dates') || field.startsWith('later')) return 'write dates as YYYY, YYYY-MM or YYYY-MM-DD';
  if (field === 'kind') return `use one of ${ENTITY_KINDS.join(', ')}`;
  if (field === 'summary') return 'write two or three plain sentences (20–600 characters)';
  if (field.startsWith('sources')) return 'list each source read under sources: with title, publisher, date, url, retrieved, quote and supports (see docs/fact-check.md)';
  return 'see the glossary schema in src/schema/schema.ts';
}

/**
 * Cross-entry checks: related ids exist, no name or alias belongs to two
 * entries. `lines` holds each entry's line finder; the entries are read
 * without alias errors, so an alias's index is its index in the file.
 */
export function checkAcrossEntries(glossary: Glossary, lines: ReadonlyMap<string, LineOf>) {
  const owners = new Map<string, Entity>();
  for (const entity of glossary.values()) {
    const lineOf = (at: readonly PropertyKey[]) => lines.get(entity.id)?.(at);
    for (const [i, rel] of entity.related.entries()) {
      if (!glossary.has(rel)) {
        throw new ContentError(entity.file, lineOf(['related', i]), `related entry “${rel}” does not exist`, `create content/glossary/${rel}.md or remove it from related`);
      }
    }
    for (const name of [entity.name, ...entity.aliases]) {
      const key = aliasKey(name);
      const owner = owners.get(key);
      if (owner && owner.id !== entity.id) {
        if (name === entity.name && aliasKey(owner.name) === key) {
          throw new ContentError(entity.file, lineOf(['name']), `the name “${name}” is also the name of ${owner.file}: the same entry seems to exist twice, under two ids`, `keep one entry: merge the two files into one and use its id in every note, or give this entry a different name`);
        }
        const at = name === entity.name ? ['name'] : ['aliases', entity.aliases.indexOf(name)];
        throw new ContentError(entity.file, lineOf(at), `the ${name === entity.name ? 'name' : 'alias'} “${name}” is also claimed by ${owner.file}`, 'an alias may name one entry only: remove it from one of the two');
      }
      owners.set(key, entity);
    }
  }
}
