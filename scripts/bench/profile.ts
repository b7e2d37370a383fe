// Summaries of V8 CPU profiles (node --cpu-prof): where a build spends its time.
import fs from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  name: string;
  where: string;
  selfMs: number;
  totalMs: number;
}

export interface ProfileSummary {
  file: string;
  /** Guess at which process this was, from its frames. */
  process: string;
  durationMs: number;
  topSelf: FunctionTime[];
  /** Inclusive time of functions from the project's own code (src/, or Astro's bundled chunks of it). */
  projectCode: FunctionTime[];
}

const OWN_CODE = /\/(src\/|\.prerender\/|chunks\/|pages\/|entry\.mjs|build\.mjs|check-content)/;

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Self time per node from the sample timeline.
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const keyOf = (f: CallFrame) => `${f.functionName || '(anonymous)'}\u0000${f.url}:${f.lineNumber + 1}`;
  const agg = new Map<string, FunctionTime>();
  const get = (f: CallFrame) => {
    const k = keyOf(f);
    let t = agg.get(k);
    if (!t) {
      t = { name: f.functionName || '(anonymous)', where: `${shortUrl(f.url)}:${f.lineNumber + 1}`, selfMs: 0, totalMs: 0 };
      agg.set(k, t);
    }
    return t;
  };
  // Inclusive time: a node's self plus its subtree's, counted once per function on a stack (recursion).
  const inclusive = (id: number, onStack: Set<string>): number => {
    const node = byId.get(id)!;
    const k = keyOf(node.callFrame);
    const mine = self.get(id) ?? 0;
    const fresh = !onStack.has(k);
    if (fresh) onStack.add(k);
    let sum = mine;
    for (const c of node.children ?? []) sum += inclusive(c, onStack);
    if (fresh) onStack.delete(k);
    const t = get(node.callFrame);
    t.selfMs += mine;
    if (fresh) t.totalMs += sum;
    return sum;
  };
  const root = profile.nodes[0];
  inclusive(root.id, new Set());
  const all = [...agg.values()].filter((t) => !/^\((root|program|idle|garbage collector)\)$/.test(t.name) || t.name === '(garbage collector)');
  const urls = profile.nodes.map((n) => n.callFrame.url).join(' ');
  const proc = /astro\/dist\/core\/build/.test(urls)
    ? 'astro build'
    : /pagefind/.test(urls)
      ? 'pagefind'
      : /check-content/.test(urls)
        ? 'content check'
        : /build\.mjs/.test(urls)
          ? 'build script'
          : 'other';
  return {
    file,
    process: proc,
    durationMs: (profile.endTime - profile.startTime) / 1000,
    topSelf: [...all].sort((a, b) => b.selfMs - a.selfMs).slice(0, top),
    projectCode: all
      .filter((t) => OWN_CODE.test(t.where) && t.name !== '(anonymous)' && !t.where.includes('node_modules'))
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, top),
  };
}

function shortUrl(url: string) {
  if (!url) return '(native)';
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) return clean.slice(nm);
  const parts = clean.split('/');
  return parts.slice(-3).join('/');
}

export function summarizeProfiles(dir: string): ProfileSummary[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => summarizeProfile(path.join(dir, f)))
    .sort((a, b) => b.durationMs - a.durationMs);
}
