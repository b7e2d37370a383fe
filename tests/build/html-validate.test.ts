// Every page in dist/ is valid HTML (html-validate, recommended rules).
import fs from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { allPages, pageFile } from '../support/dist.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Style preferences rather than validity: Astro writes <!doctype html> and self-closed voids.
    'doctype-style': 'off',
    'void-style': 'off',
    // Long titles and headlines are the texts' own; "no-trailing-whitespace" etc. concern source, not output.
    'long-title': 'off',
  },
});

describe('html-validate', () => {
  it('finds no errors on any page', async () => {
    const problems: string[] = [];
    const pages = allPages();
    expect(pages.length).toBeGreaterThan(80);
    for (const p of pages) {
      const file = pageFile(p);
      const report = await validator.validateString(fs.readFileSync(file, 'utf8'), path.relative('.', file));
      for (const r of report.results) for (const m of r.messages) if (m.severity === 2) problems.push(`${r.filePath}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});
