// The astro step's V8 heap (src/cli/build.mjs), unless NODE_OPTIONS sets it.
// - Old space: Node's default (about 4 GB) is what runs out first on a large
//   edition, so half the machine's memory.
// - Young generation: the annotated pages make many short-lived objects (a
//   note's HTML is built, joined and dropped), and Node's 16 MB semi-spaces
//   collect them over and over; larger ones save a share of a large build's
//   CPU (docs/performance.md).
export const SEMI_SPACE_MB = 64;

/**
 * @param {string | undefined} given NODE_OPTIONS as the user set it
 * @param {number} totalmem bytes of memory on the machine
 */
export function astroNodeOptions(given = '', totalmem) {
  const options = [given];
  if (!/--max-old-space-size/.test(given)) options.push(`--max-old-space-size=${Math.max(4096, Math.floor(totalmem / 2 / 2 ** 20))}`);
  if (!/--max-semi-space-size/.test(given)) options.push(`--max-semi-space-size=${SEMI_SPACE_MB}`);
  return options.join(' ').trim();
}
