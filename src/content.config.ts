// Content collections: articles (MDX) and the glossary (Markdown with YAML frontmatter).
import { defineCollection, reference, z } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleData, entityData } from './schema/schema.ts';

const articles = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/articles' }),
  schema: articleData,
});

const glossary = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/glossary' }),
  // `related` is also checked by src/schema/glossary-source.ts, which fails the build on a missing id.
  schema: entityData.extend({ related: z.array(reference('glossary')).default([]) }),
});

export const collections = { articles, glossary };
