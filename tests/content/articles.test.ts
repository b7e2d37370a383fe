// The articles against their sources: the seed word for word, and the
// annotation rules (every label resolves; every glossary marker links a name;
// every entity linked at its first mention in each article; numbered notes,
// the editor's, kept few).
import fs from 'node:fs';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import { selectAll } from 'hast-util-select';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createAliasMatcher } from '../../src/lib/aliases.ts';
import { unannotatedFirstMentions } from '../../src/lib/annotations.ts';
import { authorText, compareWithSeed } from '../../src/lib/fidelity.ts';
import { loadGlossary } from '../../src/lib/glossary-source.ts';
import { articleData } from '../../src/lib/schema.ts';
import { articlePipeline, remarkRehypeOptions } from '../../src/plugins/index.ts';
import { MDX_TYPES } from '../../src/plugins/prerender.ts';
import { readArticles, SEEDS_DIR } from '../support/articles.ts';

const articles = readArticles();
const glossary = loadGlossary('content/glossary');
const matcher = createAliasMatcher(glossary.values());
const seeds = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'));
/** Numbered notes are the editor's: few enough that readers still open them. */
const MAX_NOTES_PER_1000 = 12;
/** "text 001", "Texts 001 and 002": the seed files' numbers, in the opposite order to the Parts. */
const FILE_NUMBER = /\btexts?\s+00\d/i;

async function renderMdx(body: string) {
  const pipeline = articlePipeline(glossary);
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(pipeline.remarkPlugins).use(remarkRehype, { ...remarkRehypeOptions, passThrough: [...MDX_TYPES] }).use(pipeline.rehypePlugins);
  const file = new VFile({ value: body });
  return { tree: (await processor.run(processor.parse(file), file)) as HastRoot };
}

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

      it('reproduces its seed word for word: nothing added, nothing lost', () => {
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

      it('links every glossary marker to a name, in the text and in the editor’s notes', async () => {
        // Every marker but a definition's label, which starts its line.
        const markers = [...article.body.matchAll(/(?<!^)\[\^([^\]\s]+)\]/gm)].filter((m) => glossary.has(m[1])).length;
        const { tree } = await renderMdx(article.body);
        expect(selectAll('a.name[data-entry]', tree)).toHaveLength(markers);
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
        // The rule lives in src/lib/annotations.ts, shared with `npm run check:content`.
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
