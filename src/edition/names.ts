// "Names in this text": the entities an article links, in order of first
// link, each with its kind and one line. It follows the article, and is what
// readers without JavaScript and in print get in place of previews.
import type { EntityData } from '../schema/schema.ts';
import { entryPath, joinBase } from '../site/urls.ts';

export interface NameItem {
  id: string;
  name: string;
  kind: string;
  /** The first sentence of the entry's summary. */
  line: string;
  href: string;
}

/**
 * A stop (with its closing quote) ends the sentence when a capital, an
 * opening quote or a bracket follows, or nothing, unless it closes an initial ("U.S. Secretary", "J. Biden") or a
 * title ("Mr. Putin").
 */
const SENTENCE = /^[\s\S]*?(?:(?<!\b(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Gen|Lt|Col|No))\.|[!?])[”’"]?(?=\s+[\p{Lu}“‘"(]|\s*$)/u;

export function firstSentence(text: string): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  return SENTENCE.exec(clean)?.[0] ?? clean;
}

/** The list's items, from the ids rehype-notes recorded (frontmatter `names`). */
export function nameItems(ids: readonly string[], find: (id: string) => Pick<EntityData, 'name' | 'kind' | 'summary'> | undefined, base: string): NameItem[] {
  return ids.map((id) => {
    const entity = find(id);
    if (!entity) throw new Error(`Names in this text: no glossary entry “${id}”`);
    return { id, name: entity.name, kind: entity.kind, line: firstSentence(entity.summary), href: joinBase(base, entryPath(id)) };
  });
}

/** The recorded ids: none when the annotation pipeline is off (a plain build). */
export const readNames = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
