// Notes, enhanced. Without this script a note reference is a plain link to
// the numbered notes at the end of the article. With it:
// - wide screens: the notes stand in the margin beside their paragraphs, and
//   activating a reference takes focus to its sidenote (this file);
// - narrow screens: activating or hovering a reference opens the note in
//   place (scripts/note-popover.ts, fetched on the first hover or activation).

const WIDE = '(min-width: 75em)';
const refSelector = 'a[data-footnote-ref]';
const noteFor = (ref: HTMLAnchorElement) => document.getElementById(decodeURIComponent(ref.hash.slice(1)));

type Popovers = typeof import('./note-popover.ts');

export function enhanceNotes(root: Document) {
  const refs = [...root.querySelectorAll<HTMLAnchorElement>(refSelector)];
  if (!refs.length) return;
  for (const ref of refs) ref.setAttribute('aria-expanded', 'false');
  const wide = window.matchMedia(WIDE);
  const layout = () => (wide.matches ? buildSidenotes(refs) : removeSidenotes());
  wide.addEventListener('change', layout);
  window.addEventListener('resize', () => wide.matches && placeSidenotes(refs));
  layout();

  let popovers: Promise<Popovers> | undefined;
  const loadPopovers = () =>
    (popovers ??= import('./note-popover.ts').then((m) => {
      m.install(root, { refSelector, wide, noteFor, noteContent });
      return m;
    }));

  root.addEventListener('click', (event) => {
    const ref = (event.target as Element).closest<HTMLAnchorElement>(refSelector);
    if (!ref) return;
    event.preventDefault();
    if (wide.matches) focusSidenote(ref);
    else loadPopovers().then((m) => m.toggle(ref));
  });
  // The first hover fetches the previews; from then on they handle hovering themselves.
  root.addEventListener('pointerover', (event) => {
    if (popovers || event.pointerType === 'touch' || wide.matches) return;
    const ref = (event.target as Element).closest<HTMLAnchorElement>(refSelector);
    if (ref) loadPopovers().then((m) => m.hover(ref));
  });
  root.addEventListener('keydown', (event) => {
    const side = event.key === 'Escape' && (event.target as Element).closest?.('.sidenote');
    if (!side) return;
    event.preventDefault();
    document.querySelector<HTMLElement>(`#${CSS.escape(side.getAttribute('data-ref') ?? '')}`)?.focus();
  });
}

/** The note's content without its back-links or ids, for a preview or sidenote. */
function noteContent(note: HTMLElement): HTMLElement {
  const body = document.createElement('div');
  body.className = 'note-body';
  for (const child of note.children) body.append(child.cloneNode(true));
  for (const back of body.querySelectorAll('[data-footnote-backref]')) back.remove();
  for (const withId of body.querySelectorAll('[id]')) withId.removeAttribute('id');
  return body;
}

// Sidenotes ------------------------------------------------------------------

function buildSidenotes(refs: HTMLAnchorElement[]) {
  const body = document.querySelector<HTMLElement>('.article-body');
  if (!body || body.querySelector('.sidenote')) return placeSidenotes(refs);
  body.classList.add('has-sidenotes');
  const seen = new Set<string>();
  for (const ref of refs) {
    const note = noteFor(ref);
    if (!note || seen.has(note.id)) continue;
    seen.add(note.id);
    const side = document.createElement('aside');
    side.className = `sidenote ${note.classList.contains('note-editorial') ? 'is-editorial' : 'is-entity'}`;
    side.id = `side-${note.id}`;
    side.dataset.ref = ref.id;
    side.tabIndex = -1;
    side.setAttribute('aria-label', `Note ${ref.textContent}`);
    const number = document.createElement('span');
    number.className = 'sidenote-number';
    number.textContent = `${ref.textContent} `;
    const content = note.classList.contains('note-editorial') ? noteContent(note) : shortEntityNote(note);
    (content.querySelector('p') ?? content).prepend(number);
    side.append(content);
    body.append(side);
  }
  placeSidenotes(refs);
}

/**
 * An entity's sidenote is its name and first sentence: the margin has room
 * for one line of context per name, and the full note is a link away.
 */
function shortEntityNote(note: HTMLElement): HTMLElement {
  const body = document.createElement('div');
  body.className = 'note-body';
  const first = note.querySelector('p');
  const name = first?.querySelector('a');
  if (!first || !name) return noteContent(note);
  const rest = (first.textContent ?? '').slice((name.textContent ?? '').length);
  const sentence = rest.split(/(?<=[.!?])\s+(?=[A-Z“])/).slice(0, 2).join(' ');
  const p = document.createElement('p');
  p.append(name.cloneNode(true), sentence.replace(/\s*↩.*$/, ''));
  body.append(p);
  return body;
}

/** Each sidenote level with its first reference, pushed down so none overlap. */
function placeSidenotes(refs: HTMLAnchorElement[]) {
  const body = document.querySelector<HTMLElement>('.article-body');
  if (!body) return;
  const top0 = body.getBoundingClientRect().top;
  let bottom = 0;
  for (const side of body.querySelectorAll<HTMLElement>('.sidenote')) {
    const ref = refs.find((r) => r.id === side.dataset.ref);
    if (!ref) continue;
    const top = Math.max(ref.getBoundingClientRect().top - top0, bottom);
    side.style.top = `${top}px`;
    bottom = top + side.offsetHeight + 12;
  }
}

function removeSidenotes() {
  const body = document.querySelector<HTMLElement>('.article-body');
  body?.classList.remove('has-sidenotes');
  body?.querySelectorAll('.sidenote').forEach((s) => s.remove());
}

function focusSidenote(ref: HTMLAnchorElement) {
  const note = noteFor(ref);
  const side = note && document.getElementById(`side-${note.id}`);
  if (!side) return;
  side.focus({ preventScroll: false });
  side.classList.remove('is-flash');
  void side.offsetWidth;
  side.classList.add('is-flash');
}
