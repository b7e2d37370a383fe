// Progressive enhancement for notes: activating a note reference (click, tap,
// Enter) shows the note in place instead of jumping to the list at the end.
// Escape, the close button or a click elsewhere closes it; focus returns to
// the reference. Without this script the references are plain links.

let open: { ref: HTMLAnchorElement; box: HTMLElement } | null = null;

export function enhanceNotes(root: Document) {
  root.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    const ref = target?.closest<HTMLAnchorElement>('a[data-footnote-ref]');
    if (ref) {
      event.preventDefault();
      if (open?.ref === ref) close(true);
      else show(ref);
      return;
    }
    if (open && !open.box.contains(target)) close(false);
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      close(true);
    }
  });
  root.addEventListener('focusin', (event) => {
    const target = event.target as Node;
    if (open && !open.box.contains(target) && target !== open.ref) close(false);
  });
  for (const ref of root.querySelectorAll<HTMLAnchorElement>('a[data-footnote-ref]')) {
    ref.setAttribute('aria-expanded', 'false');
  }
}

function show(ref: HTMLAnchorElement) {
  close(false);
  const id = decodeURIComponent(ref.hash.slice(1));
  const note = document.getElementById(id);
  if (!note) return;
  const box = document.createElement('div');
  box.className = `note-popover ${note.classList.contains('note-editorial') ? 'is-editorial' : 'is-entity'}`;
  box.id = `popover-${id}`;
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', `Note ${ref.textContent ?? ''}`.trim());
  box.tabIndex = -1;

  const body = document.createElement('div');
  body.className = 'note-popover-body';
  for (const child of note.children) body.append(child.cloneNode(true));
  for (const back of body.querySelectorAll('[data-footnote-backref]')) back.remove();
  for (const withId of body.querySelectorAll('[id]')) withId.removeAttribute('id');

  const closeButton = document.createElement('button');
  closeButton.type = 'button';
  closeButton.className = 'note-popover-close';
  closeButton.setAttribute('aria-label', 'Close note');
  closeButton.textContent = '×';
  closeButton.addEventListener('click', () => close(true));

  box.append(closeButton, body);
  const anchor = ref.closest('sup') ?? ref;
  anchor.after(box);
  place(box, ref);
  ref.setAttribute('aria-expanded', 'true');
  ref.setAttribute('aria-controls', box.id);
  open = { ref, box };
  box.focus();
}

function close(returnFocus: boolean) {
  if (!open) return;
  const { ref, box } = open;
  open = null;
  box.remove();
  ref.setAttribute('aria-expanded', 'false');
  ref.removeAttribute('aria-controls');
  if (returnFocus) ref.focus();
}

/** Below the reference, kept inside the viewport horizontally. */
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
  box.style.left = `${left - origin.left}px`;
  box.style.top = `${r.bottom + 6 - origin.top}px`;
}
