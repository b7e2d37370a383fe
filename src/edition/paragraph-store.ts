// The paragraph data of each article (its text and where its notes are), for
// the mention index, kept in files beside the build rather than inside the
// compiled article: a copy of every article's text in its module made the
// bundling step measurably slower (docs/performance.md). The module carries only the key. Files are named by the hash of what they hold, so a module and its data
// can never disagree; a missing file is an error, never an empty list.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const PREFIX = 'stored:';

/** Each build has its own folder (src/integrations/staged-output.ts); `astro dev` uses this one. */
export const storeDir = () => process.env.EDITION_PARAGRAPHS_DIR ?? path.resolve('node_modules/.cache/edition-paragraphs');

/** Store `json` and return the key that stands for it. */
export function storeParagraphs(json: string): string {
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 32);
  const dir = storeDir();
  const file = path.join(dir, `${hash}.json`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, json);
    fs.renameSync(tmp, file);
  }
  return `${PREFIX}${hash}`;
}

/** The JSON a value stands for: itself, or what `storeParagraphs` stored under its key. */
export function loadParagraphs(value: string): string {
  if (!value.startsWith(PREFIX)) return value;
  const file = path.join(storeDir(), `${value.slice(PREFIX.length)}.json`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`the paragraph data ${file} written when the article was compiled is gone: run the build again`);
  }
}
