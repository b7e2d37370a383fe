// An article through what the build runs on it (MDX syntax, remark-gfm, the
// annotation pipeline), stopping short of compiling to JavaScript, which finds
// no content mistakes. A failure becomes a ContentError: our plugins' own
// carry one as the message's `cause`; MDX's are given a fix here.
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { articleProcessor, type Pipeline } from '../plugins/index.ts';
import { ContentError } from '../schema/content-error.ts';

/** The tree as parsed, before the plugins change it; undefined when the article does not parse. */
export async function checkMdx(abs: string, file: string, body: string, pipeline: Pipeline, errors: ContentError[]): Promise<Root | undefined> {
  let parsed: Root | undefined;
  const processor = articleProcessor(pipeline, { parsed: (tree) => void (parsed = structuredClone(tree)) });
  try {
    const vfile = new VFile({ path: abs, value: body });
    await processor.run(processor.parse(vfile), vfile);
  } catch (err) {
    errors.push(mdxError(err, file));
  }
  return parsed;
}

/** The fields of a vfile message (MDX's and micromark's errors are such messages). */
interface MdxMessage {
  reason?: string;
  message?: string;
  line?: number;
  column?: number;
  source?: string;
  cause?: unknown;
}

function mdxError(err: unknown, file: string): ContentError {
  const e = (err ?? {}) as MdxMessage;
  const own = err instanceof ContentError ? err : e.cause instanceof ContentError ? e.cause : undefined;
  // Our plugins name the file relative to the working directory; the check names it relative to the root.
  if (own) return new ContentError(file, own.line, own.problem, own.fix, own.column);
  const text = String(e.reason ?? e.message ?? err);
  const problem = text.split('\n')[0];
  if (typeof e.line !== 'number' && !(err instanceof Error && 'reason' in err)) {
    return new ContentError(file, undefined, `the article could not be compiled: ${problem}`, mdxFix(e.source ?? ''));
  }
  // Some MDX messages carry their place only in the text: “Expected a closing tag for `<Gap>` (3:1-3:6)”.
  const paren = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(problem);
  const line = e.line ?? (paren ? Number(paren[1]) : undefined);
  const column = e.line ? e.column : paren ? Number(paren[2]) : undefined;
  return new ContentError(file, line, problem.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)/g, ''), mdxFix(e.source ?? ''), column);
}

function mdxFix(source: string): string {
  if (/mdx-jsx/.test(source)) return 'close every tag you open (<Gap>…</Gap>); to show a “<” in the text write \\< or &lt;';
  if (/mdx-expression/.test(source)) return 'MDX reads { } as code: to show a brace in the text write \\{ or \\}';
  if (/mdxjs-esm/.test(source)) return 'a paragraph starting with “import ” or “export ” is read as code: write its first letter as &#105; or &#101;';
  return 'see https://mdxjs.com/docs/troubleshooting-mdx/';
}
