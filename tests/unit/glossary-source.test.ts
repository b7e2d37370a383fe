import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/lib/glossary-source.ts';

function glossaryWith(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
const entry = (fm: string) => `---\n${fm}\n---\n\nBody.\n`;
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

  it('rejects broken YAML with its line', () => {
    const dir = glossaryWith({ 'kyiv.md': entry(`${ok}\naliases: [Kiev`) });
    expect(() => loadGlossary(dir)).toThrow(/kyiv\.md:\d+: invalid YAML/);
  });

  it('rejects duplicate frontmatter keys', () => {
    const dir = glossaryWith({ 'kyiv.md': entry(`${ok}\nname: Kiev`) });
    expect(() => loadGlossary(dir)).toThrow(/kyiv\.md:\d+: invalid YAML/);
  });
});
