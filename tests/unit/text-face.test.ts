import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createFontStack } from '@capsizecss/core';
import timesNewRoman from '@capsizecss/metrics/timesNewRoman';
import { fromFile } from '@capsizecss/unpack/fs';
import { describe, expect, it } from 'vitest';
import { buildTextFace, FACE_DIR, FACE_FILES, pageCharacters, sourceFile } from '../../src/site/text-face.ts';
import { SEEDS_DIR } from '../support/articles.ts';

const css = fs.readFileSync('src/styles/text-face.css', 'utf8');
/** The fallback @font-face of a style, its descriptors by name. */
function fallbackFace(style: 'normal' | 'italic'): Record<string, string> {
  const face = css.split('@font-face').find((f) => f.includes("'Source Serif 4 Fallback'") && f.includes(`font-style: ${style}`))!;
  return Object.fromEntries([...face.matchAll(/([\w-]+):\s*([^;]+);/g)].map(([, k, v]) => [k, v.trim()]));
}

describe('the text face', () => {
  for (const style of ['normal', 'italic'] as const) {
    it(`${style}: the fallback's overrides are the font file's metrics against Times New Roman's, as Capsize computes them`, async () => {
      const metrics = await fromFile(sourceFile(style));
      const expected = Object.fromEntries([...createFontStack([metrics, timesNewRoman]).fontFaces.matchAll(/([\w-]+):\s*([\d.]+%);/g)].map(([, k, v]) => [k, v]));
      const face = fallbackFace(style);
      for (const k of ['size-adjust', 'ascent-override', 'descent-override', 'line-gap-override']) expect(face[k], k).toBe(expected[k]);
      expect(face.src).toMatch(/local\('Times New Roman/);
      expect(face.src).toMatch(/local\('Liberation Serif/);
    });
  }

  it('comes from this site only, and shows the text at once when it is late', () => {
    const faces = css.split('@font-face').filter((f) => f.includes("'Source Serif 4';"));
    expect(faces).toHaveLength(2);
    for (const f of faces) {
      expect(f).toMatch(/font-display: swap/);
      expect(f).toMatch(/src: url\('\.\/fonts\/[\w-]+\.woff2'\) format\('woff2'\);/);
    }
  });

  it('takes its glyphs from Fontsource’s latin file, which holds every character of the texts', () => {
    const ranges = (createRequire(import.meta.url)('@fontsource/source-serif-4/unicode.json') as Record<string, string>).latin;
    const inLatin = (cp: number) =>
      ranges.split(',').some((r) => {
        const [a, b = a] = r.replace('U+', '').split('-').map((h) => parseInt(h, 16));
        return cp >= a && cp <= b;
      });
    const missing = new Set<string>();
    for (const f of fs.readdirSync(SEEDS_DIR)) for (const ch of fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8')) if (ch >= ' ' && !inLatin(ch.codePointAt(0)!)) missing.add(ch);
    expect([...missing]).toEqual([]);
  });

  it('cuts the font to the characters of content/ and the templates, and cuts it again only when they change', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'text-face-'));
    fs.mkdirSync(path.join(root, 'content'));
    fs.writeFileSync(path.join(root, 'content', 'a.md'), 'Zürich ½');
    const chars = pageCharacters(root);
    expect(chars).toContain('ü');
    expect(chars).toContain('½');
    expect(chars).toContain('Q');
    await buildTextFace(root);
    const file = (style: keyof typeof FACE_FILES) => path.join(root, FACE_DIR, FACE_FILES[style]);
    const sizes = (['normal', 'italic'] as const).map((s) => fs.statSync(file(s)).size);
    for (const s of ['normal', 'italic'] as const) expect(fs.readFileSync(file(s)).subarray(0, 4).toString()).toBe('wOF2');
    // A fraction of Fontsource's latin file, which holds about 230 characters.
    for (const [i, s] of (['normal', 'italic'] as const).entries()) expect(sizes[i]).toBeLessThan(0.6 * fs.statSync(sourceFile(s)).size);
    const written = fs.statSync(file('normal')).mtimeMs;
    await buildTextFace(root);
    expect(fs.statSync(file('normal')).mtimeMs).toBe(written);
    fs.appendFileSync(path.join(root, 'content', 'a.md'), ' Łódź');
    await buildTextFace(root);
    expect(fs.statSync(file('normal')).mtimeMs).not.toBe(written);
    fs.rmSync(root, { recursive: true, force: true });
  }, 30_000);
});
