// Every page in dist/ is valid HTML (html-validate, recommended rules).
import fs from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { allPages, pageFile } from '../support/dist.ts';
import { VALIDATION_CONFIG } from '../support/site-files.ts';

// The same rules as the robustness builds' pages (tests/support/site-files.ts).
const validator = new HtmlValidate(VALIDATION_CONFIG as never);

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
