// How a content mistake is named: the file, relative to the project root, its line and column, and a fix.
import path from 'node:path';

/** A file as messages name it: relative to the project root, with forward slashes. */
export const projectPath = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

/** A mistake in the content, reported as `file:line[:column]: message` with a fix. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: string,
    readonly fix?: string,
    readonly column?: number,
  ) {
    super(`${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ${problem}${fix ? `\n  Fix: ${fix}` : ''}`);
    this.name = 'ContentError';
  }
}

/** The file line and column of `offset` in a text node's value, which starts at `start`. */
export function pointInText(value: string, offset: number, start?: { line: number; column: number }) {
  if (!start) return undefined;
  const before = value.slice(0, offset).split('\n');
  return { line: start.line + before.length - 1, column: before.length === 1 ? start.column + offset : before.at(-1)!.length + 1 };
}
