// Vite wraps every dynamic import() of a page script in its preload helper
// so it can fetch the chunk's CSS and imports alongside.
// Our lazy chunks (note previews, search) import nothing and bring no CSS, so
// the helper would only add weight to the script every page loads. Vite has
// no option to leave it out (vitejs/vite#13952), so this plugin unwraps the
// calls in our page scripts' chunks, `__vitePreload(() => import("./x.js"), deps)`
// → `(() => import("./x.js"))()`, before minification, which then drops the
// unused helper.
import type { Plugin } from 'vite';

const CALL = /(?<![\w$])__vitePreload\((?=\s*\(\)\s*=>)/g;
const DEPS = /,\s*__VITE_PRELOAD__\w*\s*\)/g;

/** `dir`: the folder of the page scripts (an absolute path ending in “/”); chunks holding any of them are unwrapped. */
export function lazyChunks(dir: string): Plugin {
  return {
    name: 'edition:lazy-chunks',
    apply: 'build',
    enforce: 'post',
    renderChunk(code, chunk) {
      if (!chunk.moduleIds.some((id) => id.startsWith(dir)) || !code.includes('__vitePreload')) return null;
      const calls = code.match(CALL)?.length ?? 0;
      const unwrapped = code.match(DEPS)?.length ?? 0;
      const out = code.replace(CALL, '(').replace(DEPS, ')()');
      // Every call unwrapped, or none: a call left half-changed would not run.
      if (unwrapped !== calls) this.error(`lazy-chunks: ${calls} preload calls in ${chunk.fileName}, ${unwrapped} unwrapped`);
      return { code: out, map: null };
    },
  };
}

type ModuleInfo = { importers: readonly string[]; dynamicImporters: readonly string[] } | null;

/**
 * Whether a module is in `dir`, or imported only from there (directly or
 * through other such modules): for a manual chunk that takes a folder and
 * what it alone needs, with no list of files to keep up to date.
 */
export function onlyUnder(dir: string, id: string, getModuleInfo: (id: string) => ModuleInfo, path: ReadonlySet<string> = new Set()): boolean {
  if (id.startsWith(dir)) return true;
  // An import cycle that never reaches the folder.
  if (path.has(id)) return false;
  const info = getModuleInfo(id);
  const importers = info ? [...info.importers, ...info.dynamicImporters] : [];
  return importers.length > 0 && importers.every((importer) => onlyUnder(dir, importer, getModuleInfo, new Set(path).add(id)));
}
