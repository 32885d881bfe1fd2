// A tiny static file server on 127.0.0.1 for the demo, the real-browser tests and the bench.
// A file may have a sidecar "<file>.headers.json" with extra response headers (e.g. a strict CSP).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  origin: string;
  url(path: string): string;
  /** Serve a generated page (or replace one) at `path`. */
  setPage(path: string, body: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

/** Serve `roots` (mapped by URL prefix, e.g. {"/demo/": "demo", "/": "tests/fixtures"}) on a free port. */
export async function startStaticServer(roots: Record<string, string>, port = 0): Promise<StaticServer> {
  const pages = new Map<string, { body: string; headers: Record<string, string> }>();
  const prefixes = Object.keys(roots).sort((a, b) => b.length - a.length);

  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const page = pages.get(path);
    if (page) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers });
      response.end(page.body);
      return;
    }
    const prefix = prefixes.find((p) => path.startsWith(p));
    if (prefix === undefined) return notFound(response);
    const root = roots[prefix]!;
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(normalize(root) + sep) && file !== normalize(root)) return notFound(response);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return notFound(response);
    const sidecar = `${file}.headers.json`;
    const extra = existsSync(sidecar) ? (JSON.parse(readFileSync(sidecar, 'utf8')) as Record<string, string>) : {};
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...extra });
    response.end(readFileSync(file));
  });

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
    setPage: (path, body, headers = {}) => void pages.set(path, { body, headers }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function notFound(response: import('node:http').ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('not found');
}
