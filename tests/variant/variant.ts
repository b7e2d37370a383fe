// The variant edition: one full build that holds every condition the
// built-site robustness tests need, so that they share it instead of building
// a copy each. Twelve articles made from the three texts (more than the search
// page has boxes for), hosted under a sub-path, an image in an article,
// hostile text in a glossary entry, and one first mention left without its
// note (a warning, which must not stop the build). Built once by
// global-setup.ts; the tests find it through `inject('variant')`.
import path from 'node:path';
import { ARTICLE, KYIV, lineOf } from '../support/content-mistakes.ts';
import { writeEdition } from '../support/edition.ts';
import type { ProjectCopy } from '../support/project-copy.ts';

export const BASE = '/edition/';
export const ARTICLES = 12;
export const IMAGE = 'test-rectangle';
/** The image as the article links it: relative to the MDX file, as authors write it. */
export const IMAGE_SRC = path.posix.relative('content/articles', `content/images/${IMAGE}.svg`);

export const HOSTILE = '</script><script>alert(1)</script> "quotes" <b>bold</b>';
export const TOKEN = 'Zanzibarquux';
/** The hostile entry's fields. The first sentence of the summary is what an article's "Names in this text" shows. */
export const HOSTILE_FIELDS = {
  summary: `${TOKEN} ${HOSTILE} & more. Capital of Ukraine.`,
  alias: `${TOKEN} alias ${HOSTILE}`,
  later: `${TOKEN} later ${HOSTILE}.`,
  body: `${TOKEN} body ${HOSTILE}`,
};

/** Where the one warning must point: the mention of Kiev left without its note. */
export interface Warning {
  file: string;
  line: number;
  column: number;
}

export interface VariantBuild {
  root: string;
  dist: string;
  /** The build's output, and the editors' check's, run on the same copy. */
  buildOutput: string;
  checkOutput: string;
  checkCode: number | null;
  checkSeconds: number;
  warning: Warning;
}

/** Make every change of the variant in a copy of the project; returns where the warning must point. */
export function makeVariant(copy: ProjectCopy): Warning {
  writeEdition(copy.root, ARTICLES);
  copy.write(`content/images/${IMAGE}.svg`, '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#888"/></svg>\n');
  copy.edit(ARTICLE, /\n\nBut there were also signs/, `\n\n![A grey rectangle](${IMAGE_SRC})\n\nBut there were also signs`);
  copy.edit(ARTICLE, 'Kiev[^kyiv]', 'Kiev');
  const { summary, alias, later, body } = HOSTILE_FIELDS;
  // YAML single quotes keep the text as is; the body escapes “<” as Markdown does (\<).
  copy.edit(KYIV, /^summary: >-\n(?: {2}.*\n)+/m, `summary: '${summary}'\n`);
  copy.edit(KYIV, /^aliases:\n/m, `aliases:\n  - '${alias}'\n`);
  copy.edit(KYIV, /^ {4}text: .*$/m, `    text: '${later}'`);
  copy.edit(KYIV, /\n---\n\n/, `\n---\n\n${body.replace(/</g, '\\<')}\n\n`);
  const source = copy.read(ARTICLE);
  const line = lineOf(source, 'protesters in Kiev');
  return { file: ARTICLE, line, column: source.split('\n')[line - 1].indexOf('Kiev') + 1 };
}

declare module 'vitest' {
  export interface ProvidedContext {
    variant: VariantBuild;
  }
}
