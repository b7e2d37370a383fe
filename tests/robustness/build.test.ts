// The build itself under test, where the content check cannot stand in for
// it: a failed build names the mistake with file, line and fix, and leaves the
// previous dist/ exactly as it was (no half-built site in .build/ either).
// One mistake per stage at which the build finds them: when the config loads
// (the glossary), in Astro's own MDX compiler (a syntax error), in the check
// inside the build's pipeline (an article's markers); and a failure that is
// Astro's, not the content's. Every mistake of the table is checked
// in-process in content-check.test.ts, and the build reports the same
// message as the check, word for word.
import fs from 'node:fs';
import { afterAll, describe, it, type ExpectStatic } from 'vitest';
import { checkContent } from '../../src/check/content-check.ts';
import { CASES } from '../support/content-mistakes.ts';
import { copyProject, runBuild, SEEDS, snapshot, type ProjectCopy } from '../support/project-copy.ts';

/** One case per stage of the build that finds content mistakes. */
const STAGES: Record<string, string> = {
  'when the config loads': 'an alias claimed by two entities',
  'in Astro’s MDX compiler': 'malformed MDX: an unclosed tag',
  'in the check inside the build’s pipeline': 'a glossary marker after words that are not a name of its entry',
};

const copies: ProjectCopy[] = [];
afterAll(() => {
  for (const c of copies) c.remove();
});

function fresh(): { copy: ProjectCopy; sentinel: Map<string, string> } {
  const copy = copyProject({ prefix: 'edition-bad-' });
  copies.push(copy);
  const marker = `sentinel ${Math.random()}`;
  copy.write('dist/index.html', `<!doctype html><title>previous site</title><!-- ${marker} -->\n`);
  copy.write('dist/pagefind/pagefind.js', `// ${marker}\n`);
  copy.write('dist/glossary/kyiv/index.html', `<!-- ${marker} -->\n`);
  return { copy, sentinel: snapshot(copy.file('dist')) };
}

/** What every failed build must show. */
function expectCleanFailure(expect: ExpectStatic, copy: ProjectCopy, sentinel: Map<string, string>, result: Awaited<ReturnType<typeof runBuild>>) {
  expect(result.timedOut, 'the build hung').toBe(false);
  expect(result.code, result.output).not.toBe(0);
  expect(result.output).toMatch(/dist\/ was left as it was/);
  expect(snapshot(copy.file('dist')), 'dist/ changed').toEqual(sentinel);
  expect(fs.readdirSync(copy.file('.build')).filter((f) => f.startsWith('dist-')), 'a half-built site was left in .build/').toEqual([]);
}

describe.concurrent('a failed build', () => {
  for (const [stage, name] of Object.entries(STAGES)) {
    it(`a mistake found ${stage} (${name}) stops it with the check’s message and leaves dist/ as it was`, async ({ expect }) => {
      const c = CASES.find((x) => x.name === name);
      if (!c) throw new Error(`no case “${name}” in tests/support/content-mistakes.ts`);
      const { copy, sentinel } = fresh();
      const want = c.mistake(copy);
      const result = await runBuild(copy.root);
      expectCleanFailure(expect, copy, sentinel, result);
      const where = want.line ? `${want.file}:${want.line}` : want.file;
      // The error line: "✗ path:line[:col]: problem", then "  Fix: …".
      const error = `\n${result.output}`.split('\n✗ ').find((block) => block.startsWith(`${where}:`) || block.startsWith(`${where} `));
      expect(error, `no error at ${where} in:\n${result.output}`).toBeDefined();
      expect(error).toMatch(want.message);
      expect(error).toMatch(/\n {2}Fix: \S/);
      // Word for word what the editors' check says.
      const [first] = (await checkContent(copy.root, { seedsDir: SEEDS })).errors;
      expect(result.output).toContain(`✗ ${first.message}`);
      expect(result.output, 'Astro must not have started').not.toMatch(/astro build/);
      expect(result.output, 'no stack trace').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    });
  }

  it('a failure inside Astro (after the content check passed) is named as Astro’s and leaves dist/ untouched', async ({ expect }) => {
    const { copy, sentinel } = fresh();
    copy.edit('src/pages/about.astro', /^---\n/, '---\nconst broken = (undefined as unknown as { x: number }).x;\n');
    const result = await runBuild(copy.root);
    expectCleanFailure(expect, copy, sentinel, result);
    expect(result.output).toMatch(/✓ content check/);
    expect(result.output).toMatch(/The Astro build failed \(exit \d+\) after the content check had passed/);
  });
});
