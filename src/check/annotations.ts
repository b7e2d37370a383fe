// The annotation rule "every entity is noted at its first mention in each
// article", as a pure function over an article's MDX body, so the content
// test and the editors' check (`npm run check:content`) apply the same rule.
import type { AliasMatch, AliasMatcher } from '../edition/aliases.ts';

export interface UnannotatedMention {
  /** The glossary id of the entity mentioned. */
  entity: string;
  /** 1-based line and column of the mention in the file. */
  line: number;
  column: number;
  /** The words as written ("Kiev"). */
  text: string;
}

const MARKER = /\[\^([^\]]+)\]/g;
/** How far after a name its note may stand (a possessive, a closing quote, the rest of a quoted phrase). */
const NOTE_REACH = 40;

/**
 * Walk the text with markers in place: the first alias match of each entity
 * must be followed (after a possessive or quote) by its marker, or the entity
 * must already have been noted earlier. Notes and `<Gap>` blocks are skipped.
 *
 * `body` is the MDX after its frontmatter; `firstLine` is the file line it starts on.
 */
export function unannotatedFirstMentions(body: string, matcher: AliasMatcher, firstLine = 1): UnannotatedMention[] {
  const noted = new Set<string>();
  const missing: UnannotatedMention[] = [];
  const lineStarts = [0];
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: firstLine + lo, column: offset - lineStarts[lo] + 1 };
  };

  for (const { text: para, start } of paragraphs(body)) {
    if (para.startsWith('[^') || para.startsWith('<Gap')) continue;
    // Positions in `plain` (markers removed) and back to `para`.
    const markers: { at: number; id: string; length: number }[] = [];
    let removed = 0;
    for (const m of para.matchAll(MARKER)) {
      markers.push({ at: m.index - removed, id: m[1], length: m[0].length });
      removed += m[0].length;
    }
    const plain = para.replace(MARKER, '');
    const toSource = (at: number) => at + markers.filter((k) => k.at <= at).reduce((n, k) => n + k.length, 0);
    const hits = matcher.find(plain);
    const markedAfter = (hit: AliasMatch) => markers.some((k) => k.id === hit.id && k.at >= hit.end && k.at <= hit.end + NOTE_REACH);
    for (const hit of hits) {
      if (noted.has(hit.id)) continue;
      // A name inside another's annotated name ("Crimea" in "annexed Crimea[^annexation-of-crimea]")
      // cannot carry a link of its own: its next mention must.
      if (hits.some((o) => o.id !== hit.id && o.start <= hit.start && o.end >= hit.end && markedAfter(o))) continue;
      const notedHere = markedAfter(hit);
      if (!notedHere) {
        missing.push({ entity: hit.id, text: plain.slice(hit.start, hit.end), ...position(start + toSource(hit.start)) });
      }
      noted.add(hit.id);
    }
    for (const k of markers) noted.add(k.id);
  }
  return missing;
}

/** Blocks separated by blank lines, with their offsets in `body`. */
function paragraphs(body: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const sep = /\n\n+/g;
  let last = 0;
  for (const m of body.matchAll(sep)) {
    out.push({ text: body.slice(last, m.index), start: last });
    last = m.index + m[0].length;
  }
  out.push({ text: body.slice(last), start: last });
  return out;
}
