// Every mistake an editor can make by hand, as a table: how to make it in a
// copy of the project, and where the error must point (file, line, message).
// The content check runs them all in-process (tests/robustness/content-check.test.ts);
// the build runs a few, one per stage it finds mistakes at (tests/robustness/build.test.ts).
import type { ProjectCopy } from './project-copy.ts';

export const ARTICLE = 'content/articles/minsk-last-chance.mdx';
export const KYIV = 'content/glossary/kyiv.md';
export const MOSCOW = 'content/glossary/moscow.md';

/** 1-based line of the first occurrence of `needle`; throws if absent, so a case cannot test nothing. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`“${needle}” not found`);
  return text.slice(0, at).split('\n').length;
}

/** Where the error must point: `file:line` (or just the file, for file-level mistakes). */
export interface Expected {
  file: string;
  line?: number;
  message: RegExp;
}

export interface Case {
  name: string;
  mistake(c: ProjectCopy): Expected;
}

/** Change `from` into `to` in `file` and expect an error at the line of `marker` (default `to`) in the result. */
const at = (c: ProjectCopy, file: string, from: string | RegExp, to: string, message: RegExp, marker = to): Expected => {
  c.edit(file, from, to);
  return { file, line: lineOf(c.read(file), marker), message };
};

export const CASES: Case[] = [
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
    name: 'two aliases that differ only in a dash the matcher folds (‒ and -)',
    mistake: (c) => {
      c.edit(KYIV, /^aliases:\n/m, 'aliases:\n  - Kyiv‒City\n');
      return at(c, MOSCOW, /^aliases:.*$/m, 'aliases: [Kyiv-City]', /the alias “Kyiv-City” is also claimed by content\/glossary\/kyiv\.md/);
    },
  },
  {
    name: 'an alias that is a common word',
    mistake: (c) => at(c, KYIV, /^aliases:\n/m, 'aliases:\n  - the\n', /the alias “the” is a common word, not a name/, '  - the\n'),
  },
  {
    name: 'an alias too short to be a name',
    mistake: (c) => at(c, KYIV, /^aliases:\n/m, 'aliases:\n  - K\n', /the alias “K” is too short to be a name/, '  - K\n'),
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
    name: 'an entry with no sources',
    mistake: (c) => at(c, MOSCOW, /^sources:\n(?:  .*\n)+/m, 'sources: []\n', /“sources”: the entry has no sources/),
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
  {
    name: 'two articles with the same series number',
    mistake: (c) => {
      c.write('content/articles/second.mdx', c.read(ARTICLE));
      return { file: 'content/articles/second.mdx', line: lineOf(c.read(ARTICLE), 'series:'), message: /series number \d+ is also used by content\/articles\/minsk-last-chance\.mdx/ };
    },
  },
  {
    name: 'an article without its --- lines',
    mistake: (c) => {
      c.edit(ARTICLE, /^---\n/, '');
      return { file: ARTICLE, line: 1, message: /no YAML frontmatter/ };
    },
  },
  {
    name: 'invalid YAML: a key written twice',
    mistake: (c) => at(c, ARTICLE, /^(series: .*)$/m, '$1\nseries: 9', /invalid YAML/, 'series: 9'),
  },
  {
    name: 'a component articles cannot use',
    mistake: (c) => at(c, ARTICLE, 'on a grim note', 'on a <Note>grim</Note> note', /<Note> is not a component articles can use/, '<Note>'),
  },
  {
    name: 'a brace that MDX reads as code',
    mistake: (c) => at(c, ARTICLE, 'on a grim note', 'on a {grim} note', /“\{grim\}” is read as code by MDX/, '{grim}'),
  },
  {
    name: 'a paragraph that MDX reads as an import',
    mistake: (c) => at(c, ARTICLE, /\n\nBut there were also signs/, '\n\nimport x from "y"\n\nBut there were also signs', /is read as a JavaScript import\/export/, 'import x'),
  },
  {
    name: 'an image that does not exist',
    mistake: (c) => at(c, ARTICLE, /\n\nBut there were also signs/, '\n\n![A map](images/none.png)\n\nBut there were also signs', /the image “images\/none\.png” does not exist/, '![A map]'),
  },
  {
    name: 'a note marker in an entry’s text, where it would be shown as it is',
    mistake: (c) => at(c, KYIV, /^Kyiv is /m, 'Kyiv[^ukraine] is ', /the note marker “\[\^ukraine\]” would be shown as it is/, 'Kyiv[^ukraine]'),
  },
  {
    name: 'a note marker in an entry’s text written with character references',
    mistake: (c) => at(c, KYIV, /^Kyiv is /m, 'Kyiv&#91;^ukraine&#93; is ', /the note marker “\[\^ukraine\]” would be shown as it is/, 'Kyiv&#91;'),
  },
  {
    name: 'an image in an entry’s text that does not exist',
    mistake: (c) => at(c, KYIV, /^Kyiv is /m, '![A map](images/none.png)\n\nKyiv is ', /the image “images\/none\.png” does not exist/, '![A map]'),
  },
  {
    name: 'a misspelt field in an article, which the site would silently ignore',
    mistake: (c) => at(c, ARTICLE, /^seed: /m, 'seeed: "x"\nseed: ', /unknown field “seeed”[\s\S]*did you mean “seed”/, 'seeed:'),
  },
];
