// The articles against their sources: every word of the seed, in order, and
// the annotation rules (every label resolves; every entity noted at its first
// mention in each article).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAliasMatcher } from '../../src/lib/aliases.ts';
import { unannotatedFirstMentions } from '../../src/lib/annotations.ts';
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
        // The rule lives in src/lib/annotations.ts, shared with `npm run check:content`.
        const missing = unannotatedFirstMentions(article.body, matcher).map((m) => `${m.entity} (“${m.text}”)`);
        expect(missing).toEqual([]);
      });
    });
  }
});
