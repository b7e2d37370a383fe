// The articles as they are, for the rules the build does not enforce (it
// already fails on a text that differs from its seed, an unknown label or a
// marker that links nothing): one article per seed, series in the order of
// writing, glued paragraph breaks restored, gap notes after a colon, every
// entity noted at its first mention (the build only warns), numbered notes
// kept few, no text named by its file number.
import fs from 'node:fs';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { createAliasMatcher } from '../../src/edition/aliases.ts';
import { unannotatedFirstMentions } from '../../src/check/annotations.ts';
import { authorText } from '../../src/check/fidelity.ts';
import { loadGlossary } from '../../src/schema/glossary-source.ts';
import { readArticles, SEEDS_DIR } from '../support/articles.ts';

const articles = readArticles();
const glossary = loadGlossary('content/glossary');
const matcher = createAliasMatcher(glossary.values());
const seeds = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'));
/** Numbered notes are the editor's: few enough that readers still open them. */
const MAX_NOTES_PER_1000 = 12;
/** "text 001", "Texts 001 and 002": the seed files' numbers, in the opposite order to the Parts. */
const FILE_NUMBER = /\btexts?\s+00\d/i;

describe('the articles', () => {
  it('one article per seed', () => {
    expect(articles.map((a) => a.data.seed).sort()).toEqual(seeds.sort());
  });

  it('are numbered in the series in the order they were written', () => {
    const bySeries = [...articles].sort((a, b) => a.data.series - b.data.series);
    expect(bySeries.map((a) => a.data.dating.earliest)).toEqual([...bySeries.map((a) => a.data.dating.earliest)].sort());
  });

  for (const article of articles) {
    describe(article.slug, () => {
      it('restores every glued paragraph break: no paragraph runs one sentence into the next', () => {
        // The seeds glue paragraphs together (“…talks.The…”); the article puts the break back.
        const glued = authorText(article.tree)
          .split('\n\n')
          .flatMap((p) => [...p.matchAll(/\p{Ll}[.!?][”"’]?\p{Lu}\p{Ll}/gu)].map((m) => m[0]));
        expect(glued).toEqual([]);
      });

      it('puts each lost-quotation gap note after a paragraph ending in a colon', () => {
        const gaps = article.tree.children
          .map((n, i) => ({ n, prev: article.tree.children[i - 1] }))
          .filter(({ n }) => n.type === 'mdxJsxFlowElement' && n.name === 'Gap');
        for (const { prev } of gaps) {
          expect(prev.type).toBe('paragraph');
          expect(article.body.slice(prev.position!.start.offset, prev.position!.end.offset).trimEnd()).toMatch(/:$/);
        }
      });

      it(`has at most ${MAX_NOTES_PER_1000} numbered notes per 1000 words of running text`, () => {
        let refs = 0;
        visit(article.tree, 'footnoteReference', () => void refs++);
        const words = authorText(article.tree).split(/\s+/).filter(Boolean).length;
        expect(words).toBeGreaterThan(500);
        expect(refs).toBeGreaterThan(0);
        expect((refs / words) * 1000).toBeLessThanOrEqual(MAX_NOTES_PER_1000);
      });

      it('notes every entity at its first mention', () => {
        // The rule lives in src/check/annotations.ts, shared with `npm run check:content`.
        const missing = unannotatedFirstMentions(article.body, matcher).map((m) => `${m.entity} (“${m.text}”)`);
        expect(missing).toEqual([]);
      });
    });
  }
});

describe('what readers see of the sources', () => {
  it('never names a text by its file number (seed 002 is Part 1, 000 is Part 3)', () => {
    const files = [...fs.readdirSync('content/glossary').map((f) => `content/glossary/${f}`), ...articles.map((a) => a.file)];
    const found = files.flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${f}:${i + 1}`, line }))
        .filter(({ line }) => !/^seed:/.test(line) && FILE_NUMBER.test(line)),
    );
    expect(found.map((f) => f.where)).toEqual([]);
  });
});
