// The kinds of glossary entry, and everything said per kind: the one table.
// No imports, so the browser's search code can read it too.

export const KINDS = {
  person: { one: 'Person', many: 'People', schemaType: 'Person' },
  organization: { one: 'Organization', many: 'Organizations', schemaType: 'Organization' },
  // Letters, drafts and signed treaties alike: CreativeWork claims no legal force.
  treaty: { one: 'Treaty or document', many: 'Treaties and documents', schemaType: 'CreativeWork' },
  event: { one: 'Event', many: 'Events', schemaType: 'Event' },
  place: { one: 'Place', many: 'Places', schemaType: 'Place' },
  concept: { one: 'Concept', many: 'Concepts', schemaType: 'DefinedTerm' },
} as const satisfies Record<string, { one: string; many: string; schemaType: string }>;

export type EntityKind = keyof typeof KINDS;

/** In the glossary's order. */
export const ENTITY_KINDS = Object.keys(KINDS) as [EntityKind, ...EntityKind[]];

export const isKind = (kind: string): kind is EntityKind => Object.hasOwn(KINDS, kind);
