// The search engine behind the header box and the search page. Loads
// Pagefind and the alias table on first use only, searches every spelling of
// a named entity, merges the results, puts the entity's own entry first and
// the articles by how much they say about it, and counts results per filter.
import { anchorFor, expandQuery, highlightTerms, type SearchEntity } from '../../lib/search-query.ts';
import { joinBase } from '../../lib/urls.ts';

interface PagefindResult {
  id: string;
  score: number;
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
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string, o?: { filters?: Filters }): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
export type Filters = Record<string, { any: string[] }>;

export interface Hit {
  id: string;
  load(): Promise<ShownResult>;
}
type Counts = Record<string, Record<string, number>>;
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
  /** Results per filter value; computed on demand. */
  counts(): Promise<Counts>;
}

const BASE = import.meta.env.BASE_URL;
export const FILTER_GROUPS = ['kind', 'article'] as const;

let ready: Promise<{ pf: Pagefind; table: SearchEntity[]; all: Record<string, Record<string, number>> }> | undefined;

export function loadEngine() {
  ready ??= (async () => {
    const [pf, table] = await Promise.all([
      import(/* @vite-ignore */ joinBase(BASE, 'pagefind/pagefind.js')) as Promise<Pagefind>,
      fetch(joinBase(BASE, 'search-aliases.json')).then((r) => r.json() as Promise<SearchEntity[]>),
    ]);
    // No worker: for an index this size, starting one costs more than it saves.
    await pf.options({ baseUrl: BASE.endsWith('/') ? BASE : `${BASE}/`, noWorker: true });
    const all = await pf.filters();
    return { pf, table, all };
  })();
  return ready;
}

export async function search(query: string, selected: Filters = {}): Promise<SearchOutcome> {
  const { pf, table, all } = await loadEngine();
  const { variants, entities } = expandQuery(query, table);
  const empty: SearchOutcome = { query, terms: [], hits: [], counts: async () => ({}) };
  if (!variants.length) return empty;

  // Union of every spelling's results: id → best score.
  const run = async (filters: Filters) => {
    const scores = new Map<string, PagefindResult>();
    for (const v of variants) {
      const res = await pf.search(v, { filters });
      for (const r of res?.results ?? []) {
        const seen = scores.get(r.id);
        if (!seen || r.score > seen.score) scores.set(r.id, r);
      }
    }
    return scores;
  };
  const found = await run(selected);
  if (!found.size) return { ...empty, terms: highlightTerms(variants), counts: async () => zeroCounts(all) };

  // Order: the named entities' own entries, then articles by how often they
  // mention the first named entity, then everything else by score.
  const lead = entities[0];
  const entryIds: string[] = [];
  for (const e of entities) {
    for (const id of (await run({ ...selected, entry: { any: [e.id] } })).keys()) if (!entryIds.includes(id)) entryIds.push(id);
  }
  const weight = new Map<string, number>();
  if (lead) {
    for (const [title, n] of Object.entries(lead.articles)) {
      for (const id of (await run({ ...selected, kind: { any: ['article'] }, article: { any: [title] } })).keys()) weight.set(id, n);
    }
  }
  const rest = [...found.values()]
    .filter((r) => !entryIds.includes(r.id))
    .sort((a, b) => (weight.get(b.id) ?? -1) - (weight.get(a.id) ?? -1) || b.score - a.score);
  const ordered = [...entryIds.filter((id) => found.has(id)).map((id) => found.get(id)!), ...rest];

  // Counts per filter value, as if that value were chosen in its group:
  // computed only when asked for, after the first results are on screen.
  let counted: Promise<Counts> | undefined;
  const counts = () =>
    (counted ??= (async () => {
      const out: Counts = {};
      for (const group of FILTER_GROUPS) {
        out[group] = {};
        const others = { ...selected };
        delete others[group];
        for (const value of Object.keys(all[group] ?? {})) out[group][value] = (await run({ ...others, [group]: { any: [value] } })).size;
      }
      return out;
    })());
  return { query, terms: highlightTerms(variants), counts, hits: ordered.map((r) => ({ id: r.id, load: () => show(r) })) };
}

function zeroCounts(all: Counts): Counts {
  return Object.fromEntries(FILTER_GROUPS.map((g) => [g, Object.fromEntries(Object.keys(all[g] ?? {}).map((v) => [v, 0]))]));
}

async function show(r: PagefindResult): Promise<ShownResult> {
  const d = await r.data();
  const anchors: string[] = [];
  for (const loc of [...d.locations].sort((a, b) => a - b)) {
    const a = anchorFor(d.anchors, loc);
    if (a && !anchors.includes(a)) anchors.push(a);
  }
  return {
    title: d.meta.title ?? d.url,
    url: d.url,
    kind: d.filters.kind?.[0] ?? '',
    content: d.content,
    locations: d.locations,
    anchors,
  };
}

/** A link to a result: to the paragraph that matched, asking the page to highlight the terms. */
export function resultHref(url: string, terms: string[], anchor?: string): string {
  const q = terms.length ? `?highlight=${encodeURIComponent(terms.join(' '))}` : '';
  return `${url}${q}${anchor ? `#${anchor}` : ''}`;
}
