// The articles against their sources: every word of the seed, in order, and
// the annotation rules (every label resolves; every entity noted at its first
// mention in each article).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAliasMatcher } from '../../src/lib/aliases.ts';
import { authorText, compareWithSeed } from '../../src/lib/fidelity.ts';
import { loadGlossary } from '../../src/lib/glossary-source.ts';
import { articleData } from '../../src/lib/schema.ts';
import { readArticles, SEEDS_DIR } from '../support/articles.ts';

const articles = readArticles();
const glossary = loadGlossary('content/glossary');
const matcher = createAliasMatcher(glossary.values());
const seeds = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'));

describe('the articles', () => {
  it('one article per seed', () => {
    expect(articles.map((a) => a.data.seed).sort()).toEqual(seeds.sort());
  });

  it('are in chronological series order 002, 001, 000', () => {
    const bySeries = [...articles].sort((a, b) => a.data.series - b.data.series);
    expect(bySeries.map((a) => a.data.seed.slice(0, 3))).toEqual(['002', '001', '000']);
    expect(bySeries.map((a) => a.data.dating.earliest)).toEqual([...bySeries.map((a) => a.data.dating.earliest)].sort());
  });

  for (const article of articles) {
    describe(article.slug, () => {
      it('has valid frontmatter', () => {
        expect(articleData.safeParse(article.data).error?.issues).toBeUndefined();
      });

      it('reproduces every word of its seed, in order', () => {
        const seed = fs.readFileSync(path.join(SEEDS_DIR, article.data.seed), 'utf8');
        expect(compareWithSeed(authorText(article.tree), seed)?.message).toBeUndefined();
      });

      it('restores every glued paragraph break', () => {
        const expected: Record<string, number> = { '000': 14, '001': 16, '002': 22 };
        expect(authorText(article.tree).split('\n\n')).toHaveLength(expected[article.data.seed.slice(0, 3)]);
      });

      it('marks each lost quotation with a gap note after a colon', () => {
        const gaps = article.tree.children
          .map((n, i) => ({ n, prev: article.tree.children[i - 1] }))
          .filter(({ n }) => n.type === 'mdxJsxFlowElement' && n.name === 'Gap');
        const expected: Record<string, number> = { '000': 0, '001': 1, '002': 2 };
        expect(gaps).toHaveLength(expected[article.data.seed.slice(0, 3)]);
        for (const { prev } of gaps) {
          expect(prev.type).toBe('paragraph');
          expect(article.body.slice(prev.position!.start.offset, prev.position!.end.offset).trimEnd()).toMatch(/:$/);
        }
      });

      it('uses only labels that are glossary ids or defined editorial notes', () => {
        const defined = new Set([...article.body.matchAll(/^\[\^([^\]]+)\]:/gm)].map((m) => m[1]));
        for (const m of article.body.matchAll(/\[\^([^\]\s]+)\](?!:)/g)) {
          expect(glossary.has(m[1]) || defined.has(m[1]), `[^${m[1]}]`).toBe(true);
        }
      });

      it('notes every entity at its first mention', () => {
        // Walk the text with markers in place: the first alias match of each
        // entity must be followed (after a possessive or quote) by its marker,
        // or the entity must already have been noted earlier.
        const noted = new Set<string>();
        const missing: string[] = [];
        for (const para of article.body.split(/\n\n+/)) {
          if (para.startsWith('[^') || para.startsWith('<Gap')) continue;
          const plain = para.replace(/\[\^[^\]]+\]/g, '');
          const markers: { at: number; id: string }[] = [];
          let removed = 0;
          for (const m of para.matchAll(/\[\^([^\]]+)\]/g)) {
            markers.push({ at: m.index - removed, id: m[1] });
            removed += m[0].length;
          }
          for (const hit of matcher.find(plain)) {
            if (noted.has(hit.id)) continue;
            const notedHere = markers.some((k) => k.id === hit.id && k.at >= hit.end && k.at <= hit.end + 40);
            if (!notedHere) missing.push(`${hit.id} (“${plain.slice(hit.start, hit.end)}”)`);
            noted.add(hit.id);
          }
          for (const k of markers) noted.add(k.id);
        }
        expect(missing).toEqual([]);
      });
    });
  }
});
