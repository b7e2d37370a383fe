// Which links show a preview, and when; ./popover.ts does the showing
// and ./preview-content.ts the fetching, both loaded on first use.
// Every link to a glossary entry, an article or a paragraph, on any page,
// previews it: hover after a moment, keyboard focus, or a first tap (a tap on
// the link inside the preview then follows it); click, Enter and a screen
// reader's activation follow the link. A note number opens its note in place
// where no margin shows it (./notes.ts handles the margin).
import { focusSidenote, noteContent, noteFor, sidenotesShown } from './notes.ts';
import { escapeRegExp } from '../site/text.ts';

type Popover = typeof import('./popover.ts');
export type Kind = 'note' | 'entry' | 'paragraph' | 'article';

const NOTE_REF = 'a[data-footnote-ref]';
const BASE = escapeRegExp(import.meta.env.BASE_URL);
const ENTRY_PATH = new RegExp(`^${BASE}glossary/[^/]+/$`);
const ARTICLE_PATH = new RegExp(`^${BASE}articles/[^/]+/$`);

/** An SVG link (the map's places) as the HTML link it stands for: SVG's has no URL parts. */
export function htmlLink(a: Element): HTMLAnchorElement {
  if (a instanceof HTMLAnchorElement) return a;
  const link = document.createElement('a');
  link.href = a.getAttribute('href') ?? '';
  link.textContent = a.textContent;
  Object.assign(link.dataset, (a as SVGElement).dataset);
  return link;
}

export function kindOf(trigger: HTMLAnchorElement): Kind | null {
  if (trigger.matches(NOTE_REF)) return sidenotesShown() ? null : 'note';
  const a = htmlLink(trigger);
  if (trigger.hasAttribute('data-no-preview') || a.origin !== location.origin) return null;
  const here = a.pathname === location.pathname;
  if (ENTRY_PATH.test(a.pathname)) return a.hash || here ? null : 'entry';
  if (ARTICLE_PATH.test(a.pathname)) return /^#p-\d+$/.test(a.hash) ? 'paragraph' : a.hash || here ? null : 'article';
  return null;
}

const triggerOf = (target: EventTarget | null) => {
  const a = (target as Element | null)?.closest?.<HTMLAnchorElement>('a[href]');
  return a && kindOf(a) ? a : null;
};

export function enhancePreviews(root: Document) {
  let popover: Promise<Popover> | undefined;
  const load = () =>
    (popover ??= import('./popover.ts').then((m) => {
      m.install(root, { kindOf, htmlLink, noteFor, noteContent });
      return m;
    }));
  let pointer = '';
  root.addEventListener('pointerdown', (e) => (pointer = e.pointerType), { capture: true });
  root.addEventListener('keydown', () => (pointer = ''), { capture: true });
  root.addEventListener('pointerover', (e) => {
    const t = e.pointerType !== 'touch' && triggerOf(e.target);
    if (t) load().then((m) => m.hover(t));
  });
  root.addEventListener('focusin', (e) => {
    const t = triggerOf(e.target);
    if (t && kindOf(t) !== 'note' && t.matches(':focus-visible')) load().then((m) => m.focus(t));
  });
  root.addEventListener('click', (e) => {
    const a = (e.target as Element).closest?.<HTMLAnchorElement>(NOTE_REF);
    if (a && sidenotesShown()) {
      e.preventDefault();
      return focusSidenote(a);
    }
    const t = triggerOf(e.target);
    if (!t) return;
    const note = kindOf(t) === 'note';
    // A link follows, except on a first tap, which shows the preview.
    if (!note && (pointer !== 'touch' || t.getAttribute('aria-expanded') === 'true')) return;
    e.preventDefault();
    load().then((m) => m.activate(t, { moveFocus: note }));
  });
}
