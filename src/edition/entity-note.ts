// An entity's note, as HTML: its name linking to its entry, kind, summary, a
// few key dates, what happened later, and the other articles that mention
// it. Articles no longer carry entity notes (names link to their entries);
// this is the body of an entry's preview.
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { ArticleRef } from './article.ts';
import { formatDate } from './dates.ts';
import type { EntityData } from '../schema/schema.ts';
import { MENTIONS_ID, articlePath, entryPath, joinBase } from '../site/urls.ts';

export type NoteEntity = Pick<EntityData, 'name' | 'kind' | 'summary' | 'dates' | 'later'>;

export interface NoteOptions {
  base: string;
  /** The other articles that mention the entity: how many, and each by name when there are at most MAX_ELSEWHERE. */
  elsewhere?: { named: readonly ArticleRef[]; total: number };
}

const MAX_DATES = 3;
/**
 * "Also in" names the other texts when there are at most this many. Beyond,
 * it says how many and links to the entry's list of them: the first few of a
 * long series are no better a pointer than the rest, and in a sidenote three
 * titles are a paragraph of their own (15 KB of a 96 KB article page at 1000 texts).
 */
export const MAX_ELSEWHERE = 3;

const text = (value: string): ElementContent => ({ type: 'text', value });
const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** The paragraphs that depend on the entry alone. */
function coreParagraphs(id: string, entity: NoteEntity, base: string): string[] {
  const out: Element[] = [
    el('p', {}, [el('a', { href: joinBase(base, entryPath(id)) }, [text(entity.name)]), text(` (${entity.kind}). ${entity.summary}`)]),
  ];
  if (entity.dates.length) {
    const dates = entity.dates
      .slice(0, MAX_DATES)
      .map((d) => `${formatDate(d.date)}${d.end ? ` – ${formatDate(d.end)}` : ''}: ${d.label}`)
      .join('; ');
    out.push(el('p', { className: ['note-dates'] }, [text(`${dates}${entity.dates.length > MAX_DATES ? '; …' : '.'}`)]));
  }
  for (const fact of entity.later) {
    out.push(el('p', { className: ['note-later'] }, [el('strong', {}, [text(`Later, ${formatDate(fact.date)}:`)]), text(` ${fact.text}`)]));
  }
  return out.map((p) => toHtml(p));
}

function elsewhereParagraph(id: string, base: string, { named, total }: NonNullable<NoteOptions['elsewhere']>): string {
  const links: ElementContent[] = [text('Also in ')];
  if (total > MAX_ELSEWHERE) {
    links.push(el('a', { href: `${joinBase(base, entryPath(id))}#${MENTIONS_ID}` }, [text(`${total} other texts`)]), text('.'));
    return toHtml(el('p', { className: ['note-elsewhere'] }, links));
  }
  named.forEach((a, i) => {
    if (i) links.push(text(i === named.length - 1 ? ' and ' : ', '));
    links.push(el('a', { href: joinBase(base, articlePath(a.slug)) }, [el('em', {}, [text(a.title)])]));
  });
  // A title that ends a sentence itself ("… crisis?", "… very far.") takes no second stop.
  if (!/[.?!…]$/.test(named.at(-1)?.title ?? '')) links.push(text('.'));
  return toHtml(el('p', { className: ['note-elsewhere'] }, links));
}

/** The note's paragraphs as HTML, one per line. */
export function entityNoteHtml(id: string, entity: NoteEntity, { base, elsewhere }: NoteOptions): string {
  const paragraphs = coreParagraphs(id, entity, base);
  if (elsewhere?.total) paragraphs.push(elsewhereParagraph(id, base, elsewhere));
  return paragraphs.join('\n');
}

/** The other articles mentioning an entity, from all that do (series order): how many, and, when "Also in" names them, which. */
export function elsewhereFor<T extends ArticleRef>(all: readonly string[], current: string, find: (slug: string) => T | undefined) {
  const total = all.length - (all.includes(current) ? 1 : 0);
  const named: T[] = [];
  if (total <= MAX_ELSEWHERE) {
    for (const slug of all) {
      const a = slug === current ? undefined : find(slug);
      if (a) named.push(a);
    }
  }
  return { named, total };
}
