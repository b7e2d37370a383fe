// Note previews for narrow screens, loaded on the first hover or activation
// of a reference (scripts/notes.ts): a reader who never opens a note never
// downloads this. The note opens in place; a hover preview stays open while
// the pointer is on the reference or the note (WCAG 1.4.13); Escape, a second
// tap or a tap elsewhere closes it, and focus returns to the reference.
// Helpers come in through `install` so this chunk imports nothing (no
// preload helper in the script every page loads).

const HOVER_OPEN_MS = 300;
const HOVER_CLOSE_MS = 250;

export interface NoteHelpers {
  refSelector: string;
  wide: MediaQueryList;
  noteFor(ref: HTMLAnchorElement): HTMLElement | null;
  noteContent(note: HTMLElement): HTMLElement;
}

interface Open {
  ref: HTMLAnchorElement;
  box: HTMLElement;
  pinned: boolean;
}
let open: Open | null = null;
let openTimer: number | undefined;
let closeTimer: number | undefined;
let h: NoteHelpers;

export function install(root: Document, helpers: NoteHelpers) {
  h = helpers;
  h.wide.addEventListener('change', () => close(false));
  // Clicks on references are handled by scripts/notes.ts, which calls `toggle`.
  root.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (open && !target.closest(h.refSelector) && !open.box.contains(target)) close(false);
  });
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    close(open.pinned || open.box.contains(document.activeElement));
  });
  root.addEventListener('focusin', (event) => {
    const target = event.target as Node;
    if (open && !open.box.contains(target) && target !== open.ref) close(false);
  });
  root.addEventListener('pointerover', (event) => {
    if (event.pointerType === 'touch' || h.wide.matches) return;
    const target = event.target as Element;
    const ref = target.closest<HTMLAnchorElement>(h.refSelector);
    if (ref || (open && open.box.contains(target))) clearTimeout(closeTimer);
    if (ref) hover(ref);
  });
  root.addEventListener('pointerout', (event) => {
    if (event.pointerType === 'touch') return;
    const target = event.target as Element;
    const to = event.relatedTarget as Element | null;
    const ref = target.closest<HTMLAnchorElement>(h.refSelector);
    if (ref && !ref.contains(to)) clearTimeout(openTimer);
    const leaving = open && !open.pinned && (ref === open.ref || open.box.contains(target));
    const stillInside = open && to && (open.box.contains(to) || open.ref.contains(to));
    if (leaving && !stillInside) closeTimer = window.setTimeout(() => close(false), HOVER_CLOSE_MS);
  });
}

/** Activation (click, tap, Enter): open and pin the note, or close it if it is pinned open. */
export function toggle(ref: HTMLAnchorElement) {
  if (open?.ref === ref && open.pinned) close(true);
  else show(ref, true);
}

/** The pointer rests on a reference: preview it after a short delay, if it is still there. */
export function hover(ref: HTMLAnchorElement) {
  if (open?.ref === ref) return;
  clearTimeout(openTimer);
  openTimer = window.setTimeout(() => ref.matches(':hover') && show(ref, false), HOVER_OPEN_MS);
}

function show(ref: HTMLAnchorElement, pinned: boolean) {
  if (open?.ref === ref) {
    open.pinned ||= pinned;
    if (pinned) open.box.focus();
    return;
  }
  close(false);
  const note = h.noteFor(ref);
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
  box.append(closeButton, h.noteContent(note));
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
