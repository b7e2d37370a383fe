// The edition's timeline, built from the glossary and the articles as they
// are: every dated fact on its day, and a strip for every text.
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/schema/glossary-source.ts';
import { buildTimeline, stripFor } from '../../src/edition/timeline.ts';
import { readArticles } from '../support/articles.ts';

describe('the edition’s timeline', () => {
  const glossary = [...loadGlossary('content/glossary').values()];
  const articles = readArticles().map((a) => ({
    slug: a.slug,
    title: a.data.title,
    series: a.data.series,
    earliest: String(a.data.dating.earliest),
    latest: String(a.data.dating.latest),
  }));
  const t = buildTimeline(glossary, articles);

  it('holds every dated fact of every entry, on its day', () => {
    for (const e of glossary) {
      for (const d of [...e.dates.map((x) => ({ ...x, text: x.label })), ...e.later.map((x) => ({ ...x, end: undefined }))]) {
        const row = t.rows.find((r) => r.date === d.date && r.end === d.end);
        expect(row?.facts.some((f) => f.entries.some((x) => x.id === e.id)), `${e.id} ${d.date}`).toBe(true);
      }
    }
  });

  it('gives each text a strip with itself and the days around it', () => {
    for (const a of articles) {
      const rows = stripFor(t, a.slug);
      expect(rows.filter((r) => r.text?.slug === a.slug)).toHaveLength(1);
      expect(rows.length).toBeGreaterThan(3);
      expect(rows.length).toBeLessThanOrEqual(8);
    }
  });
});
