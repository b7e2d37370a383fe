// What Pagefind indexes (./search-index.ts): each built page as read, in which
// - dashes that join words ("Zelensky—hesitant", "NATO–Russia") are spaced,
//   because Pagefind splits words only on whitespace and would otherwise
//   index the pair as one unfindable word;
// - note numbers and paragraph permalinks (¶) are dropped: they are not words;
// - entry pages keep only the article filters of their "Mentioned in" list;
// - each page gets searchable metadata naming, under every spelling, the
//   glossary entities its text names (`named-N`: those it names N times), so
//   one Pagefind search finds every spelling, and tells how often each result
//   names what was searched for without loading its text.
// Doing this here keeps the served pages free of per-element ignore markers.
// The served pages are not changed; ids, filters and metadata are identical,
// so results still point at the real pages.
import { NAMED, spaceWordDashes } from '../client/search/query.ts';
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

const BODY = /<([a-z][\w-]*)[^>]*\sdata-pagefind-body(?=[\s>=])[^>]*>/;
const IGNORED = /<([a-z][\w-]*)[^>]*\sdata-pagefind-ignore(?=[\s>=])[^>]*>/g;

/** The end of the element whose opening tag `tag` ends at `from`: after its matching close tag. */
function closeOf(html, tag, from) {
  const re = new RegExp(`<(/?)${tag}(?=[\\s>])`, 'g');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.indexOf('>', m.index) + 1;
  }
  return html.length;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The words Pagefind indexes of a page: its body, without what it ignores, as text. */
export function indexedText(html) {
  const body = BODY.exec(html);
  if (!body) return '';
  const start = body.index + body[0].length;
  const inner = html.slice(start, closeOf(html, body[1], start));
  let text = '';
  let done = 0;
  IGNORED.lastIndex = 0;
  for (let m = IGNORED.exec(inner); m; m = IGNORED.exec(inner)) {
    if (m.index < done) continue;
    text += inner.slice(done, m.index);
    done = IGNORED.lastIndex = closeOf(inner, m[1], m.index + m[0].length);
  }
  text += inner.slice(done);
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (all, e) =>
      e[0] === '#' ? String.fromCodePoint(Number(e[1] === 'x' || e[1] === 'X' ? `0${e.slice(1)}` : e.slice(1))) : (ENTITIES[e] ?? all),
    );
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Each word of the spellings once (case folded): Pagefind matches metadata by
 * word, not by phrase, and every result's text carries its metadata.
 */
function uniqueWords(names) {
  const seen = new Set();
  return spaceWordDashes(names.join(' '))
    .split(/\s+/)
    .filter((w) => w && !seen.has(w.toLowerCase()) && seen.add(w.toLowerCase()))
    .join(' ');
}

/**
 * Add to the indexed body, as metadata Pagefind searches but does not show,
 * every spelling of each entity the page's text names: `named-N` holds those
 * of the entities named N times. `matcher` finds the names (src/edition/aliases.ts);
 * `spellings` gives an entity's name and aliases.
 */
export function tagNames(html, matcher, spellings) {
  const counts = new Map();
  for (const { id } of matcher.find(indexedText(html))) counts.set(id, (counts.get(id) ?? 0) + 1);
  if (!counts.size) return html;
  const byCount = new Map();
  for (const [id, n] of counts) byCount.set(n, [...(byCount.get(n) ?? []), ...spellings(id)]);
  const fields = [...byCount]
    .sort(([a], [b]) => a - b)
    .map(([n, names]) => `<span data-pagefind-ignore data-pagefind-meta="${NAMED}${n}">${escapeHtml(uniqueWords(names))}</span>`)
    .join('');
  return html.replace(BODY, (open) => open + fields);
}

/** What Pagefind reads of a built page, given the glossary's matcher and spellings (see tagNames). */
export const indexView = (html, matcher, spellings) => tagNames(spaceDashes(dropNonText(html)), matcher, spellings);
