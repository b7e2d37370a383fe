// The fact pass: every entry rests on sources, every later fact is dated,
// and the corrections list agrees with the edition's version.
import { describe, expect, it } from 'vitest';
import { checkCorrections, loadCorrections } from '../../src/schema/corrections.ts';
import { loadGlossary } from '../../src/schema/glossary-source.ts';
import { isValidPartialDate } from '../../src/schema/schema.ts';
import { EDITION } from '../../src/site/site.ts';
import { readArticles } from '../support/articles.ts';

const glossary = [...loadGlossary('content/glossary').values()];

describe('sources', () => {
  it('gives every entry at least one source', () => {
    const missing = glossary.filter((e) => e.sources.length === 0).map((e) => e.file);
    expect(missing, `entries without sources: ${missing.join(', ')}`).toEqual([]);
  });

  it('quotes each source briefly, from an https page, read on a real past day', () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const e of glossary) {
      for (const s of e.sources) {
        expect(s.url, e.id).toMatch(/^https:\/\/[^\s/]+\.[^\s/]+/);
        expect(s.quote.length, `${e.id}: ${s.title}`).toBeLessThan(300);
        expect(s.retrieved <= today && isValidPartialDate(s.retrieved), `${e.id}: ${s.retrieved}`).toBe(true);
      }
    }
  });
});

describe('later facts', () => {
  it('dates every fact after the texts, and places it after them', () => {
    for (const e of glossary) {
      for (const l of e.later) {
        expect(isValidPartialDate(l.date), `${e.id}: ${l.text}`).toBe(true);
        // The last text is of February 2022: nothing "later" comes before it.
        expect(l.date >= '2022-02', `${e.id}: ${l.date} ${l.text}`).toBe(true);
      }
    }
  });
});

describe('corrections', () => {
  const list = loadCorrections();

  it('names only entries and articles that exist', { timeout: 30_000 }, () => {
    const slugs = new Set(readArticles().map((a) => a.slug));
    expect(checkCorrections(process.cwd(), new Set(glossary.map((e) => e.id)), slugs).map(String)).toEqual([]);
  });

  it('dates the latest correction on the edition’s revision day, in its version', () => {
    const latest = [...list].sort((a, b) => b.date.localeCompare(a.date))[0];
    expect(latest.date).toBe(EDITION.revised);
    expect(latest.version).toBe(EDITION.version);
    expect(list.every((c) => c.version.localeCompare(EDITION.version, undefined, { numeric: true }) <= 0 && c.date <= EDITION.revised)).toBe(true);
  });
});
