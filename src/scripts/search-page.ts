// Search page: show the Pagefind UI (hidden without JS), run `?q=` on load and
// keep the URL in step with the query so a search can be shared.
export function startSearchPage() {
  const ui = document.querySelector<HTMLElement>('[data-search-ui]');
  const fallback = document.querySelector<HTMLElement>('[data-no-js-search]');
  if (!ui) return;
  ui.hidden = false;
  if (fallback) fallback.hidden = true;
  const query = new URLSearchParams(location.search).get('q') ?? '';
  customElements.whenDefined('pagefind-input').then(() => {
    const input = waitForInput(ui);
    input.then((el) => {
      if (query) {
        el.value = query;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }
      el.addEventListener('input', () => {
        const next = new URL(location.href);
        if (el.value) next.searchParams.set('q', el.value);
        else next.searchParams.delete('q');
        history.replaceState(null, '', next);
      });
    });
  });
}

function waitForInput(root: HTMLElement): Promise<HTMLInputElement> {
  return new Promise((resolve) => {
    const find = () => root.querySelector<HTMLInputElement>('pagefind-input input');
    const found = find();
    if (found) return resolve(found);
    const observer = new MutationObserver(() => {
      const el = find();
      if (el) {
        observer.disconnect();
        resolve(el);
      }
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}
