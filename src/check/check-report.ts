// The content check's summary line, in one place: for `npm run check:content`
// and for the check inside the build (src/integrations/content-check.ts).
import { plural } from '../site/text.ts';

/**
 * `✓ content check in 0.5 s: 3 articles, 77 glossary entries: 0 errors, 1 warning`.
 * @param when ` in 0.5 s`, ` (in the astro build)` or nothing
 */
export function summaryLine({ articles, glossary, errors, warnings }: { articles: number; glossary: number; errors: number; warnings: number }, when = ''): string {
  return (
    `${errors ? '✗' : '✓'} content check${when}: ${plural(articles, 'article')}, ${plural(glossary, 'glossary entry', 'glossary entries')}: ` +
    `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
  );
}
