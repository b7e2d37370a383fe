// The one static server over a built site, for the browser tests and the
// benches: directory indexes with a 301 to the trailing slash, the site's 404
// page, correct types (Pagefind's files included), an optional base path, and
// Content-Length on every response so the bytes a page costs are exact. With
// `gzip`, it compresses text types as a real host does (level 6, as nginx and
// CDNs commonly serve) when the client accepts it; never Pagefind's index
// files, which Pagefind gzips itself, nor other binary types.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.epub': 'application/epub+zip',
};

/** Types a host compresses on the fly (Cloudflare, Netlify and nginx defaults include these). */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|wasm|manifest\+json|geo\+json)|image\/svg\+xml)/;

export interface StaticServer {
  url: string;
  /** Every response sent since the last reset: the path asked for and the body's bytes on the wire. */
  log: { path: string; bytes: number }[];
  reset(): void;
  close(): Promise<void>;
}

/**
 * The file a request path names inside `root` (a real path), or null: after
 * percent-decoding, a step up, an encoded slash, a backslash (a separator to a host
 * on Windows) or a symbolic link must not lead out of the folder.
 */
function fileInside(root: string, requestPath: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(requestPath);
  } catch {
    return null; // malformed percent-encoding
  }
  if (rel.includes('\\')) return null;
  const file = path.resolve(root, `./${rel}`);
  const real = fs.existsSync(file) ? fs.realpathSync(file) : file;
  return real === root || real.startsWith(root + path.sep) ? file : null;
}

export async function serveStatic(root: string, base = '/', { gzip = false } = {}): Promise<StaticServer> {
  root = fs.realpathSync(path.resolve(root));
  const log: StaticServer['log'] = [];
  const cache = new Map<string, { key: string; body: Buffer; gz: Buffer | null; type: string }>();
  const load = (file: string) => {
    const { mtimeMs, size } = fs.statSync(file);
    const key = `${mtimeMs}:${size}`;
    let hit = cache.get(file);
    if (hit?.key !== key) {
      const body = fs.readFileSync(file);
      const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      hit = { key, body, type, gz: gzip && COMPRESSIBLE.test(type) ? zlib.gzipSync(body, { level: 6 }) : null };
      cache.set(file, hit);
    }
    return hit;
  };
  const send = (req: http.IncomingMessage, res: http.ServerResponse, status: number, file: string | null) => {
    const hit = file ? load(file) : { body: Buffer.from('Not found'), gz: null, type: TYPES['.txt'] };
    const zipped = hit.gz !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = zipped ? hit.gz! : hit.body;
    const headers: http.OutgoingHttpHeaders = { 'content-type': hit.type, 'content-length': body.length, 'cache-control': 'public, max-age=0, must-revalidate' };
    if (hit.gz) headers.vary = 'Accept-Encoding';
    if (zipped) headers['content-encoding'] = 'gzip';
    res.writeHead(status, headers).end(req.method === 'HEAD' ? undefined : body);
    log.push({ path: req.url ?? '', bytes: req.method === 'HEAD' ? 0 : body.length });
  };
  const notFound = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const page = path.join(root, '404.html');
    send(req, res, 404, fs.existsSync(page) ? page : null);
  };
  const server = http.createServer((req, res) => {
    // A target such as "//" is no URL at all: answered, not thrown.
    const pathname = URL.parse(req.url ?? '/', 'http://localhost')?.pathname ?? '';
    const inside = (rel: string) => (pathname.startsWith(base) ? fileInside(root, rel) : null);
    const file = inside(pathname.slice(base.length));
    if (!file || !fs.existsSync(file)) return notFound(req, res);
    if (fs.statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) return void res.writeHead(301, { location: `${pathname}/`, 'content-length': 0 }).end();
      const index = inside(`${pathname.slice(base.length)}index.html`);
      return index && fs.existsSync(index) ? send(req, res, 200, index) : notFound(req, res);
    }
    if (!fs.statSync(file).isFile()) return notFound(req, res);
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

/** The server as a host serves the site, gzip on: what the benches measure bytes against. */
export const serveCompressed = (root: string, base = '/') => serveStatic(root, base, { gzip: true });
