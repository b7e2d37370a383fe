// The timeline: every dated fact in the glossary (key dates and later facts)
// and the three texts, on one axis. Pure; the pages only render it.
import { dateKey, formatRange } from './dates.ts';
import type { Edition } from './edition.ts';
import { firstParagraphs } from './related.ts';
import { isValidPartialDate } from './schema.ts';

export interface TimelineEntry {
  id: string;
  name: string;
  kind: string;
  dates: readonly { date: string; end?: string; label: string }[];
  later: readonly { date: string; text: string }[];
}

export interface TimelineText {
  slug: string;
  title: string;
  series: number;
  earliest: string;
  latest: string;
}

/** The first paragraph of an article that names an entry. */
export interface ArticleRef {
  slug: string;
  paragraph: string;
}

export interface TimelineFact {
  text: string;
  /** Entries that record this fact, most specific kind first. */
  entries: { id: string; name: string }[];
  /** Articles that discuss those entries, in series order. */
  articles: ArticleRef[];
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

/** Same fact told by two entries in the same words: show it once. */
const factKey = (text: string) => text.trim().replace(/[.\s]+$/, '').toLowerCase();

export function buildTimeline(
  entries: readonly TimelineEntry[],
  texts: readonly TimelineText[],
  discussed: (entryId: string) => ArticleRef[] = () => [],
): Timeline {
  if (!texts.length) throw new Error('buildTimeline: no texts to place on the axis');
  const lastText = texts.map((t) => t.latest).sort(byDate).at(-1)!;
  const rows = new Map<string, TimelineRow & { rank: Map<string, number> }>();
  const series = new Map(texts.map((t) => [t.slug, t.series]));

  const add = (entry: TimelineEntry, date: string, end: string | undefined, text: string, key: boolean) => {
    for (const d of [date, end]) {
      if (d !== undefined && !isValidPartialDate(d)) throw new Error(`glossary entry “${entry.id}”: invalid date “${d}”`);
    }
    if (end && byDate(end, date) < 0) throw new Error(`glossary entry “${entry.id}”: “${text}” ends (${end}) before it starts (${date})`);
    const id = `d-${date}${end ? `--${end}` : ''}`;
    const row = rows.get(id) ?? { id, date, end, after: byDate(date, lastText) > 0, facts: [] as TimelineFact[], rank: new Map<string, number>() };
    rows.set(id, row);
    const same = factKey(text);
    let fact = row.facts.find((f) => factKey(f.text) === same);
    if (!fact) {
      fact = { text, entries: [], articles: [], key };
      row.facts.push(fact);
    }
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
const weights = new WeakMap<TimelineRow, number>();
function weight(r: TimelineRow): number {
  let w = weights.get(r);
  if (w === undefined) weights.set(r, (w = r.text ? 1000 : r.facts.reduce((n, f) => n + f.entries.length, 0)));
  return w;
}

/** Day numbers, parsed once per date string: every article's strip asks for the same ones. */
const dayNumbers = new Map<string, number>();
function dayOf(date: string): number {
  let d = dayNumbers.get(date);
  if (d === undefined) dayNumbers.set(date, (d = dayNumber(date)));
  return d;
}

function dayNumber(date: string): number {
  const [y, m, d] = dateKey(date).split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** "7 December 2021", "10–13 January 2022", "1947 – 1991": the row's date as words. */
export const rowDateText = (row: Pick<TimelineRow, 'date' | 'end'>) => formatRange(row.date, row.end);

const built = new WeakMap<object, Timeline>();
/** The edition's timeline, built once per build. */
export function editionTimeline(edition: Pick<Edition, 'entries' | 'articles' | 'mentions'>): Timeline {
  let t = built.get(edition);
  if (!t) {
    t = buildTimeline(
      edition.entries.map((e) => ({ id: e.id, name: e.data.name, kind: e.data.kind, dates: e.data.dates, later: e.data.later })),
      edition.articles.map((a) => ({ slug: a.slug, title: a.entry.data.title, series: a.entry.data.series, earliest: a.entry.data.dating.earliest, latest: a.entry.data.dating.latest })),
      (id) => firstParagraphs(edition.mentions, id),
    );
    built.set(edition, t);
  }
  return t;
}

/** A fact as a sentence: labels come without a full stop, later facts with one. */
export const sentence = (text: string) => (/[.!?…”"’)]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
