// Where each margin note stands: level with its reference, stacked under the
// note before it when they would overlap, never further than MAX_OFF from its
// reference and never below the end of the text. A note that cannot fit is
// cut to the room it has (the caller shows a cue and a way to read the rest).
// Pure, so it is tested without a browser (tests/unit/sidenote-layout.test.ts).

export interface NoteBox {
  /** Top of the reference's line, relative to the text column. */
  refTop: number;
  /** The note's full height. */
  height: number;
}

export interface Placed {
  top: number;
  /** Set when the note is cut to this height. */
  maxHeight?: number;
}

export interface LayoutOptions {
  /** Bottom of the text, relative to the text column: no note runs below it. */
  end: number;
  /** One line of the text: a note level with its reference may stand this much above it. */
  line: number;
  /** Space between stacked notes. */
  gap: number;
  /** The furthest a note may stand below its reference. */
  maxOff: number;
  /** The least a cut note keeps (its first lines and the cue). */
  minHeight: number;
}

export function layoutSidenotes(notes: readonly NoteBox[], o: LayoutOptions): Placed[] {
  const least = notes.map((n) => Math.min(n.height, o.minHeight));
  // Backwards first: the latest each note may start so that every later note
  // still has its least height before the end of the text.
  const latest: number[] = [];
  for (let i = notes.length - 1; i >= 0; i--) {
    const after = i === notes.length - 1 ? o.end : latest[i + 1] - o.gap;
    latest[i] = Math.min(notes[i].refTop + o.maxOff, after - least[i]);
  }
  const placed: Placed[] = [];
  let floor = -Infinity;
  notes.forEach((note, i) => {
    // Level with the reference, or under the note before; when the notes after
    // need the room, up to a line higher, never over the note before.
    const top = Math.min(Math.max(note.refTop, floor), Math.max(latest[i], note.refTop - o.line, floor));
    // Room: down to the end of the text, and short enough that the next note
    // can still stand within maxOff of its own reference.
    const next = notes[i + 1];
    const limit = next ? Math.min(latest[i + 1], next.refTop + o.maxOff) - o.gap : o.end;
    const room = limit - top;
    const cut = note.height > room;
    const height = cut ? Math.max(room, Math.min(least[i], o.line)) : note.height;
    placed.push(cut ? { top, maxHeight: height } : { top });
    floor = top + height + o.gap;
  });
  return placed;
}
