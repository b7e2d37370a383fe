// The one link check (tests/support/links.ts) on a small site of its own: each
// kind of URL it reads, broken once, is reported; what it must leave alone is.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkLinks } from '../support/links.ts';

const ORIGIN = 'https://edition.example';
const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const SITE: Record<string, string> = {
  'index.html': page(
    `<link rel="canonical" href="${ORIGIN}/ed/"><link rel="stylesheet" href="/ed/_astro/site.css">`,
    [
      '<a href="/ed/notes/#n1">fine</a>',
      '<a href="notes/#n1">fine, relative</a>',
      '<a href="#top-of-page">fine, here</a><h1 id="top-of-page">x</h1>',
      '<a href="/ed/notes/#:~:text=fine">a text fragment, not an id</a>',
      '<a href="https://elsewhere.example/missing">another host</a><a href="mailto:a@b.example">mail</a>',
      '<a href="/ed/gone/">broken page</a>',
      '<a href="nowhere/">broken relative</a>',
      '<a href="/ed/notes/#n9">broken fragment</a>',
      '<a href="#nothing">broken fragment here</a>',
      '<a href="/notes/">outside the base</a>',
      '<img srcset="/ed/a.svg 1x, /ed/b.svg 2x" alt="">',
      '<div style="background: url(/ed/c.svg)"></div>',
      `<script type="application/ld+json">${JSON.stringify({ '@id': `${ORIGIN}/ed/#it`, url: `${ORIGIN}/ed/lost/` })}</script>`,
    ].join(''),
  ),
  'notes/index.html': page('', '<p id="n1">note</p><a href="./#n1">here, fine</a>'),
  'a.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  '_astro/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  '_astro/site.css': 'a{background:url(logo.svg)} b{background:url(#f)} i{background:url(data:image/png;base64,AA==)} u{background:url(missing.png)}',
  '_astro/app.js': 'import("/ed/pagefind/pagefind.js"); fetch("/pagefind/pagefind.js")',
  'sitemap-0.xml': `<urlset><url><loc>${ORIGIN}/ed/</loc></url><url><loc>${ORIGIN}/ed/dropped/</loc></url></urlset>`,
};

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'links-'));
  for (const [rel, text] of Object.entries(SITE)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('reports each broken URL of every kind it reads, and nothing else', () => {
  const { problems, checked } = checkLinks(dir, '/ed/');
  expect(problems.sort()).toEqual(
    [
      'index.html <a href>: “/ed/gone/” resolves to no file of the build',
      'index.html <a href>: “nowhere/” resolves to no file of the build',
      'index.html <a href>: “/ed/notes/#n9”: no element #n9 on that page',
      'index.html <a href>: “#nothing” points to no element on the page',
      'index.html <a href>: “/notes/” does not start with /ed/',
      'index.html <img srcSet>: “/ed/b.svg” resolves to no file of the build',
      'index.html <div style>: “/ed/c.svg” resolves to no file of the build',
      `index.html JSON-LD url: “${ORIGIN}/ed/lost/” resolves to no file of the build`,
      '_astro/site.css url(): “missing.png” resolves to no file of the build',
      '_astro/app.js: “/pagefind/pagefind.js” ignores the base',
      `sitemap-0.xml: “${ORIGIN}/ed/dropped/” resolves to no file of the build`,
    ].sort(),
  );
  expect(checked).toBeGreaterThan(problems.length);
});
