// A child process that runs the content check on request, so a test can put
// a time limit on each run and kill a run that hangs (an in-process check
// could not be interrupted). Started with `node --import tsx`; protocol over IPC:
//   → { id, root, seedsDir }   ← { id, errors: string[], warnings: string[], ms } or { id, crashed }
import { checkContent } from '../../src/check/content-check.ts';

interface Request {
  id: number;
  root: string;
  seedsDir?: string;
}

process.on('message', async (req: Request) => {
  const started = performance.now();
  try {
    const result = await checkContent(req.root, { seedsDir: req.seedsDir });
    process.send!({
      id: req.id,
      errors: result.errors.map((e) => e.message),
      warnings: result.warnings.map((w) => w.message),
      ms: performance.now() - started,
    });
  } catch (err) {
    process.send!({ id: req.id, crashed: err instanceof Error ? (err.stack ?? err.message) : String(err), ms: performance.now() - started });
  }
});
process.send!({ ready: true });
