import { describe, expect, it } from 'vitest';
import { dateKey } from '../../src/edition/dates.ts';
import { buildTimeline, byYear, compareRows, contentWords, representative, sameFact, sentence, stripFor, telling, type TimelineEntry, type TimelineText } from '../../src/edition/timeline.ts';

const texts: TimelineText[] = [
  { slug: 'one', title: 'One', series: 1, earliest: '2021-12-02', latest: '2021-12-03' },
  { slug: 'two', title: 'Two', series: 2, earliest: '2022-02-09', latest: '2022-02-10' },
];
const entry = (id: string, kind: string, dates: TimelineEntry['dates'], later: TimelineEntry['later'] = []): TimelineEntry => ({
  id,
  name: id.toUpperCase(),
  kind,
  dates,
  later,
});
const entries = [
  entry('finland', 'place', [{ date: '1948-04-06', label: 'Parliament debates the pact' }], [{ date: '2023-04-04', text: 'Joined NATO.' }]),
  entry('treaty', 'treaty', [{ date: '1948-04-06', label: 'Signed in Moscow' }]),
  entry('invasion', 'event', [], [{ date: '2022-02-24', text: 'Russia launched its full-scale invasion of Ukraine.' }]),
  entry('ukraine', 'place', [{ date: '2021-12-02', label: 'Talks' }, { date: '1991', label: 'Independence year' }, { date: '2022-02-10', label: 'Last day' }], [
    { date: '2022-02-24', text: 'Russia launched its full-scale invasion of Ukraine' },
  ]),
  entry('war', 'event', [{ date: '2014-04', end: '2022-02-24', label: 'The war in the Donbas' }]),
];

describe('buildTimeline', () => {
  const t = buildTimeline(entries, texts, (id) => (id === 'ukraine' ? [{ slug: 'two', paragraph: 'p-3' }, { slug: 'one', paragraph: 'p-1' }] : []));

  it('puts every row in chronological order, texts after the facts of their first day', () => {
    const keys = t.rows.map((r) => dateKey(r.date));
    expect(keys).toEqual([...keys].sort());
    const day = t.rows.filter((r) => r.date === '2021-12-02').map((r) => r.id);
    expect(day).toEqual(['d-2021-12-02', 'text-one']);
    for (let i = 1; i < t.rows.length; i++) expect(compareRows(t.rows[i - 1], t.rows[i])).toBeLessThan(0);
  });

  it('marks what starts after the last text as after, and nothing else', () => {
    expect(t.lastText).toBe('2022-02-10');
    const after = t.rows.filter((r) => r.after).map((r) => r.id);
    expect(after).toEqual(['d-2022-02-24', 'd-2023-04-04']);
    expect(t.rows.find((r) => r.id === 'text-two')!.after).toBe(false);
    expect(t.rows.find((r) => r.id === 'd-2022-02-10')!.after).toBe(false);
  });

  it('shows a fact told by two entries in the same words once, naming both, the event first', () => {
    const invasion = t.rows.find((r) => r.id === 'd-2022-02-24')!;
    expect(invasion.facts).toHaveLength(1);
    expect(invasion.facts[0].entries.map((e) => e.id)).toEqual(['invasion', 'ukraine']);
    expect(invasion.facts[0].articles).toEqual([{ slug: 'one', paragraph: 'p-1' }, { slug: 'two', paragraph: 'p-3' }]);
  });

  it('keeps spans and partial dates as their own rows', () => {
    expect(t.rows.find((r) => r.id === 'd-2014-04--2022-02-24')?.end).toBe('2022-02-24');
    expect(t.rows.find((r) => r.id === 'd-1991')?.facts[0].text).toBe('Independence year');
  });

  it('orders facts of one day by kind: the treaty before the place', () => {
    const day = t.rows.find((r) => r.id === 'd-1948-04-06')!;
    expect(day.facts.map((f) => f.entries[0].id)).toEqual(['treaty', 'finland']);
  });

  it('puts an entry’s own key date before another entry’s later fact of the same kind', () => {
    const day = buildTimeline(
      [
        entry('annexation', 'event', [], [{ date: '2022-02-24', text: 'Forces invaded from Crimea.' }]),
        entry('the-invasion', 'event', [{ date: '2022-02-24', label: 'Russia invades Ukraine' }]),
      ],
      texts,
    ).rows.find((r) => r.id === 'd-2022-02-24')!;
    expect(day.facts.map((f) => [f.entries[0].id, f.key])).toEqual([['the-invasion', true], ['annexation', false]]);
  });

  it('groups rows by year', () => {
    expect(byYear(t.rows).map((g) => g.year)).toEqual(['1948', '1991', '2014', '2021', '2022', '2023']);
    expect(byYear(t.rows).find((g) => g.year === '2022')!.rows.map((r) => r.id)).toEqual(['text-two', 'd-2022-02-10', 'd-2022-02-24']);
  });

  it('rejects an invalid date or a span that ends before it starts', () => {
    expect(() => buildTimeline([entry('bad', 'event', [{ date: '2022-02-30', label: 'No such day' }])], texts)).toThrow(/bad.*2022-02-30/);
    expect(() => buildTimeline([entry('bad', 'event', [{ date: '2022', end: '2021', label: 'Backwards' }])], texts)).toThrow(/ends/);
    expect(() => buildTimeline(entries, [])).toThrow(/no texts/);
  });
});

describe('near-duplicate facts', () => {
  const named = (id: string, name: string, kind: string, date: string, label: string): TimelineEntry => ({ id, name, kind, dates: [{ date, label }], later: [] });
  // One video call told four ways, as four entries record it, and a different fact that day.
  const call = [
    named('joe-biden', 'Joe Biden', 'person', '2021-12-07', 'Video call with Putin'),
    named('vladimir-putin', 'Vladimir Putin', 'person', '2021-12-07', 'Video call with Joe Biden'),
    named('stockholm', 'Blinken–Lavrov meeting in Stockholm', 'event', '2021-12-07', 'Biden and Putin hold a video call'),
    named('united-states', 'United States', 'place', '2021-12-07', 'Biden and Putin hold a video call on Ukraine'),
    named('germany', 'Germany', 'place', '2021-12-07', 'Bundestag elects Olaf Scholz chancellor'),
  ];
  const day = (list: TimelineEntry[]) => buildTimeline(list, texts).rows.find((r) => r.id === 'd-2021-12-07')!;

  it('merges the tellings of one fact on one day into a fact that names every entry', () => {
    const facts = day(call).facts;
    expect(facts).toHaveLength(2);
    const merged = facts.find((f) => f.entries.length > 1)!;
    expect(merged.entries.map((e) => e.id)).toEqual(['stockholm', 'joe-biden', 'vladimir-putin', 'united-states']);
    expect(merged.text).toBe('Biden and Putin hold a video call on Ukraine');
    expect(facts.find((f) => f.entries.length === 1)!.text).toBe('Bundestag elects Olaf Scholz chancellor');
  });

  it('gives the same result whatever the order of the entries', () => {
    const shown = (list: TimelineEntry[]) => day(list).facts.map((f) => [f.text, f.entries.map((e) => e.id)]);
    expect(shown([...call].reverse())).toEqual(shown(call));
    expect(shown([call[2], call[0], call[4], call[3], call[1]])).toEqual(shown(call));
  });

  it('does not merge facts of different days, or different facts that share a name', () => {
    const other = named('putin-2', 'Vladimir Putin', 'person', '2021-12-08', 'Video call with Joe Biden');
    expect(buildTimeline([call[0], other], texts).rows.filter((r) => r.facts.length).map((r) => r.facts.length)).toEqual([1, 1]);
    const a = telling('Summit with Putin in Geneva', { name: 'Joe Biden', kind: 'person' });
    const b = telling('Putin recognised the separatist republics', { name: 'Russia', kind: 'place' });
    expect(sameFact(a, b)).toBe(false);
  });

  it('counts an entry’s own name as part of what its telling says', () => {
    const biden = telling('Video call with Putin', { name: 'Joe Biden', kind: 'person' });
    const putin = telling('Video call with Joe Biden', { name: 'Vladimir Putin', kind: 'person' });
    expect(sameFact(biden, putin)).toBe(true);
    expect(sameFact(telling('Video call', { name: 'A', kind: 'person' }), telling('Phone call', { name: 'B', kind: 'person' }))).toBe(false);
  });

  it('folds case, accents, plurals and tenses, and drops words that say nothing', () => {
    expect([...contentWords('Scholz met the Leaders in Zürich, holding talks')]).toEqual(['scholz', 'meet', 'leader', 'zurich', 'hold', 'talk']);
  });

  it('shows a telling that stands on its own rather than one that leans on its entry', () => {
    const ended = [
      telling('His term at the State Department ended with Joe Biden’s.', { name: 'Antony Blinken', kind: 'person' }),
      telling('Led the State Department until Joe Biden’s term ended.', { name: 'Antony Blinken', kind: 'person' }),
      telling('Biden’s term ended.', { name: 'Joe Biden', kind: 'person' }),
    ];
    expect(representative(ended, [{ name: 'Antony Blinken' }, { name: 'Joe Biden' }])).toBe('Biden’s term ended.');
  });
});

describe('stripFor', () => {
  const busy = (date: string, n: number) => Array.from({ length: n }, (_, i) => entry(`e${date}${i}`, 'event', [{ date, label: `Fact ${i} of ${date}` }]));
  const t = buildTimeline(
    [...busy('2022-01-20', 1), ...busy('2022-01-30', 3), ...busy('2022-02-08', 2), ...busy('2022-02-12', 1), ...busy('2022-02-24', 5), ...busy('2022-06-01', 9)],
    texts,
  );

  it('centres on the text and keeps the busiest days within the window on each side', () => {
    const rows = stripFor(t, 'two', { days: 21, before: 2, after: 2 });
    expect(rows.map((r) => r.id)).toEqual(['d-2022-01-30', 'd-2022-02-08', 'text-two', 'd-2022-02-12', 'd-2022-02-24']);
    expect(rows.filter((r) => r.after).map((r) => r.id)).toEqual(['d-2022-02-12', 'd-2022-02-24']);
  });

  it('never reaches beyond the window', () => {
    const rows = stripFor(t, 'two', { days: 5, before: 3, after: 3 });
    expect(rows.map((r) => r.id)).toEqual(['d-2022-02-08', 'text-two', 'd-2022-02-12']);
  });

  it('fails for a text that is not on the timeline', () => {
    expect(() => stripFor(t, 'three')).toThrow(/three/);
  });
});

describe('sentence', () => {
  it('ends a label with a full stop and leaves finished sentences alone', () => {
    expect(sentence('Signed in Moscow')).toBe('Signed in Moscow.');
    expect(sentence('Joined NATO.')).toBe('Joined NATO.');
    expect(sentence('He called it “brain dead”')).toBe('He called it “brain dead”');
  });
});
