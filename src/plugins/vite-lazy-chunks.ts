// Vite wraps every dynamic import(") of a page script in its preload helper
// so it can fetch the chunk's CSS and imports alongside.
// Our lazy chunks (note previews, search) import nothing and bring no CSS, so
// the helper would only add weight to the script every page loads. This
// plugin hides their imports from Vite's wrapper and resolves them itself,
// so Rollup still builds each chunk and writes a plain import("./chunk.js").
import type { Plugin } from 'vite';

const MARK = '__lazyChunk__';
const LAZY_IMPORT = /(?<!typeof\s+)\bimport\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*\)/g;

export function lazyChunks(include: RegExp): Plugin {
  return {
    name: 'edition:lazy-chunks',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!include.test(id) || !code.includes('import(')) return null;
      const out = code.replace(LAZY_IMPORT, (_, q: string, spec: string) => `import(${MARK}(${q}${spec}${q}))`);
      return out === code ? null : { code: out, map: null };
    },
    async resolveDynamicImport(specifier, importer) {
      if (typeof specifier === 'string') return null;
      const call = specifier as unknown as { type: string; callee?: { name?: string }; arguments?: { value?: unknown }[] };
      const target = call.type === 'CallExpression' && call.callee?.name === MARK ? call.arguments?.[0]?.value : undefined;
      if (typeof target !== 'string') return null;
      const resolved = await this.resolve(target, importer);
      if (!resolved) this.error(`lazy chunk “${target}” imported from ${importer} does not exist`);
      return resolved;
    },
  };
}
