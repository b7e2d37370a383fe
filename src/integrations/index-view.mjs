// What Pagefind indexes (./search-index.ts): each built page as read, in which
// - dashes that join words ("Zelensky—hesitant", "NATO–Russia") are spaced,
//   because Pagefind splits words only on whitespace and would otherwise
//   index the pair as one unfindable word;
// - note numbers and paragraph permalinks (¶) are dropped: they are not words;
// - entry pages keep only the article filters of their "Mentioned in" list;
// - each page gets a `page` filter naming it, so the search script can tell
//   results apart from Pagefind's filter counts without loading fragments.
// Doing this here keeps the served pages free of per-element ignore markers.
// The served pages are not changed; ids, filters and metadata are identical,
// so results still point at the real pages.
import path from 'node:path';

/**
 * Space em and en dashes in text (not inside tags or attribute values), with
 * the spaces around them: "a —b" → "a — b". Text is what lies between a ">"
 * and the next "<". The pages are large and their dashes few, so this looks
 * at each dash rather than at each run of text.
 */
export function spaceDashes(html) {
  let out = '';
  let done = 0;
  const dash = /[—–]/g;
  for (let m = dash.exec(html); m; m = dash.exec(html)) {
    const at = m.index;
    if (!inText(html, at)) continue;
    let start = at;
    while (start > done && SPACE.test(html[start - 1])) start--;
    let end = at + 1;
    while (end < html.length && SPACE.test(html[end])) end++;
    out += `${html.slice(done, start)} ${m[0]} `;
    done = dash.lastIndex = end;
  }
  return done === 0 ? html : out + html.slice(done);
}

const SPACE = /\s/;

/** Whether `at` is in text: a ">" closes the last "<" before it, and a "<" follows. */
function inText(html, at) {
  const close = html.indexOf('>', html.lastIndexOf('<', at) + 1);
  return close !== -1 && close < at && html.indexOf('<', at) !== -1;
}

/** Drop what is not the page's own words (one pass: pages at scale are large). */
export const dropNonText = (html) => html.replace(NON_TEXT, '');

const NON_TEXT = new RegExp(
  [
    // note numbers
    /<sup><a [^>]*data-footnote-ref[^>]*>[^<]*<\/a><\/sup>/,
    // paragraph permalinks
    /<a class="pilcrow"[^>]*>¶<\/a>/,
    // An entry's "Mentioned in" list is ignored by Pagefind, all but its
    // article filters (the group headings); its paragraphs would only be parsed
    // and thrown away, and an entry named in a thousand articles lists thousands.
    /(?<=<h3 data-pagefind-filter="article">[^<]*<\/h3>)<ol>[\s\S]*?<\/ol>/,
  ]
    .map((re) => re.source)
    .join('|'),
  'g',
);

/** Tag the indexed body with a `page:<path>` filter (an empty element: no words). */
export function tagPage(html, pagePath) {
  return html.replace(/<[^>]*\sdata-pagefind-body(?=[\s>])[^>]*>/, (open) => `${open}<span data-pagefind-filter="page:${pagePath}"></span>`);
}

/** The site path of a built file: `glossary/kyiv/index.html` → `/glossary/kyiv/`. */
export const pagePathOf = (rel) => `/${rel.split(path.sep).join('/')}`.replace(/index\.html$/, '');

/** What Pagefind reads of the built page at `rel` (e.g. `glossary/kyiv/index.html`). */
export const indexView = (html, rel) => tagPage(spaceDashes(dropNonText(html)), pagePathOf(rel));
