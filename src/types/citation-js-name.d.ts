// @citation-js/name ships no types; the one function src/edition/citation.ts uses.
declare module '@citation-js/name' {
  import type { CSLName } from '@citation-js/core';
  /** "Fred Kaplan" → { given: "Fred", family: "Kaplan" }. */
  export function parse(name: string): CSLName;
}
