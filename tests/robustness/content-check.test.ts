// The content check in-process, on copies of content/ holding one article:
// every mistake of the table in tests/support/content-mistakes.ts is reported
// at its file and line, with a fix; and the checks that have no case there
// point where they should. That the real content passes is the build's to
// say: `npm test` builds it, and the build runs this check.
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check.ts';
import { ARTICLE, CASES, KYIV, lineOf } from '../support/content-mistakes.ts';
import { copyProject, SEEDS, type ProjectCopy } from '../support/project-copy.ts';

const copies: ProjectCopy[] = [];
afterAll(() => copies.forEach((c) => c.remove()));

/** content/ alone, with the one article the cases change: the check of the others would only take time. */
function contentCopy() {
  const c = copyProject({ prefix: 'edition-check-', contentOnly: true });
  copies.push(c);
  c.keepOnly(ARTICLE);
  return c;
}
const messages = async (c: ProjectCopy) => (await checkContent(c.root, { seedsDir: SEEDS })).errors.map((e) => e.message);

describe('every mistake of the table', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const copy = contentCopy();
      const want = c.mistake(copy);
      const where = want.line ? `${want.file}:${want.line}` : want.file;
      const found = await messages(copy);
      const error = found.find((m) => m.startsWith(`${where}:`) || m.startsWith(`${where} `));
      expect(error, `no error at ${where} in:\n${found.join('\n')}`).toBeDefined();
      expect(error).toMatch(want.message);
      expect(error).toMatch(/\n {2}Fix: \S/);
      expect(error, 'no stack trace').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    });
  }
});

describe('checkContent', () => {
  it('warns at the exact line and column of a first mention left without its note', async () => {
    const c = contentCopy();
    c.edit(ARTICLE, 'Putin[^vladimir-putin]', 'Putin');
    const source = c.read(ARTICLE);
    const line = lineOf(source, 'President Vladimir Putin');
    const column = source.split('\n')[line - 1].indexOf('Vladimir Putin') + 1;
    const { errors, warnings } = await checkContent(c.root, { seedsDir: SEEDS });
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.message)).toEqual([
      `${ARTICLE}:${line}:${column}: first mention of “Vladimir Putin” (vladimir-putin) in this article has no note\n  Fix: add [^vladimir-putin] right after “Vladimir Putin”`,
    ]);
  });

  it('puts a fidelity error on the line of the paragraph that changed, far into the file', async () => {
    const c = contentCopy();
    c.edit(ARTICLE, 'A rational leader would call off the attack', 'A rational leader would call off the assault');
    expect(await messages(c)).toEqual([expect.stringMatching(new RegExp(`^${ARTICLE}:${lineOf(c.read(ARTICLE), 'A rational leader')}: the text no longer matches its seed`))]);
  });

  it('rejects an editor’s note defined twice (GFM would drop the second silently)', async () => {
    const c = contentCopy();
    const def = /^\[\^ed-invasion\]:.*$/m.exec(c.read(ARTICLE))![0];
    c.edit(ARTICLE, def, `${def}\n\n[^ed-invasion]: Another text.`);
    expect(await messages(c)).toEqual([expect.stringMatching(new RegExp(`^${ARTICLE}:${lineOf(c.read(ARTICLE), '[^ed-invasion]: Another')}:1: the editor’s note \\[\\^ed-invasion\\] is defined twice`))]);
  });

  it('reads “[^a[^b]” as a marker that lost its bracket, not as a label to create', async () => {
    const c = contentCopy();
    c.edit(ARTICLE, '[^annexation-of-crimea]', '[^annexation-of-crimea[^crimea]');
    const [first] = await messages(c);
    expect(first).toMatch(/: broken note marker “\[\^annexation-of-crimea”\n {2}Fix: write a note marker as \[\^label\]/);
  });

  it('rejects a glossary marker after words that are not a name, with file, line, column and fix', async () => {
    const c = contentCopy();
    c.edit(ARTICLE, 'top delegate[^ed-ryabkov]', 'top delegate[^sergei-ryabkov]');
    c.edit(ARTICLE, /^\[\^ed-ryabkov\]:.*\n\n/m, '');
    const source = c.read(ARTICLE);
    const line = lineOf(source, 'top delegate[^');
    const column = source.split('\n')[line - 1].indexOf('[^sergei-ryabkov]') + 1;
    expect(await messages(c)).toEqual([
      `${ARTICLE}:${line}:${column}: the marker “[^sergei-ryabkov]” follows “top delegate”, which is not a name of Sergei Ryabkov: it would link nothing.\n` +
        '  Fix: put [^sergei-ryabkov] right after a name of the entry (Sergei Ryabkov, Ryabkov, Sergey Ryabkov), or replace it with an editor’s note [^ed-…] that says who or what is meant, with [^sergei-ryabkov] after the name in the note',
    ]);
  });

  it('checks the glossary markers inside an editor’s note as those in the text', async () => {
    const c = contentCopy();
    c.edit(ARTICLE, '[^ed-ryabkov]: Sergei Ryabkov[^sergei-ryabkov]', '[^ed-ryabkov]: The delegate[^sergei-ryabkov]');
    expect(await messages(c)).toEqual([
      expect.stringMatching(new RegExp(`^${ARTICLE}:${lineOf(c.read(ARTICLE), '[^ed-ryabkov]: The delegate')}:28: the marker “\\[\\^sergei-ryabkov\\]” follows “The delegate”`)),
    ]);
  });

  it('rejects a note marker in a glossary entry, where it would be shown as it is', async () => {
    const c = contentCopy();
    c.edit(KYIV, 'Capital and largest city', 'Capital[^ukraine] and largest city');
    expect(await messages(c)).toEqual([`${KYIV}:${lineOf(c.read(KYIV), 'Capital[^')}:10: the note marker “[^ukraine]” would be shown as it is: notes work only in articles\n  Fix: remove it; to point to another entry, add its id to related:`]);
  });

  it('rejects a file the collections would skip', async () => {
    const c = contentCopy();
    c.write('content/articles/draft.md', c.read(ARTICLE));
    expect(await messages(c)).toEqual([expect.stringMatching(/^content\/articles\/draft\.md: only \.mdx files in content\/articles\/ are read/)]);
  });
});
