import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/schema/glossary-source.ts';

function glossaryWith(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
// Every entry needs a source; tests of other fields get one after theirs, so their lines stay put.
const bare = (fm: string) => `---\n${fm}\n---\n\nBody.\n`;
const entry = (fm: string) => bare(`${fm}\n${sourced}`);
const sourced = 'sources:\n  - { title: T, publisher: P, url: "https://example.org/", retrieved: 2026-12-03, quote: Q, supports: S }';
const ok = 'name: Kyiv\nkind: place\nsummary: Capital of Ukraine, spelled Kiev in two texts.';

describe('loadGlossary', () => {
  it('loads valid entries with defaults', () => {
    const g = loadGlossary(glossaryWith({ 'kyiv.md': entry(ok) }));
    expect(g.get('kyiv')).toMatchObject({ name: 'Kyiv', kind: 'place', aliases: [], related: [], later: [] });
  });

  it('normalises unquoted YAML dates', () => {
    const g = loadGlossary(glossaryWith({ 'kyiv.md': entry(`${ok}\ndates:\n  - date: 1991-08-24\n    label: Independence`) }));
    expect(g.get('kyiv')!.dates[0].date).toBe('1991-08-24');
  });

  it('rejects an impossible date with file and line', () => {
    const dir = glossaryWith({ 'kyiv.md': entry(`${ok}\ndates:\n  - date: "2022-02-30"\n    label: Nothing`) });
    expect(() => loadGlossary(dir)).toThrow(/kyiv\.md:6: “dates\.0\.date”: must be a real date/);
  });

  it('rejects an unknown kind', () => {
    const dir = glossaryWith({ 'kyiv.md': entry('name: Kyiv\nkind: city\nsummary: Capital of Ukraine, spelled Kiev in two texts.') });
    expect(() => loadGlossary(dir)).toThrow(/kyiv\.md:3: “kind”.*\n  Fix: use one of person/);
  });

  it('rejects a missing summary', () => {
    expect(() => loadGlossary(glossaryWith({ 'kyiv.md': entry('name: Kyiv\nkind: place') }))).toThrow(/kyiv\.md.*the field “summary” is missing/);
  });

  it('rejects a related entry that does not exist, with its line', () => {
    const dir = glossaryWith({ 'kyiv.md': entry(`${ok}\nrelated:\n  - nowhere`) });
    expect(() => loadGlossary(dir)).toThrow(/kyiv\.md:6: related entry “nowhere” does not exist/);
  });

  it('rejects an alias claimed by two entries', () => {
    const dir = glossaryWith({
      'kyiv.md': entry(`${ok}\naliases: [Kiev]`),
      'kiev-oblast.md': entry('name: Kiev Oblast\nkind: place\naliases: [kiev]\nsummary: The region around the capital city.'),
    });
    expect(() => loadGlossary(dir)).toThrow(/alias “(Kiev|kiev)” is also claimed by/);
  });

  it('puts an alias claimed by two entries on its own line, not on an earlier mention of it', () => {
    const dir = glossaryWith({
      'kiev-oblast.md': entry('name: Kiev Oblast\nkind: place\naliases: [kiev]\nsummary: The region around the capital city.'),
      'kyiv.md': entry(`${ok}\naliases: [Kiev]`),
    });
    expect(() => loadGlossary(dir)).toThrow(/kyiv\.md:5: the alias “Kiev” is also claimed by \S*kiev-oblast\.md/);
  });

  it('rejects broken YAML with its line', () => {
    const dir = glossaryWith({ 'kyiv.md': entry(`${ok}\naliases: [Kiev`) });
    expect(() => loadGlossary(dir)).toThrow(/kyiv\.md:\d+: invalid YAML/);
  });

  it('rejects duplicate frontmatter keys', () => {
    const dir = glossaryWith({ 'kyiv.md': entry(`${ok}\nname: Kiev`) });
    expect(() => loadGlossary(dir)).toThrow(/kyiv\.md:\d+: invalid YAML/);
  });

  describe('sources', () => {
    const person = 'name: Alexander Grushko\nkind: person\nsummary: Russian deputy foreign minister for Europe and NATO.';
    const source = (fields: Record<string, string>) =>
      `sources:\n  - ${Object.entries({ title: '"Alexander Grushko"', publisher: 'TASS', date: '2018-01-22', url: 'https://tass.com/world/986315', retrieved: '2026-12-03', quote: '"Putin appointed Grushko Russian Deputy Foreign Minister."', supports: 'deputy foreign minister again', ...fields })
        .filter(([, v]) => v !== '')
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n    ')}`;

    it('loads an entry with a source and an unsourced fact', () => {
      const g = loadGlossary(glossaryWith({ 'alexander-grushko.md': bare(`${person}\n${source({})}\nunsourced:\n  - "Fomin sat beside him"`) }));
      expect(g.get('alexander-grushko')).toMatchObject({ sources: [{ publisher: 'TASS', retrieved: '2026-12-03' }], unsourced: ['Fomin sat beside him'] });
    });

    it('rejects an entry without sources, or with an empty list, with file and line', () => {
      expect(() => loadGlossary(glossaryWith({ 'alexander-grushko.md': bare(person) }))).toThrow(/alexander-grushko\.md:2: the field “sources” is missing/);
      expect(() => loadGlossary(glossaryWith({ 'alexander-grushko.md': bare(`${person}\nsources: []`) }))).toThrow(/alexander-grushko\.md:5: “sources”: the entry has no sources/);
    });

    it('rejects a source that is not https, with its line', () => {
      const dir = glossaryWith({ 'alexander-grushko.md': bare(`${person}\n${source({ url: 'http://tass.com/world/986315' })}`) });
      expect(() => loadGlossary(dir)).toThrow(/alexander-grushko\.md:9: “sources\.0\.url”: must be an https:\/\/ address/);
    });

    it('rejects a retrieval day in the future or written loosely', () => {
      for (const retrieved of ['2999-01-01', '2026-12']) {
        const dir = glossaryWith({ 'alexander-grushko.md': bare(`${person}\n${source({ retrieved })}`) });
        expect(() => loadGlossary(dir), retrieved).toThrow(/“sources\.0\.retrieved”: must be the day the source was read/);
      }
    });

    it('rejects a long quote, a missing field and an unknown one', () => {
      const long = glossaryWith({ 'alexander-grushko.md': bare(`${person}\n${source({ quote: `"${'word '.repeat(70)}"` })}`) });
      expect(() => loadGlossary(long)).toThrow(/“sources\.0\.quote”: must be a short passage/);
      const missing = glossaryWith({ 'alexander-grushko.md': bare(`${person}\n${source({ supports: '' })}`) });
      expect(() => loadGlossary(missing)).toThrow(/the field “sources\.0\.supports” is missing/);
      const unknown = glossaryWith({ 'alexander-grushko.md': bare(`${person}\n${source({ author: 'Someone' })}`) });
      expect(() => loadGlossary(unknown)).toThrow(/unknown field “sources\.0\.author”/);
    });
  });

  // The uniqueness check and the matcher share one key (aliasKey): aliases that
  // differ only in a dash or apostrophe the matcher folds are the same alias.
  for (const [a, b] of [['Kiev‒Rus', 'Kiev-Rus'], ['Kiev‛s', "Kiev's"], ['Kiev′s', "Kiev's"]]) {
    it(`rejects “${a}” and “${b}” on two entries: the matcher would read both as one`, () => {
      const dir = glossaryWith({
        'kyiv.md': entry(`${ok}\naliases: ["${a}"]`),
        'kievan-rus.md': entry(`name: Kievan Rus\nkind: place\naliases: ["${b}"]\nsummary: The medieval state around the city.`),
      });
      expect(() => loadGlossary(dir)).toThrow(/alias “Kiev.(?:Rus|s)” is also claimed by/);
    });
  }

  it('rejects an alias that is a common word, with file and line', () => {
    const dir = glossaryWith({ 'kyiv.md': entry(`${ok}\naliases:\n  - Kiev\n  - the`) });
    expect(() => loadGlossary(dir)).toThrow(/kyiv\.md:7: the alias “the” is a common word, not a name[^\n]*\n {2}Fix: remove it/);
  });

  it('rejects an alias too short to be a name, with file and line', () => {
    const dir = glossaryWith({ 'kyiv.md': entry(`${ok}\naliases: [Kiev, K.]`) });
    expect(() => loadGlossary(dir)).toThrow(/kyiv\.md:5: the alias “K\.” is too short to be a name/);
  });

  it('accepts two-letter names and acronyms that spell a common word in lower case', () => {
    const dir = glossaryWith({
      'xi-jinping.md': entry('name: Xi Jinping\nkind: person\naliases: [Xi]\nsummary: General secretary of the Chinese Communist Party.'),
      'united-states.md': entry('name: United States\nkind: place\naliases: [US, IT, U.S.]\nsummary: The United States of America, a country.'),
    });
    expect([...loadGlossary(dir).keys()].sort()).toEqual(['united-states', 'xi-jinping']);
  });
});
