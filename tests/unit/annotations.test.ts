import { describe, expect, it } from 'vitest';
import { createAliasMatcher } from '../../src/edition/aliases.ts';
import { unannotatedFirstMentions } from '../../src/check/annotations.ts';

const matcher = createAliasMatcher([
  { id: 'crimea', name: 'Crimea', aliases: [] },
  { id: 'annexation-of-crimea', name: 'Annexation of Crimea', aliases: ['annexed Crimea'] },
  { id: 'kyiv', name: 'Kyiv', aliases: ['Kiev'] },
]);
const missing = (body: string) => unannotatedFirstMentions(body, matcher).map((m) => `${m.entity}@${m.line}:${m.column}`);

describe('the first-mention rule', () => {
  it('asks for a marker at each entity’s first mention, and only there', () => {
    expect(missing('In Kiev.\n\nThen Kyiv[^kyiv].\n')).toEqual(['kyiv@1:4']);
    expect(missing('In Kiev[^kyiv], then Kyiv.\n')).toEqual([]);
  });

  it('counts a name inside another’s annotated name as annotated there: it cannot carry a link of its own', () => {
    expect(missing('Putin annexed Crimea[^annexation-of-crimea] in 2014.\n')).toEqual([]);
    // Its next mention of its own must carry the marker.
    expect(missing('Putin annexed Crimea[^annexation-of-crimea].\n\nCrimea is a peninsula.\n')).toEqual(['crimea@3:1']);
    // Not when the outer name carries no marker.
    expect(missing('Putin annexed Crimea.\n')).toEqual(['annexation-of-crimea@1:7', 'crimea@1:15']);
  });

  it('ignores names in editor’s notes and gaps, which are not the text', () => {
    expect(missing('A claim.[^ed-x]\n\n[^ed-x]: In Kyiv.\n\n<Gap>In Kyiv.</Gap>\n')).toEqual([]);
  });
});
