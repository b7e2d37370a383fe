// What a preview shows, fetched on first use and kept for the visit: an
// entry's fragment (glossary/<id>/preview.html), a paragraph or an article
// from its page, a note from the page itself. Bundled into the popover chunk.
import type { Content } from './popover.ts';
import type { Kind } from './previews.ts';

export interface Helpers {
  kindOf(a: HTMLAnchorElement): Kind | null;
  htmlLink(a: Element): HTMLAnchorElement;
  noteFor(ref: HTMLAnchorElement): HTMLElement | null;
  noteContent(note: HTMLElement): HTMLElement;
}

const pages = new Map<string, Promise<string | null>>();

export function resolver({ kindOf, htmlLink, noteFor, noteContent }: Helpers) {
  return (a: HTMLAnchorElement): Content | null => resolve(htmlLink(a), kindOf(a), noteFor, noteContent);
}

function resolve(a: HTMLAnchorElement, kind: Kind | null, noteFor: Helpers['noteFor'], noteContent: Helpers['noteContent']): Content | null {
  if (!kind) return null;
  if (kind === 'note') {
    const note = noteFor(a);
    return note && { kind, body: async () => noteContent(note), label: () => `Note ${a.textContent ?? ''}`.trim() };
  }
  const body = kind === 'entry' ? entryPreview(a) : kind === 'paragraph' ? paragraphPreview(a) : articlePreview(a);
  return { kind, body: () => body(), label: (b: Node) => `Preview: ${(b as Element).querySelector?.('a, h2')?.textContent ?? a.textContent}` };
}

/** An entry's preview fragment (glossary/<id>/preview.html). */
const entryPreview = (a: HTMLAnchorElement) => async () => {
  const html = await fetchText(new URL('preview.html', a.href).href);
  if (!html) return null;
  const box = document.createElement('div');
  box.innerHTML = html;
  // The entry's own name in its preview is the link to follow, not another preview.
  for (const self of box.querySelectorAll<HTMLAnchorElement>('a[href]')) if (self.pathname === a.pathname && !self.hash) self.dataset.noPreview = '';
  return box;
};

/** A paragraph in context: the article page (fetched once) gives it, with the name the link is about marked. */
const paragraphPreview = (a: HTMLAnchorElement) => async () => {
  const page = await articlePage(a);
  const p = page?.getElementById(a.hash.slice(1));
  if (!page || !p) return null;
  const part = page.querySelector('.kicker')?.textContent?.replace(/ of \d+$/, '');
  const box = heading(page, a, [part, `paragraph ${a.hash.slice(3)}`].filter(Boolean).join(', '));
  // The words alone: no note numbers or permalink.
  const words = p.cloneNode(true) as HTMLElement;
  for (const extra of words.querySelectorAll('sup, .pilcrow')) extra.remove();
  const text = document.createElement('p');
  text.textContent = (words.textContent ?? '').trim();
  if (a.dataset.mark) markAll(text, a.dataset.mark);
  box.append(text);
  return box;
};

/** An article: its title and the editor's summary. */
const articlePreview = (a: HTMLAnchorElement) => async () => {
  const page = await articlePage(a);
  if (!page) return null;
  const box = heading(page, a, page.querySelector('.kicker')?.textContent ?? '');
  const summary = document.createElement('p');
  summary.textContent = page.querySelector('meta[name=description]')?.getAttribute('content') ?? '';
  box.append(summary);
  return box;
};

function heading(page: Document, a: HTMLAnchorElement, where: string) {
  const box = document.createElement('div');
  const title = document.createElement('p');
  const link = document.createElement('a');
  link.href = a.href;
  link.dataset.noPreview = '';
  link.textContent = page.querySelector('h1')?.textContent ?? a.textContent ?? '';
  const quiet = document.createElement('span');
  quiet.className = 'quiet';
  quiet.textContent = where && ` · ${where}`;
  title.append(link, quiet);
  box.append(title);
  return box;
}

async function articlePage(a: HTMLAnchorElement) {
  const html = await fetchText(new URL(a.pathname, a.href).href);
  return html ? new DOMParser().parseFromString(html, 'text/html') : null;
}

/** Wrap each occurrence of `words` (any case) in <mark>. */
function markAll(p: HTMLElement, words: string) {
  const text = p.textContent ?? '';
  const lower = text.toLowerCase();
  const needle = words.toLowerCase();
  p.textContent = '';
  let from = 0;
  for (let at = lower.indexOf(needle); needle && at >= 0; at = lower.indexOf(needle, at + needle.length)) {
    const mark = document.createElement('mark');
    mark.textContent = text.slice(at, at + needle.length);
    p.append(text.slice(from, at), mark);
    from = at + needle.length;
  }
  p.append(text.slice(from));
}

function fetchText(url: string) {
  let text = pages.get(url);
  if (!text) {
    text = fetch(url).then((r) => (r.ok ? r.text() : null), () => null);
    pages.set(url, text);
  }
  return text;
}
