// What the content check reports, in one place: its summary line (for
// `npm run check:content` and `npm run build` alike) and the log through which
// the check inside the astro build tells src/cli/build.mjs what it found.
// Plain JS so the build script can import it too.
import fs from 'node:fs';

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * `✓ content check in 0.5 s: 3 articles, 77 glossary entries: 0 errors, 1 warning`.
 * @param {{ articles: number, glossary: number, errors: number, warnings: number }} counts
 * @param {string} when ` in 0.5 s`, ` (in the astro build)` or nothing
 */
export function summaryLine({ articles, glossary, errors, warnings }, when = '') {
  return (
    `${errors ? '✗' : '✓'} content check${when}: ${plural(articles, 'article')}, ${plural(glossary, 'glossary entry', 'glossary entries')}: ` +
    `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
  );
}

/**
 * One record of the check inside the build: `{ counts }` when the config has
 * read the content, `{ warning }` for each warning an article gets.
 * @param {string} file
 * @param {{ counts: { articles: number, glossary: number } } | { warning: string }} record
 */
export function logCheck(file, record) {
  fs.appendFileSync(file, `${JSON.stringify(record)}\n`);
}

/**
 * The counts and warnings of a log (none if the file does not exist).
 * @param {string} file
 * @returns {{ counts?: { articles: number, glossary: number }, warnings: string[] }}
 */
export function readCheckLog(file) {
  const records = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  return { counts: records.find((r) => r.counts)?.counts, warnings: records.filter((r) => r.warning).map((r) => r.warning) };
}
