// A failed build leaves dist/ exactly as it was. Astro empties its output
// folder before it renders pages, and an article's mistake is found while it
// compiles, after that: so `astro build` writes into a staging folder of its
// own, which replaces dist/ only when every step (pages, sitemap, search
// index, headers) has succeeded. `astro dev` and `astro preview` use dist/ as
// configured.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

const UNTOUCHED = 'dist/ was left as it was.';

/**
 * `explain` says why a build ended without publishing. The first integration of the build: points `outDir` at `.build/dist-<pid>`.
 * Its `publish` partner, the last one, renames that folder into place.
 */
export function stagedOutput(explain: (code: number) => string): { stage: AstroIntegration; publish: AstroIntegration } {
  let staging: string | undefined;
  let dist: string | undefined;
  let published = false;
  const stage: AstroIntegration = {
    name: 'edition:stage',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        dist = fileURLToPath(config.outDir);
        staging = path.join(root, '.build', `dist-${process.pid}`);
        fs.mkdirSync(path.dirname(staging), { recursive: true });
        removeStale(path.dirname(staging));
        fs.rmSync(staging, { recursive: true, force: true });
        // The articles' paragraph data live beside the staging folder, for this build only.
        process.env.EDITION_PARAGRAPHS_DIR = `${staging}-paragraphs`;
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
        // Astro has no hook for a failed build: whatever ends the process
        // without a publish removes the half-built folder.
        process.once('exit', (code) => {
          cleanUp(staging!);
          if (!published) console.error(`\n✗ ${explain(code)} ${UNTOUCHED}`);
        });
      },
    },
  };
  const publish: AstroIntegration = {
    name: 'edition:publish',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        if (!staging || !dist) return;
        const built = fileURLToPath(dir);
        if (!fs.existsSync(path.join(built, 'index.html')) || !fs.existsSync(path.join(built, 'pagefind', 'pagefind.js'))) {
          throw new Error('the build produced no index.html or no search index');
        }
        // Swap: the old site stays in place until the new one is complete.
        const old = `${dist.replace(/\/$/, '')}.old-${process.pid}`;
        if (fs.existsSync(dist)) fs.renameSync(dist, old);
        try {
          fs.renameSync(built, dist);
        } catch (err) {
          if (fs.existsSync(old)) fs.renameSync(old, dist);
          throw new Error(`could not move the new site into dist/ (${(err as Error).message})`);
        }
        fs.rmSync(old, { recursive: true, force: true });
        published = true;
        logger.info(`site written to ${path.relative(process.cwd(), dist) || '.'}/`);
      },
    },
  };
  return { stage, publish };
}

function cleanUp(staging: string) {
  fs.rmSync(staging, { recursive: true, force: true });
  fs.rmSync(`${staging}-paragraphs`, { recursive: true, force: true });
}

/** Folders left by builds that were killed (their process is gone). */
function removeStale(dir: string) {
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const pid = Number(/^dist-(\d+)(?:$|-)/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    }
  }
}
