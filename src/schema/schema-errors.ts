// Zod's issues with frontmatter, in the content check's words. The schemas
// are strict objects (./schema.ts): zod reports a field they do not know as an
// `unrecognized_keys` issue on the object that holds it.
import { z } from 'astro/zod';
import { ContentError } from './content-error.ts';

type Path = readonly PropertyKey[];
type Issue = { code: string; path: PropertyKey[]; keys?: string[]; message: string };

/** An issue other than an unknown field: a missing field is named as such. */
export function issueMessage(issue: Issue, present: boolean): string {
  const field = issue.path.map(String).join('.') || 'frontmatter';
  return issue.code === 'invalid_type' && !present ? `the field “${field}” is missing` : `“${field}”: ${issue.message}`;
}

/**
 * One error per unknown field among `issues`, at the line `lineOf` gives for
 * its path; `what` names the file's kind ("article", "glossary entry").
 */
export function unknownFields(schema: z.ZodType, issues: readonly Issue[], file: string, lineOf: (at: Path) => number, what: string): ContentError[] {
  return issues
    .filter((issue) => issue.code === 'unrecognized_keys')
    .flatMap((issue) => (issue.keys ?? []).map((key) => unknownField(file, lineOf([...issue.path, key]), [...issue.path, key], knownKeys(schema, issue.path), what)));
}

/** The fields the schema allows in the object at `at`, from its JSON Schema (zod's public view of it). */
function knownKeys(schema: z.ZodType, at: Path): string[] {
  let node = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
  for (const step of at) node = (typeof step === 'number' ? node.items : node.properties?.[String(step)]) ?? {};
  return Object.keys(node.properties ?? {});
}

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

function unknownField(file: string, line: number, at: Path, known: string[], what: string): ContentError {
  const key = String(at.at(-1));
  const field = at.map(String).join('.');
  if (at.length === 1 && key === 'slug') {
    return new ContentError(file, line, `“slug” would replace the ${what}'s id (its file name), so two files could end up with the same id`, 'remove the line: the id is the file name');
  }
  const near = known.find((k) => closeTo(k, key));
  return new ContentError(file, line, `unknown field “${field}”: the site ignores it`, near ? `did you mean “${near}”?` : `remove it, or use one of: ${known.join(', ')}`);
}

/** Same letters give or take one edit, or same letters in another case. */
function closeTo(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}
