// The static server of the tests serves files inside its folder only.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveStatic } from '../support/server.ts';

/** GET a raw path (no URL normalisation, as an attacker would send it). */
const get = (url: URL, rawPath: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    http
      .get({ host: url.hostname, port: url.port, path: rawPath }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });

describe('serveStatic', () => {
  it('serves a file of its folder, and nothing from a sibling folder whose name starts the same', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-'));
    fs.mkdirSync(path.join(tmp, 'dist'));
    fs.mkdirSync(path.join(tmp, 'dist-secret'));
    fs.writeFileSync(path.join(tmp, 'dist', 'a.txt'), 'public');
    fs.writeFileSync(path.join(tmp, 'dist-secret', 'b.txt'), 'secret');
    const server = await serveStatic(path.join(tmp, 'dist'));
    try {
      const url = new URL(server.url);
      expect(await get(url, '/a.txt')).toEqual({ status: 200, body: 'public' });
      for (const raw of ['/../dist-secret/b.txt', '/%2e%2e/dist-secret/b.txt', '/..%2fdist-secret%2fb.txt']) {
        const res = await get(url, raw);
        expect(res.status, raw).toBe(404);
        expect(res.body, raw).not.toContain('secret');
      }
    } finally {
      await server.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
