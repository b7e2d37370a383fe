// The edition's name and version.

export const SITE = {
  name: 'Before the Invasion',
  tagline: 'Three commentaries on the Russia–Ukraine crisis of winter 2021–22, annotated',
};

/**
 * The edition as published: its version and the day of its last revision.
 * A new version needs its corrections listed in content/corrections.yaml,
 * the latest of them dated this day (a test holds the two together).
 */
export const EDITION = { version: '1.1', revised: '2026-12-03' };
