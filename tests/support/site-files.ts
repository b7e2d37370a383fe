// Reads a built site in any folder (a test's own build, not dist/): its
// pages, and the text Pagefind indexed for them.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { HtmlValidate, type Message } from 'html-validate';
import { filesUnder } from '../../src/site/files.ts';

/** Every HTML file under `dir`, as paths relative to it ("glossary/kyiv/index.html"). */
export const htmlFiles = (dir: string) => filesUnder(dir).filter((f) => f.endsWith('.html'));

/** An entry's preview (glossary/<id>/preview.html): a fragment fetched by the preview script, not a page. */
export const isPreviewFragment = (rel: string) => /(^|\/)preview\.html$/.test(rel);

/** Every page under `dir`: its HTML files less the preview fragments. */
export const htmlPages = (dir: string) => htmlFiles(dir).filter((f) => !isPreviewFragment(f));

export const readPage = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');
export const parsePage = (html: string): Root => fromHtml(html);

export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  [key: string]: unknown;
}

/** Pagefind's per-page records (gzip of "pagefind_dcd" + JSON), as it will show them in results. */
export function pagefindFragments(dir: string): PagefindFragment[] {
  const fragments = path.join(dir, 'pagefind', 'fragment');
  return fs.readdirSync(fragments).map((f) => {
    const raw = zlib.gunzipSync(fs.readFileSync(path.join(fragments, f))).toString('utf8');
    return JSON.parse(raw.replace(/^pagefind_dcd/, '')) as PagefindFragment;
  });
}

/**
 * html-validate's recommended rules, less those about style rather than
 * validity (tests/build/html-validate.test.ts uses the same):
 * - `doctype-style`, `void-style`: how the doctype and void elements are
 *   spelled (Astro writes <!DOCTYPE html> and <meta …>), not whether they are valid;
 * - `long-title`: a search-engine length advice for <title>; the titles are the texts' own.
 */
export const VALIDATION_CONFIG = {
  extends: ['html-validate:recommended'],
  rules: {
    'doctype-style': 'off',
    'void-style': 'off',
    'long-title': 'off',
    // A filter's checkboxes share their name, as a form submits them (kind=a&kind=b).
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
} as const;

/** Errors html-validate reports for a page (severity 2 only). */
export async function validationErrors(html: string, name: string): Promise<Message[]> {
  const validator = new HtmlValidate(VALIDATION_CONFIG as never);
  const report = await validator.validateString(html, name);
  return report.results.flatMap((r) => r.messages).filter((m) => m.severity === 2);
}
