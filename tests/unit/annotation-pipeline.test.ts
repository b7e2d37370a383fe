import { describe, expect, it } from 'vitest';
import { selectAll, select } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';
import { articlePipeline, remarkRehypeOptions } from '../../src/plugins/index.ts';
import { entityNoteHtml, elsewhereFor } from '../../src/lib/entity-note.ts';
import { fixtureGlossary, renderArticle } from '../support/pipeline.ts';

describe('remark-glossary-notes + rehype-notes', () => {
  it('resolves a glossary label into a note built from the entry', async () => {
    const { tree } = await renderArticle('Then Putin’s[^vladimir-putin] envoy left.\n');
    const ref = select('a[data-footnote-ref]', tree)!;
    expect(ref.properties).toMatchObject({ href: '#fn-vladimir-putin' });
    expect(ref.properties.dataNoteKind).toBeUndefined();
    expect(ref.properties.dataEntity).toBeUndefined(); // used inside the pipeline only
    expect(ref.properties.ariaDescribedBy).toEqual(['footnote-label']);
    const note = select('li#fn-vladimir-putin', tree)!;
    expect(toString(note)).toContain('President of Russia');
    expect(toString(note)).toContain('Later, 24 February 2022: Ordered the full-scale invasion');
    expect(select('a[href="/glossary/vladimir-putin/"]', note)).toBeTruthy();
    expect(select('a[data-footnote-backref][href="#fnref-vladimir-putin"]', note)).toBeTruthy();
    expect(note.properties.className).toEqual(['note-entity']);
  });

  it('marks the annotated name, possessive included', async () => {
    const { tree } = await renderArticle('Then Putin’s[^vladimir-putin] envoy left.\n');
    const mention = select('span.mention', tree)!;
    expect(toString(mention)).toBe('Putin’s');
    expect(mention.properties.dataEntity).toBeUndefined();
  });

  it('marks a quoted name without its closing quote, as without its opening one', async () => {
    const { tree, frontmatter } = await renderArticle('The spelling “Kiev”[^kyiv] was dropped.\n');
    const p = select('p', tree)!;
    expect(toString(select('span.mention', p)!)).toBe('Kiev');
    expect(toHtml(p)).toMatch(/“<span class="mention">Kiev<\/span>”<sup>/);
    // One mention of the entry, where its name starts (not a second one at the reference).
    const [paragraph] = JSON.parse(String(frontmatter.paragraphs)) as { notes: { entity: string; offset: number }[] }[];
    expect(paragraph.notes).toEqual([{ entity: 'kyiv', offset: 'The spelling “'.length }]);
  });

  it('notes a phrase that is not a name without marking words', async () => {
    const { tree } = await renderArticle('In a secret memorandum[^clinton-yeltsin-assurances], Clinton promised.\n');
    expect(select('span.mention', tree)).toBeFalsy();
    expect(select('li#fn-clinton-yeltsin-assurances', tree)).toBeTruthy();
  });

  it('keeps editorial notes written in the file, labelled as the editor’s', async () => {
    const { tree } = await renderArticle('A claim.[^ed-claim] And Kiev[^kyiv].\n\n[^ed-claim]: Later reporting disputed it.\n');
    const refs = selectAll('a[data-footnote-ref]', tree);
    expect(refs.map((r) => r.properties.dataNoteKind ?? r.properties.href)).toEqual(['editorial', '#fn-kyiv']);
    const note = select('li#fn-ed-claim', tree)!;
    expect(note.properties.className).toEqual(['note-editorial']);
    expect(toString(select('.note-label', note)!)).toBe('Editor’s note');
  });

  it('gives one note to an entity referenced twice, with two back-references', async () => {
    const { tree } = await renderArticle('Kiev[^kyiv] and again Kyiv[^kyiv].\n');
    expect(selectAll('li.note-entity', tree)).toHaveLength(1);
    expect(selectAll('a[data-footnote-backref]', tree)).toHaveLength(2);
  });

  it('escapes glossary text: angle brackets and quotes stay text', async () => {
    const { html } = await renderArticle('Putin[^vladimir-putin].\n');
    expect(html).toContain('&#x3C;and whose “words” matter>');
    expect(html).not.toContain('<and whose');
  });

  it('links notes under the configured base path', async () => {
    const { tree } = await renderArticle('Kiev[^kyiv].\n', 'x.mdx', '/edition/');
    expect(select('a[href="/edition/glossary/kyiv/"]', tree)).toBeTruthy();
  });

  it('fails on an unknown label, naming file, line and label', async () => {
    await expect(renderArticle('First line.\n\nSecond line with [^no-such-entity] here.\n', 'content/articles/bad.mdx')).rejects.toThrow(
      /bad\.mdx:3:\d+.*unknown note label “\[\^no-such-entity\]”/s,
    );
  });

  it('fails when an editorial label shadows a glossary id', async () => {
    await expect(renderArticle('Kiev[^kyiv].\n\n[^kyiv]: my own note\n', 'c.mdx')).rejects.toThrow(/also a glossary id/);
  });
});

describe('entity notes', () => {
  it('names up to three other articles, linking to each', async () => {
    const titles = ['One', 'Two', 'Three'];
    const elsewhere = elsewhereFor(['a0', 'here', 'a1', 'a2'], 'here', (slug) => ({ slug, title: titles[Number(slug.slice(1))] }));
    expect(elsewhere.total).toBe(3);
    const { tree } = await renderArticle('Kiev[^kyiv].\n', 'x.mdx', '/', elsewhere);
    const line = select('li#fn-kyiv p.note-elsewhere', tree)!;
    expect(toString(line)).toBe('Also in One, Two and Three. ↩');
    expect(selectAll('a', line).map((a) => a.properties.href)).toEqual(['/articles/a0/', '/articles/a1/', '/articles/a2/', '#fnref-kyiv']);
  });

  it('counts more than three other articles, linking to the list on the entry page', async () => {
    const titles = ['One', 'Two', 'Three', 'Four'];
    const elsewhere = elsewhereFor(['a0', 'a1', 'here', 'a2', 'a3'], 'here', (slug) => ({ slug, title: titles[Number(slug.slice(1))] }));
    expect(elsewhere.total).toBe(4);
    expect(elsewhere.named).toEqual([]); // not named in the line: not looked up
    const { tree } = await renderArticle('Kiev[^kyiv].\n', 'x.mdx', '/edition/', elsewhere);
    const line = select('li#fn-kyiv p.note-elsewhere', tree)!;
    expect(toString(line)).toBe('Also in 4 other texts. ↩');
    expect(selectAll('a', line).map((a) => a.properties.href)).toEqual(['/edition/glossary/kyiv/#mentions-heading', '#fnref-kyiv']);
  });

  it('ends the line with a stop only when the last title does not end a sentence itself', async () => {
    const line = async (titles: string[]) => {
      const elsewhere = elsewhereFor(titles.map((_, i) => `a${i}`), 'here', (slug) => ({ slug, title: titles[Number(slug.slice(1))] }));
      const { tree } = await renderArticle('Kiev[^kyiv].\n', 'x.mdx', '/', elsewhere);
      return toString(select('li#fn-kyiv p.note-elsewhere', tree)!);
    };
    expect(await line(['Is there an off-ramp?'])).toBe('Also in Is there an off-ramp? ↩');
    expect(await line(['One', 'He didn’t get very far.'])).toBe('Also in One and He didn’t get very far. ↩');
    expect(await line(['Minsk agreements: The last chance'])).toBe('Also in Minsk agreements: The last chance. ↩');
  });

  it('says nothing of other articles when there are none, and closes the last paragraph with the back-references', async () => {
    const { tree } = await renderArticle('Kiev[^kyiv] and Kyiv[^kyiv].\n', 'x.mdx', '/', elsewhereFor(['x'], 'x', () => undefined));
    const note = select('li#fn-kyiv', tree)!;
    expect(select('.note-elsewhere', note)).toBeFalsy();
    const paragraphs = selectAll('p', note);
    expect(selectAll('a[data-footnote-backref]', paragraphs.at(-1)!)).toHaveLength(2);
    expect(selectAll(':scope > a', note)).toHaveLength(0);
  });

  it('renders the same note for the same entry whatever the base, each with its own links', () => {
    const kyiv = fixtureGlossary().get('kyiv')!;
    expect(entityNoteHtml('kyiv', kyiv, { base: '/' })).toContain('href="/glossary/kyiv/"');
    expect(entityNoteHtml('kyiv', kyiv, { base: '/edition/' })).toContain('href="/edition/glossary/kyiv/"');
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
    // One placeholder for the run of entity notes, in the order of their first references.
    expect(js).toMatch(/_jsx\(EntityNotes, \{\s*notes: "vladimir-putin:1 kyiv:1"\s*\}\)/);
    expect(js).not.toContain('"fn-kyiv"'); // not even the list item's id: the page renders it
    for (const e of glossary.values()) expect(js).not.toContain(e.summary.slice(0, 30));
  });

  it('keeps editor’s notes in place between runs of entity notes', async () => {
    const glossary = fixtureGlossary();
    const pipeline = articlePipeline(glossary);
    const md = 'Putin[^vladimir-putin] said[^ed-x] in Kiev[^kyiv] that[^clinton-yeltsin-assurances].\n\n[^ed-x]: An editorial note.\n';
    const js = String(
      await compile(md, {
        remarkPlugins: [remarkGfm, ...pipeline.remarkPlugins] as PluggableList,
        rehypePlugins: pipeline.rehypePlugins,
        remarkRehypeOptions,
      }),
    );
    const placeholders = [...js.matchAll(/notes: "([^"]*)"/g)].map((m) => m[1]);
    expect(placeholders).toEqual(['vladimir-putin:1', 'kyiv:1 clinton-yeltsin-assurances:1']);
    const { tree } = await renderArticle(md);
    expect(selectAll('section[data-footnotes] ol > li', tree).map((li) => li.properties.id)).toEqual([
      'fn-vladimir-putin',
      'fn-ed-x',
      'fn-kyiv',
      'fn-clinton-yeltsin-assurances',
    ]);
  });
});

describe('rehype-paragraphs', () => {
  it('numbers the author’s paragraphs and records text without note markers', async () => {
    const md = 'Kiev[^kyiv] is named.\n\nIn a secret memorandum[^clinton-yeltsin-assurances], Putin.[^ed-x]\n\n[^ed-x]: An editorial note.\n';
    const { tree, frontmatter } = await renderArticle(md);
    expect(selectAll('p[id]', tree).map((p) => p.properties.id)).toEqual(['p-1', 'p-2']);
    expect(selectAll('p[id] > a.pilcrow', tree).map((a) => a.properties.href)).toEqual(['#p-1', '#p-2']);
    expect(typeof frontmatter.paragraphs).toBe('string'); // one literal in the compiled module
    const paragraphs = JSON.parse(String(frontmatter.paragraphs)) as { id: string; text: string; notes: { entity: string; offset: number }[] }[];
    expect(paragraphs.map((p) => p.text)).toEqual(['Kiev is named.', 'In a secret memorandum, Putin.']);
    expect(paragraphs[0].notes).toEqual([{ entity: 'kyiv', offset: 0 }]);
    expect(paragraphs[1].notes).toEqual([{ entity: 'clinton-yeltsin-assurances', offset: 'In a secret memorandum'.length }]);
  });

  it('does not number paragraphs inside notes', async () => {
    const { tree } = await renderArticle('One.[^ed-a]\n\n[^ed-a]: Note paragraph.\n');
    expect(select('.footnotes p[id]', tree)).toBeFalsy();
  });
});
