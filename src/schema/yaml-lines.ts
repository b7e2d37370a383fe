// YAML with the file line of each field, for errors that name file and line:
// an entry's or an article's frontmatter, and content/corrections.yaml.
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';

/** The `---` block a Markdown or MDX file starts with (a byte-order mark and trailing spaces allowed). */
const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export interface Frontmatter {
  /** The YAML between the `---` lines. */
  yaml: string;
  /** Characters of the whole block, `---` lines included: the body starts there. */
  length: number;
  /** Lines of the whole block: the body's first line is the file's `lines + 1`. */
  lines: number;
}

/** The frontmatter of a Markdown or MDX file, or undefined when it has none. */
export function splitFrontmatter(source: string): Frontmatter | undefined {
  const m = FRONTMATTER.exec(source);
  return m ? { yaml: m[1], length: m[0].length, lines: m[0].split('\n').length - 1 } : undefined;
}

/** `firstLine`: the file line the YAML starts on (2 in frontmatter, after “---”). */
export function parseYaml(text: string, firstLine = 2) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const fileLine = (pos: number) => lineCounter.linePos(pos).line + firstLine - 1;
  const error = doc.errors[0] && { line: fileLine(doc.errors[0].pos[0]), message: doc.errors[0].message.split('\n')[0] };
  return {
    doc: doc as Document,
    error,
    /** The line of the deepest node on `at` that exists (the field itself, or its parent when it is missing). */
    lineOf(at: readonly PropertyKey[]): number {
      for (let depth = at.length; depth > 0; depth--) {
        // A field's key line ("aliases:" rather than the list below it); for list items, the item.
        const parent = depth === 1 ? doc.contents : doc.getIn(at.slice(0, depth - 1) as unknown[], true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === at[depth - 1]);
          const key = pair?.key;
          if (isNode(key) && key.range) return fileLine(key.range[0]);
        }
        const node = doc.getIn(at.slice(0, depth) as unknown[], true);
        if (isNode(node) && node.range) return fileLine(node.range[0]);
      }
      return firstLine;
    },
  };
}
