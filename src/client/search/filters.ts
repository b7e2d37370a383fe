// The article filter, bounded: the page carries a checkbox for the first few
// articles only; with counts, the list shows the articles with the most
// results (and any chosen), and the rest, with results, behind “More articles”,
// built when opened and capped. Thousands of articles mean no thousands of boxes.
export const TOP = 8;
const MORE_CAP = 50;

function box(group: string, value: string, checked = false): HTMLLabelElement {
  const label = document.createElement('label');
  label.className = 'filter';
  const input = Object.assign(document.createElement('input'), { type: 'checkbox', name: group, value, checked });
  input.dataset.filter = group;
  const text = Object.assign(document.createElement('span'), { textContent: value });
  const count = Object.assign(document.createElement('span'), { className: 'count' });
  count.dataset.count = `${group}:${value}`;
  label.append(input, text, ' ', count);
  return label;
}

const boxes = (root: ParentNode, group: string) => [...root.querySelectorAll<HTMLInputElement>(`input[data-filter="${group}"]`)];

/** Boxes for values chosen in the URL that the page does not carry. */
export function ensureChosen(set: HTMLElement, group: string, chosen: string[]) {
  const have = new Set(boxes(set, group).map((b) => b.value));
  for (const v of chosen) if (!have.has(v)) set.querySelector('.filter-top')!.append(box(group, v, true));
}

/** The TOP values with most results (page order among equals) and any chosen; then the rest that have results. */
export function layout(counts: Record<string, number>, chosen: Set<string>) {
  const values = Object.keys(counts);
  const order = new Map(values.map((v, i) => [v, i]));
  const ranked = [...values].sort((a, b) => counts[b] - counts[a] || order.get(a)! - order.get(b)!);
  const shown = ranked.slice(0, TOP);
  for (const v of chosen) if (!shown.includes(v)) shown.push(v);
  return { shown, rest: ranked.filter((v) => !shown.includes(v) && counts[v] > 0) };
}

/** Lay out the group's boxes for these counts: top values, then the rest on request. */
export function arrange(set: HTMLElement, group: string, counts: Record<string, number>) {
  // A short list keeps its page order.
  if (Object.keys(counts).length <= TOP) return;
  const top = set.querySelector<HTMLElement>('.filter-top');
  const more = set.querySelector<HTMLDetailsElement>('details.filter-more');
  if (!top || !more) return;
  const chosen = new Set(boxes(set, group).filter((b) => b.checked).map((b) => b.value));
  const { shown, rest } = layout(counts, chosen);
  top.replaceChildren(...shown.map((v) => box(group, v, chosen.has(v))));
  more.hidden = !rest.length;
  const list = more.querySelector<HTMLElement>('.filter-more-list')!;
  list.replaceChildren();
  const fill = () => {
    if (!more.open || list.childElementCount) return;
    list.append(...rest.slice(0, MORE_CAP).map((v) => box(group, v)));
    if (rest.length > MORE_CAP) list.append(Object.assign(document.createElement('p'), { className: 'filter-note', textContent: `and ${rest.length - MORE_CAP} more: narrow the search to see them` }));
    for (const b of boxes(list, group)) b.closest('label')!.querySelector('.count')!.textContent = String(counts[b.value]);
  };
  more.ontoggle = fill;
  fill();
}
