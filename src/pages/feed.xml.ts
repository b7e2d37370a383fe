// Atom feed of the texts (the newest FEED_ENTRIES), in full: the text with its names linked to
// their entries, its lost-quotation gaps and the editor's notes.
import type { APIRoute } from 'astro';
import { render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/mdx';
import Gap from '../components/Gap.astro';
import { formatRange } from '../edition/dates.ts';
import { escapeHtml as escapeXml } from '../site/text.ts';
import { loadEdition } from '../edition/edition.ts';
import { absoluteUrl, articlePath } from '../site/urls.ts';
import { SITE } from '../site/site.ts';

/** The newest texts, in full; a large edition's feed would otherwise hold every article. */
const FEED_ENTRIES = 50;


/** Links in the rendered text are site-relative; a feed reader needs them absolute. */
function absolutizeLinks(html: string, pageUrl: string): string {
  return html.replace(/\b(href|src)="([^"]*)"/g, (all, attr: string, value: string) => {
    if (value.startsWith('#')) return `${attr}="${pageUrl}${value}"`;
    if (value.startsWith('/')) return `${attr}="${new URL(value, pageUrl).href}"`;
    return all;
  });
}

export const GET: APIRoute = async () => {
  const { articles } = await loadEdition();
  const container = await AstroContainer.create({ renderers: await loadRenderers([getContainerRenderer()]) });
  const entries: string[] = [];
  // Atom wants a time; the texts' dates are days, inferred, so midnight UTC of the latest possible day.
  const stamp = (day: string) => `${day}T00:00:00Z`;
  for (const a of [...articles].reverse().slice(0, FEED_ENTRIES)) {
    const d = a.entry.data;
    const link = absoluteUrl(articlePath(a.slug));
    const { Content } = await render(a.entry);
    const body = await container.renderToString(Content, { props: { components: { Gap } } });
    const preface =
      `<p><em>Date inferred: ${escapeXml(formatRange(d.dating.earliest, d.dating.latest))}. ` +
      `Author and publication not verified (<a href="${absoluteUrl(`about/#text-${a.slug}`)}">why</a>). ` +
      `${d.titleSource === 'editorial' ? 'The headline is the editor’s.' : 'Headline as found on republished copies.'}</em></p>`;
    entries.push(`  <entry>
    <title>${escapeXml(d.title)}</title>
    <id>${escapeXml(link)}</id>
    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>
    <published>${stamp(d.dating.earliest)}</published>
    <updated>${stamp(d.dating.latest)}</updated>
    <summary>${escapeXml(d.summary)}</summary>
    <content type="html">${escapeXml(preface + absolutizeLinks(body, link))}</content>
  </entry>`);
  }
  const updated = articles.map((a) => a.entry.data.dating.latest).sort().at(-1)!;
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>${escapeXml(SITE.name)}</title>
  <subtitle>${escapeXml(SITE.tagline)}</subtitle>
  <id>${escapeXml(absoluteUrl())}</id>
  <link rel="self" type="application/atom+xml" href="${escapeXml(absoluteUrl('feed.xml'))}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl())}"/>
  <updated>${stamp(updated)}</updated>
  <author><name>Author not verified</name><uri>${escapeXml(absoluteUrl('about/'))}</uri></author>
${entries.join('\n')}
</feed>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
