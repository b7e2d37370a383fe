// The EPUB edition in dist/: Debian's epubcheck finds nothing at all, the zip
// starts with its stored mimetype, and the book holds the three texts with
// popup notes, the names linked to the end glossary, the gaps and the About
// page's provenance.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EPUB_PATH } from '../../src/site/urls.ts';
import { DIST } from '../support/dist.ts';

// Debian's /usr/bin/epubcheck is the jar itself, run through binfmt where that is set up: call Java directly.
const EPUBCHECK = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';
const book = path.join(DIST, EPUB_PATH);
const entry = (name: string) => execFileSync('unzip', ['-p', book, name], { encoding: 'utf8' });

describe('the EPUB', () => {
  it('passes epubcheck with 0 errors and 0 warnings', () => {
    expect(fs.existsSync(EPUBCHECK), `${EPUBCHECK}: install Debian's epubcheck`).toBe(true);
    // --failonwarnings: a warning fails the run as an error does.
    const run = spawnSync('java', ['-jar', EPUBCHECK, '--failonwarnings', book], { encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    expect(output).toMatch(/Messages: 0 fatals \/ 0 errors \/ 0 warnings/);
    expect(run.status, output).toBe(0);
  }, 300_000);

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
