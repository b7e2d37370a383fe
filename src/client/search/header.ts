// The header search box as a combobox: results appear under it as the reader
// types; arrows move through them, Enter opens one (or all results), Escape
// closes. Loaded when the reader focuses the box or types in it.
import { MIN_TYPED, loadEngine, search, searchAsTyped, type Hit } from './engine.ts';
import { hrefOf, renderResult } from './render.ts';

const SHOWN = 5;

export function startHeaderSearch(form: HTMLFormElement, input: HTMLInputElement) {
  loadEngine();
  const panel = document.createElement('div');
  panel.id = 'header-results';
  panel.className = 'search-panel';
  panel.setAttribute('role', 'listbox');
  panel.setAttribute('aria-label', 'Search results');
  panel.hidden = true;
  const status = document.createElement('div');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  form.append(panel, status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', panel.id);
  input.setAttribute('aria-expanded', 'false');

  let seq = 0;
  let active = -1;
  let shownQuery = '';
  const options = () => [...panel.querySelectorAll<HTMLElement>('[role=option]')];

  const close = () => {
    panel.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  function reopen() {
    if (!input.value.trim() || !panel.childElementCount) return;
    panel.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }
  const highlight = (i: number) => {
    const all = options();
    if (!all.length) return;
    active = (i + all.length) % all.length;
    all.forEach((o, j) => o.setAttribute('aria-selected', String(j === active)));
    input.setAttribute('aria-activedescendant', all[active].id);
    all[active].scrollIntoView({ block: 'nearest' });
  };
  const go = (option: HTMLElement) => {
    const href = option.dataset.href;
    if (href) location.assign(href);
  };

  const run = async (typed = false) => {
    const mine = ++seq;
    const query = input.value.trim();
    if (!query || (typed && query.length < MIN_TYPED)) {
      close();
      status.textContent = '';
      return;
    }
    const outcome = await search(query, {}, () => mine !== seq);
    if (!outcome || mine !== seq) return;
    const shown = await Promise.all(outcome.hits.slice(0, SHOWN).map((h: Hit) => h.load()));
    if (mine !== seq) return;
    panel.replaceChildren();
    shown.forEach((r, i) => {
      const option = document.createElement('div');
      option.id = `header-result-${i}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.dataset.href = hrefOf(r, outcome.terms);
      option.append(renderResult(r, outcome.terms, true));
      panel.append(option);
    });
    const all = document.createElement('div');
    all.id = 'header-result-all';
    all.setAttribute('role', 'option');
    all.setAttribute('aria-selected', 'false');
    all.className = 'search-panel-all';
    all.dataset.href = `${form.action}?q=${encodeURIComponent(query)}`;
    all.textContent = outcome.hits.length ? `All ${outcome.hits.length} results for “${query}”` : `No results for “${query}”: open search`;
    panel.append(all);
    shownQuery = query;
    reopen();
    active = -1;
    status.textContent = `${outcome.hits.length} ${outcome.hits.length === 1 ? 'result' : 'results'}`;
  };

  // A query typed past stops before it fetches its results' text, and only the latest is shown.
  searchAsTyped(input, run);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (panel.hidden) return;
      e.preventDefault();
      highlight(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      go(options()[active]);
    } else if (e.key === 'Escape') {
      if (!panel.hidden) {
        e.preventDefault();
        close();
      } else if (input.value) {
        e.preventDefault();
        input.value = '';
      }
    }
  });
  panel.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the box
  panel.addEventListener('click', (e) => {
    const option = (e.target as Element).closest<HTMLElement>('[role=option]');
    if (option) {
      e.preventDefault();
      go(option);
    }
  });
  form.addEventListener('focusout', (e) => {
    if (!form.contains(e.relatedTarget as Node)) close();
  });
  // The list closed by Escape or by leaving comes back on focus, or on a key
  // that leaves the query as it was (a space), which runs no new search.
  input.addEventListener('focus', reopen);
  input.addEventListener('input', () => {
    if (input.value.trim() === shownQuery) reopen();
  });
  return run;
}
