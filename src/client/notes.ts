// The editor's numbered notes, enhanced. Without this script a note number is
// a link to the numbered notes at the end of the article. With it, on wide
// screens, each note stands in the margin level with its number, in reading
// order after its paragraph (so the keyboard meets it there), and the
// endnotes are hidden (site.css, from first paint). Narrow screens open a
// note in place (./previews.ts).
import { layoutSidenotes } from './sidenote-layout.ts';

const WIDE = '(min-width: 75em)';
const REF = 'a[data-footnote-ref]';
/** No note stands further than this below its number. */
const MAX_OFF = 300;
const GAP = 12;

const wide = window.matchMedia(WIDE);
let shown = false;

export const noteFor = (ref: HTMLAnchorElement) => document.getElementById(decodeURIComponent(ref.hash.slice(1)));
export const sidenotesShown = () => shown;

/** The note's content without its back-links or ids, for a preview or a sidenote. */
export function noteContent(note: HTMLElement): HTMLElement {
  const body = document.createElement('div');
  body.className = 'note-body';
  for (const child of note.children) body.append(child.cloneNode(true));
  for (const back of body.querySelectorAll('[data-footnote-backref]')) back.remove();
  for (const withId of body.querySelectorAll('[id]')) withId.removeAttribute('id');
  return body;
}

export function enhanceNotes(root: Document) {
  const body = root.querySelector<HTMLElement>('.article-body');
  const refs = body ? [...body.querySelectorAll<HTMLAnchorElement>(REF)] : [];
  if (!body || !refs.length) return;
  const layout = () => (wide.matches ? build(body, refs) : remove(body));
  wide.addEventListener('change', layout);
  new ResizeObserver(() => shown && place(body, refs)).observe(body);
  layout();
  root.addEventListener('keydown', (event) => {
    const side = event.key === 'Escape' && (event.target as Element).closest?.('.sidenote');
    if (!side) return;
    event.preventDefault();
    root.getElementById(side.getAttribute('data-ref') ?? '')?.focus({ preventScroll: true });
  });
}

function build(body: HTMLElement, refs: HTMLAnchorElement[]) {
  if (!body.querySelector('.sidenote')) {
    for (const ref of refs) {
      const note = noteFor(ref);
      if (!note || document.getElementById(`side-${note.id}`)) continue;
      const side = document.createElement('aside');
      side.className = 'sidenote';
      side.id = `side-${note.id}`;
      side.dataset.ref = ref.id;
      side.tabIndex = -1;
      side.setAttribute('aria-label', `Note ${ref.textContent}`);
      const number = document.createElement('span');
      number.className = 'sidenote-number';
      number.textContent = `${ref.textContent} `;
      const content = noteContent(note);
      (content.querySelector('p') ?? content).prepend(number);
      side.append(content, moreButton(side));
      // After the block that holds the number: read, and tabbed to, in order.
      let at: Element = [...body.children].find((c) => c.contains(ref)) ?? ref;
      while (at.nextElementSibling?.classList.contains('sidenote')) at = at.nextElementSibling;
      at.after(side);
    }
  }
  body.classList.add('has-sidenotes');
  shown = true;
  place(body, refs);
}

/** A cut note's cue and the way to read the rest in place. */
function moreButton(side: HTMLElement): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'sidenote-more';
  button.textContent = 'More';
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', () => {
    const open = side.classList.toggle('is-open');
    button.textContent = open ? 'Less' : 'More';
    button.setAttribute('aria-expanded', String(open));
  });
  return button;
}

function place(body: HTMLElement, refs: HTMLAnchorElement[]) {
  const sides = [...body.querySelectorAll<HTMLElement>('.sidenote')];
  const origin = body.getBoundingClientRect().top;
  const text = [...body.children].filter((c) => !c.matches('.sidenote, .footnotes'));
  const end = Math.max(...text.map((c) => c.getBoundingClientRect().bottom)) - origin;
  const line = parseFloat(getComputedStyle(body).lineHeight) || 28;
  const boxes = sides.map((side) => {
    side.classList.remove('is-cut');
    content(side).style.maxHeight = '';
    const ref = refs.find((r) => r.id === side.dataset.ref)!;
    return { refTop: lineTop(ref) - origin, height: side.offsetHeight };
  });
  const placed = layoutSidenotes(boxes, { end, line, gap: GAP, maxOff: MAX_OFF, minHeight: 3 * line });
  placed.forEach((p, i) => {
    const side = sides[i];
    side.style.top = `${p.top}px`;
    if (p.maxHeight === undefined) return;
    // The cue takes a line of the room; the note's text the rest.
    side.classList.add('is-cut');
    const text = content(side);
    const cue = side.getBoundingClientRect().height - text.getBoundingClientRect().height;
    text.style.maxHeight = `${Math.max(line, Math.floor(p.maxHeight - cue))}px`;
  });
}

const content = (side: HTMLElement) => side.querySelector<HTMLElement>('.note-body')!;

/** The top of the line a reference stands on (a superscript sits higher than its line). */
function lineTop(ref: HTMLElement): number {
  const block = ref.closest('p, li, blockquote') ?? ref;
  const line = parseFloat(getComputedStyle(block).lineHeight) || 28;
  const r = ref.getBoundingClientRect();
  const mid = (r.top + r.bottom) / 2;
  return mid - line / 2;
}

function remove(body: HTMLElement) {
  shown = false;
  body.classList.remove('has-sidenotes');
  body.querySelectorAll('.sidenote').forEach((s) => s.remove());
}

/** Activating a number on a wide screen: its note is already level with it; show which. */
export function focusSidenote(ref: HTMLAnchorElement) {
  const note = noteFor(ref);
  const side = note && document.getElementById(`side-${note.id}`);
  if (!side) return;
  side.focus({ preventScroll: true });
  side.classList.remove('is-flash');
  void side.offsetWidth;
  side.classList.add('is-flash');
}
