// Every mistake an editor can make by hand stops `npm run build` with a
// message naming the file, the line (where there is one) and a fix, and
// leaves the previous dist/ exactly as it was. Each case copies the project,
// puts a sentinel dist/ in place, makes one mistake and runs the real build.
// One case is the opposite: hostile text in a glossary entry builds, and is
// shown escaped everywhere.
import fs from 'node:fs';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';
import { afterAll, describe, it, type ExpectStatic } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { copyProject, run, runBuild, snapshot, type ProjectCopy } from '../support/project-copy.ts';
import { serveStatic } from '../support/server.ts';
import { htmlFiles, pagefindFragments, parsePage, readPage, validationErrors } from '../support/site-files.ts';

const ARTICLE = 'content/articles/minsk-last-chance.mdx';
const KYIV = 'content/glossary/kyiv.md';
const MOSCOW = 'content/glossary/moscow.md';

/** 1-based line of the first occurrence of `needle`; throws if absent, so a case cannot test nothing. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`“${needle}” not found`);
  return text.slice(0, at).split('\n').length;
}

/** Where the error must point: `file:line` (or just the file, for file-level mistakes). */
interface Expected {
  file: string;
  line?: number;
  message: RegExp;
}

interface Case {
  name: string;
  mistake(c: ProjectCopy): Expected;
}

/** Change `from` into `to` in `file` and expect an error at the line of `marker` (default `to`) in the result. */
const at = (c: ProjectCopy, file: string, from: string | RegExp, to: string, message: RegExp, marker = to): Expected => {
  c.edit(file, from, to);
  return { file, line: lineOf(c.read(file), marker), message };
};

const CASES: Case[] = [
  {
    name: 'an unknown footnote label',
    mistake: (c) => at(c, ARTICLE, '[^moscow]', '[^moskow]', /unknown note label “\[\^moskow\]”/),
  },
  {
    name: 'a glossary marker after words that are not a name of its entry',
    mistake: (c) => at(c, ARTICLE, 'top delegate[^ed-ryabkov]', 'top delegate[^sergei-ryabkov]', /the marker “\[\^sergei-ryabkov\]” follows “top delegate”, which is not a name of Sergei Ryabkov/),
  },
  {
    name: 'a glossary id used twice: the same entry under a second file name',
    mistake: (c) => {
      c.write('content/glossary/kiev.md', c.read(KYIV));
      return { file: KYIV, line: lineOf(c.read(KYIV), 'name: Kyiv'), message: /the name “Kyiv” is also the name of content\/glossary\/kiev\.md: the same entry seems to exist twice/ };
    },
  },
  {
    name: 'a glossary id used twice: file names that differ only in case',
    mistake: (c) => {
      c.write('content/glossary/Kyiv.md', c.read(KYIV));
      return { file: 'content/glossary/Kyiv.md', message: /same id “kyiv”: file names differ only in case/ };
    },
  },
  {
    name: 'a glossary id used twice: a `slug:` field that would rename an entry',
    mistake: (c) => at(c, MOSCOW, 'kind: place', 'kind: place\nslug: kyiv', /“slug” would replace/, 'slug: kyiv'),
  },
  {
    name: 'an alias claimed by two entities',
    mistake: (c) => at(c, MOSCOW, /^aliases:.*$/m, 'aliases: [Kiev]', /the alias “Kiev” is also claimed by content\/glossary\/kyiv\.md/),
  },
  {
    name: 'a missing frontmatter field: an article’s title',
    mistake: (c) => {
      c.edit(ARTICLE, /^title: .*\n/m, '');
      return { file: ARTICLE, line: 2, message: /the field “title” is missing/ };
    },
  },
  {
    name: 'an invalid frontmatter field: an article’s date',
    mistake: (c) => at(c, ARTICLE, /earliest: "[\d-]+"/, 'earliest: "2022-13-01"', /“dating\.earliest”: must be a real date/),
  },
  {
    name: 'an invalid frontmatter field: an entry’s kind',
    mistake: (c) => at(c, KYIV, 'kind: place', 'kind: city', /“kind”: Invalid option: expected one of/),
  },
  {
    name: 'an invalid structured date: a day that does not exist',
    mistake: (c) => at(c, KYIV, /- date: 2022-02-24/, '- date: 2022-02-30', /“later\.0\.date”: must be a real date/),
  },
  {
    name: 'an invalid structured date: an article dated latest before earliest',
    mistake: (c) => at(c, ARTICLE, /latest: "[\d-]+"/, 'latest: "2021-01-01"', /“dating\.latest” \(2021-01-01\) is before “dating\.earliest”/),
  },
  {
    name: 'a `related` reference to a missing entry',
    mistake: (c) => at(c, KYIV, '  - ukraine\n', '  - ukrane\n', /related entry “ukrane” does not exist/, '- ukrane'),
  },
  {
    name: 'a frontmatter reference to a missing seed',
    mistake: (c) => at(c, ARTICLE, /^seed: .*$/m, 'seed: "001_nothing.txt"', /the seed “001_nothing\.txt” does not exist/),
  },
  {
    name: 'malformed MDX: an unclosed tag',
    mistake: (c) => {
      c.edit(ARTICLE, '</Gap>', '');
      return { file: ARTICLE, line: lineOf(c.read(ARTICLE), '<Gap>'), message: /Expected a closing tag for `<Gap>`/ };
    },
  },
  {
    name: 'malformed MDX: a stray “<”',
    mistake: (c) => at(c, ARTICLE, 'on a grim note', 'on a grim <note', /Unexpected character/),
  },
  {
    name: 'broken footnote syntax: a marker without its closing bracket',
    mistake: (c) => at(c, ARTICLE, '[^moscow]', '[^moscow', /broken note marker “\[\^moscow”/),
  },
  {
    name: 'broken footnote syntax: an editor’s note whose definition was deleted',
    mistake: (c) => {
      c.edit(ARTICLE, /^\[\^ed-troop-numbers\]:.*\n/m, '');
      return { file: ARTICLE, line: lineOf(c.read(ARTICLE), '[^ed-troop-numbers]'), message: /unknown note label “\[\^ed-troop-numbers\]”/ };
    },
  },
  {
    name: 'broken footnote syntax: an editor’s note nothing refers to',
    mistake: (c) => {
      c.edit(ARTICLE, /(?<!^)\[\^ed-troop-numbers\]/m, '');
      return { file: ARTICLE, line: lineOf(c.read(ARTICLE), '[^ed-troop-numbers]:'), message: /\[\^ed-troop-numbers\] is never referenced/ };
    },
  },
  {
    name: 'an article whose words no longer match its source text',
    mistake: (c) => at(c, ARTICLE, 'on a grim note', 'on a grim tone', /no longer matches its seed 001_572046c2c0d40b08\.txt: “t” instead of “n”/),
  },
  {
    name: 'an entity with no summary',
    mistake: (c) => {
      c.edit(KYIV, /^summary: >-\n(?: {2}.*\n)+/m, '');
      return { file: KYIV, line: 2, message: /the field “summary” is missing/ };
    },
  },
  {
    name: 'raw HTML in an entry’s text',
    mistake: (c) => at(c, KYIV, /^Kyiv is /m, 'Kyiv <script>alert(1)</script> is ', /raw HTML “<script>”/, '<script>'),
  },
  {
    name: 'a misspelt field the site would silently ignore',
    mistake: (c) => at(c, KYIV, /^aliases:/m, 'aliasses:', /unknown field “aliasses”[\s\S]*did you mean “aliases”/),
  },
  {
    name: 'an entry put in a subfolder, which the site would not read',
    mistake: (c) => {
      c.write('content/glossary/places/lviv.md', c.read(KYIV).replace('name: Kyiv', 'name: Lviv'));
      return { file: 'content/glossary/places/', message: /a folder inside content\/glossary\/ is not read/ };
    },
  },
];

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

describe.concurrent('bad content stops the build', () => {
  for (const c of CASES) {
    it(c.name, async ({ expect }) => {
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

describe('the editors’ check', () => {
  it('warns, without failing, about an entity’s first mention with no note, with file, line and column', async ({ expect }) => {
    const copy = copyProject({ prefix: 'edition-warn-', contentOnly: false });
    copies.push(copy);
    copy.edit(ARTICLE, 'Kiev[^kyiv]', 'Kiev');
    const source = copy.read(ARTICLE);
    const line = lineOf(source, 'protesters in Kiev');
    const column = source.split('\n')[line - 1].indexOf('Kiev') + 1;
    const result = await run(path.join(copy.root, 'node_modules/.bin/tsx'), ['src/cli/check-content.ts'], copy.root);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain(`⚠ ${ARTICLE}:${line}:${column}: first mention of “Kiev” (kyiv) in this article has no note\n  Fix: add [^kyiv] right after “Kiev”`);
    expect(result.output).toMatch(/✓ content check in [\d.]+ s: 3 articles, \d+ glossary entries: 0 errors, 1 warning/);
    expect(result.seconds).toBeLessThan(15);
  });
});

describe('the build’s own check', () => {
  it('prints the same warning as the editors’ check, from inside the astro build, and builds', { timeout: 120_000 }, async ({ expect }) => {
    const { copy } = fresh();
    copy.edit(ARTICLE, 'Kiev[^kyiv]', 'Kiev');
    const source = copy.read(ARTICLE);
    const line = lineOf(source, 'protesters in Kiev');
    const column = source.split('\n')[line - 1].indexOf('Kiev') + 1;
    const result = await runBuild(copy.root);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain(`⚠ ${ARTICLE}:${line}:${column}: first mention of “Kiev” (kyiv) in this article has no note\n  Fix: add [^kyiv] right after “Kiev”`);
    expect(result.output).toMatch(/✓ content check \(in the astro build\): 3 articles, \d+ glossary entries: 0 errors, 1 warning\n/);
    expect(copy.read('dist/index.html')).not.toMatch(/previous site/); // the new site replaced the old
  });
});

// ------------------------------------------------------------ escaping

const HOSTILE = '</script><script>alert(1)</script> "quotes" <b>bold</b>';
const TOKEN = 'Zanzibarquux';

describe('hostile text in a glossary entry', () => {
  it('builds, and shows the text as text everywhere: HTML, attributes, names lists, JSON-LD, search; every page it reaches stays valid', async ({ expect }) => {
    const copy = copyProject({ prefix: 'edition-escape-' });
    copies.push(copy);
    // The first sentence is what an article's "Names in this text" shows.
    const summary = `${TOKEN} ${HOSTILE} & more. Capital of Ukraine.`;
    const alias = `${TOKEN} alias ${HOSTILE}`;
    const later = `${TOKEN} later ${HOSTILE}.`;
    const body = `${TOKEN} body ${HOSTILE}`;
    // YAML single quotes keep the text as is; the body escapes “<” as Markdown does (\<).
    copy.edit(KYIV, /^summary: >-\n(?: {2}.*\n)+/m, `summary: '${summary}'\n`);
    copy.edit(KYIV, /^aliases:\n/m, `aliases:\n  - '${alias}'\n`);
    copy.edit(KYIV, /^ {4}text: .*$/m, `    text: '${later}'`);
    copy.edit(KYIV, /\n---\n\n/, `\n---\n\n${body.replace(/</g, '\\<')}\n\n`);

    const result = await runBuild(copy.root);
    expect(result.code, result.output).toBe(0);
    const dist = copy.file('dist');

    // No page carries the text as markup.
    const reached: string[] = [];
    for (const file of htmlFiles(dist)) {
      const html = readPage(dist, file);
      if (!html.includes(TOKEN)) continue;
      reached.push(file);
      const tree = parsePage(html);
      for (const script of selectAll('script', tree)) {
        const text = toString(script);
        if (script.properties.type !== 'application/ld+json') {
          expect(text, `${file}: a script runs the entry's text`).not.toContain('alert(1)');
        } else {
          const data = JSON.parse(text);
          const strings = JSON.stringify(data).includes(TOKEN) ? deepStrings(data).filter((s) => s.includes(TOKEN)) : [];
          for (const s of strings) expect(s, `${file}: JSON-LD`).toContain(HOSTILE);
        }
      }
      expect(selectAll('b', tree).filter((b) => toString(b) === 'bold'), `${file}: <b> became markup`).toEqual([]);
      // Attributes hold the whole text, quotes included (a broken attribute would cut it at the first quote).
      for (const meta of selectAll('meta[content]', tree)) {
        const content = String(meta.properties.content);
        if (content.includes(TOKEN)) expect(content).toContain(HOSTILE);
      }
      expect(await validationErrors(html, file), `${file}: html-validate`).toEqual([]);
    }

    const entry = parsePage(readPage(dist, 'glossary/kyiv/index.html'));
    const text = toString(select('main', entry)!);
    for (const s of [summary, alias, later, body]) expect(text).toContain(s);
    expect(select('meta[name="description"]', entry)!.properties.content).toBe(summary);
    const ld = selectAll('script[type="application/ld+json"]', entry);
    if (ld.length) expect(ld.map((s) => toString(s)).join('')).toContain(TOKEN);

    // The names list of the articles that link Kyiv.
    const article = parsePage(readPage(dist, 'articles/minsk-last-chance/index.html'));
    const item = select('li#name-kyiv', article) as Element;
    expect(toString(item)).toContain(`${TOKEN} ${HOSTILE} & more.`);
    expect(reached).toEqual(expect.arrayContaining(['glossary/kyiv/index.html', 'articles/minsk-last-chance/index.html']));

    // Search: the index holds the text; the search page shows it as text and runs nothing.
    const fragment = pagefindFragments(dist).find((f) => f.url === '/glossary/kyiv/');
    expect(fragment?.content).toContain(`${TOKEN} ${HOSTILE}`);
    const server = await serveStatic(dist);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(new URL(`search/?q=${TOKEN}`, server.url).href);
      const results = page.locator('[data-search-ui]');
      await expect.poll(() => results.locator('a[href*="/glossary/kyiv/"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await results.innerText()).toContain(`${HOSTILE}`.replace(/\s+/g, ' ').slice(0, 30));
      expect(await results.locator('b, script').count()).toBe(0);
      // The article page once its scripts have run: still text, in the unfolded
      // names list and in the name's preview (its fragment is glossary text too).
      await page.goto(new URL('articles/minsk-last-chance/', server.url).href, { waitUntil: 'load' });
      await page.locator('.names .fold-toggle').click();
      expect(await page.locator('.names-list').innerText()).toContain(`${TOKEN} ${HOSTILE}`);
      await page.locator('.article-body a.name[data-entry="kyiv"]').first().hover();
      await expect.poll(() => page.locator('.popover').count()).toBe(1);
      expect(await page.locator('.popover').innerText()).toContain(`${TOKEN} ${HOSTILE}`);
      expect(await page.locator('.popover b, .popover script').count()).toBe(0);
      expect(await page.locator('main b, main script:not([src]):not([type="application/ld+json"])').count()).toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

function deepStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(deepStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(deepStrings);
  return [];
}
