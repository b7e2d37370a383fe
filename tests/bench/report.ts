// Plain-text tables and budget lines for the bench output.

export type Cell = string | number;

export function table(head: string[], rows: Cell[][], { indent = '  ' } = {}): string {
  const text = [head, ...rows].map((r) => r.map((c) => String(c)));
  const width = head.map((_, i) => Math.max(...text.map((r) => [...(r[i] ?? '')].length)));
  // Numbers (and things like "12.3 KB", "4 ms", "2.1×") right-aligned, words left-aligned.
  const numeric = head.map((_, i) => rows.every((r) => /^[-+]?[\d.,]+\s?(%|×|[kKM]?B|ms|s|KB|MB)?$|^—$|^n\/a$/.test(String(r[i] ?? '—'))));
  const pad = (c: string, i: number) => {
    const gap = ' '.repeat(Math.max(0, width[i] - [...c].length));
    return numeric[i] ? gap + c : c + gap;
  };
  const line = (r: string[]) => indent + r.map(pad).join('  ').trimEnd();
  return [line(text[0]), indent + width.map((w) => '─'.repeat(w)).join('  '), ...text.slice(1).map(line)].join('\n');
}

export const kb = (bytes: number | null | undefined, digits = 1) =>
  bytes === null || bytes === undefined || Number.isNaN(bytes) ? '—' : `${(bytes / 1024).toFixed(digits)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
export const sec = (s: number | null | undefined, digits = 2) =>
  s === null || s === undefined || Number.isNaN(s) ? '—' : `${s.toFixed(digits)} s`;
export const ms = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? '—' : `${Math.round(x)} ms`);
export const ratio = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : `${x.toFixed(digits)}×`;

export interface Budget {
  name: string;
  limit: string;
  actual: string;
  /** null: could not be measured in this run. */
  pass: boolean | null;
}

export function budgetTable(budgets: Budget[]): string {
  return table(
    ['', 'budget', 'limit', 'measured'],
    budgets.map((b) => [b.pass === null ? '?' : b.pass ? '✓ pass' : '✗ FAIL', b.name, b.limit, b.actual]),
  );
}

export const heading = (s: string) => `\n${s}\n${'═'.repeat([...s].length)}`;
