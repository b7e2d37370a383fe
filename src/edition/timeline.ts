// The timeline: every dated fact in the glossary (key dates and later facts)
// and the three texts, on one axis. Pure; the pages only render it.
import type { ArticleRef, PassageRef } from './article.ts';
import { dateKey, formatRange } from './dates.ts';
import type { Edition } from './edition.ts';
import { firstParagraphs } from './related.ts';
import { isValidPartialDate } from '../schema/schema.ts';

export interface TimelineEntry {
  id: string;
  name: string;
  kind: string;
  dates: readonly { date: string; end?: string; label: string }[];
  later: readonly { date: string; text: string }[];
}

/** A text as the timeline places it. */
export interface TimelineText extends ArticleRef {
  series: number;
  earliest: string;
  latest: string;
}

export interface TimelineFact {
  text: string;
  /** Entries that record this fact, most specific kind first. */
  entries: { id: string; name: string }[];
  /** Articles that discuss those entries (the first paragraph of each naming one), in series order. */
  articles: PassageRef[];
  /** A key date of some entry (its own event), not only a later fact. */
  key: boolean;
}

export interface TimelineRow {
  /** Anchor on the timeline page. */
  id: string;
  date: string;
  end?: string;
  /** True when the row starts after the last text was written. */
  after: boolean;
  facts: TimelineFact[];
  /** Set on the rows that stand for the texts themselves. */
  text?: TimelineText;
}

export interface Timeline {
  rows: TimelineRow[];
  /** The latest day any text may have been written: the "after" line. */
  lastText: string;
}

// Events and documents name what happened; people and places only record it.
const KIND_ORDER = ['event', 'treaty', 'organization', 'person', 'place', 'concept'];
const kindRank = (kind: string) => (KIND_ORDER.indexOf(kind) + 1 || KIND_ORDER.length + 1);

// Words that say nothing about which fact it is.
const STOP = new Set('a an the and or then of in on at to for with by from as into its his her their is are was were be it that this'.split(' '));
// Tenses the light stemming below cannot reach.
const IRREGULAR: Record<string, string> = { met: 'meet', held: 'hold', began: 'begin', signed: 'sign', won: 'win' };

/** A text's content words, with case, accents, tense and plural "s" folded. */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
  const stem = (w: string) => IRREGULAR[w] ?? w.replace(/(?<=\p{L}{4})(?:ing|ed|s)$/u, '');
  return new Set(words.filter((w) => w.length > 1 && !STOP.has(w)).map(stem));
}

/** One entry's telling of a fact: "Video call with Putin" on Biden's entry is about Biden too. */
export interface Telling {
  text: string;
  words: Set<string>;
  /** The words of the text and of the entry's name. */
  about: Set<string>;
  rank: number;
}

export function telling(text: string, entry: Pick<TimelineEntry, 'name' | 'kind'>): Telling {
  const words = contentWords(text);
  return { text, words, about: new Set([...words, ...contentWords(entry.name)]), rank: kindRank(entry.kind) };
}

/**
 * Two tellings are one fact when the other (its text or its entry's name)
 * says nearly every word of one of them.
 */
export function sameFact(a: Telling, b: Telling): boolean {
  const covers = (x: Telling, y: Telling) => {
    let n = 0;
    for (const w of x.words) if (y.about.has(w)) n++;
    return x.words.size > 0 && n >= 0.7 * x.words.size && n >= Math.min(2, x.words.size);
  };
  return covers(a, b) || covers(b, a);
}

export function buildTimeline(
  entries: readonly TimelineEntry[],
  texts: readonly TimelineText[],
  discussed: (entryId: string) => PassageRef[] = () => [],
): Timeline {
  if (!texts.length) throw new Error('buildTimeline: no texts to place on the axis');
  const lastText = texts.map((t) => t.latest).sort(byDate).at(-1)!;
  const rows = new Map<string, TimelineRow & { rank: Map<string, number> }>();
  const series = new Map(texts.map((t) => [t.slug, t.series]));
  // Each fact's tellings, one per entry that records it; one of them is shown.
  const tellings = new Map<TimelineFact, Telling[]>();

  const add = (entry: TimelineEntry, date: string, end: string | undefined, text: string, key: boolean) => {
    for (const d of [date, end]) {
      if (d !== undefined && !isValidPartialDate(d)) throw new Error(`glossary entry “${entry.id}”: invalid date “${d}”`);
    }
    if (end && byDate(end, date) < 0) throw new Error(`glossary entry “${entry.id}”: “${text}” ends (${end}) before it starts (${date})`);
    const id = `d-${date}${end ? `--${end}` : ''}`;
    const row = rows.get(id) ?? { id, date, end, after: byDate(date, lastText) > 0, facts: [] as TimelineFact[], rank: new Map<string, number>() };
    rows.set(id, row);
    const told = telling(text, entry);
    let fact = row.facts.find((f) => tellings.get(f)!.some((t) => sameFact(t, told)));
    if (!fact) {
      fact = { text, entries: [], articles: [], key };
      row.facts.push(fact);
      tellings.set(fact, []);
    }
    tellings.get(fact)!.push(told);
    fact.key ||= key;
    if (!fact.entries.some((e) => e.id === entry.id)) fact.entries.push({ id: entry.id, name: entry.name });
    row.rank.set(entry.id, kindRank(entry.kind));
    const listed = new Set(fact.articles.map((a) => a.slug));
    for (const ref of discussed(entry.id)) {
      if (!listed.has(ref.slug)) fact.articles.push(ref);
      listed.add(ref.slug);
    }
  };

  for (const entry of entries) {
    for (const d of entry.dates) add(entry, d.date, d.end, d.label, true);
    for (const l of entry.later) add(entry, l.date, undefined, l.text, false);
  }

  const out: TimelineRow[] = [];
  for (const { rank, ...row } of rows.values()) {
    const r = (e: { id: string; name: string }) => rank.get(e.id) ?? 99;
    for (const f of row.facts) {
      f.text = representative(tellings.get(f)!, f.entries);
      f.entries.sort((a, b) => r(a) - r(b) || a.name.localeCompare(b.name, 'en'));
      f.articles.sort((a, b) => (series.get(a.slug) ?? 0) - (series.get(b.slug) ?? 0));
    }
    const best = (f: TimelineFact) => Math.min(...f.entries.map(r));
    row.facts.sort((a, b) => best(a) - best(b) || Number(b.key) - Number(a.key) || a.entries[0].name.localeCompare(b.entries[0].name, 'en'));
    out.push(row);
  }
  for (const t of texts) {
    out.push({ id: `text-${t.slug}`, date: t.earliest, end: t.latest === t.earliest ? undefined : t.latest, after: false, facts: [], text: t });
  }
  out.sort(compareRows);
  return { rows: out, lastText };
}

// "His term ended with Joe Biden’s", "Led Russia’s delegation": they read right only under their own entry.
const LEANS_ON_ITS_ENTRY = /^(?!united\b)(?:his|her|its|their|he|she|it|they|led|met|held|won|became|began|took|[\p{L}-]+ed)\b/iu;

/**
 * The telling a merged fact shows: one that stands on its own, names most of
 * the fact's entries and says most; then the most specific kind's, then the
 * first in the alphabet. Order-free, so the
 * same content always shows the same words.
 */
export function representative(tellings: readonly Telling[], entries: readonly { name: string }[]): string {
  const names = entries.map((e) => contentWords(e.name));
  const score = (t: Telling) => [
    LEANS_ON_ITS_ENTRY.test(t.text.trim()) ? 1 : 0,
    -names.filter((n) => [...n].some((w) => t.words.has(w))).length,
    -t.words.size,
    t.rank,
  ];
  const better = (b: Telling, a: Telling) => {
    const [sa, sb] = [score(a), score(b)];
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sb[i] < sa[i];
    return b.text.localeCompare(a.text, 'en') < 0;
  };
  return tellings.reduce((a, b) => (better(b, a) ? b : a)).text;
}

function byDate(a: string, b: string): number {
  return dateKey(a).localeCompare(dateKey(b));
}

/** Chronological; on the same day facts come before the text written that day, shorter spans first. */
export function compareRows(a: TimelineRow, b: TimelineRow): number {
  return (
    byDate(a.date, b.date) ||
    Number(Boolean(a.text)) - Number(Boolean(b.text)) ||
    a.date.length - b.date.length ||
    byDate(a.end ?? a.date, b.end ?? b.date) ||
    a.id.localeCompare(b.id)
  );
}

/** Rows grouped by the year they start in, in order. */
export function byYear(rows: readonly TimelineRow[]): { year: string; rows: TimelineRow[] }[] {
  const groups: { year: string; rows: TimelineRow[] }[] = [];
  for (const row of rows) {
    const year = row.date.slice(0, 4);
    if (groups.at(-1)?.year !== year) groups.push({ year, rows: [] });
    groups.at(-1)!.rows.push(row);
  }
  return groups;
}

export interface StripOptions {
  /** How far around the text's own dates to look, in days. */
  days?: number;
  before?: number;
  after?: number;
}

/**
 * The rows around one text for its compact strip: within `days` of its dates,
 * the `before` and `after` busiest days on each side (the days most entries
 * record), shown in order with the text itself in the middle.
 */
export function stripFor(timeline: Timeline, slug: string, { days = 21, before = 3, after = 4 }: StripOptions = {}): TimelineRow[] {
  const at = timeline.rows.findIndex((r) => r.text?.slug === slug);
  if (at === -1) throw new Error(`stripFor: no text “${slug}” on the timeline`);
  const self = timeline.rows[at];
  const start = dayOf(self.date);
  const end = dayOf(self.end ?? self.date);
  const pick = (rows: TimelineRow[], n: number, distance: (r: TimelineRow) => number) =>
    rows
      .filter((r) => r.date.length === 10)
      .map((r) => ({ r, d: distance(r) }))
      .filter(({ d }) => d >= 0 && d <= days)
      .sort((a, b) => weight(b.r) - weight(a.r) || a.d - b.d)
      .slice(0, n)
      .map(({ r }) => r);
  // The rows are in order (compareRows): those before the text's own row are earlier.
  const earlier = pick(timeline.rows.slice(0, at), before, (r) => start - dayOf(r.date));
  const later = pick(timeline.rows.slice(at + 1), after, (r) => dayOf(r.date) - end);
  return [...earlier, self, ...later].sort(compareRows);
}

// Another text outweighs any day of facts: the strip shows its neighbours.
const weight = (r: TimelineRow) => (r.text ? 1000 : r.facts.reduce((n, f) => n + f.entries.length, 0));

function dayOf(date: string): number {
  const [y, m, d] = dateKey(date).split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** "7 December 2021", "10–13 January 2022", "1947 – 1991": the row's date as words. */
export const rowDateText = (row: Pick<TimelineRow, 'date' | 'end'>) => formatRange(row.date, row.end);

/** The edition's timeline: built once per build, by src/edition/edition.ts. */
export function editionTimeline(edition: Pick<Edition, 'entries' | 'articles' | 'mentions'>): Timeline {
  return buildTimeline(
    edition.entries.map((e) => ({ id: e.id, name: e.data.name, kind: e.data.kind, dates: e.data.dates, later: e.data.later })),
    edition.articles.map((a) => ({ slug: a.slug, title: a.entry.data.title, series: a.entry.data.series, earliest: a.entry.data.dating.earliest, latest: a.entry.data.dating.latest })),
    (id) => firstParagraphs(edition.mentions, id),
  );
}

/** A fact as a sentence: labels come without a full stop, later facts with one. */
export const sentence = (text: string) => (/[.!?…”"’)]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
