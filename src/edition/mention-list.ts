// The "Mentioned in" list of an entry page as HTML: one group per article,
// one item per paragraph, each with its snippet. Built as a string because an
// entry named in every article of a large edition lists thousands of
// paragraphs, and rendering each through components dominated the build.
import { escapeHtml } from '../site/text.ts';
import type { ArticleRef } from './article.ts';
import type { ParagraphMention } from './mentions.ts';
import { articlePath, joinBase } from '../site/urls.ts';

/** One article's paragraphs that mention the entry. */
export interface MentionGroup extends ArticleRef {
  paragraphs: readonly ParagraphMention[];
}

function item(p: ParagraphMention, href: string): string {
  const count = p.count > 1 ? ` <span class="quiet">(${p.count} mentions)</span>` : '';
  const mark = p.snippet.match ? `<mark>${escapeHtml(p.snippet.match)}</mark>` : '<span class="note-mark">[noted here]</span>';
  return (
    `<li><a class="mention-link" href="${escapeHtml(href)}"${p.snippet.match ? ` data-mark="${escapeHtml(p.snippet.match)}"` : ''}>Paragraph ${escapeHtml(p.paragraph.slice(2))}${count}</a>` +
    `<p class="snippet">${escapeHtml(p.snippet.before)}${mark}${escapeHtml(p.snippet.after)}</p></li>`
  );
}

/** Each group: the article's title (a Pagefind filter value: the entry is found under that article) and its paragraphs. */
export function mentionGroupsHtml(groups: readonly MentionGroup[], base: string): string {
  return groups
    .map((g) => {
      const page = joinBase(base, articlePath(g.slug));
      const title = escapeHtml(g.title);
      const items = g.paragraphs.map((p) => item(p, `${page}#${p.paragraph}`)).join('');
      return `<section class="mention-group" aria-label="${title}"><h3 data-pagefind-filter="article">${title}</h3><ol>${items}</ol></section>`;
    })
    .join('');
}
