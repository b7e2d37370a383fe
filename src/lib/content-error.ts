/** A mistake in the content, reported as `file:line: message` with a fix. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: string,
    readonly fix?: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${problem}${fix ? `\n  Fix: ${fix}` : ''}`);
    this.name = 'ContentError';
  }
}
