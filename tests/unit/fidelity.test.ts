import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { authorText, compareWithSeed } from '../../src/check/fidelity.ts';
import { markdownParser } from '../../src/plugins/index.ts';

const SEED = 'Putin made a demand.The next day, Blinken met Lavrov in Stockholm.';
const parse = (mdx: string) => markdownParser().parse(mdx) as Root;
const problem = (article: string) => compareWithSeed(article, SEED)?.message;

describe('compareWithSeed: the running text word for word, nothing added, nothing lost', () => {
  it('accepts the seed, with a paragraph break restored at a glued join', () => {
    expect(problem(SEED)).toBeUndefined();
    expect(problem('Putin made a demand.\n\nThe next day, Blinken met Lavrov in Stockholm.')).toBeUndefined();
  });

  it('rejects a word added at the start, in the middle or at the end', () => {
    expect(problem(`Then ${SEED}`)).toMatch(/“T” instead of “P”/);
    expect(problem(SEED.replace('met Lavrov', 'met with Lavrov'))).toMatch(/instead of/);
    expect(problem(`${SEED} Again.`)).toMatch(/added/);
    expect(problem(`${SEED}Again.`)).toMatch(/the article has extra text/);
  });

  it('rejects a word lost at the start, in the middle or at the end', () => {
    expect(problem(SEED.replace('Putin ', ''))).toMatch(/instead of/);
    expect(problem(SEED.replace(' next', ''))).toMatch(/instead of/);
    expect(problem(SEED.replace(' in Stockholm', ''))).toMatch(/the seed has a space here/);
    expect(problem(SEED.replace('Stockholm.', 'Stockholm'))).toMatch(/the article ends early/);
  });
});

describe('authorText', () => {
  it('is the running text: linked names kept, markers, editor’s notes and gaps left out', () => {
    const mdx =
      'Putin[^vladimir-putin] made a demand.[^ed-demand]\n\n<Gap>\nA quotation was lost here.\n</Gap>\n\n' +
      'The next day, Blinken met Lavrov in Stockholm[^stockholm].\n\n[^ed-demand]: Sergei Ryabkov[^sergei-ryabkov] said so.\n';
    expect(authorText(parse(mdx))).toBe('Putin made a demand.\n\nThe next day, Blinken met Lavrov in Stockholm.');
    expect(compareWithSeed(authorText(parse(mdx)), SEED)).toBeNull();
  });
});
