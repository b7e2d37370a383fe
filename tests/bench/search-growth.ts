// Are the bytes a search query costs flat as the edition grows? The first
// query of a visit fetches two things: the engine, once a visit (search code,
// Pagefind's wasm, its page metadata, the alias table), and the query's own
// bytes (index chunks, result fragments, filter indexes). A query's own bytes
// must not grow with N: that is what an index chunked by word and a page of
// results buy. The engine load is reported with its growth per article:
// Pagefind's page metadata lists every page, a few bytes each.
import { kb } from './report.ts';

/** A query's bytes may differ this much between the smallest and the largest edition. */
export const MAX_RATIO = 1.5;

export interface SizeSearch {
  n: number;
  /** Medians over the fixed queries. */
  engineLoad: number;
  firstOwn: number;
  later: number;
}

export interface SearchGrowth {
  flat: boolean;
  label: string;
  text: string;
  /** The engine's one-time load: bytes per extra article from the smallest to the largest N. */
  engine: string;
}

export function searchGrowth(sizes: readonly SizeSearch[]): SearchGrowth | null {
  const s = [...sizes].sort((a, b) => a.n - b.n);
  if (s.length < 2) return null;
  const [small, big] = [s[0], s.at(-1)!];
  // Later queries of a visit at the smallest size find the whole index already
  // fetched by the first (a few chunks in all): they count from the next size.
  const laterFrom = s.length >= 3 ? s[1] : small;
  const own = big.firstOwn / small.firstOwn;
  const later = big.later / laterFrom.later;
  const perArticle = (big.engineLoad - small.engineLoad) / (big.n - small.n);
  return {
    flat: own <= MAX_RATIO && later <= MAX_RATIO,
    label: `bytes per search query flat as N grows (a query's own bytes, and later queries', within ${MAX_RATIO}×)`,
    text:
      `a query's own ${s.map((x) => kb(x.firstOwn)).join(' → ')} (${own.toFixed(2)}×); ` +
      `later ${s.filter((x) => x.n >= laterFrom.n).map((x) => kb(x.later)).join(' → ')} (${later.toFixed(2)}×)`,
    engine:
      `engine load once a visit ${s.map((x) => kb(x.engineLoad)).join(' → ')}: ` +
      `${perArticle >= 0 ? '+' : ''}${perArticle.toFixed(1)} B per extra article (Pagefind's page metadata lists every page)`,
  };
}
