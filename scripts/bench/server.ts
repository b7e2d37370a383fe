// A static server over a built site that compresses like a real host: gzip
// (level 6, as nginx/CDNs commonly serve) for text types when the client
// accepts it, never for Pagefind's index files (already gzipped by Pagefind)
// or other binary types. Directory indexes, 301 to the trailing slash, the
// 404 page, and Content-Length on every response so transfer sizes are exact.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';

import { TYPES as BASE_TYPES } from '../../tests/support/server.ts';

// The test server's types, and a few more a real host would serve.
const TYPES: Record<string, string> = {
  ...BASE_TYPES,
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.geojson': 'application/geo+json',
};

/** Types a host compresses on the fly (Cloudflare/Netlify/nginx defaults include these). */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|wasm|manifest\+json|geo\+json)|image\/svg\+xml)/;

export interface BenchServer {
  url: string;
  /** Every response sent since the last reset: path and body bytes on the wire. */
  log: { path: string; bytes: number }[];
  reset(): void;
  close(): Promise<void>;
}

export async function serveCompressed(root: string, base = '/'): Promise<BenchServer> {
  root = path.resolve(root);
  const cache = new Map<string, { gz: Buffer; plain: Buffer; type: string }>();
  const log: BenchServer['log'] = [];
  const load = (file: string) => {
    let hit = cache.get(file);
    if (!hit) {
      const plain = fs.readFileSync(file);
      const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      hit = { plain, type, gz: COMPRESSIBLE.test(type) ? zlib.gzipSync(plain, { level: 6 }) : plain };
      cache.set(file, hit);
    }
    return hit;
  };
  const send = (req: http.IncomingMessage, res: http.ServerResponse, status: number, file: string | null) => {
    if (!file) {
      res.writeHead(status, { 'content-type': TYPES['.html'], 'content-length': 9 }).end('Not found');
      return;
    }
    const { gz, plain, type } = load(file);
    const gzip = gz !== plain && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? gz : plain;
    const headers: http.OutgoingHttpHeaders = {
      'content-type': type,
      'content-length': body.length,
      'cache-control': 'public, max-age=0, must-revalidate',
    };
    if (gz !== plain) headers.vary = 'Accept-Encoding';
    if (gzip) headers['content-encoding'] = 'gzip';
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    log.push({ path: req.url ?? '', bytes: req.method === 'HEAD' ? 0 : body.length });
  };
  const server = http.createServer((req, res) => {
    const notFound = () => {
      const page = path.join(root, '404.html');
      send(req, res, 404, fs.existsSync(page) ? page : null);
    };
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (!pathname.startsWith(base)) return notFound();
    let file = path.join(root, decodeURIComponent(pathname.slice(base.length)));
    if (file !== root && !file.startsWith(root + path.sep)) return notFound();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${pathname}/`, 'content-length': 0 }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return notFound();
    send(req, res, 200, file);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    log,
    reset: () => void log.splice(0),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
