// sitemap.xml: every page, found from the page files themselves (static
// pages) and from the edition (articles, glossary entries).
import type { APIRoute } from 'astro';
import { loadEdition } from '../lib/edition.ts';
import { absoluteUrl } from '../lib/meta.ts';
import { articlePath, entryPath } from '../lib/urls.ts';
import { escapeHtml as escapeXml } from '../lib/html.ts';

// Static pages: every .astro file without a [param], but the 404 page.
const files = Object.keys(import.meta.glob('./**/*.astro'));
const staticPaths = (names: string[]) =>
  names
    .filter((f) => !f.includes('[') && !/\/404\.astro$/.test(f))
    .map((f) => f.replace(/^\.\//, '').replace(/(^|\/)index\.astro$/, '$1').replace(/\.astro$/, '/'));

export const GET: APIRoute = async () => {
  const { articles, entries } = await loadEdition();
  const paths = [...staticPaths(files), ...articles.map((a) => articlePath(a.slug)), ...entries.map((e) => entryPath(e.id))];
  const urls = [...new Set(paths)].sort().map((p) => `  <url><loc>${escapeXml(absoluteUrl(p))}</loc></url>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
