// Which articles mention each entity, read straight from the MDX sources
// before the build, so a note can say where else its subject appears. (The
// paragraph-level mention index is built later, from the rendered pages.)
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createAliasMatcher } from './aliases.ts';
import type { Glossary } from './glossary-source.ts';

export interface ArticleRef {
  slug: string;
  title: string;
  series: number;
}

export type ArticlesByEntity = Map<string, ArticleRef[]>;

export function indexArticles(dir: string, glossary: Glossary): ArticlesByEntity {
  const matcher = createAliasMatcher(glossary.values());
  const byEntity: ArticlesByEntity = new Map();
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.mdx')) : [];
  const refs: { ref: ArticleRef; ids: Set<string> }[] = [];
  for (const file of files) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
    let data: { title?: unknown; series?: unknown } = {};
    try {
      data = (fm && parse(fm[1])) || {};
    } catch {
      // A broken frontmatter is reported by the content check and the build; skip it here.
    }
    const body = fm ? source.slice(fm[0].length) : source;
    const ids = new Set<string>();
    for (const m of body.matchAll(/\[\^([^\]\s]+)\]/g)) if (glossary.has(m[1])) ids.add(m[1]);
    const text = body.replace(/^\[\^[^\]]+\]:.*$/gm, '').replace(/\[\^[^\]\s]+\]/g, '');
    for (const m of matcher.find(text)) ids.add(m.id);
    const ref = { slug: file.replace(/\.mdx$/, ''), title: String(data.title ?? file), series: Number(data.series) || 0 };
    refs.push({ ref, ids });
  }
  refs.sort((a, b) => a.ref.series - b.ref.series);
  for (const { ref, ids } of refs) {
    for (const id of ids) {
      const list = byEntity.get(id);
      if (list) list.push(ref);
      else byEntity.set(id, [ref]);
    }
  }
  return byEntity;
}
