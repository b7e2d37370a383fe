import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCorrections, CORRECTIONS_FILE, loadCorrections } from '../../src/schema/corrections.ts';
import { sourceLang, sourceLine } from '../../src/edition/sources.ts';

function projectWith(yaml: string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'corrections-'));
  fs.mkdirSync(path.join(root, 'content'));
  fs.writeFileSync(path.join(root, CORRECTIONS_FILE), yaml);
  return root;
}
const ok = '- date: 2026-12-03\n  version: "1.1"\n  where: glossary/kyiv\n  what: Something changed.\n  why: It was wrong.\n';

describe('corrections', () => {
  it('loads a list of corrections', () => {
    expect(loadCorrections(projectWith(ok))).toEqual([{ date: '2026-12-03', version: '1.1', where: 'glossary/kyiv', what: 'Something changed.', why: 'It was wrong.' }]);
  });

  it('names the file and line of a bad field', () => {
    expect(() => loadCorrections(projectWith(ok.replace('version: "1.1"', 'version: "first"')))).toThrow(/content\/corrections\.yaml:2: “0\.version”: must be a version/);
    expect(() => loadCorrections(projectWith(`${ok}  by: me\n`))).toThrow(/content\/corrections\.yaml:1: “0”: Unrecognized key/);
  });

  it('names the line of broken YAML', () => {
    expect(() => loadCorrections(projectWith(`${ok}- date: [2026\n`))).toThrow(/content\/corrections\.yaml:\d+: invalid YAML/);
  });

  it('reports a correction of an entry or article that does not exist', () => {
    const root = projectWith(ok);
    expect(checkCorrections(root, new Set(['kyiv']), new Set())).toEqual([]);
    expect(checkCorrections(root, new Set(['moscow']), new Set()).map(String)).toEqual([expect.stringMatching(/corrections\.yaml:3: “glossary\/kyiv” names no glossary entry/)]);
  });
});

describe('source helpers', () => {
  it('reads the language a title declares', () => {
    expect(sourceLang('Schallenberg trifft in Kiew Außenminister (in German)')).toBe('de');
    expect(sourceLang('Career Diplomat Replaces Rogozin as NATO Envoy')).toBeUndefined();
  });

  it('writes the publisher and date, or says it is undated', () => {
    expect(sourceLine({ publisher: 'TASS', date: '2018-01-22' })).toBe('TASS, 22 January 2018');
    expect(sourceLine({ publisher: 'Wikipedia' })).toBe('Wikipedia, undated');
  });
});
