// The text face, Source Serif 4 (Fontsource's files), cut down at build time
// to the characters the edition's pages use: regular and italic, woff2, served
// from the site itself. src/styles/text-face.css declares them.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import { filesUnder } from './files.ts';

/** The two files, in src/styles/fonts/ (generated, not in git), by style. */
export const FACE_FILES = { normal: 'source-serif-4-normal.woff2', italic: 'source-serif-4-italic.woff2' } as const;
export const FACE_DIR = 'src/styles/fonts';

// Old-style figures only, which the body sets: kerning would cost a fifth
// more bytes, ligatures and the rest more again, and the article page's
// budget has not got them.
const FEATURES = { normal: ['onum'], italic: ['onum'] } as const;

// The templates' own wording (headings, labels, dates and counts made at
// build time) needs no more than letters, figures and this punctuation.
const TEMPLATE_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:;!?'\"()[]&/-+%·–—‘’“”…";

/** Files under `dir`, at any depth, whose names match `ext`. */
const files = (dir: string, ext: RegExp): string[] => filesUnder(dir).filter((f) => ext.test(f)).map((f) => path.join(dir, f));

/**
 * Every character the pages can show in the text face: each character of
 * the texts and the glossary (content/), and the templates' wording. One the
 * face lacks is left out by the subsetter; one left out falls back, alone, to
 * the next face in the stack.
 */
export function pageCharacters(root: string): string {
  const seen = new Set(TEMPLATE_CHARACTERS);
  for (const file of files(path.join(root, 'content'), /\.mdx?$/)) for (const ch of fs.readFileSync(file, 'utf8')) if (ch >= ' ') seen.add(ch);
  return [...seen].sort().join('');
}

const require = createRequire(import.meta.url);
/**
 * Fontsource's latin file for a style, the one of its unicode-range subsets
 * that holds the texts' characters (a test checks it holds them all).
 */
export const sourceFile = (style: keyof typeof FACE_FILES) => require.resolve(`@fontsource/source-serif-4/files/source-serif-4-latin-400-${style}.woff2`);

/**
 * Write the two subset files unless the same characters were subset from the
 * same sources last time (a stamp beside them says so).
 */
export async function buildTextFace(root: string): Promise<void> {
  const dir = path.join(root, FACE_DIR);
  const text = pageCharacters(root);
  const stamp = createHash('sha256').update(text).update(JSON.stringify(FEATURES)).update(fs.readFileSync(sourceFile('normal'))).update(fs.readFileSync(sourceFile('italic'))).digest('hex');
  const stampFile = path.join(dir, 'stamp');
  const done = () => Object.values(FACE_FILES).every((f) => fs.existsSync(path.join(dir, f)));
  if (done() && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return;
  fs.mkdirSync(dir, { recursive: true });
  for (const style of ['normal', 'italic'] as const) {
    const out = await subsetFont(fs.readFileSync(sourceFile(style)), text, { targetFormat: 'woff2', keepFeatures: [...FEATURES[style]] });
    fs.writeFileSync(path.join(dir, FACE_FILES[style]), out);
  }
  fs.writeFileSync(stampFile, stamp);
}
