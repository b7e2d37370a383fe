// How an entry's sources are shown: pure helpers for components/EntrySources.astro.
import { formatDate } from './dates.ts';
import type { SourceData } from '../schema/schema.ts';

// A title marked “(in German)” names the language its quote is in.
const LANGUAGES: Record<string, string> = { German: 'de', Russian: 'ru', Italian: 'it', Polish: 'pl', French: 'fr', Ukrainian: 'uk' };

/** The BCP 47 code of a source's language when its title says it is not English. */
export function sourceLang(title: string): string | undefined {
  const m = /\(in (\w+)\)\s*$/.exec(title);
  return m ? LANGUAGES[m[1]] : undefined;
}

/** "TASS, 22 January 2018" or "Wikipedia, undated". */
export function sourceLine(s: Pick<SourceData, 'publisher' | 'date'>): string {
  return `${s.publisher}, ${s.date ? formatDate(s.date) : 'undated'}`;
}

export const WIKIDATA_URL = 'https://www.wikidata.org/wiki/';
