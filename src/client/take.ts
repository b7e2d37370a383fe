// Taking the text away, loaded on the first ask (site.ts): Copy buttons for
// the citations, a paragraph's citation from its ¶, and "Link to this
// passage" for a selection in the text. Reading never depends on it: the
// page's citations are in its HTML and every paragraph has its own address.
import { occurrences, textDirective } from './text-fragment.ts';

let status: HTMLElement | undefined;

/** Say something to screen readers once (a polite live region, made on first use). */
function announce(message: string) {
  if (!status) {
    status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    document.body.append(status);
  }
  status.textContent = '';
  // A fresh text node, a moment later, so the same message is read again.
  setTimeout(() => (status!.textContent = message), 50);
}

async function copy(text: string, what: string) {
  try {
    await navigator.clipboard.writeText(text);
    announce(`Copied ${what}`);
  } catch {
    announce('Copying is not allowed here: select the text and copy it yourself');
  }
}

/** A Copy button after each citation in a list, once. */
export function addCopyButtons(list: ParentNode) {
  list.querySelectorAll<HTMLElement>('[data-cite]').forEach((text) => {
    if (text.nextElementSibling?.matches('.copy')) return;
    const label = text.closest('.cite-row')?.querySelector('dt')?.textContent ?? 'citation';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', `Copy ${label}`);
    button.addEventListener('click', () => copy(text.textContent ?? '', label));
    text.after(button);
  });
}

/** The dialog for one paragraph: its address and its citation, filled in from the page's template. */
export function citeParagraph(paragraph: HTMLElement, opener?: HTMLElement) {
  const template = document.querySelector<HTMLTemplateElement>('#cite-paragraph');
  const placeholder = document.querySelector<HTMLElement>('.cite')?.dataset.paragraph;
  const n = paragraph.id.replace(/^p-/, '');
  if (!template || !placeholder) return;
  const dialog = document.createElement('dialog');
  dialog.className = 'cite-dialog';
  dialog.setAttribute('aria-labelledby', 'cite-dialog-title');
  const heading = document.createElement('h2');
  heading.id = 'cite-dialog-title';
  heading.textContent = `Cite paragraph ${n}`;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = 'Close';
  close.addEventListener('click', () => dialog.close());
  const body = template.content.cloneNode(true) as DocumentFragment;
  body.querySelectorAll('[data-cite]').forEach((el) => (el.textContent = el.textContent!.split(placeholder).join(n)));
  dialog.append(close, heading, body);
  addCopyButtons(dialog);
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener?.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
}

let bar: HTMLElement | undefined;

/** Offer "Link to this passage" beside a selection in the text, or withdraw it. */
export function offerPassageLink(root: HTMLElement) {
  const selection = document.getSelection();
  const range = selection && selection.rangeCount ? selection.getRangeAt(0) : undefined;
  const text = selection?.toString() ?? '';
  if (!range || !text.trim() || !root.contains(range.commonAncestorContainer)) {
    if (bar && !bar.contains(document.activeElement)) bar.hidden = true;
    return;
  }
  const paragraph = (range.startContainer.parentElement ?? root).closest<HTMLElement>('p[id^="p-"]');
  const link = passageUrl(root, range, text, paragraph);
  bar ??= makeBar();
  const [linkButton, citeButton] = bar.querySelectorAll('button');
  linkButton.onclick = () => {
    copy(link, 'the link to this passage');
    const a = bar!.querySelector('a')!;
    a.href = link;
    a.hidden = false;
  };
  citeButton.hidden = !paragraph;
  citeButton.onclick = () => paragraph && citeParagraph(paragraph, linkButton);
  bar.querySelector('a')!.hidden = true;
  // After the selection's block, so Tab from the selection reaches it next.
  const block = (range.endContainer.parentElement ?? root).closest('p, blockquote, li, .gap') ?? root.lastElementChild!;
  block.after(bar);
  bar.hidden = false;
  const box = range.getBoundingClientRect();
  bar.style.setProperty('--top', `${box.bottom - root.getBoundingClientRect().top}px`);
}

function makeBar(): HTMLElement {
  const el = document.createElement('div');
  el.className = 'passage-bar';
  el.setAttribute('role', 'group');
  el.setAttribute('aria-label', 'Selected passage');
  el.innerHTML =
    '<button type="button">Link to this passage</button> <button type="button">Cite this paragraph</button> ' +
    '<a class="passage-link" hidden>Go to the passage’s link</a>';
  // Tab from a selection (made by mouse or Shift+arrows) reaches the bar first; Escape dismisses it.
  document.addEventListener('keydown', (e) => {
    if (el.hidden) return;
    const inside = el.contains(document.activeElement);
    if (e.key === 'Escape' && inside) el.hidden = true;
    if (e.key !== 'Tab' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || inside) return;
    e.preventDefault();
    el.querySelector('button')!.focus();
  });
  return el;
}

/** This page's address with the paragraph's id (the fallback) and a text directive for the passage. */
export function passageUrl(root: HTMLElement, range: Range, text: string, paragraph: HTMLElement | null): string {
  const context = paragraph ?? root;
  const before = document.createRange();
  before.setStart(context, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const after = document.createRange();
  after.setStart(range.endContainer, range.endOffset);
  after.setEnd(context, context.childNodes.length);
  const page = document.body.innerText;
  const directive = textDirective({ before: before.toString(), text, after: after.toString() }, (s) => occurrences(page, s));
  return `${location.origin}${location.pathname}#${paragraph?.id ?? ''}:~:${directive}`;
}
