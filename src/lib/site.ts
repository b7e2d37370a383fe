// Site-wide names and the link helper pages use.
import { joinBase } from './urls.ts';

export const SITE = {
  name: 'Before the Invasion',
  tagline: 'Three commentaries on the Russia–Ukraine crisis of winter 2021–22, annotated',
  /** The edition's version, raised when its text or notes change in substance; cited with every text. */
  version: '1.0',
};

/**
 * The revision date pages state and citations carry: the day of the build
 * (`SOURCE_DATE_EPOCH`, in seconds, fixes it for a reproducible build).
 */
export const REVISED = new Date(
  process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now(),
)
  .toISOString()
  .slice(0, 10);

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

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
