import fs from 'node:fs';
const prof = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const nodes = new Map<number, any>(prof.nodes.map((n: any) => [n.id, n]));
const self = new Map<number, number>();
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + prof.timeDeltas[i] / 1000);
const total = (id: number): number => (self.get(id) ?? 0) + (nodes.get(id).children ?? []).reduce((s: number, c: number) => s + total(c), 0);
const show = (id: number, depth: number, max: number) => {
  const n = nodes.get(id);
  const t = total(id);
  if (t < Number(process.argv[3] ?? 300)) return;
  console.log(' '.repeat(depth * 2) + t.toFixed(0) + ' ' + (n.callFrame.functionName || '(anon)') + ' ' + n.callFrame.url.split('/').slice(-2).join('/') + ':' + n.callFrame.lineNumber);
  if (depth < max) for (const c of n.children ?? []) show(c, depth + 1, max);
};
show(prof.nodes[0].id, 0, Number(process.argv[4] ?? 6));
