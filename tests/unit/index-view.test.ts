import { describe, expect, it } from 'vitest';
import { spaceDashes } from '../../src/cli/index-view.mjs';

describe('the search index view', () => {
  it('spaces dashes that join words, in text only', () => {
    expect(spaceDashes('<p>Zelensky—hesitant and NATO–Russia</p>')).toBe('<p>Zelensky — hesitant and NATO – Russia</p>');
    expect(spaceDashes('<a title="a—b" href="/x">c—d</a>')).toBe('<a title="a—b" href="/x">c — d</a>');
  });
  it('leaves hyphens alone', () => {
    expect(spaceDashes('<p>tête-à-tête</p>')).toBe('<p>tête-à-tête</p>');
  });
});
