// YAML frontmatter with the file line of each field, for errors that name
// file and line (the content check and the glossary loader alike).
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';

export function parseYaml(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  // Lines in the file: the frontmatter starts on line 2, after “---”.
  const fileLine = (pos: number) => lineCounter.linePos(pos).line + 1;
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
      return 2;
    },
  };
}
