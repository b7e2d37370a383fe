// A clone of the repository alone must build and pass its tests: no file the
// project runs may reach outside it, in code, messages or comments alike.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/site/files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCANNED = ['src', 'tests', 'scripts', '.ci', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.output', 'results']);
// This file names the patterns it looks for; it is checked by the cases below instead.
const SELF = path.relative(ROOT, import.meta.filename);

/** A relative path written as a literal, after a quote, a space, a bracket or "=". */
const RELATIVE = /(?:^|[\s'"`(=,])(\.\.(?:\/[\w.@+-]*)+)/g;
/** A bare ".." argument (path.resolve(root, '..')). */
const PARENT = /['"`]\.\.['"`]/;
/** Lines whose relative paths are resolved against the file itself, not the working directory. */
const FILE_RELATIVE = /\bimport\b|\bfrom\s+['"]|\brequire\(|import\.meta|__dirname/;
/** Where a developer's machine keeps things: never a place the project may name. */
const MACHINE = /(?:^|[\s'"`(=])(\/(?:work|home|root|Users|mnt)\/[\w.-]+|[A-Z]:\\\\)/;
/** The sibling folder the material was supplied in. */
const SUPPLIED = /\bshared\/(?:seeds|sources\.md|entities\.md|hooks)/;

const outside = (p: string) => p === '..' || p.startsWith('../') || path.isAbsolute(p);

/** Each line of `text` (a file at `rel` in the repository) that names a path outside the repository. */
export function pathsOutside(rel: string, text: string): string[] {
  const dir = path.dirname(rel);
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const where = `${rel}:${i + 1}: ${line.trim()}`;
    if (MACHINE.test(line) || SUPPLIED.test(line)) return found.push(where);
    const fileRelative = FILE_RELATIVE.test(line);
    if (PARENT.test(line) && !fileRelative) return found.push(where);
    for (const m of line.matchAll(RELATIVE)) {
      const bases = fileRelative ? [dir] : [dir, '.'];
      if (bases.some((b) => outside(path.normalize(path.join(b, m[1]))))) return found.push(where);
    }
  });
  return found;
}

/** A scanned path: the file itself, or the files of the folder. */
function scannedFiles(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  if (!fs.existsSync(abs)) return [];
  if (!fs.statSync(abs).isDirectory()) return [rel];
  return filesUnder(abs, (name) => SKIPPED_DIRS.has(name)).map((f) => `${rel}/${f}`);
}

describe('the repository is self-contained', () => {
  it('names no path outside itself in src/, tests/, scripts/, .ci/ or the config', () => {
    const files = SCANNED.flatMap(scannedFiles).filter((f) => f !== SELF && !/\.(png|jpe?g|woff2?|ico)$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => pathsOutside(f, fs.readFileSync(path.join(ROOT, f), 'utf8')))).toEqual([]);
  });

  it('carries the texts as supplied and the provenance notes', () => {
    const seeds = fs.readdirSync(path.join(ROOT, 'content/sources')).filter((f) => f.endsWith('.txt'));
    expect(seeds.length).toBeGreaterThanOrEqual(3);
    expect(fs.readFileSync(path.join(ROOT, 'docs/sources.md'), 'utf8')).toMatch(/^## Claims that later reporting disputes/m);
  });

  it('has a README that is a front door: the two commands first, at most 150 lines', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n');
    expect(readme.length).toBeLessThanOrEqual(150);
    const commands = readme.slice(0, 8).join('\n');
    expect(commands).toMatch(/^npm ci && npm start\b/m);
    expect(commands).toMatch(/^npm ci && npm test\b/m);
  });

  it.each([
    ['src/lib/x.ts', "const seeds = path.resolve(root, '../shared/seeds');"],
    ['src/lib/x.ts', "// put the texts in ../shared/seeds/ next to the project"],
    ['tests/a.test.ts', "fs.readFileSync('../sources.md', 'utf8')"],
    ['tests/a.test.ts', "path.resolve(REPO, '..')"],
    ['tests/support/a.ts', "import x from '../../../elsewhere/x.ts';"],
    ['.ci/run', 'cp -r ../material/seeds content/'],
    ['.ci/run', 'export SEEDS=/work/shared/seeds'],
    ['src/lib/x.ts', "const home = '/home/dev/project';"],
  ])('finds %s: %s', (rel, line) => {
    expect(pathsOutside(rel, `first line\n${line}\n`)).toEqual([`${rel}:2: ${line}`]);
  });

  it.each([
    ['src/components/A.astro', "import { url } from '../lib/site.ts';"],
    ['tests/support/a.ts', "export const ROOT = path.resolve(import.meta.dirname, '../..');"],
    ['tests/vitest.config.ts', "root: fileURLToPath(new URL('..', import.meta.url)),"],
    ['.ci/run', 'cd "$(dirname "$0")/.."'],
    ['tests/e2e/a.test.ts', "const CHROME = '/usr/bin/chromium';"],
    ['src/lib/x.ts', "const SEEDS_DIR = 'content/sources';"],
  ])('lets %s pass: %s', (rel, line) => {
    expect(pathsOutside(rel, line)).toEqual([]);
  });
});
