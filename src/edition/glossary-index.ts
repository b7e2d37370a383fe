// The glossary index's order and one-line descriptions. Pure; the page renders them.

// Words after a family name that are not it: "Martin Luther King Jr."
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/**
 * The key a name is filed under: a person by family name ("Putin, Vladimir"),
 * everything else as written. Names are given name first, as the glossary writes them.
 */
export function sortName(name: string, kind: string): string {
  if (kind !== 'person') return name;
  const words = name.trim().split(/\s+/);
  let last = words.length - 1;
  while (last > 0 && SUFFIX.test(words[last])) last--;
  if (last === 0) return name;
  return [words[last], ...words.slice(0, last), ...words.slice(last + 1)].join(' ').replace(' ', ', ');
}

/** Entries in index order: by sort name, case and accents ignored. */
export function byIndexOrder<T extends { name: string; kind: string }>(items: readonly T[]): T[] {
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  return [...items].sort((a, b) => collator.compare(sortName(a.name, a.kind), sortName(b.name, b.kind)) || collator.compare(a.name, b.name));
}

// A full stop after these ends no sentence: "U.S. officials", "Dec. 2", "J. F. Kennedy".
const ABBREVIATION = /(?:\b[A-Z]|\b(?:[A-Z]\.)+[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|No|vs|etc|e\.g|i\.e|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec))$/;

/** The first sentence of a plain-text summary, with its closing punctuation. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /[.!?][”’")]?(?= [“"‘(]?[\p{Lu}\d])/gu;
  for (let m = end.exec(flat); m; m = end.exec(flat)) {
    if (m[0][0] === '.' && ABBREVIATION.test(flat.slice(0, m.index))) continue;
    return flat.slice(0, m.index + m[0].length);
  }
  return flat;
}
