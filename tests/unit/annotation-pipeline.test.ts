import { describe, expect, it } from 'vitest';
import { selectAll, select } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { fromHtml } from 'hast-util-from-html';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';
import { articlePipeline, remarkRehypeOptions } from '../../src/plugins/index.ts';
import { entityNoteHtml, elsewhereFor } from '../../src/edition/entity-note.ts';
import { fixtureGlossary, renderArticle } from '../support/pipeline.ts';

const PUTIN = '<a class="name" href="/glossary/vladimir-putin/" data-entry="vladimir-putin">';

describe('remark-glossary-notes + rehype-notes', () => {
  it('links the annotated name to its entry, possessive included, with no number and no note', async () => {
    const { html } = await renderArticle('Then Putin’s[^vladimir-putin] envoy left.\n');
    expect(html).toBe(`<p id="p-1">Then ${PUTIN}Putin’s</a> envoy left.<a class="pilcrow" href="#p-1" aria-label="Link to paragraph 1" tabindex="-1">¶</a></p>`);
  });

  it('keeps a closing quote outside the link, as the opening one', async () => {
    const { tree, frontmatter } = await renderArticle('The spelling “Kiev”[^kyiv] was dropped.\n');
    expect(toHtml(select('p', tree)!)).toMatch(/“<a class="name" href="\/glossary\/kyiv\/" data-entry="kyiv">Kiev<\/a>” was dropped/);
    // One mention of the entry, where its name starts.
    const [paragraph] = JSON.parse(String(frontmatter.paragraphs)) as { notes: { entity: string; offset: number }[] }[];
    expect(paragraph.notes).toEqual([{ entity: 'kyiv', offset: 'The spelling “'.length }]);
  });

  it('links under the configured base path', async () => {
    const { tree } = await renderArticle('Kiev[^kyiv].\n', 'x.mdx', '/edition/');
    expect(select('a.name', tree)!.properties).toMatchObject({ href: '/edition/glossary/kyiv/', dataEntry: 'kyiv' });
  });

  it('records the linked entities in the order a reader meets them, each once', async () => {
    const { frontmatter } = await renderArticle('Kiev[^kyiv] and Putin[^vladimir-putin].\n\nKyiv[^kyiv] again.\n');
    expect(frontmatter.names).toEqual(['kyiv', 'vladimir-putin']);
    // Names only in notes come after the text, in the notes' numbered order (not the order they are written in).
    const notes = await renderArticle('One.[^ed-b] Two.[^ed-a]\n\n[^ed-a]: Putin[^vladimir-putin].\n\n[^ed-b]: Kiev[^kyiv].\n');
    expect(notes.frontmatter.names).toEqual(['kyiv', 'vladimir-putin']);
  });

  it('fails on a marker after words that are not a name of its entry, with file, line and fix', async () => {
    const md = 'First line.\n\nMoscow’s top delegate[^vladimir-putin] shrugged.\n';
    await expect(renderArticle(md, 'content/articles/bad.mdx')).rejects.toThrow(
      /^content\/articles\/bad\.mdx:3:22: the marker “\[\^vladimir-putin\]” follows “Moscow’s top delegate”, which is not a name of Vladimir Putin: it would link nothing\.\n {2}Fix: put \[\^vladimir-putin\] right after a name of the entry \(Vladimir Putin, Putin\)/,
    );
  });

  it('fails on a marker stacked after another, which has no words of its own', async () => {
    await expect(renderArticle('In Kiev[^kyiv][^vladimir-putin].\n', 'c.mdx')).rejects.toThrow(/^c\.mdx:1:15: the marker “\[\^vladimir-putin\]” follows no words of its own/);
  });

  it('links a name inside an editor’s note, which stays the only numbered note', async () => {
    const md = 'Moscow’s top delegate[^ed-envoy] shrugged.\n\n[^ed-envoy]: Sent by Vladimir Putin[^vladimir-putin], it seems.\n';
    const { tree, frontmatter } = await renderArticle(md);
    expect(selectAll('a[data-footnote-ref]', tree).map((a) => a.properties.href)).toEqual(['#fn-ed-envoy']);
    const note = select('li#fn-ed-envoy', tree)!;
    expect(toHtml(select('p', note)!)).toContain(`Sent by ${PUTIN}Vladimir Putin</a>, it seems.`);
    expect(frontmatter.names).toEqual(['vladimir-putin']);
    // The note is not the running text: no mention recorded in the paragraph.
    expect(JSON.parse(String(frontmatter.paragraphs))[0].notes).toEqual([]);
  });

  it('fails on a marker in an editor’s note that follows no name, naming the note’s line', async () => {
    const md = 'A claim.[^ed-x]\n\n[^ed-x]: His delegate[^vladimir-putin] said so.\n';
    await expect(renderArticle(md, 'n.mdx')).rejects.toThrow(/^n\.mdx:3:\d+: the marker “\[\^vladimir-putin\]” follows “His delegate”/);
  });

  it('keeps editorial notes written in the file, labelled as the editor’s and out of the search index', async () => {
    const { tree } = await renderArticle('A claim.[^ed-claim] And Kiev[^kyiv].\n\n[^ed-claim]: Later reporting disputed it.\n');
    const refs = selectAll('a[data-footnote-ref]', tree);
    expect(refs.map((r) => [r.properties.href, r.properties.dataNoteKind])).toEqual([['#fn-ed-claim', 'editorial']]);
    const note = select('li#fn-ed-claim', tree)!;
    expect(note.properties.className).toEqual(['note-editorial']);
    expect(toString(select('.note-label', note)!)).toBe('Editor’s note');
    expect(select('section[data-footnotes]', tree)!.properties.dataPagefindIgnore).toBe(true);
  });

  it('fails on an unknown label, naming file, line and label', async () => {
    await expect(renderArticle('First line.\n\nSecond line with [^no-such-entity] here.\n', 'content/articles/bad.mdx')).rejects.toThrow(
      /bad\.mdx:3:\d+.*unknown note label “\[\^no-such-entity\]”/s,
    );
  });

  it('fails when an editorial label shadows a glossary id', async () => {
    await expect(renderArticle('Kiev[^kyiv].\n\n[^kyiv]: my own note\n', 'c.mdx')).rejects.toThrow(/also a glossary id/);
  });

  it('compiles an article without copying any entry’s text into it (modules stay small as the glossary grows)', async () => {
    const glossary = fixtureGlossary();
    const pipeline = articlePipeline(glossary);
    const js = String(
      await compile('Putin[^vladimir-putin] in Kiev[^kyiv].\n', {
        remarkPlugins: [remarkGfm, ...pipeline.remarkPlugins] as PluggableList,
        rehypePlugins: pipeline.rehypePlugins,
        remarkRehypeOptions,
      }),
    );
    expect(js).toContain('"data-entry": "kyiv"');
    for (const e of glossary.values()) expect(js).not.toContain(e.summary.slice(0, 30));
  });
});

describe('entity notes (the body of an entry’s preview)', () => {
  const kyiv = () => fixtureGlossary().get('kyiv')!;
  const note = (base: string, elsewhere?: Parameters<typeof entityNoteHtml>[2]['elsewhere']) => fromHtml(entityNoteHtml('kyiv', kyiv(), { base, elsewhere }), { fragment: true });
  const titled = (titles: string[], all: string[]) => elsewhereFor(all, 'here', (slug) => ({ slug, title: titles[Number(slug.slice(1))] }));

  it('gives the name linking to the entry, kind, summary, dates and what came later, escaped', () => {
    const putin = fixtureGlossary().get('vladimir-putin')!;
    const html = entityNoteHtml('vladimir-putin', putin, { base: '/' });
    const tree = fromHtml(html, { fragment: true });
    expect(select('a[href="/glossary/vladimir-putin/"]', tree)).toBeTruthy();
    expect(toString(tree)).toContain('Vladimir Putin (person). President of Russia');
    expect(toString(select('.note-later', tree)!)).toBe('Later, 24 February 2022: Ordered the full-scale invasion of Ukraine.');
    expect(html).toContain('&#x3C;and whose “words” matter>');
    expect(html).not.toContain('<and whose');
  });

  it('names up to three other articles, linking to each', () => {
    const elsewhere = titled(['One', 'Two', 'Three'], ['a0', 'here', 'a1', 'a2']);
    expect(elsewhere.total).toBe(3);
    const line = select('p.note-elsewhere', note('/', elsewhere))!;
    expect(toString(line)).toBe('Also in One, Two and Three.');
    expect(selectAll('a', line).map((a) => a.properties.href)).toEqual(['/articles/a0/', '/articles/a1/', '/articles/a2/']);
  });

  it('counts more than three other articles, linking to the list on the entry page', () => {
    const elsewhere = titled(['One', 'Two', 'Three', 'Four'], ['a0', 'a1', 'here', 'a2', 'a3']);
    expect(elsewhere.total).toBe(4);
    expect(elsewhere.named).toEqual([]); // not named in the line: not looked up
    const line = select('p.note-elsewhere', note('/edition/', elsewhere))!;
    expect(toString(line)).toBe('Also in 4 other texts.');
    expect(selectAll('a', line).map((a) => a.properties.href)).toEqual(['/edition/glossary/kyiv/#mentions-heading']);
  });

  it('ends the line with a stop only when the last title does not end a sentence itself', () => {
    const line = (titles: string[]) => toString(select('p.note-elsewhere', note('/', titled(titles, titles.map((_, i) => `a${i}`))))!);
    expect(line(['Is there an off-ramp?'])).toBe('Also in Is there an off-ramp?');
    expect(line(['One', 'He didn’t get very far.'])).toBe('Also in One and He didn’t get very far.');
    expect(line(['Minsk agreements: The last chance'])).toBe('Also in Minsk agreements: The last chance.');
  });

  it('says nothing of other articles when there are none', () => {
    expect(select('.note-elsewhere', note('/', elsewhereFor(['x'], 'x', () => undefined)))).toBeFalsy();
  });

  it('renders the same note for the same entry whatever the base, each with its own links', () => {
    expect(entityNoteHtml('kyiv', kyiv(), { base: '/' })).toContain('href="/glossary/kyiv/"');
    expect(entityNoteHtml('kyiv', kyiv(), { base: '/edition/' })).toContain('href="/edition/glossary/kyiv/"');
  });
});

describe('rehype-paragraphs', () => {
  it('numbers the author’s paragraphs and records text without note numbers, and where each name link starts', async () => {
    const md = 'Kiev[^kyiv] is named.\n\nThe Clinton–Yeltsin assurances[^clinton-yeltsin-assurances], Putin.[^ed-x]\n\n[^ed-x]: An editorial note.\n';
    const { tree, frontmatter } = await renderArticle(md);
    expect(selectAll('p[id]', tree).map((p) => p.properties.id)).toEqual(['p-1', 'p-2']);
    expect(selectAll('p[id] > a.pilcrow', tree).map((a) => a.properties.href)).toEqual(['#p-1', '#p-2']);
    expect(typeof frontmatter.paragraphs).toBe('string'); // one literal in the compiled module
    const paragraphs = JSON.parse(String(frontmatter.paragraphs)) as { id: string; text: string; notes: { entity: string; offset: number }[] }[];
    expect(paragraphs.map((p) => p.text)).toEqual(['Kiev is named.', 'The Clinton–Yeltsin assurances, Putin.']);
    expect(paragraphs[0].notes).toEqual([{ entity: 'kyiv', offset: 0 }]);
    expect(paragraphs[1].notes).toEqual([{ entity: 'clinton-yeltsin-assurances', offset: 'The '.length }]);
  });

  it('does not number paragraphs inside notes', async () => {
    const { tree } = await renderArticle('One.[^ed-a]\n\n[^ed-a]: Note paragraph.\n');
    expect(select('.footnotes p[id]', tree)).toBeFalsy();
  });
});
