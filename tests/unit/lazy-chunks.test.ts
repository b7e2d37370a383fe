// src/plugins/vite-lazy-chunks.ts: which modules join the search chunk, from the module graph.
import { describe, expect, it } from 'vitest';
import { onlyUnder } from '../../src/plugins/vite-lazy-chunks.ts';

const SEARCH = '/p/src/client/search/';

/** A module graph from "importer → imported" pairs; dynamic imports marked with “~”. */
function graph(edges: string[]) {
  const info = new Map<string, { importers: string[]; dynamicImporters: string[] }>();
  const of = (id: string) => info.get(id) ?? (info.set(id, { importers: [], dynamicImporters: [] }), info.get(id)!);
  for (const edge of edges) {
    const [from, arrow, to] = edge.split(' ');
    of(from);
    (arrow === '~>' ? of(to).dynamicImporters : of(to).importers).push(from);
  }
  return (id: string) => info.get(id) ?? null;
}

describe('onlyUnder', () => {
  const modules = graph([
    '/p/src/client/site.ts ~> /p/src/client/search/index.ts',
    '/p/src/client/search/index.ts -> /p/src/client/search/engine.ts',
    '/p/src/client/search/engine.ts -> /p/src/site/urls.ts',
    '/p/src/client/search/render.ts -> /p/src/schema/kinds.ts',
    '/p/src/site/urls.ts -> /p/src/site/deep.ts',
    '/p/src/client/site.ts -> /p/src/site/text.ts',
    '/p/src/client/search/engine.ts -> /p/src/site/text.ts',
    '/p/src/a.ts -> /p/src/b.ts',
    '/p/src/b.ts -> /p/src/a.ts',
  ]);
  const inSearch = (id: string) => onlyUnder(SEARCH, id, modules);

  it('takes the folder, and what only the folder imports, directly or through such modules', () => {
    expect(inSearch('/p/src/client/search/index.ts')).toBe(true);
    expect(inSearch('/p/src/site/urls.ts')).toBe(true);
    expect(inSearch('/p/src/schema/kinds.ts')).toBe(true);
    expect(inSearch('/p/src/site/deep.ts')).toBe(true);
  });

  it('leaves out what other code imports too, entry points, and cycles that never reach the folder', () => {
    expect(inSearch('/p/src/site/text.ts')).toBe(false);
    expect(inSearch('/p/src/client/site.ts')).toBe(false);
    expect(inSearch('/p/src/a.ts')).toBe(false);
    expect(inSearch('/p/src/unknown.ts')).toBe(false);
  });
});
