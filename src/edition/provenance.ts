// How the about page words what is known of a text: each statement only as
// firm as its certainty in the frontmatter. Pure; the page renders it.
export type Certainty = 'verified' | 'probable' | 'inferred' | 'unknown';

/** "Slate.", "Probably Slate.", "Fred Kaplan, by the editor’s inference.", "Not known." */
export function statedAs(certainty: Certainty, value: string | undefined): string {
  if (!value || certainty === 'unknown') return 'Not known.';
  if (certainty === 'verified') return `${value}.`;
  if (certainty === 'probable') return `Probably ${value}.`;
  return `${value}, by the editor’s inference; not verified.`;
}

/** A text's headline: the one found for it, as firmly as it is known, or the editor's title said to be the editor's. */
export function headlineStatement(title: string, titleSource: 'republished' | 'editorial', certainty: Certainty): string {
  if (titleSource === 'editorial') return `None known. “${title}” is the editor’s title for this edition.`;
  return statedAs(certainty, `“${title}”`).replace(/^Probably (“.*”)\.$/, 'Probably the original: $1.');
}

/** A text's date range, prefixed by how it is known. */
export function dateStatement(certainty: Certainty, range: string): string {
  if (certainty === 'verified') return `${range}.`;
  if (certainty === 'probable') return `Probably ${range}.`;
  if (certainty === 'inferred') return `${range}, inferred from what the text reports; not verified.`;
  return 'Not known.';
}
