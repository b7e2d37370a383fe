// Notes, enhanced. Without this script a note reference is a plain link to
// the numbered notes at the end of the article. With it:
// - narrow screens: activating a reference (click, tap, Enter) opens the note
//   in place; hovering opens it after a short delay and it stays open while
//   the pointer is on the reference or the note (WCAG 1.4.13); Escape, a
//   second tap or a tap elsewhere closes it, and focus returns to the reference;
// - wide screens: the notes stand in the margin beside their paragraphs, and
//   activating a reference takes focus to its sidenote.

const HOVER_OPEN_MS = 300;
const HOVER_CLOSE_MS = 250;
const WIDE = '(min-width: 75em)';

interface Open {
  ref: HTMLAnchorElement;
  box: HTMLElement;
  pinned: boolean;
}
let open: Open | null = null;
let openTimer: number | undefined;
let closeTimer: number | undefined;

const refSelector = 'a[data-footnote-ref]';
const noteFor = (ref: HTMLAnchorElement) => document.getElementById(decodeURIComponent(ref.hash.slice(1)));

export function enhanceNotes(root: Document) {
  const refs = [...root.querySelectorAll<HTMLAnchorElement>(refSelector)];
  if (!refs.length) return;
  for (const ref of refs) ref.setAttribute('aria-expanded', 'false');
  const wide = window.matchMedia(WIDE);
  const layout = () => (wide.matches ? buildSidenotes(refs) : removeSidenotes());
  wide.addEventListener('change', layout);
  window.addEventListener('resize', () => wide.matches && placeSidenotes(refs));
  layout();

  root.addEventListener('click', (event) => {
    const target = event.target as Element;
    const ref = target.closest<HTMLAnchorElement>(refSelector);
    if (ref) {
      event.preventDefault();
      if (wide.matches) return focusSidenote(ref);
      if (open?.ref === ref && open.pinned) close(true);
      else show(ref, true);
      return;
    }
    if (open && !open.box.contains(target)) close(false);
  });
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const side = (event.target as Element).closest?.('.sidenote');
    if (side) {
      event.preventDefault();
      document.querySelector<HTMLElement>(`#${CSS.escape(side.getAttribute('data-ref') ?? '')}`)?.focus();
      return;
    }
    if (open) {
      event.preventDefault();
      close(open.pinned || open.box.contains(document.activeElement));
    }
  });
  root.addEventListener('focusin', (event) => {
    const target = event.target as Node;
    if (open && !open.box.contains(target) && target !== open.ref) close(false);
  });

  // Hover previews, for pointers that hover (not touch).
  root.addEventListener('pointerover', (event) => {
    if (event.pointerType === 'touch' || wide.matches) return;
    const target = event.target as Element;
    const ref = target.closest<HTMLAnchorElement>(refSelector);
    if (ref || (open && open.box.contains(target))) clearTimeout(closeTimer);
    if (ref && open?.ref !== ref) {
      clearTimeout(openTimer);
      openTimer = window.setTimeout(() => show(ref, false), HOVER_OPEN_MS);
    }
  });
  root.addEventListener('pointerout', (event) => {
    if (event.pointerType === 'touch') return;
    const target = event.target as Element;
    const to = event.relatedTarget as Element | null;
    const ref = target.closest<HTMLAnchorElement>(refSelector);
    if (ref && !ref.contains(to)) clearTimeout(openTimer);
    const leaving = open && !open.pinned && (ref === open.ref || open.box.contains(target));
    const stillInside = open && to && (open.box.contains(to) || open.ref.contains(to));
    if (leaving && !stillInside) closeTimer = window.setTimeout(() => close(false), HOVER_CLOSE_MS);
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

function show(ref: HTMLAnchorElement, pinned: boolean) {
  if (open?.ref === ref) {
    open.pinned ||= pinned;
    if (pinned) open.box.focus();
    return;
  }
  close(false);
  const note = noteFor(ref);
  if (!note) return;
  const box = document.createElement('div');
  box.className = `note-popover ${note.classList.contains('note-editorial') ? 'is-editorial' : 'is-entity'}`;
  box.id = `preview-${note.id}`;
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', `Note ${ref.textContent ?? ''}`.trim());
  box.tabIndex = -1;
  const closeButton = document.createElement('button');
  closeButton.type = 'button';
  closeButton.className = 'note-popover-close';
  closeButton.setAttribute('aria-label', 'Close note');
  closeButton.textContent = '×';
  closeButton.addEventListener('click', () => close(true));
  box.append(closeButton, noteContent(note));
  (ref.closest('sup') ?? ref).after(box);
  place(box, ref);
  ref.setAttribute('aria-expanded', 'true');
  ref.setAttribute('aria-controls', box.id);
  open = { ref, box, pinned };
  if (pinned) box.focus();
}

function close(returnFocus: boolean) {
  clearTimeout(openTimer);
  clearTimeout(closeTimer);
  if (!open) return;
  const { ref, box } = open;
  open = null;
  box.remove();
  ref.setAttribute('aria-expanded', 'false');
  ref.removeAttribute('aria-controls');
  if (returnFocus) ref.focus();
}

/** Below the reference (above it if there is no room), inside the viewport. */
function place(box: HTMLElement, ref: HTMLElement) {
  const margin = 8;
  const viewport = document.documentElement.clientWidth;
  const r = ref.getBoundingClientRect();
  const width = Math.min(box.offsetWidth, viewport - 2 * margin);
  const left = Math.max(margin, Math.min(r.left, viewport - width - margin));
  box.style.width = `${width}px`;
  box.style.left = '0px';
  box.style.top = '0px';
  // The box is positioned against its offset parent: measure where 0,0 lands.
  const origin = box.getBoundingClientRect();
  const height = box.offsetHeight;
  const below = r.bottom + 6;
  const top = below + height > window.innerHeight && r.top - height - 6 > 0 ? r.top - height - 6 : below;
  box.style.left = `${left - origin.left}px`;
  box.style.top = `${top - origin.top}px`;
}

// Sidenotes ------------------------------------------------------------------

function buildSidenotes(refs: HTMLAnchorElement[]) {
  close(false);
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
