// Finds mentions of glossary entities in plain text by their names and aliases.
// Whole words only ("Kiev" never matches "Kievan"), possessives allowed
// ("Putin’s"), case folded except for acronyms ("EU", "U.S." match exactly).
import { escapeRegExp } from '../site/text.ts';

export interface Named {
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface AliasMatch {
  id: string;
  start: number;
  end: number;
}

export interface AliasMatcher {
  /** Every mention in `text`, in order of position. */
  find(text: string): AliasMatch[];
}

/** Same-length folding, so offsets in the folded text are offsets in the original. */
export function foldPunctuation(text: string): string {
  return text.replace(/[’‘‛′]/g, "'").replace(/[“”„″]/g, '"').replace(/[‐‑‒–—]/g, '-');
}

/** An alias with no lowercase letter is an acronym and must match in exact case. */
const isAcronym = (alias: string) => !/\p{Ll}/u.test(alias);


/**
 * The one key by which spellings compare: punctuation folded as the matcher
 * folds the text, runs of spaces as one, and case folded unless `exact`.
 * The glossary's uniqueness check uses it case-folded, so two aliases it lets
 * through can never collide in the matcher.
 */
export function aliasKey(alias: string, exact = false): string {
  const key = foldPunctuation(alias).replace(/\s+/g, ' ').trim();
  return exact ? key : key.toLowerCase();
}

/** Words too common to be a name: as an alias, every one in every text would become a mention. */
const STOP_WORDS = new Set(
  ('a an the and or but nor of in on at to for from by with as into onto over under about after before ' +
    'is are was were be been it its this that these those he she they we you i me him her his hers their ' +
    'them our us my your who what which when where why how not no so if then than there here all any some ' +
    'one two also more most such only very can will would should may might must do did does has have had').split(' '),
);

/** Why an alias cannot be a name (too short, or a common word), or undefined when it can. */
export function aliasProblem(alias: string): string | undefined {
  if ((alias.match(/[\p{L}\p{N}]/gu) ?? []).length < 2) return 'is too short to be a name (fewer than two letters)';
  // An acronym matches in exact case only: “US” never matches “us”.
  if (isAcronym(alias)) return undefined;
  const words = aliasKey(alias).split(/[\s'-]+/).filter(Boolean);
  if (words.every((w) => STOP_WORDS.has(w))) return 'is a common word, not a name: every one in the texts would count as a mention';
  return undefined;
}

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * The aliases as one pattern shaped like a trie, "Minsk(?:\s+agreement(?:s)?)?",
 * rather than one alternative per alias. A regex tries alternatives one by
 * one at every word start, so a flat list of several hundred aliases made
 * matching the slowest step of annotating a large edition. Each branch of the
 * trie starts with a different character (or a run of spaces), so at most one
 * can match, and a longer alias is tried before the shorter one it extends:
 * the match is the longest alias, as it was with the list sorted by length.
 */
function trieSource(aliases: readonly string[], exact: boolean): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const alias of aliases) {
    let node = root;
    for (const token of foldPunctuation(alias.trim()).match(/\s+|[^]/gu) ?? []) {
      const key = /^\s/.test(token) ? '\\s+' : escapeRegExp(exact ? token : foldCase(token));
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const source = (node: TrieNode): string => {
    const branches = [...node.next].map(([key, child]) => key + source(child));
    if (branches.length === 0) return '';
    const group = branches.length === 1 && !node.end ? branches[0] : `(?:${branches.join('|')})`;
    return node.end ? `${group}?` : group;
  };
  return `(?:${source(root)})`;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Whether a letter or digit ends just before `index` (a whole code point, surrogate pairs included). */
function wordCharBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  const pair = index >= 2 && /[\ud800-\udbff][\udc00-\udfff]/.test(text.slice(index - 2, index));
  return WORD_CHAR.test(text.slice(pair ? index - 2 : index - 1, index));
}

/** A character's lower case, when that is one character (the case-insensitive pass treats both the same). */
const foldCase = (c: string) => {
  const lower = c.toLowerCase();
  return [...lower].length === 1 ? lower : c;
};

export function createAliasMatcher(entries: Iterable<Named>): AliasMatcher {
  const owner = new Map<string, string>(); // alias key → entity id
  const exact: string[] = [];
  const folded: string[] = [];
  for (const e of entries) {
    for (const alias of new Set([e.name, ...e.aliases])) {
      const acronym = isAcronym(alias);
      owner.set(aliasKey(alias, acronym), e.id);
      (acronym ? exact : folded).push(alias);
    }
  }
  // No lookbehind for the word start: the regex would test it at every
  // position; `find` tests it only where a name matched, which scans much faster.
  const build = (aliases: string[], exact: boolean) =>
    aliases.length === 0 ? null : new RegExp(`${trieSource(aliases, exact)}(?![\\p{L}\\p{N}])`, exact ? 'gu' : 'giu');
  const passes = [
    { re: build(exact, true), exact: true },
    { re: build(folded, false), exact: false },
  ];

  // A longer alias can contain another entity's alias ("Kremlin ceremony"
  // holds "Kremlin"). The scan takes the longest, so record the inner ones
  // once, here, and look for them only inside such a match.
  const single = (alias: string) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(aliasKey(alias, true)).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, isAcronym(alias) ? 'gu' : 'giu');
  const all = [...exact, ...folded].map((alias) => ({ alias, id: owner.get(aliasKey(alias, isAcronym(alias)))!, re: single(alias) }));
  const inner = new Map<string, { id: string; re: RegExp }[]>();
  const lower = new Map(all.map((o) => [o, foldPunctuation(o.alias).toLowerCase().replace(/\s+/g, ' ')]));
  for (const outer of all) {
    const outerKey = aliasKey(outer.alias, isAcronym(outer.alias));
    const text = foldPunctuation(outer.alias);
    const haystack = text.toLowerCase().replace(/\s+/g, ' ');
    // A substring test first: the regex (word boundaries, case) only runs on the few that pass.
    const contains = (o: (typeof all)[number]) => haystack.includes(lower.get(o)!);
    const within = all.filter(
      (o) => o.id !== outer.id && o.alias.length < outer.alias.length && contains(o) && ((o.re.lastIndex = 0), o.re.test(text)),
    );
    if (within.length) inner.set(outerKey, within);
  }

  return {
    find(text) {
      const results: AliasMatch[] = [];
      const seen = new Set<string>();
      const add = (m: AliasMatch) => {
        const k = `${m.id}@${m.start}`;
        if (!seen.has(k)) {
          seen.add(k);
          results.push(m);
        }
      };
      const folded = foldPunctuation(text);
      for (const { re, exact } of passes) {
        if (!re) continue;
        re.lastIndex = 0;
        for (let m = re.exec(folded); m; m = re.exec(folded)) {
          if (wordCharBefore(folded, m.index)) {
            // Not a word start: look again from the next character, as the lookbehind would have.
            re.lastIndex = m.index + (folded.codePointAt(m.index)! > 0xffff ? 2 : 1);
            continue;
          }
          const key = aliasKey(m[0], exact);
          const id = owner.get(key);
          if (!id) continue;
          add({ id, start: m.index, end: m.index + m[0].length });
          for (const { id: innerId, re: innerRe } of inner.get(key) ?? []) {
            innerRe.lastIndex = 0;
            for (let n = innerRe.exec(m[0]); n; n = innerRe.exec(m[0])) {
              add({ id: innerId, start: m.index + n.index, end: m.index + n.index + n[0].length });
            }
          }
        }
      }
      return results.sort((a, b) => a.start - b.start || b.end - a.end);
    },
  };
}
