// The search page: query and filters in the URL, results with counts, more on
// request, arrow keys between results. Without JavaScript search.css hides it
// and the page offers the glossary and the articles instead.
import { loadEngine, MIN_TYPED, search, searchAsTyped, FILTER_GROUPS, type FilterGroup, type Filters, type Hit, type SearchOutcome, type ShownResult } from './engine.ts';
import { renderResult } from './render.ts';
import { arrange, ensureChosen } from './filters.ts';

// Each shown result fetches its fragment: show a few at once, more on request.
const PAGE = 6;
/** Longer than the gap between a slow typist's keys, so a query typed past fetches one fragment only. */
const TYPING_PAUSE_MS = 200;

export function startSearchPage() {
  const ui = document.querySelector<HTMLElement>('[data-search-ui]');
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const input = document.querySelector<HTMLInputElement>('#q');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const more = document.querySelector<HTMLButtonElement>('#search-more');
  if (!ui || !form || !input || !status || !list || !more) return;

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const box of ui.querySelectorAll<HTMLInputElement>('input[type=checkbox][data-filter]')) {
    box.checked = params.getAll(box.dataset.filter!).includes(box.value);
  }
  const fieldset = (group: string) => ui.querySelector<HTMLElement>(`fieldset[data-group="${group}"]`);
  // A group behind a disclosure (an edition with many articles) is counted only while open.
  const disclosures = new Map(FILTER_GROUPS.map((g) => [g, fieldset(g)?.querySelector<HTMLDetailsElement>(':scope > details.filter-values')]));
  const onShow = (group: FilterGroup) => disclosures.get(group)?.open ?? true;
  for (const group of FILTER_GROUPS) {
    const chosen = params.getAll(group);
    ensureChosen(fieldset(group)!, group, chosen);
    // A choice is never hidden.
    const d = disclosures.get(group);
    if (chosen.length && d) d.open = true;
  }

  let seq = 0;
  let hits: Hit[] = [];
  let shown = 0;
  let terms: string[] = [];
  let current: SearchOutcome | undefined;

  const selected = (): Filters => {
    const f: Filters = {};
    for (const group of FILTER_GROUPS) {
      const values = [...ui.querySelectorAll<HTMLInputElement>(`input[data-filter="${group}"]:checked`)].map((b) => b.value);
      if (values.length) f[group] = { any: values };
    }
    return f;
  };

  const syncUrl = () => {
    const next = new URL(location.href);
    next.search = '';
    if (input.value.trim()) next.searchParams.set('q', input.value.trim());
    const chosen = selected();
    for (const [group, { any }] of Object.entries(chosen)) for (const v of any) next.searchParams.append(group, v);
    history.replaceState(null, '', next);
    // A closed disclosure says how many of its values are chosen.
    for (const group of FILTER_GROUPS) {
      const note = disclosures.get(group)?.querySelector('.filter-chosen');
      const n = chosen[group]?.any.length ?? 0;
      if (note) note.textContent = n ? `(${n} chosen)` : '';
    }
  };

  /** The group's counts for this outcome, beside its boxes (the group's boxes ranked by them). */
  const showCounts = async (outcome: SearchOutcome, mine: number, group: FilterGroup) => {
    if (mine !== seq) return;
    const values = await outcome.counts(group);
    if (mine !== seq) return;
    arrange(fieldset(group)!, group, values);
    for (const [value, n] of Object.entries(values)) {
      const count = ui.querySelector<HTMLElement>(`[data-count="${group}:${CSS.escape(value)}"]`);
      if (count) count.textContent = String(n);
    }
  };

  /** `typing`: the query is being typed, so the rest of the batch waits for a pause in the typing. */
  const showMore = async (mine: number, typing = false) => {
    const batch = hits.slice(shown, shown + PAGE);
    const opening = shown === 0;
    // Claimed at once, so "Show more" is right while a batch it asked for loads;
    // under the first batch it appears only once the batch is in, or the
    // results arriving above it would move it under the reader.
    shown += batch.length;
    if (!opening) more.hidden = shown >= hits.length;
    // The first result's fragment alone, shown at once; then the rest
    // together, shown in order: a query typed past before its first result
    // is shown fetches no more.
    const add = (r: ShownResult) => {
      const li = document.createElement('li');
      li.append(renderResult(r, terms));
      list.append(li);
    };
    if (batch[0]) {
      const first = await batch[0].load();
      if (mine !== seq) return;
      add(first);
    }
    // While the reader types on, a query is soon typed past: its first result
    // shows, and the rest of its results' text is fetched only at a pause.
    if (typing) await new Promise((done) => setTimeout(done, TYPING_PAUSE_MS));
    if (mine !== seq) return;
    for (const load of batch.slice(1).map((h) => h.load())) {
      const r = await load;
      if (mine !== seq) return;
      add(r);
    }
    more.hidden = shown >= hits.length;
  };

  const run = async (typed = false) => {
    const mine = ++seq;
    current = undefined;
    syncUrl();
    // Counts belong to the query they were made for: a closed group's are not redone, so they go.
    for (const group of FILTER_GROUPS) {
      if (!onShow(group)) for (const count of fieldset(group)!.querySelectorAll<HTMLElement>('[data-count]')) count.textContent = '';
    }
    const query = input.value.trim();
    if (!query || (typed && query.length < MIN_TYPED)) {
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      return;
    }
    const outcome = await search(query, selected(), () => mine !== seq);
    if (!outcome || mine !== seq) return;
    hits = outcome.hits;
    terms = outcome.terms;
    shown = 0;
    list.replaceChildren();
    await showMore(mine, typed);
    if (mine !== seq) return;
    // Announced once the results are on screen.
    status.textContent = hits.length
      ? `${hits.length} ${hits.length === 1 ? 'result' : 'results'} for “${query}”`
      : `No results for “${query}”. Try another spelling, or browse the glossary.`;
    // The filter counts follow the results, for the groups on show.
    current = outcome;
    for (const group of FILTER_GROUPS) if (onShow(group)) await showCounts(outcome, mine, group);
  };
  for (const [group, d] of disclosures) {
    d?.addEventListener('toggle', () => {
      if (d.open && current) showCounts(current, seq, group);
    });
  }

  // The engine loads on intent (focus, or a key before it); only the latest query's results are shown.
  input.addEventListener('focus', () => loadEngine());
  const cancelTyped = searchAsTyped(input, run);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    cancelTyped();
    run();
  });
  ui.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).matches('input[data-filter]')) run();
  });
  // Batches requested while one loads follow it, in order.
  let moreDone = Promise.resolve();
  more.addEventListener('click', () => {
    const first = shown;
    const mine = seq;
    moreDone = moreDone.then(() => showMore(mine)).then(() => list.querySelectorAll<HTMLAnchorElement>('.result-title')[first]?.focus());
  });

  // Arrow keys: from the box into the results, and between result titles.
  const titles = () => [...list.querySelectorAll<HTMLAnchorElement>('.result-title')];
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && titles().length) {
      e.preventDefault();
      titles()[0].focus();
    } else if (e.key === 'Escape' && input.value) {
      e.preventDefault();
      input.value = '';
      run();
    }
  });
  list.addEventListener('keydown', (e) => {
    const all = titles();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = at + (e.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      input.focus();
    }
  });

  // Nothing of search is fetched until there is a query to run.
  if (input.value.trim()) run();
}
