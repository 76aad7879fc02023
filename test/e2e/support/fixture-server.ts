/** A static server on 127.0.0.1 for the sample pages (shared ones first, then Footnote's own). */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { OWN_PAGES, SHARED_PAGES } from './paths';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

export interface FixtureServer {
  port: number;
  /** `http://HOST:PORT/NAME` for a page. */
  url(name: string, host?: string): string;
  close(): Promise<void>;
}

export async function startFixtureServer(dirs: string[] = [SHARED_PAGES, OWN_PAGES], port = 0): Promise<FixtureServer> {
  const server: Server = createServer(async (req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    if (name.includes('..')) {
      res.writeHead(400).end();
      return;
    }
    for (const dir of dirs) {
      try {
        const body = await readFile(path.join(dir, name));
        res.writeHead(200, { 'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
        return;
      } catch {
        // try the next folder
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const boundPort = (server.address() as AddressInfo).port;
  return {
    port: boundPort,
    url: (name, host = '127.0.0.1') => `http://${host}:${boundPort}/${name}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
