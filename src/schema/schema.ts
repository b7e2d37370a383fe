// Zod schemas shared by the Astro content collections (src/content.config.ts)
// and by the build-time plugins that read the glossary outside Astro. Every
// object is strict: a field the site does not know (a misspelt “aliasses:”)
// is an error, where zod would otherwise drop it silently.
import { z } from 'astro/zod';

import { ENTITY_KINDS } from './kinds.ts';

export { ENTITY_KINDS, type EntityKind } from './kinds.ts';

/** A date of known precision: "1948", "1991-08" or "2022-02-24". */
export const partialDate = z.preprocess(
  // YAML turns an unquoted 2022-02-24 into a Date; accept it as the day it names.
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : v),
  z.string().refine(isValidPartialDate, {
    message: 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD',
  }),
);

export function isValidPartialDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

const slugId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug like "minsk-agreements"');

export const keyDate = z.strictObject({
  date: partialDate,
  /** Optional end of a span (terms of office, wars). */
  end: partialDate.optional(),
  label: z.string().min(1),
});

/** A day written YYYY-MM-DD, not after today: when a source was read. */
const pastDay = partialDate.refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && s <= new Date().toISOString().slice(0, 10), {
  message: 'must be the day the source was read, written YYYY-MM-DD, not in the future',
});

/** A source read for an entry: the passage quoted is what supports the fact. */
export const sourceData = z.strictObject({
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** The page's own date, or the year it states; absent when it gives none. */
  date: partialDate.optional(),
  url: z.url().refine((u) => u.startsWith('https://'), { message: 'must be an https:// address' }),
  retrieved: pastDay,
  quote: z.string().min(1).max(300, 'must be a short passage: one or two sentences, under 300 characters'),
  supports: z.string().min(1),
});
export type SourceData = z.infer<typeof sourceData>;

export const laterFact = z.strictObject({
  date: partialDate,
  text: z.string().min(1),
});

export const entityData = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(ENTITY_KINDS),
  /** Every spelling the texts use plus common alternatives; used for mentions and search. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Two or three plain-text sentences: what a popover shows. */
  summary: z.string().min(20).max(600),
  dates: z.array(keyDate).default([]),
  /** What happened after the texts were written (after 10 Feb 2022). */
  later: z.array(laterFact).default([]),
  wikidata: z.string().regex(/^Q\d+$/).optional(),
  related: z.array(slugId).default([]),
  coordinates: z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  /** What the entry's facts rest on: at least one source the editor has read. */
  sources: z.array(sourceData).min(1, 'the entry has no sources: every entry needs at least one source'),
  /** Facts kept in the entry that no readable source supports, said plainly. */
  unsourced: z.array(z.string().min(1)).optional(),
});
export type EntityData = z.infer<typeof entityData>;

/** One correction made to a published edition, shown on the corrections page. */
export const correctionData = z.strictObject({
  date: partialDate,
  /** The edition version that carries the correction. */
  version: z.string().regex(/^\d+\.\d+$/, 'must be a version like "1.1"'),
  /** What was corrected: a glossary entry, an article, or a page. */
  where: z.string().regex(/^(glossary\/[a-z0-9-]+|articles\/[a-z0-9-]+|about|home|site)$/, 'must be glossary/<id>, articles/<slug>, about, home or site'),
  what: z.string().min(1),
  why: z.string().min(1),
});
export const correctionList = z.array(correctionData).min(1);
export type Correction = z.infer<typeof correctionData>;

const certainty = z.enum(['verified', 'probable', 'inferred', 'unknown']);

export const articleData = z.strictObject({
  title: z.string().min(1),
  /** "republished": the headline found on republished copies; "editorial": ours. */
  titleSource: z.enum(['republished', 'editorial']),
  summary: z.string().min(20).max(400),
  /** Position in the series, in order of writing (1 = earliest). */
  series: z.number().int().positive(),
  /** The seed file in content/sources this text reproduces. */
  seed: z.string().regex(/^[\w.-]+\.txt$/),
  dating: z.strictObject({
    /** Earliest plausible publication day; what the site shows as the date. */
    earliest: partialDate,
    latest: partialDate,
    certainty,
    evidence: z
      .array(z.strictObject({ quote: z.string().min(1), inference: z.string().min(1) }))
      .min(1),
  }),
  provenance: z.strictObject({
    author: z.strictObject({ name: z.string().optional(), certainty, note: z.string() }),
    publication: z.strictObject({ name: z.string().optional(), certainty, note: z.string() }),
    headline: z.strictObject({ certainty, note: z.string() }),
  }),
});
export type ArticleData = z.infer<typeof articleData>;
