// Query expansion for search: Pagefind has no synonyms, so a query naming a
// glossary entity by any spelling is searched under every spelling, and the
// results merged. The table comes from the glossary at build time.

/**
 * The searchable metadata the index adds to each page (src/integrations/index-view.mjs):
 * field `named-N` holds every spelling of the entities the page names N times.
 */
export const NAMED = 'named-';

/**
 * Em and en dashes spaced, as the index spaces them in the text
 * (src/integrations/index-view.mjs): Pagefind splits words on spaces only, and
 * drops a dash inside a query's word, so “NATO–Russia” would be one word.
 */
export const spaceWordDashes = (text: string) => text.replace(/\s*([—–])\s*/g, ' $1 ');

/**
 * The query as Pagefind is asked it: dashes and hyphens between words spaced.
 * Pagefind indexes a hyphenated word's parts too, but drops a hyphen in a
 * query, which would make “Macron-Putin” the one word “macronputin”.
 */
export const pagefindQuery = (query: string) => spaceWordDashes(query).replace(/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu, ' ');

/** How often a result names what was searched for: the N of its matched `named-N` fields, summed. */
export function timesNamed(matchedFields: readonly string[] = []): number {
  let n = 0;
  for (const f of matchedFields) if (f.startsWith(NAMED)) n += Number(f.slice(NAMED.length)) || 0;
  return n;
}

export interface SearchEntity {
  id: string;
  /** The entry's kind (person, treaty, …): the search page counts results by it. */
  kind: string;
  /** Name and aliases. */
  names: string[];
}

/** Case, accents, apostrophes, dashes and a trailing possessive folded away. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}.\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Expansion {
  /**
   * Queries to run: every spelling, minus any whose words include all the
   * words of another (Pagefind needs every word, so "minsk accords" finds
   * nothing that "minsk" does not). The reader's own query comes first when kept.
   */
  variants: string[];
  /** Entities the query names, best match first. */
  entities: SearchEntity[];
}

const MAX_VARIANTS = 8;

export function expandQuery(query: string, table: readonly SearchEntity[]): Expansion {
  const q = normalize(query);
  const own = query.trim();
  if (!q) return { variants: [], entities: [] };
  const hits: { entity: SearchEntity; name: string; exact: boolean }[] = [];
  for (const entity of table) {
    // The longest of the entity's names that the query contains as whole words.
    let best: string | undefined;
    for (const name of entity.names) {
      const n = normalize(name);
      if (n && containsPhrase(q, n) && (!best || n.length > normalize(best).length)) best = name;
    }
    if (best) hits.push({ entity, name: best, exact: normalize(best) === q });
  }
  hits.sort((a, b) => Number(b.exact) - Number(a.exact) || normalize(b.name).length - normalize(a.name).length);
  const variants = [own];
  for (const { entity, name } of hits) {
    const n = normalize(name);
    for (const other of entity.names) {
      const v = replacePhrase(q, n, normalize(other));
      if (!variants.some((x) => normalize(x) === v)) variants.push(v);
      if (variants.length >= MAX_VARIANTS) break;
    }
  }
  return { variants: minimal(variants), entities: hits.map((h) => h.entity) };
}

/** Drop each query whose word set contains another query's word set. */
function minimal(queries: string[]): string[] {
  const words = queries.map((q) => new Set(normalize(q).split(/\s+/)));
  const covers = (a: Set<string>, b: Set<string>) => [...a].every((w) => b.has(w));
  return queries.filter((_, i) => !words.some((other, j) => j !== i && covers(other, words[i]) && (other.size < words[i].size || j < i)));
}

// Escaped here rather than imported from site/text.ts: a module shared with
// the every-page script would tie that script to the search chunk (astro.config.mjs).
const wordRe = (phrase: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[^\\p{L}\\p{N}])`, 'u');

function containsPhrase(text: string, phrase: string): boolean {
  return wordRe(phrase).test(text);
}

function replacePhrase(text: string, phrase: string, by: string): string {
  return text.replace(wordRe(phrase), (_, pre: string) => pre + by);
}

/** Words too common to mark alone: a name's "of" would light up every page (and, as a word start, "offer"). */
const STOP_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** The words to mark for these variants: each variant's words once, without its stop words unless it has nothing else. */
export function highlightTerms(variants: readonly string[]): string[] {
  const words = new Set<string>();
  for (const v of variants) {
    const all = normalize(v)
      .split(/[\s-]+/)
      .filter((w) => w.replace(/\./g, '').length > 1);
    const kept = all.filter((w) => !STOP_WORDS.has(w));
    for (const w of kept.length ? kept : all) words.add(w);
  }
  return [...words];
}

/** Whether a word of the text is one to mark: a term itself, a word a long term begins, or a term joined by hyphens. */
export function matchesTerm(word: string, terms: readonly string[]): boolean {
  const n = normalize(word).replace(/\.$/, '');
  return terms.some((t) => n === t || (t.length > 3 && n.startsWith(t)) || n.split('-').includes(t));
}

export interface Anchor {
  id: string;
  location: number;
}

/**
 * Which paragraph (p-N) or note (fn-…) holds a match: the last anchor at or
 * before the match's word position.
 */
export function anchorFor(anchors: readonly Anchor[], location: number): string | undefined {
  let found: Anchor | undefined;
  for (const a of anchors) {
    if (!/^(p-\d+|fn-[\w-]+)$/.test(a.id)) continue;
    if (a.location <= location && (!found || a.location >= found.location)) found = a;
  }
  return found?.id;
}

/** A few words around a match, as plain text parts; `hit` parts are the matched words. */
export function excerpt(content: string, locations: readonly number[], radius = 14): { text: string; hit: boolean }[] {
  const words = content.split(/\s+/);
  const centre = locations[0] ?? radius;
  const from = Math.max(0, centre - radius);
  const to = Math.min(words.length, centre + radius + 1);
  const hits = new Set(locations);
  const parts: { text: string; hit: boolean }[] = [{ text: from > 0 ? '…' : '', hit: false }];
  for (let i = from; i < to; i++) {
    const space = i > from || from > 0 ? ' ' : '';
    if (hits.has(i)) {
      parts[parts.length - 1].text += space;
      parts.push({ text: words[i], hit: true }, { text: '', hit: false });
    } else parts[parts.length - 1].text += space + words[i];
  }
  if (to < words.length) parts[parts.length - 1].text += ' …';
  return parts.filter((p) => p.text !== '');
}
