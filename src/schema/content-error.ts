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
