import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadParagraphs, storeParagraphs } from '../../src/edition/paragraph-store.ts';

describe('paragraph store', () => {
  let dir: string;
  const before = process.env.EDITION_PARAGRAPHS_DIR;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paragraphs-'));
    process.env.EDITION_PARAGRAPHS_DIR = dir;
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (before === undefined) delete process.env.EDITION_PARAGRAPHS_DIR;
    else process.env.EDITION_PARAGRAPHS_DIR = before;
  });

  it('gives back what it stored, under a short key named by its content', () => {
    const json = JSON.stringify([{ id: 'p-1', text: 'Kiev is named.', notes: [{ entity: 'kyiv', offset: 0 }] }]);
    const key = storeParagraphs(json);
    expect(key).toMatch(/^stored:[0-9a-f]{32}$/);
    expect(key.length).toBeLessThan(json.length);
    expect(loadParagraphs(key)).toBe(json);
    expect(storeParagraphs(json)).toBe(key); // same data, same file
    expect(storeParagraphs(json.replace('Kiev', 'Kyiv'))).not.toBe(key);
    expect(fs.readdirSync(dir)).toHaveLength(2);
  });

  it('passes JSON that was never stored through as it is', () => {
    expect(loadParagraphs('[]')).toBe('[]');
  });

  it('fails loudly, never with an empty list, when the stored data are gone', () => {
    const key = storeParagraphs('[{"id":"p-1","text":"x","notes":[]}]');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(() => loadParagraphs(key)).toThrow(/paragraph data .* is gone: run the build again/);
  });
});
