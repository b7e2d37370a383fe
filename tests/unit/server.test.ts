// The one static server (tests and benches): files inside its folder only,
// whatever the request path says, and the answers a host gives.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCompressed, serveStatic, type StaticServer } from '../support/server.ts';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** GET a raw path (no URL normalisation, as an attacker would send it). */
const get = (server: StaticServer, rawPath: string, headers: http.OutgoingHttpHeaders = {}) =>
  new Promise<Answer>((resolve, reject) => {
    const url = new URL(server.url);
    http
      .get({ host: url.hostname, port: url.port, path: rawPath, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });

// <tmp>/package.json and <tmp>/dist-secret/ beside the served <tmp>/dist/, and a link out of dist/.
let tmp: string;
const make = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
  fs.writeFileSync(path.join(tmp, rel), text);
};
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-'));
  make('package.json', '{"secret": true}');
  make('dist-secret/b.txt', 'secret');
  make('dist/a.txt', 'public');
  make('dist/404.html', '<p>the site’s own 404</p>');
  make('dist/glossary/kyiv/index.html', `<p>${'Kyiv '.repeat(200)}</p>`);
  make('dist/pagefind/wasm.en.pagefind', 'gzipped by pagefind');
  make('dist/app.mjs', 'export {};');
  fs.symlinkSync(path.join(tmp, 'dist-secret'), path.join(tmp, 'dist', 'out'));
  // On Linux a backslash is a file name's character, so "..\package.json" can be a file of dist/;
  // a host on Windows would read it as a way out. Either way the server must refuse it.
  make('dist/..\\package.json', 'secret');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('serveStatic', () => {
  const traversals = [
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E%2Fpackage.json',
    '/..%2fpackage.json',
    '/..%2f..%2fpackage.json',
    '/..\\package.json',
    '/..%5cpackage.json',
    '/%2e%2e%5cpackage.json',
    '/../dist-secret/b.txt',
    '/..%2fdist-secret%2fb.txt',
    '/out/b.txt',
    '/%E0%A4%A',
    '//',
  ];
  it.each(traversals)('serves nothing outside its folder for %s, and answers 404', async (raw) => {
    const server = await serveStatic(path.join(tmp, 'dist'));
    try {
      const res = await get(server, raw);
      expect(res.status).toBe(404);
      expect(res.body.toString()).not.toMatch(/secret/);
      // Still serving: the request did not crash it.
      expect((await get(server, '/a.txt')).body.toString()).toBe('public');
    } finally {
      await server.close();
    }
  });

  it('serves a file, a directory’s index, a 301 to the trailing slash, the 404 page, and the right types', async () => {
    const server = await serveStatic(path.join(tmp, 'dist') + path.sep);
    try {
      const a = await get(server, '/a.txt');
      expect([a.status, a.headers['content-type'], a.headers['content-length'], a.body.toString()]).toEqual([200, 'text/plain; charset=utf-8', '6', 'public']);
      expect((await get(server, '/app.mjs')).headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect((await get(server, '/glossary/kyiv/')).body.toString()).toMatch(/^<p>Kyiv/);
      const moved = await get(server, '/glossary/kyiv');
      expect([moved.status, moved.headers.location]).toEqual([301, '/glossary/kyiv/']);
      const missing = await get(server, '/glossary/nowhere/');
      expect([missing.status, missing.headers['content-type'], missing.body.toString()]).toEqual([404, 'text/html; charset=utf-8', '<p>the site’s own 404</p>']);
    } finally {
      await server.close();
    }
  });

  it('serves under its base only', async () => {
    const server = await serveStatic(path.join(tmp, 'dist'), '/edition/');
    try {
      expect(server.url).toMatch(/\/edition\/$/);
      expect((await get(server, '/edition/a.txt')).body.toString()).toBe('public');
      expect((await get(server, '/a.txt')).status).toBe(404);
      expect((await get(server, '/edition/../package.json')).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('gzips text types when asked and accepted, never Pagefind’s files, and logs the bytes sent', async () => {
    const server = await serveCompressed(path.join(tmp, 'dist'));
    const plain = await serveStatic(path.join(tmp, 'dist'));
    try {
      const gz = { 'accept-encoding': 'gzip, br' };
      const page = await get(server, '/glossary/kyiv/', gz);
      expect([page.headers['content-encoding'], page.headers.vary]).toEqual(['gzip', 'Accept-Encoding']);
      expect(zlib.gunzipSync(page.body).toString()).toMatch(/^<p>Kyiv/);
      expect(page.body.length).toBe(Number(page.headers['content-length']));
      expect(server.log.at(-1)).toEqual({ path: '/glossary/kyiv/', bytes: page.body.length });
      expect((await get(server, '/glossary/kyiv/')).headers['content-encoding']).toBeUndefined();
      expect((await get(server, '/pagefind/wasm.en.pagefind', gz)).headers['content-encoding']).toBeUndefined();
      expect((await get(plain, '/glossary/kyiv/', gz)).headers['content-encoding']).toBeUndefined();
      server.reset();
      expect(server.log).toEqual([]);
    } finally {
      await server.close();
      await plain.close();
    }
  });
});
