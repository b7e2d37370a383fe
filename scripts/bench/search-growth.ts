// Are the bytes a search query costs flat as the edition grows? The first
// query of a visit fetches three things:
// - the engine, once a visit (search code, Pagefind's wasm, its page
//   metadata, the alias table);
// - the query's lookup: the index chunks of its words and the filter indexes
//   it reads. This is what an edition's size could make grow (a filter that
//   lists every page, a word's chunk), so this is what must stay flat;
// - its results' own text, the fragments of the few results shown: bounded by
//   how many are shown, and varying with which results come first, not with N.
// The engine load and the results' text are reported beside the verdict.
import { kb } from './report.ts';

/** A query's lookup may differ this much between the smallest and the largest edition. */
export const MAX_RATIO = 1.5;

export interface SizeSearch {
  n: number;
  /** Medians over the fixed queries. */
  engineLoad: number;
  /** First query of a visit: its own bytes (lookup and fragments), and its lookup alone. */
  firstOwn: number;
  firstLookup: number;
  /** A later query of the visit: all it fetched, and its lookup alone. */
  later: number;
  laterLookup: number;
}

export interface SearchGrowth {
  flat: boolean;
  label: string;
  text: string;
  /** What is reported and not judged: each query's bytes with its results' text, and the engine's one-time load. */
  notes: string[];
}

const chain = (xs: readonly number[]) => xs.map((x) => kb(x)).join(' → ');

export function searchGrowth(sizes: readonly SizeSearch[]): SearchGrowth | null {
  const s = [...sizes].sort((a, b) => a.n - b.n);
  if (s.length < 2) return null;
  const [small, big] = [s[0], s.at(-1)!];
  // Later queries at the smallest size find the whole index fetched by the
  // first (a few chunks in all): they count from the next size.
  const laterSizes = s.length >= 3 ? s.slice(1) : s;
  const first = big.firstLookup / small.firstLookup;
  const later = big.laterLookup / laterSizes[0].laterLookup;
  const perArticle = (big.engineLoad - small.engineLoad) / (big.n - small.n);
  return {
    flat: first <= MAX_RATIO && later <= MAX_RATIO,
    label: `bytes per search query flat as N grows (its lookup: index chunks and filter indexes, within ${MAX_RATIO}×)`,
    text:
      `1st query ${chain(s.map((x) => x.firstLookup))} (${first.toFixed(2)}×); ` +
      `later ${chain(laterSizes.map((x) => x.laterLookup))} (${later.toFixed(2)}×)`,
    notes: [
      `with its results' text (the fragments of the results shown): 1st query ${chain(s.map((x) => x.firstOwn))}, later ${chain(laterSizes.map((x) => x.later))}`,
      `engine load once a visit ${chain(s.map((x) => x.engineLoad))}: ` +
        `${perArticle >= 0 ? '+' : ''}${perArticle.toFixed(1)} B per extra article (Pagefind's page metadata lists every page)`,
    ],
  };
}
