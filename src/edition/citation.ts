// Citations of an article page: Chicago, APA and MLA from the official CSL
// styles (content/csl/, CC BY-SA 3.0), BibTeX and CSL-JSON, all formatted by
// citation-js at build time; the pages carry only the text it returns.
//
// The page is what is cited: this edition's text, its version and revision
// date, with the original publication as far as it is known. What is not
// verified is marked the same way in every format (docs/citing.md): square
// brackets for what the editor supplies, "?" for an inferred or probable name
// or headline ("[Fred Kaplan?]", "[Slate?]"), "c." for an inferred date
// ("[c. 13 January 2022]"), "[untitled]" where no headline was found.
import { Cite, plugins, type CSL } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import { parse as parseName } from '@citation-js/name';
import chicago from '../../content/csl/chicago-notes-bibliography.csl?raw';
import apa from '../../content/csl/apa.csl?raw';
import mla from '../../content/csl/modern-language-association.csl?raw';
import { formatDate } from './dates.ts';
import type { Certainty } from './provenance.ts';
import type { ArticleData } from '../schema/schema.ts';

export const STYLES = [
  { id: 'chicago', label: 'Chicago', note: 'Note', csl: chicago },
  { id: 'apa', label: 'APA', note: 'In text', csl: apa },
  { id: 'mla', label: 'MLA', note: 'In text', csl: mla },
] as const;
export type StyleId = (typeof STYLES)[number]['id'];

/** Stands for a paragraph's number in the paragraph citations, which a script fills in (src/client/take.ts). */
export const PARAGRAPH = '9999999';

export interface CitedPage {
  slug: string;
  title: string;
  /** The page's absolute address. */
  url: string;
  data: Pick<ArticleData, 'titleSource' | 'dating' | 'provenance'>;
  edition: { name: string; version: string; revised: string };
}

/** The five formats of one page or paragraph; `notes` (a paragraph's only) are the styles' notes or in-text citations. */
export interface Citations {
  references: Record<StyleId, string>;
  notes?: Record<StyleId, string>;
  bibtex: string;
  csl: string;
}

/**
 * A style without its sort keys. Every citation here holds one item, which
 * they cannot reorder, yet citeproc expands each macro a sort key names,
 * afresh at every use, when it builds a style's engine: for Chicago and APA
 * that was most of the build's citation work.
 */
export const unsorted = (xml: string) => xml.replace(/<sort>[\s\S]*?<\/sort>/g, '');

const csl = plugins.config.get('@csl') as { styles: { has(id: string): boolean; add(id: string, xml: string): void } };
for (const style of STYLES) if (!csl.styles.has(`edition-${style.id}`)) csl.styles.add(`edition-${style.id}`, unsorted(style.csl));

/** A name as the evidence allows: itself when verified, "[name?]" when probable or inferred, nothing when unknown. */
export function marked(certainty: Certainty, value: string | undefined): string | undefined {
  if (!value || certainty === 'unknown') return undefined;
  return certainty === 'verified' ? value : `[${value}?]`;
}

/** The CSL-JSON item of a page, or of one paragraph of it (its address then ends in the paragraph's id). */
export function citationItem(page: CitedPage, paragraph?: string): CSL {
  const { dating, provenance } = page.data;
  const author = marked(provenance.author.certainty, provenance.author.name);
  const publisher = marked(provenance.publication.certainty, provenance.publication.name);
  const original = originalDate(dating);
  // The headline it first ran under: this title as firmly as it is known, or "[untitled]" where none was found.
  const originalTitle = page.data.titleSource === 'editorial' ? '[untitled]' : marked(provenance.headline.certainty, page.title);
  const item: CSL = {
    id: page.slug,
    // BibTeX keys take no hyphens (citation-js would make up its own key).
    'citation-key': page.slug.replace(/-/g, '_'),
    type: 'webpage',
    title: page.title,
    'container-title': page.edition.name,
    version: page.edition.version,
    issued: { 'date-parts': [dateParts(page.edition.revised)] },
    URL: paragraph ? `${page.url}#p-${paragraph}` : page.url,
  };
  if (author) item.author = [provenance.author.certainty === 'verified' ? parseName(author) : { literal: author }];
  if (originalTitle) item['original-title'] = originalTitle;
  if (publisher) item['original-publisher'] = publisher;
  if (original) item['original-date'] = original;
  // BibTeX has no field for an original publication: its note carries the same marked values.
  const first = [originalTitle, publisher, original?.literal ?? (original && formatDate(dating.earliest))].filter(Boolean);
  if (first.length) item.note = `First published as ${first.join(', ')}`;
  return item;
}

/** Every format of a page's citation. */
export function pageCitations(page: CitedPage): Citations {
  return formats(new Cite(citationItem(page)));
}

/** Every format of a paragraph's citation, with PARAGRAPH where its number goes: made once per page. */
export function paragraphCitations(page: CitedPage): Citations {
  const cite = new Cite(citationItem(page, PARAGRAPH));
  const entry = [{ id: page.slug, locator: PARAGRAPH, label: 'paragraph' as const }];
  const notes = Object.fromEntries(
    STYLES.map((s) => [s.id, cite.format('citation', { format: 'text', style: `edition-${s.id}`, lang: 'en-US', entry, citationsPre: [], citationsPost: [] }) as string]),
  ) as Record<StyleId, string>;
  return { ...formats(cite), notes };
}

function formats(cite: Cite): Citations {
  const references = Object.fromEntries(
    STYLES.map((s) => [s.id, (cite.format('bibliography', { format: 'text', style: `edition-${s.id}`, lang: 'en-US' }) as string).trim()]),
  ) as Record<StyleId, string>;
  return {
    references,
    bibtex: (cite.format('bibtex', { format: 'text' }) as string).trim(),
    csl: JSON.stringify(cite.data, null, 2),
  };
}

/** When the text first appeared: a date when verified, "[c. date]" when inferred or probable. */
function originalDate(dating: ArticleData['dating']): CSL['original-date'] | undefined {
  if (dating.certainty === 'unknown') return undefined;
  if (dating.certainty === 'verified') return { 'date-parts': [dateParts(dating.earliest)] };
  return { literal: `[c. ${formatDate(dating.earliest)}]` };
}

function dateParts(date: string): [number] | [number, number] | [number, number, number] {
  return date.split('-').map(Number) as [number] | [number, number] | [number, number, number];
}
