// The one spawner of the tests and the benches (tests/support/project-copy.ts):
// what it passes to the command, what it measures, and that a timeout stops
// every process the command started.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../support/project-copy.ts';

const node = process.execPath;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('run', () => {
  it('passes a shell’s environment, not vitest’s, and captures both streams and the exit code', async () => {
    const script = 'console.log(JSON.stringify([process.env.VITEST ?? null, process.env.NO_COLOR, process.env.EXTRA])); console.error("to stderr"); process.exit(3)';
    const r = await run(node, ['-e', script], os.tmpdir(), { env: { EXTRA: 'yes' } });
    expect(r.code).toBe(3);
    expect(r.timedOut).toBe(false);
    expect(r.output).toContain('[null,"1","yes"]');
    expect(r.output).toContain('to stderr');
  });

  it('counts the CPU time of the processes the command starts', async () => {
    // The command itself only waits; its child spins for 0.6 s of CPU.
    const spin = 'const t = process.cpuUsage(); while ((process.cpuUsage(t).user + process.cpuUsage(t).system) < 600_000);';
    const r = await run(node, ['-e', `require("node:child_process").execFileSync(process.execPath, ["-e", ${JSON.stringify(spin)}])`], os.tmpdir());
    expect(r.code, r.output).toBe(0);
    expect(r.cpuSeconds).toBeGreaterThanOrEqual(0.5);
  });

  it('stops the command and everything under it at the timeout', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-run-'));
    const pidFile = path.join(dir, 'pid');
    // The command starts a child that would sleep for a minute, and waits for it.
    const script = `const c = require("node:child_process").spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"], { stdio: "inherit" }); require("node:fs").writeFileSync(${JSON.stringify(pidFile)}, String(c.pid));`;
    const r = await run(node, ['-e', script], dir, { timeoutMs: 1_500 });
    const grandchild = Number(fs.readFileSync(pidFile, 'utf8'));
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.timedOut).toBe(true);
    expect(r.seconds).toBeLessThan(20);
    // Killed with its group; reaped a moment later.
    await expect.poll(() => alive(grandchild), { timeout: 5_000 }).toBe(false);
  });
});
