// The one preview component: an entry's preview on any link to it, and an
// editor's note in place on narrow screens. Loaded on first use by
// ./previews.ts, which decides what a trigger shows. WCAG 1.4.13: a
// hover preview waits a moment, stays while the pointer is on the link or the
// preview, and Escape closes it. A preview opened by keyboard focus stands
// clear of the next link; none scrolls the page. Previews nest: a preview
// opened from a link inside another stacks on it, and the first stays put.
// Its chunk imports no other, so the script every page loads needs no preload helper.
import { resolver, type Helpers } from './preview-content.ts';

const OPEN_MS = 350;
const CLOSE_MS = 300;
const MARGIN = 8;

export interface Content {
  /** What it previews: an entry, a note, a paragraph or an article (a class for styles). */
  kind: string;
  body(): Promise<Node | null>;
  /** The preview's accessible name, from what it shows. */
  label(body: Node): string;
}
type By = 'hover' | 'focus' | 'activate';

interface Open {
  trigger: HTMLAnchorElement;
  box: HTMLElement;
  pinned: boolean;
  by: By;
}
const stack: Open[] = [];
let resolve: (trigger: HTMLAnchorElement) => Content | null;
let openTimer: number | undefined;
let closeTimer: number | undefined;
let pending: HTMLAnchorElement | undefined;
// The trigger focus went back to on close: that focus must not reopen it.
let returned: HTMLElement | undefined;

export function install(root: Document, helpers: Helpers) {
  resolve = resolver(helpers);
  root.addEventListener('pointerout', (event) => {
    if (event.pointerType === 'touch') return;
    if (pending && !pending.contains(event.relatedTarget as Node)) {
      clearTimeout(openTimer);
      pending = undefined;
    }
    if (stack.some((o) => !o.pinned)) {
      clearTimeout(closeTimer);
      closeTimer = window.setTimeout(closeUnhovered, CLOSE_MS);
    }
  });
  root.addEventListener('pointerover', (event) => {
    // Back onto an open preview or its link: it stays.
    if (stack.some((o) => inside(o, event.target as Node))) clearTimeout(closeTimer);
  });
  // First, and alone: Escape closes a preview and does nothing else (as the search results' Escape would).
  root.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || !stack.length) return;
      event.preventDefault();
      event.stopPropagation();
      const top = stack.at(-1)!;
      close(top, top.pinned || top.box.contains(document.activeElement));
    },
    { capture: true },
  );
  // A tap or click elsewhere closes what it is not inside.
  root.addEventListener('pointerdown', (event) => {
    const target = event.target as Node;
    while (stack.length && !inside(stack.at(-1)!, target)) close(stack.at(-1)!, false);
  });
  root.addEventListener('focusout', (event) => {
    if (event.target === returned) returned = undefined;
    const to = event.relatedTarget as Node | null;
    for (const o of [...stack].reverse()) if (o.by === 'focus' && !o.pinned && !inside(o, to)) close(o, false);
  });
}

/** The pointer rests on a trigger: show its preview after a moment, if it is still there. */
export function hover(trigger: HTMLAnchorElement) {
  if (isOpen(trigger)) return clearTimeout(closeTimer);
  clearTimeout(openTimer);
  pending = trigger;
  const content = resolve(trigger);
  content?.body(); // fetch while the pointer rests
  openTimer = window.setTimeout(() => {
    pending = undefined;
    if (trigger.matches(':hover') && !isOpen(trigger)) show(trigger, 'hover', false);
  }, OPEN_MS);
}

/** Keyboard focus on a trigger: show at once, clear of the next link. */
export function focus(trigger: HTMLAnchorElement) {
  if (trigger === returned) return;
  if (!isOpen(trigger)) show(trigger, 'focus', false);
}

/** A tap, or Enter on a note: open and pin, or close what is pinned open. */
export function activate(trigger: HTMLAnchorElement, { moveFocus }: { moveFocus: boolean }) {
  clearTimeout(openTimer);
  const o = stack.find((x) => x.trigger === trigger);
  if (o?.pinned) return close(o, moveFocus);
  if (o) {
    o.pinned = true;
    if (moveFocus) o.box.focus({ preventScroll: true });
    return;
  }
  show(trigger, 'activate', true, moveFocus);
}

export const isOpen = (trigger: HTMLAnchorElement) => stack.some((o) => o.trigger === trigger);

async function show(trigger: HTMLAnchorElement, by: By, pinned: boolean, moveFocus = false) {
  const content = resolve(trigger);
  if (!content || isOpen(trigger)) return;
  // Close what this preview does not nest in.
  while (stack.length && !stack.at(-1)!.box.contains(trigger)) close(stack.at(-1)!, false);
  const body = await content.body();
  if (!body || isOpen(trigger)) return;
  // While it was fetched, the reader may have moved on: a late preview would
  // open where nobody is looking, and stay.
  if ((by === 'focus' && document.activeElement !== trigger) || (by === 'hover' && !trigger.matches(':hover'))) return;
  const label = content.label(body);
  const box = document.createElement('div');
  box.className = `popover is-${content.kind}`;
  box.id = `popover-${stack.length}-${Date.now().toString(36)}`;
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', label);
  box.tabIndex = -1;
  const closeButton = document.createElement('button');
  closeButton.type = 'button';
  closeButton.className = 'popover-close';
  closeButton.setAttribute('aria-label', 'Close');
  closeButton.textContent = '×';
  const inner = document.createElement('div');
  inner.className = 'popover-body';
  inner.append(body);
  box.append(closeButton, inner);
  document.body.append(box);
  const o: Open = { trigger, box, pinned, by };
  closeButton.addEventListener('click', () => close(o, true));
  place(box, trigger, by === 'focus' ? nextLink(trigger) : undefined);
  trigger.setAttribute('aria-expanded', 'true');
  trigger.setAttribute('aria-controls', box.id);
  stack.push(o);
  if (moveFocus) box.focus({ preventScroll: true });
}

function close(o: Open, returnFocus: boolean) {
  const at = stack.indexOf(o);
  if (at < 0) return;
  // Previews nested in this one go with it.
  for (const x of stack.splice(at).reverse()) {
    x.box.remove();
    x.trigger.setAttribute('aria-expanded', 'false');
    x.trigger.removeAttribute('aria-controls');
  }
  if (!returnFocus) return;
  returned = o.trigger;
  o.trigger.focus({ preventScroll: true });
}

function closeUnhovered() {
  for (const o of [...stack].reverse()) {
    const held = o.pinned || o.by === 'focus' || o.box.matches(':hover') || o.trigger.matches(':hover');
    if (held) return;
    close(o, false);
  }
}

/** Inside a preview, a preview nested in it, or its trigger. */
function inside(o: Open, node: Node | null): boolean {
  if (!node) return false;
  const from = stack.indexOf(o);
  return o.trigger.contains(node) || stack.slice(from).some((x) => x.box.contains(node));
}

/** The next link in the text after `trigger`, which a preview opened by focus must not cover. */
function nextLink(trigger: HTMLAnchorElement): DOMRect | undefined {
  const scope = trigger.closest('article, main') ?? document.body;
  const links = [...scope.querySelectorAll<HTMLAnchorElement>('a[href]')].filter((a) => a.tabIndex >= 0);
  return links[links.indexOf(trigger) + 1]?.getBoundingClientRect();
}

/**
 * Below the trigger's line, or above it where there is more room; opened by
 * focus, above first (the next link comes later in the text, so never above
 * it). Inside the viewport, in document coordinates: the page never scrolls.
 */
function place(box: HTMLElement, trigger: HTMLElement, next?: DOMRect) {
  const viewport = document.documentElement.clientWidth;
  const rects = trigger.getClientRects();
  const r = [...rects].find((x) => x.width > 0) ?? trigger.getBoundingClientRect();
  const width = Math.min(box.offsetWidth, viewport - 2 * MARGIN);
  box.style.width = `${width}px`;
  const height = box.offsetHeight;
  // What the preview must leave clear: the trigger, and the next link when it is on screen.
  const shown = next && next.top < innerHeight && next.bottom > 0 ? [next] : [];
  const top = Math.min(r.top, ...[...rects, ...shown].map((x) => x.top));
  const bottom = Math.max(r.bottom, ...[...rects, ...shown].map((x) => x.bottom));
  const above = top - MARGIN;
  const below = innerHeight - bottom - MARGIN;
  const up = next ? above >= height || above > below : below < height && above > below;
  const room = Math.max(up ? above : below, 120);
  if (height > room) box.style.maxHeight = `${room}px`;
  const y = up ? top - Math.min(height, room) - 4 : bottom + 4;
  const x = Math.max(MARGIN, Math.min(r.left, viewport - width - MARGIN));
  box.style.left = `${x + scrollX}px`;
  box.style.top = `${y + scrollY}px`;
}
