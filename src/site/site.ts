// Site-wide names and the link helper pages use.
import { joinBase } from './urls.ts';

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

/** A site path with the configured base: url('glossary/') → "/glossary/" or "/edition/glossary/". */
export const url = (path = '') => joinBase(import.meta.env.BASE_URL, path);

export const KIND_LABELS: Record<string, { one: string; many: string }> = {
  person: { one: 'Person', many: 'People' },
  organization: { one: 'Organization', many: 'Organizations' },
  treaty: { one: 'Treaty or document', many: 'Treaties and documents' },
  event: { one: 'Event', many: 'Events' },
  place: { one: 'Place', many: 'Places' },
  concept: { one: 'Concept', many: 'Concepts' },
};

