// The one script every page loads (small, deferred). Reading never depends
// on it: it opens notes in place, highlights search terms on arrival, and
// wires the header search box, whose engine loads on the first keystroke.
import { enhanceNotes } from './notes.ts';

enhanceNotes(document);

if (new URLSearchParams(location.search).has('highlight')) {
  import('./highlight.ts').then((m) => m.highlightFromUrl());
}

const form = document.querySelector<HTMLFormElement>('.header-search');
const input = form?.querySelector<HTMLInputElement>('input[type=search]');
if (form && input) {
  let started: Promise<() => void> | undefined;
  input.addEventListener('input', () => {
    started ??= import('./search/header.ts').then((m) => m.startHeaderSearch(form, input));
    started.then((run) => run());
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
