// The search engine behind the header box and the search page. Loads
// Pagefind and the alias table on first use only. One Pagefind search per
// query finds every spelling of a named entity: the index gives each page the
// spellings of what it names as searchable metadata (`named-N` fields,
// src/integrations/index-view.mjs). The entity's own entry comes first, then
// the articles by how often they name it (the N of the fields that matched).
import { anchorFor, expandQuery, highlightTerms, matchesTerm, pagefindQuery, timesNamed, type SearchEntity } from './query.ts';
import { joinBase } from '../../site/urls.ts';

interface PagefindResult {
  id: string;
  score: number;
  /** Metadata fields the query matched in (`named-N`, title). */
  matchedMetaFields?: string[];
  data(): Promise<Fragment>;
}
interface Fragment {
  url: string;
  content: string;
  locations: number[];
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: { id: string; location: number; element: string }[];
}
type Counts = Record<string, Record<string, number>>;
type Tally = Record<string, number>;
/** Pagefind's filter syntax: a value, values (any of them), or any/none lists. */
type PfFilters = Record<string, string | string[] | { any?: string[]; none?: string[] }>;
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** `filters` counts results per value of each filter named in the query's filters. */
  search(q: string | null, o?: { filters?: PfFilters }): Promise<{ results: PagefindResult[]; filters: Counts } | null>;
}
export type Filters = Record<string, { any: string[] }>;

export interface Hit {
  id: string;
  load(): Promise<ShownResult>;
}
export interface ShownResult {
  title: string;
  url: string;
  kind: string;
  content: string;
  locations: number[];
  /** Paragraph or note anchors holding matches, first match first. */
  anchors: string[];
}
export interface SearchOutcome {
  query: string;
  terms: string[];
  hits: Hit[];
  /** Results per value of `group`, as if that value were chosen in its group: computed when asked, once. */
  counts(group: FilterGroup): Promise<Tally>;
}

const BASE = import.meta.env.BASE_URL;
export const FILTER_GROUPS = ['kind', 'article'] as const;
export type FilterGroup = (typeof FILTER_GROUPS)[number];
/**
 * Searching as the reader types starts at this many characters: one letter,
 * as a prefix, matches nearly every page, and its index chunks and fragments
 * buy nothing. A submitted (or linked) one-letter query still runs.
 */
export const MIN_TYPED = 2;
/** How long the typing must pause before a query that ends in a word of one or two letters is searched. */
const TYPED_WORD_PAUSE_MS = 300;

/**
 * Search on every keystroke, with one exception: a query whose last word is
 * one or two letters so far ("sphere o", "Fi") waits for a pause, since such
 * a prefix would fetch the index chunks of a great many words, which the
 * next letter makes needless.
 */
export function searchAsTyped(input: HTMLInputElement, run: (typed: boolean) => unknown): () => void {
  let timer: number | undefined;
  let last = input.value.trim();
  input.addEventListener('input', () => {
    // A space typed after a word changes no query.
    if (input.value.trim() === last) return;
    last = input.value.trim();
    clearTimeout(timer);
    if (/(^|\s)\S{1,2}$/.test(last)) timer = window.setTimeout(run, TYPED_WORD_PAUSE_MS, true);
    else run(true);
  });
  // For a submit, which runs the query at once.
  return () => clearTimeout(timer);
}

let ready: Promise<{ pf: Pagefind; table: SearchEntity[] }> | undefined;

/**
 * Pagefind, its wasm and page metadata, and the alias table: loaded once a
 * visit, as soon as the reader shows intent to search (focus on a box, or
 * the first key), so the first query does not wait for them.
 */
export function loadEngine() {
  ready ??= (async () => {
    const [pf, table] = await Promise.all([
      // Asked for already, with the wasm, by the page's own script on the same intent (search-preload.ts).
      // The name is PAGEFIND_JS (site/search-files.ts), written out: importing it would tie
      // the every-page script, which imports it too, to the search chunk (astro.config.mjs).
      import(/* @vite-ignore */ joinBase(BASE, 'pagefind/pagefind.js')) as Promise<Pagefind>,
      fetch(joinBase(BASE, 'search-aliases.json')).then((r) => r.json() as Promise<SearchEntity[]>),
    ]);
    // No worker: for an index this size, starting one costs more than it saves.
    await pf.options({ baseUrl: BASE.endsWith('/') ? BASE : `${BASE}/`, noWorker: true });
    await pf.init();
    // Which results are entry pages: every query that names an entity needs it for ranking.
    entryPages(pf, table);
    return { pf, table };
  })();
  return ready;
}

let kinds: Promise<Map<string, string>> | undefined;
/**
 * Each entry page's kind, found once a visit through the `entry` filter (one
 * value per glossary entry, whatever the number of articles): one search per
 * kind for its entries. Every other page is an article. The `kind` filter
 * would say the same, but it lists every page, so it grows with the edition.
 */
function entryKinds(pf: Pagefind, table: SearchEntity[]): Promise<Map<string, string>> {
  kinds ??= (async () => {
    const byKind = new Map<string, string[]>();
    for (const e of table) byKind.set(e.kind, (byKind.get(e.kind) ?? []).concat(e.id));
    const out = new Map<string, string>();
    for (const [kind, ids] of byKind) {
      for (const r of (await pf.search(null, { filters: { entry: { any: ids } } }))?.results ?? []) out.set(r.id, kind);
    }
    return out;
  })();
  return kinds;
}
const ARTICLE = 'article';

let entrySet: Promise<Set<string>> | undefined;
/** Every entry page, found once a visit in one search by the entry filter: ranking needs only which results are articles. */
function entryPages(pf: Pagefind, table: SearchEntity[]): Promise<Set<string>> {
  entrySet ??= pf.search(null, { filters: { entry: { any: table.map((e) => e.id) } } }).then((res) => new Set((res?.results ?? []).map((r) => r.id)));
  return entrySet;
}

type Found = Map<string, PagefindResult>;

/** The query's results, each page once: one search, which every spelling's metadata answers. */
async function find(pf: Pagefind, query: string, filters: PfFilters): Promise<Found> {
  const res = await pf.search(pagefindQuery(query), { filters });
  return new Map((res?.results ?? []).map((r) => [r.id, r]));
}

/** Results per kind: the results tallied by the page's kind. */
async function countKinds(pf: Pagefind, table: SearchEntity[], found: Found): Promise<Tally> {
  const kindOf = await entryKinds(pf, table);
  const out: Tally = { [ARTICLE]: 0 };
  for (const e of table) out[e.kind] = 0;
  for (const id of found.keys()) out[kindOf.get(id) ?? ARTICLE]++;
  return out;
}

/**
 * Results per value of `group`: Pagefind's own filter counts. The group's
 * filter grows with the edition, so this runs only when the reader shows the group.
 */
async function countGroup(pf: Pagefind, query: string, others: Filters, group: string): Promise<Tally> {
  // An empty list loads the group's filter index without narrowing the results.
  const res = await pf.search(pagefindQuery(query), { filters: { ...others, [group]: [] } });
  return { ...res?.filters[group] };
}

/**
 * Search, under every spelling. `stale` is asked once the engine has loaded:
 * a query the reader has typed past is not run at all.
 */
export async function search(query: string, selected: Filters = {}, stale = () => false): Promise<SearchOutcome | null> {
  const { pf, table } = await loadEngine();
  if (stale()) return null;
  const { variants, entities } = expandQuery(query, table);
  if (!variants.length) return { query, terms: [], hits: [], counts: async () => ({}) };

  const merged = find(pf, query, selected);
  const counted = new Map<FilterGroup, Promise<Tally>>();
  // Each group's counts, with the other groups' choices applied: asked for
  // after the first results are on screen, and only for groups on show.
  const counts = (group: FilterGroup) => {
    let tally = counted.get(group);
    if (!tally) {
      const others = { ...selected };
      delete others[group];
      tally =
        group === 'kind'
          ? (selected.kind ? find(pf, query, others) : merged).then((pool) => countKinds(pf, table, pool))
          : countGroup(pf, query, others, group);
      counted.set(group, tally);
    }
    return tally;
  };
  const terms = highlightTerms(variants);
  // Order: the named entities' own entries, then articles by how often they
  // name what was searched for (when it names an entity), then by score.
  // The searches run together, so their index files load in parallel.
  const [found, entries, entryPageIds] = await Promise.all([
    merged,
    Promise.all(entities.map((e) => pf.search(null, { filters: { entry: e.id } }))),
    entities.length ? entryPages(pf, table) : undefined,
  ]);
  if (!found.size) return { query, terms, hits: [], counts };
  const entryIds: string[] = [];
  for (const r of entries.flatMap((res) => res?.results ?? [])) if (found.has(r.id) && !entryIds.includes(r.id)) entryIds.push(r.id);
  const weight = new Map<string, number>();
  if (entryPageIds) for (const [id, r] of found) if (!entryPageIds.has(id)) weight.set(id, timesNamed(r.matchedMetaFields));
  const rest = [...found.values()]
    .filter((r) => !entryIds.includes(r.id))
    .sort((a, b) => (weight.get(b.id) ?? -1) - (weight.get(a.id) ?? -1) || b.score - a.score);
  const ordered = [...entryIds.map((id) => found.get(id)!), ...rest];
  return { query, terms, counts, hits: ordered.map((r) => ({ id: r.id, load: () => show(r, terms) })) };
}

/**
 * A result as shown: its matches are the words of its text that match what
 * was searched for under any spelling (a page found by its metadata has no
 * matched positions from Pagefind), not the stop words and word starts
 * Pagefind also counts ("of" in "off-ramp"); if none do, Pagefind's own.
 */
async function show(r: PagefindResult, terms: string[]): Promise<ShownResult> {
  const d = await r.data();
  const named: number[] = [];
  d.content.split(/\s+/).forEach((word, i) => {
    if (matchesTerm(word, terms)) named.push(i);
  });
  const locations = named.length ? named : d.locations;
  const anchors: string[] = [];
  for (const loc of [...locations].sort((a, b) => a - b)) {
    const a = anchorFor(d.anchors, loc);
    if (a && !anchors.includes(a)) anchors.push(a);
  }
  return {
    title: d.meta.title ?? d.url,
    url: d.url,
    kind: d.filters.kind?.[0] ?? '',
    content: d.content,
    locations,
    anchors,
  };
}

/** A link to a result: to the paragraph that matched, asking the page to highlight the terms. */
export function resultHref(url: string, terms: string[], anchor?: string): string {
  const q = terms.length ? `?highlight=${encodeURIComponent(terms.join(' '))}` : '';
  return `${url}${q}${anchor ? `#${anchor}` : ''}`;
}
