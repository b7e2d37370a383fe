// A first mention left without its note is a warning, never a failure: the
// editors' check and the build's own check print the same line, with file,
// line and column, and the build replaces the previous site.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ARTICLES } from './variant.ts';

const variant = inject('variant');
const { file, line, column } = variant.warning;
const WARNING = `⚠ ${file}:${line}:${column}: first mention of “Kiev” (kyiv) in this article has no note\n  Fix: add [^kyiv] right after “Kiev”`;

describe('a first mention with no note', () => {
  it('the editors’ check warns, without failing, with file, line and column', () => {
    expect(variant.checkCode, variant.checkOutput).toBe(0);
    expect(variant.checkOutput).toContain(WARNING);
    expect(variant.checkOutput).toMatch(new RegExp(`✓ content check in [\\d.]+ s: ${ARTICLES} articles, \\d+ glossary entries: 0 errors, 1 warning`));
    // "A few seconds": generous, for a loaded machine.
    expect(variant.checkSeconds).toBeLessThan(30);
  });

  it('the build prints the same warning from inside the astro build, and builds', () => {
    expect(variant.buildOutput).toContain(WARNING);
    expect(variant.buildOutput).toMatch(new RegExp(`✓ content check \\(in the astro build\\): ${ARTICLES} articles, \\d+ glossary entries: 0 errors, 1 warning\\n`));
    expect(fs.readFileSync(path.join(variant.dist, 'index.html'), 'utf8')).not.toMatch(/previous site/);
  });
});
