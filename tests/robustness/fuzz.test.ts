// Fuzzing: many random, reproducible mutations of an article and of a
// glossary entry (deleted brackets, truncated lines, unknown labels, stray
// “<”, duplicated frontmatter keys, deleted ---, removed quotes, random
// deletions…), each run through the content check in a child process with a
// time limit. Every mutation must either pass the check (and then the
// article's text still equals its seed: nothing dropped) or be rejected with
// messages that all read `file:line[:col]: problem` + `Fix:`; never a crash,
// a bare stack trace, "undefined" or a hang. The build reports the check's
// own messages at each stage where it finds mistakes (tests/robustness/build.test.ts),
// so no fuzzed mutation needs a real build of its own.
//
// FUZZ_SEED and FUZZ_N change the run (the summary line names the seed);
// FUZZ_VERBOSE=1 prints each mutation and its first message.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorText, compareWithSeed } from '../../src/lib/fidelity.ts';
import { copyProject, PROJECT_ROOT, SEEDS, type ProjectCopy } from '../support/project-copy.ts';
import { seeded, type Random } from '../support/random.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20220224);
const N = Number(process.env.FUZZ_N ?? 210);
const VERBOSE = process.env.FUZZ_VERBOSE === '1';
const LIMIT_MS = 60_000; // per mutation; generous, for a loaded machine

const ARTICLE = 'content/articles/minsk-last-chance.mdx';
const ENTRY = 'content/glossary/kyiv.md';
const ORIGINAL = {
  [ARTICLE]: fs.readFileSync(path.join(PROJECT_ROOT, ARTICLE), 'utf8'),
  [ENTRY]: fs.readFileSync(path.join(PROJECT_ROOT, ENTRY), 'utf8'),
};

// ------------------------------------------------------------ mutations

const indicesOf = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m.index);
const lines = (text: string) => text.split('\n');
/** Line indexes inside the frontmatter (between the --- lines). */
const frontmatterLines = (text: string) => {
  const ls = lines(text);
  const end = ls.indexOf('---', 1);
  return ls.map((_, i) => i).filter((i) => i > 0 && i < end);
};

type Mutator = (text: string, r: Random) => string | null;

const MUTATORS: Record<string, Mutator> = {
  'delete bracket': (t, r) => {
    const at = indicesOf(t, /[[\]]/g);
    if (!at.length) return null;
    const i = r.pick(at);
    return t.slice(0, i) + t.slice(i + 1);
  },
  'delete caret': (t, r) => {
    const at = indicesOf(t, /\^/g);
    if (!at.length) return null;
    const i = r.pick(at);
    return t.slice(0, i) + t.slice(i + 1);
  },
  'truncate line': (t, r) => {
    const ls = lines(t);
    const candidates = ls.map((l, i) => (l.length > 2 ? i : -1)).filter((i) => i >= 0);
    const i = r.pick(candidates);
    ls[i] = ls[i].slice(0, 1 + r.below(ls[i].length - 1));
    return ls.join('\n');
  },
  'unknown label': (t, r) => {
    const at = [...t.matchAll(/\[\^([^\]\s]+)\](?!:)/g)];
    if (!at.length) return r.fraction() < 0.5 ? null : t.replace(/\.\s/, `.[^no-such-entry] `);
    const m = r.pick(at);
    const label = r.pick([`${m[1]}x`, 'no-such-entry', m[1].toUpperCase(), `${m[1]} `]);
    return t.slice(0, m.index) + `[^${label}]` + t.slice(m.index + m[0].length);
  },
  'stray <': (t, r) => {
    const at = r.fraction() < 0.6 ? r.pick(indicesOf(t, /\b[A-Za-z]/g)) : r.below(t.length);
    return t.slice(0, at) + r.pick(['<', '< ', '</', '<b>', '<!--']) + t.slice(at);
  },
  'duplicated key': (t, r) => {
    const ls = lines(t);
    const keys = frontmatterLines(t).filter((i) => /^\s*[A-Za-z]+:/.test(ls[i]));
    if (!keys.length) return null;
    const i = r.pick(keys);
    ls.splice(i + 1, 0, ls[i]);
    return ls.join('\n');
  },
  'deleted ---': (t, r) => {
    const ls = lines(t);
    const fences = ls.map((l, i) => (l === '---' ? i : -1)).filter((i) => i >= 0).slice(0, 2);
    ls.splice(r.pick(fences), 1);
    return ls.join('\n');
  },
  'removed quotes': (t, r) => {
    const at = indicesOf(t, /["']/g).filter((i) => i < t.indexOf('\n---', 4));
    if (!at.length) return null;
    if (r.fraction() < 0.5) {
      const i = r.pick(at);
      return t.slice(0, i) + t.slice(i + 1);
    }
    const ls = lines(t);
    const quoted = frontmatterLines(t).filter((i) => /["']/.test(ls[i]));
    const i = r.pick(quoted);
    ls[i] = ls[i].replace(/["']/g, '');
    return ls.join('\n');
  },
  'deleted bytes': (t, r) => {
    const at = r.below(t.length);
    return t.slice(0, at) + t.slice(at + 1 + r.below(8));
  },
  'deleted line': (t, r) => {
    const ls = lines(t);
    ls.splice(r.below(ls.length), 1);
    return ls.join('\n');
  },
  'duplicated line': (t, r) => {
    const ls = lines(t);
    const i = r.below(ls.length);
    ls.splice(i, 0, ls[i]);
    return ls.join('\n');
  },
  'stray brace': (t, r) => {
    const at = r.below(t.length);
    return t.slice(0, at) + r.pick(['{', '}', '{x}']) + t.slice(at);
  },
  'indentation': (t, r) => {
    const ls = lines(t);
    const i = r.pick(frontmatterLines(t));
    ls[i] = ls[i].startsWith('  ') && r.fraction() < 0.5 ? ls[i].slice(2) : `  ${ls[i]}`;
    return ls.join('\n');
  },
  'stray character': (t, r) => {
    const at = r.below(t.length);
    return t.slice(0, at) + r.pick(['*', '_', '`', '#', '>', '|', ':', '&', '\\', '~', '!', '\t', '\u0000', '\uFFFD', '[', ']', '(', ')']) + t.slice(at);
  },
};
const KINDS = Object.keys(MUTATORS);

interface Mutation {
  n: number;
  kind: string;
  file: typeof ARTICLE | typeof ENTRY;
  text: string;
}

function mutations(): Mutation[] {
  const r = seeded(SEED);
  const out: Mutation[] = [];
  for (let n = 0; out.length < N && n < N * 10; n++) {
    const kind = KINDS[out.length % KINDS.length];
    const file = r.fraction() < 0.5 ? ARTICLE : ENTRY;
    const text = MUTATORS[kind](ORIGINAL[file], r);
    if (text === null || text === ORIGINAL[file]) continue;
    out.push({ n: out.length, kind, file, text });
  }
  return out;
}

// ------------------------------------------------------------ the checker process

class Checker {
  private child?: ChildProcess;
  private ready?: Promise<void>;
  private next = 0;

  private start() {
    const child = fork(path.join(PROJECT_ROOT, 'tests/support/check-worker.ts'), [], {
      cwd: PROJECT_ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = child;
    this.ready = new Promise((resolve) => child.once('message', () => resolve()));
  }

  async check(root: string): Promise<{ errors: string[]; warnings: string[]; ms: number } | { crashed: string } | { hung: true }> {
    if (!this.child) this.start();
    await this.ready;
    const child = this.child!;
    const id = ++this.next;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        this.stop();
        resolve({ hung: true });
      }, LIMIT_MS);
      const onMessage = (msg: { id?: number }) => {
        if (msg.id !== id) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(msg as never);
      };
      child.on('message', onMessage);
      child.send({ id, root, seedsDir: SEEDS });
    });
  }

  stop() {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }
}

// ------------------------------------------------------------ the test

/** `file:line[:col]: problem` then `  Fix: …`, with nothing that betrays a crash. */
const WELL_FORMED = /^content\/[\w./-]+:\d+(?::\d+)?: [^\n]*\S[^\n]*\n {2}Fix: \S/;
const BETRAYS_A_BUG = /\bundefined\b|\[object Object\]|\bNaN\b|^\s+at .+:\d+:\d+\)?$/m;

function fidelityHolds(text: string): boolean {
  const seed = fs.readFileSync(path.join(SEEDS, /^seed: "?([^"\n]+)"?$/m.exec(ORIGINAL[ARTICLE])![1]), 'utf8');
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(body) as Root;
  return compareWithSeed(authorText(tree), seed) === null;
}

/** The first differing place, for the verbose log. */
function describeChange(before: string, after: string): string {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  let j = 0;
  while (j < before.length - i && before[before.length - 1 - j] === after[after.length - 1 - j]) j++;
  const line = before.slice(0, i).split('\n').length;
  const show = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
  return `line ${line}: ${show(before.slice(i, before.length - j))} → ${show(after.slice(i, after.length - j))}`;
}

interface Outcome {
  m: Mutation;
  result: 'ok' | 'rejected';
  errors: string[];
}

// Two checkers, each with its own copy, take the mutations in turn: on a
// machine with two free cores the fuzzing takes half the time.
const CHECKERS = 2;
const lanes: { checker: Checker; copy: ProjectCopy }[] = [];

beforeAll(() => {
  for (let i = 0; i < CHECKERS; i++) {
    // Content only, and one article: the fuzzed one (the others are not mutated).
    const copy = copyProject({ prefix: 'edition-fuzz-', contentOnly: true });
    copy.keepOnly(ARTICLE);
    lanes.push({ checker: new Checker(), copy });
  }
});
afterAll(() => {
  for (const { checker, copy } of lanes) {
    checker.stop();
    copy.remove();
  }
});

describe('fuzzing an article and a glossary entry', () => {
  it(`${N} random mutations: each passes with its text intact, or is rejected with file, line and fix`, { timeout: 1_200_000 }, async () => {
    const all = mutations();
    expect(all.length).toBe(N);
    const problems: string[][] = all.map(() => []);
    const results: (Outcome | undefined)[] = [];
    const started = performance.now();
    let slowest = 0;
    let next = 0;
    const work = async ({ checker, copy }: (typeof lanes)[number]) => {
      for (let i = next++; i < all.length; i = next++) {
        const m = all[i];
        copy.write(ARTICLE, m.file === ARTICLE ? m.text : ORIGINAL[ARTICLE]);
        copy.write(ENTRY, m.file === ENTRY ? m.text : ORIGINAL[ENTRY]);
        const res = await checker.check(copy.root);
        const label = `#${m.n} ${m.kind} in ${m.file}`;
        if ('hung' in res) {
          problems[i].push(`${label}: no answer within ${LIMIT_MS / 1000} s`);
          continue;
        }
        if ('crashed' in res) {
          problems[i].push(`${label}: the check crashed:\n${res.crashed}`);
          continue;
        }
        slowest = Math.max(slowest, res.ms);
        for (const msg of [...res.errors, ...res.warnings]) {
          if (!WELL_FORMED.test(msg) || BETRAYS_A_BUG.test(msg)) problems[i].push(`${label}: badly formed message:\n${msg}`);
        }
        if (res.errors.length === 0 && m.file === ARTICLE && !fidelityHolds(m.text)) {
          problems[i].push(`${label}: passed the check, but the text no longer equals its seed`);
        }
        results[i] = { m, result: res.errors.length ? 'rejected' : 'ok', errors: res.errors };
        if (VERBOSE) console.log(`${label}: ${describeChange(ORIGINAL[m.file], m.text)}\n  → ${res.errors[0] ?? 'ok'}`);
      }
    };
    await Promise.all(lanes.map(work));
    const outcomes = results.filter((o): o is Outcome => !!o);
    const seconds = (performance.now() - started) / 1000;

    const byKind = KINDS.map((k) => {
      const of = outcomes.filter((o) => o.m.kind === k);
      return `${k} ${of.length} (${of.filter((o) => o.result === 'ok').length} ok)`;
    });
    const ok = outcomes.filter((o) => o.result === 'ok').length;
    const namedMutated = outcomes.filter((o) => o.result === 'rejected' && o.errors.some((e) => e.startsWith(`${o.m.file}:`))).length;
    console.log(
      `fuzz (seed ${SEED}): tried ${all.length}, ok ${ok}, rejected with a message ${outcomes.length - ok} ` +
        `(${namedMutated} naming the mutated file), crashed or hung ${all.length - outcomes.length}; ` +
        `${seconds.toFixed(1)} s, slowest check ${(slowest / 1000).toFixed(2)} s. By kind: ${byKind.join('; ')}`,
    );
    expect(problems.flat()).toEqual([]);
    // Both outcomes occur, or the fuzzing is not exercising anything.
    expect(ok).toBeGreaterThan(0);
    expect(outcomes.length - ok).toBeGreaterThan(0);
  });
});
