// The text directive of a passage's link (#:~:text=…, the URL Fragment Text
// Directive): the passage itself, or its first and last words when it is
// long or spans paragraphs, with a few words of context either side when the
// page holds the same words elsewhere. Pure, so it is unit-tested.

export interface Passage {
  /** The paragraph's text before the selection, the selection, and after it. */
  before: string;
  text: string;
  after: string;
}

/** Words at each end of a long passage, and of context. */
const EDGE_WORDS = 4;
const CONTEXT_WORDS = 3;

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** Percent-encoding for a directive's terms: also "-", "," and "&", which the syntax uses. */
export const encodeTerm = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');

/**
 * "text=[prefix-,]start[,end][,-suffix]" for a passage; `count` tells how many
 * times some words occur in the page's text (only uniqueness matters).
 */
export function textDirective(passage: Passage, count: (s: string) => number): string {
  // A match cannot cross a paragraph within one term: a passage that does is given by its ends.
  const lines = passage.text.split(/\n+/).map(words).filter((l) => l.length);
  if (!lines.length) throw new Error('an empty passage has no link');
  const all = lines.flat();
  const long = lines.length > 1 || all.length > EDGE_WORDS * 2;
  const start = (long ? lines[0].slice(0, EDGE_WORDS) : all).join(' ');
  const end = long ? lines[lines.length - 1].slice(-EDGE_WORDS).join(' ') : undefined;
  const terms = [encodeTerm(start), ...(end ? [encodeTerm(end)] : [])];
  if (count(start) > 1) {
    const prefix = words(passage.before).slice(-CONTEXT_WORDS).join(' ');
    const suffix = words(passage.after).slice(0, CONTEXT_WORDS).join(' ');
    if (prefix) terms.unshift(`${encodeTerm(prefix)}-`);
    if (suffix) terms.push(`-${encodeTerm(suffix)}`);
  }
  return `text=${terms.join(',')}`;
}

/** How often words occur in a text, whitespace folded. */
export function occurrences(haystack: string, needle: string): number {
  const h = haystack.replace(/\s+/g, ' ');
  const n = needle.replace(/\s+/g, ' ');
  let found = 0;
  for (let i = h.indexOf(n); i !== -1; i = h.indexOf(n, i + 1)) found++;
  return found;
}
