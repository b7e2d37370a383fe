// The one script every page loads (small, deferred). Reading never depends
// on it: it sets notes in the margin, previews names and notes, highlights
// search terms on arrival, and wires the header search box, whose engine
// loads as soon as the reader shows intent: focus ("/" and Ctrl/Cmd+K focus
// it too) or the first key.
import { enhanceNotes } from './notes.ts';
import { enhancePreviews } from './previews.ts';
import { preloadEngine } from './search-preload.ts';

enhanceNotes(document);
enhancePreviews(document);
setUpThemeToggle();

if (new URLSearchParams(location.search).has('highlight')) {
  import('./search/index.ts').then((m) => m.highlightFromUrl());
}

const form = document.querySelector<HTMLFormElement>('.header-search');
const input = form?.querySelector<HTMLInputElement>('input[type=search]');
if (form && input) {
  let started = false;
  const start = () => {
    // Once started, the header search listens to the box itself, and runs what was typed while it loaded.
    if (started) return;
    started = true;
    import('./search/index.ts').then((m) => m.startHeaderSearch(form, input)(true));
  };
  input.addEventListener('focus', start);
  input.addEventListener('input', start);
}
// Pagefind's script and wasm load on the first sign of intent in either search box, beside the search code.
for (const box of document.querySelectorAll<HTMLInputElement>('input[type=search]')) {
  box.addEventListener('focus', preloadEngine, { once: true });
  box.addEventListener('input', preloadEngine, { once: true });
}

/** The theme button: shown only with JavaScript, remembered across pages. */
function setUpThemeToggle() {
  const button = document.querySelector<HTMLButtonElement>('.theme-toggle');
  if (!button) return;
  const root = document.documentElement;
  const system = window.matchMedia('(prefers-color-scheme: dark)');
  const isDark = () => (root.dataset.theme ?? (system.matches ? 'dark' : 'light')) === 'dark';
  const sync = () => button.setAttribute('aria-pressed', String(isDark()));
  button.hidden = false;
  sync();
  system.addEventListener('change', sync);
  button.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    sync();
  });
}

// "/" and Ctrl/Cmd+K focus search from anywhere (the page's own box on /search/).
document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement;
  const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  const slash = e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey;
  const k = e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey);
  if (!slash && !k) return;
  const box = document.querySelector<HTMLInputElement>('#q') ?? input;
  if (!box) return;
  e.preventDefault();
  box.focus();
  box.select();
});

// The lists after an article (names, timeline, other texts) are open in the
// HTML, for readers without JavaScript and for print (site.css shows them in
// print whatever their state); scripted, each folds behind a button in its
// heading, so the keyboard meets the text's own links first.
document.querySelectorAll<HTMLElement>('[data-fold]').forEach((section, i) => {
  const heading = section.querySelector('h2');
  const body = section.querySelector<HTMLElement>('[data-fold-body]');
  if (!heading || !body) return;
  body.id ||= `fold-${i}`;
  body.hidden = true;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'fold-toggle';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', body.id);
  button.append(...heading.childNodes);
  heading.append(button);
  button.addEventListener('click', () => {
    body.hidden = !body.hidden;
    button.setAttribute('aria-expanded', String(!body.hidden));
  });
});

// Citations, a paragraph's citation and passage links (take.ts) load on the first ask.
const take = () => import('./take.ts');
const article = document.querySelector<HTMLElement>('.article-body');
document.querySelector('.cite-formats')?.addEventListener('toggle', (e) => take().then((m) => m.addCopyButtons(e.target as HTMLElement)), { once: true });
article?.addEventListener('click', (e) => {
  const pilcrow = (e.target as HTMLElement).closest<HTMLAnchorElement>('a.pilcrow');
  const paragraph = pilcrow?.parentElement;
  if (!pilcrow || !paragraph || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  take().then((m) => m.citeParagraph(paragraph, pilcrow));
});
if (article) {
  let pending = 0;
  document.addEventListener('selectionchange', () => {
    clearTimeout(pending);
    // Once the selection settles (a drag, or Shift+arrows), not on every step.
    pending = window.setTimeout(() => {
      if (document.getSelection()?.isCollapsed && !document.querySelector('.passage-bar:not([hidden])')) return;
      take().then((m) => m.offerPassageLink(article));
    }, 300);
  });
}
