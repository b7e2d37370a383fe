import fs from 'node:fs';
const prof = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const nodes = new Map(prof.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + prof.timeDeltas[i] / 1000);
// inclusive time per function name (count once per stack)
const incl = new Map<string, number>();
for (const [id, ms] of self) {
  const seen = new Set<string>();
  let cur: number | undefined = id;
  while (cur !== undefined) {
    const n: any = nodes.get(cur);
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
    if (!seen.has(key)) { seen.add(key); incl.set(key, (incl.get(key) ?? 0) + ms); }
    cur = parent.get(cur);
  }
}
const re = new RegExp(process.argv[3] ?? '.');
[...incl].filter(([k]) => re.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 60).forEach(([k, v]) => console.log(v.toFixed(0).padStart(7), k));
