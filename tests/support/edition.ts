// An edition of N articles made from the three texts in turn (copies 2, 3, …
// get a suffixed slug and a "[copy k]" title), with their annotations, over the
// same glossary: for the scale bench and for tests of a many-article edition.
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { PROJECT_ROOT } from './project-copy.ts';

interface Source {
  slug: string;
  series: number;
  front: string;
  body: string;
}

export function readSources(): Source[] {
  const dir = path.join(PROJECT_ROOT, 'content/articles');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
      if (!m) throw new Error(`${f}: no frontmatter`);
      const series = Number(parseDocument(m[1]).get('series'));
      return { slug: f.replace(/\.mdx$/, ''), series, front: m[1], body: text.slice(m[0].length) };
    })
    .sort((a, b) => a.series - b.series);
}

/** Replaces the project's articles with N made from the sources in turn. */
export function writeEdition(project: string, n: number, sources = readSources()) {
  const dir = path.join(project, 'content/articles');
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.mdx')) fs.rmSync(path.join(dir, f));
  for (let i = 1; i <= n; i++) {
    const src = sources[(i - 1) % sources.length];
    const copy = Math.floor((i - 1) / sources.length) + 1;
    const doc = parseDocument(src.front);
    doc.set('series', i);
    let slug = src.slug;
    if (copy > 1) {
      slug = `${src.slug}-${copy}`;
      doc.set('title', `${doc.get('title')} [copy ${copy}]`);
    }
    fs.writeFileSync(path.join(dir, `${slug}.mdx`), `---\n${doc.toString().trimEnd()}\n---\n${src.body}`);
  }
}
