// What Pagefind indexes: a copy of the built pages in which
// - dashes that join words ("Zelensky—hesitant", "NATO–Russia") are spaced,
//   because Pagefind splits words only on whitespace and would otherwise
//   index the pair as one unfindable word;
// - note numbers and paragraph permalinks (¶) are dropped: they are not words;
// - entity notes are dropped: the entity's own page is the result for them;
// - entry pages keep only the article filters of their "Mentioned in" list;
// - each page gets a `page` filter naming it, so the search script can tell
//   results apart from Pagefind's filter counts without loading fragments.
// Doing this here keeps the served pages free of per-element ignore markers.
// The served pages are not changed; ids, filters and metadata are identical,
// so results still point at the real pages.
import fs from 'node:fs';
import path from 'node:path';

/** Space em and en dashes in text (not inside tags or attribute values). */
export function spaceDashes(html) {
  return html.replace(/>([^<]+)</g, (_, text) => `>${text.replace(/\s*([—–])\s*/g, ' $1 ')}<`);
}

/** Drop what is not the page's own words. */
export function dropNonText(html) {
  return html
    .replace(/<sup><a [^>]*data-footnote-ref[^>]*>[^<]*<\/a><\/sup>/g, '')
    .replace(/<a class="pilcrow"[^>]*>¶<\/a>/g, '')
    .replace(/<li [^>]*class="note-entity"[^>]*>[\s\S]*?<\/li>/g, '')
    .replace(MENTION_ITEMS, '');
}

// An entry's "Mentioned in" list is ignored by Pagefind, all but its article
// filters (the group headings); its paragraphs would only be parsed and thrown
// away, and an entry named in a thousand articles lists thousands of them.
const MENTION_ITEMS = /(?<=<h3 data-pagefind-filter="article">[^<]*<\/h3>)<ol>[\s\S]*?<\/ol>/g;

/** Tag the indexed body with a `page:<path>` filter (an empty element: no words). */
export function tagPage(html, pagePath) {
  return html.replace(/<[^>]*\sdata-pagefind-body(?=[\s>])[^>]*>/, (open) => `${open}<span data-pagefind-filter="page:${pagePath}"></span>`);
}

/** The site path of a built file: `glossary/kyiv/index.html` → `/glossary/kyiv/`. */
export const pagePathOf = (rel) => `/${rel.split(path.sep).join('/')}`.replace(/index\.html$/, '');

/** Copy every .html file under `site` into `out`, transformed. */
export function writeIndexView(site, out) {
  fs.rmSync(out, { recursive: true, force: true });
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const from = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind') walk(from);
      } else if (entry.name.endsWith('.html')) {
        const to = path.join(out, path.relative(site, from));
        fs.mkdirSync(path.dirname(to), { recursive: true });
        const html = spaceDashes(dropNonText(fs.readFileSync(from, 'utf8')));
        fs.writeFileSync(to, tagPage(html, pagePathOf(path.relative(site, from))));
      }
    }
  };
  walk(site);
}
