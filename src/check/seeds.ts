// The texts as supplied, which each article must reproduce word for word.
import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '../schema/content-error.ts';
import { joinPoints } from './fidelity.ts';

/** The seeds' folder, relative to the project root. */
export const SEEDS_DIR = 'content/sources';

export interface SeedText {
  text: string;
  /** The file name, as an article's `seed:` names it. */
  name: string;
  /** The file relative to the project root, for messages. */
  rel: string;
  /** Where the text may gain a paragraph break (joinPoints), found once per check or build. */
  joins: Set<number>;
}

/** Where the seeds are: `EDITION_SEEDS_DIR`, else the project's own SEEDS_DIR. */
export const defaultSeedsDir = (root: string) => process.env.EDITION_SEEDS_DIR ?? path.resolve(root, SEEDS_DIR);

/** Every seed, read once, by file name (none when the folder is missing: the frontmatter rules say so). */
export function readSeeds(root: string, seedsDir: string): Map<string, SeedText> {
  const seeds = new Map<string, SeedText>();
  if (!fs.existsSync(seedsDir)) return seeds;
  for (const entry of fs.readdirSync(seedsDir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(seedsDir, entry.name);
    const text = fs.readFileSync(file, 'utf8');
    seeds.set(entry.name, { text, name: entry.name, rel: projectPath(root, file), joins: joinPoints(text) });
  }
  return seeds;
}
