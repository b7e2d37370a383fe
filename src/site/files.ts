// The one walk over a folder: the build (the text face, the search index), the tests and the benches.
import fs from 'node:fs';
import path from 'node:path';

/**
 * Every file under `dir` (not following links to folders), as sorted paths
 * relative to it with "/" ("glossary/kyiv/index.html"); a folder whose name
 * `skip` accepts is left out whole. None when `dir` does not exist.
 */
export function filesUnder(dir: string, skip: (folder: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (!e.isDirectory()) out.push(child);
      else if (!skip(e.name)) walk(child);
    }
  };
  if (fs.existsSync(dir)) walk('');
  return out.sort();
}
