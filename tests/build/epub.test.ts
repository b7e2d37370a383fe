// The EPUB edition in dist/: Debian's epubcheck finds nothing at all, the zip
// starts with its stored mimetype, and the book holds the three texts with
// popup notes, the names linked to the end glossary, the gaps and the About
// page's provenance.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EPUB_PATH } from '../../src/lib/urls.ts';

const EPUBCHECK = process.env.EPUBCHECK_PATH ?? '/usr/bin/epubcheck';
const book = path.resolve('dist', EPUB_PATH);
const entry = (name: string) => execFileSync('unzip', ['-p', book, name], { encoding: 'utf8' });

describe('the EPUB', () => {
  it('passes epubcheck with 0 errors and 0 warnings', () => {
    const run = spawnSync(EPUBCHECK, [book, '--json', '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.error, `${EPUBCHECK}: install Debian's epubcheck`).toBeUndefined();
    const report = JSON.parse(run.stdout) as { checker: { nFatal: number; nError: number; nWarning: number }; messages: { ID: string; message: string; locations: { path: string; line: number }[] }[] };
    const lines = report.messages.map((m) => `${m.ID} ${m.message} ${m.locations.map((l) => `${l.path}:${l.line}`).join(' ')}`);
    expect(lines).toEqual([]);
    expect(report.checker).toMatchObject({ nFatal: 0, nError: 0, nWarning: 0 });
  });

  it('starts with the mimetype entry, stored', () => {
    const head = fs.readFileSync(book).subarray(0, 38 + 20);
    expect(head.readUInt32LE(0)).toBe(0x04034b50);
    expect(head.readUInt16LE(8)).toBe(0); // method: stored
    expect(head.subarray(30, 38).toString()).toBe('mimetype');
    expect(head.subarray(38, 58).toString()).toBe('application/epub+zip');
  });

  it('holds the texts with popup notes, linked names, gaps and the provenance', () => {
    const chapter = entry('OEBPS/minsk-last-chance.xhtml');
    expect(chapter).toContain('epub:type="noteref"');
    expect(chapter).toMatch(/<aside id="fn-ed-[^"]+" epub:type="footnote"/);
    expect(chapter).toMatch(/href="glossary\.xhtml#g-nato"/);
    expect(chapter).toContain('class="gap"');
    expect(chapter).not.toContain('pilcrow');
    const glossary = entry('OEBPS/glossary.xhtml');
    expect(glossary).toContain('id="g-nato"');
    expect(entry('OEBPS/about.xhtml')).toContain('by the editor’s inference');
    expect(entry('OEBPS/content.opf')).toMatch(/<dc:title>Before the Invasion<\/dc:title>/);
  });
});
