// Which links show a preview, and when (scripts/popover.ts does the showing,
// fetched on first use). Every link to a glossary entry, on any page, previews
// the entry: hover after a moment, keyboard focus, or a first tap (a tap on
// the name inside the preview then follows it); click, Enter and a screen
// reader's activation follow the link. A note number opens its note in place
// where no margin shows it (scripts/notes.ts handles the margin).
import { focusSidenote, noteContent, noteFor, sidenotesShown } from './notes.ts';

type Popover = typeof import('./popover.ts');

const NOTE_REF = 'a[data-footnote-ref]';
const ENTRY_PATH = new RegExp(`^${import.meta.env.BASE_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}glossary/[^/]+/$`);
const previews = new Map<string, Promise<string | null>>();

function kindOf(a: HTMLAnchorElement): 'note' | 'entry' | null {
  if (a.matches(NOTE_REF)) return sidenotesShown() ? null : 'note';
  if (a.hasAttribute('data-no-preview') || a.origin !== location.origin || a.hash) return null;
  return ENTRY_PATH.test(a.pathname) && a.pathname !== location.pathname ? 'entry' : null;
}

const triggerOf = (target: EventTarget | null) => {
  const a = (target as Element | null)?.closest?.<HTMLAnchorElement>('a[href]');
  return a && kindOf(a) ? a : null;
};

function resolve(a: HTMLAnchorElement) {
  const kind = kindOf(a);
  if (kind === 'note') {
    const note = noteFor(a);
    return note && { kind, body: async () => noteContent(note), label: () => `Note ${a.textContent ?? ''}`.trim() };
  }
  if (kind !== 'entry') return null;
  return {
    kind,
    body: async () => {
      const html = await fetchPreview(new URL('preview.html', a.href).href);
      if (!html) return null;
      const t = document.createElement('template');
      t.innerHTML = html;
      // The entry's own name in its preview is the link to follow, not another preview.
      for (const self of t.content.querySelectorAll<HTMLAnchorElement>('a[href]')) if (self.pathname === a.pathname && !self.hash) self.dataset.noPreview = '';
      return t.content;
    },
    label: (body: Node) => `Preview: ${(body as DocumentFragment).querySelector?.('a')?.textContent ?? a.textContent}`,
  } as const;
}

function fetchPreview(url: string) {
  let html = previews.get(url);
  if (!html) {
    html = fetch(url).then((r) => (r.ok ? r.text() : null), () => null);
    previews.set(url, html);
  }
  return html;
}

export function enhancePreviews(root: Document) {
  let popover: Promise<Popover> | undefined;
  const load = () =>
    (popover ??= import('./popover.ts').then((m) => {
      m.install(root, resolve);
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
    if (t && kindOf(t) === 'entry' && t.matches(':focus-visible')) load().then((m) => m.focus(t));
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
    // A name follows its link, except on a first tap, which shows the preview.
    if (!note && (pointer !== 'touch' || t.getAttribute('aria-expanded') === 'true')) return;
    e.preventDefault();
    load().then((m) => m.activate(t, { moveFocus: note }));
  });
}
