/**
 * `npm run feed:serve -- DIR [--port N] [--fail STATUS [--fail-times N]] [--truncate] [--corrupt] [--html]
 *  [--delay MS] [--only PREFIX]`
 *
 * Serves a feed folder on 127.0.0.1 the way a static host does (ETag, If-None-Match -> 304, content types, CORS),
 * with failure modes for end-to-end tests. The mode can be changed while it runs:
 *   GET /__mode                      the current mode, as JSON
 *   GET /__mode?fail=500&times=2     the next 2 file requests answer 500, then files are served again (times
 *                                    omitted: all of them)
 *   GET /__mode?truncate=1&only=companies/   send only the first half of matching files
 *   GET /__mode?corrupt=1            change one byte of each file (same size, other hash)
 *   GET /__mode?html=1               answer every file with a captive-portal sign-in page
 *   GET /__mode?delay=2000           wait 2 s before answering
 *   GET /__mode?reset=1              back to normal
 *   GET /__requests                  the requests served so far (path, If-None-Match, status); ?clear=1 empties it
 * Setting a mode replaces the previous one. `only` limits a mode to paths starting with the prefix.
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export interface ServeMode {
  /** Answer with this HTTP status instead of the file. */
  fail?: number;
  /** How many requests `fail` applies to before the server recovers; all when absent. */
  failTimes?: number;
  /** Send the first half of the file (with a matching Content-Length, so the response looks complete). */
  truncate?: boolean;
  /** Flip one byte of the file: same size, different SHA-256. */
  corrupt?: boolean;
  /** Answer with a captive portal's HTML sign-in page. */
  html?: boolean;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Apply the mode only to paths (relative, without the leading slash) that start with this. */
  only?: string;
}

export interface ServedRequest {
  method: string;
  path: string;
  ifNoneMatch: string | null;
  status: number;
}

export interface FeedServer {
  /** Base URL of the feed folder, with a trailing slash: `http://127.0.0.1:PORT/`. */
  url: string;
  setMode(mode: ServeMode): void;
  requests(): ServedRequest[];
  clearRequests(): void;
  close(): Promise<void>;
}

export interface StartFeedServerOptions {
  dir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  mode?: ServeMode;
}

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.sig': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const PORTAL_PAGE = `<!doctype html>
<html><head><title>Sign in to Wi-Fi</title></head>
<body><h1>Welcome to Airport Free Wi-Fi</h1><p>Accept the terms to continue.</p><form><button>Connect</button></form></body></html>
`;

export function etagOf(bytes: Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}"`;
}

/** Whether an If-None-Match header names the ETag (weak comparison, lists and `*` included, as RFC 9110 says). */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}

export function modeFromQuery(params: URLSearchParams): ServeMode {
  const mode: ServeMode = {};
  const fail = params.get('fail');
  if (fail) mode.fail = Number(fail);
  const times = params.get('times');
  if (times) mode.failTimes = Number(times);
  if (params.get('truncate')) mode.truncate = true;
  if (params.get('corrupt')) mode.corrupt = true;
  if (params.get('html')) mode.html = true;
  const delay = params.get('delay');
  if (delay) mode.delayMs = Number(delay);
  const only = params.get('only');
  if (only) mode.only = only;
  return mode;
}

function setCommonHeaders(res: ServerResponse): void {
  // What GitHub Pages and most buckets send; the custom If-None-Match header needs the preflight answered too.
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'ETag, Content-Length');
  res.setHeader('Cache-Control', 'no-cache');
}

export async function startFeedServer(options: StartFeedServerOptions): Promise<FeedServer> {
  const root = await realpathOrThrow(options.dir);
  let mode: ServeMode = { ...options.mode };
  let log: ServedRequest[] = [];

  const finish = (req: IncomingMessage, res: ServerResponse, status: number, relative: string, body?: Uint8Array) => {
    res.statusCode = status;
    log.push({ method: req.method ?? 'GET', path: relative, ifNoneMatch: headerOf(req, 'if-none-match'), status });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    setCommonHeaders(res);
    if (url.pathname === '/__mode') {
      if (url.search) mode = url.searchParams.get('reset') ? {} : modeFromQuery(url.searchParams);
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(`${JSON.stringify(mode)}\n`);
      return;
    }
    if (url.pathname === '/__requests') {
      if (url.searchParams.get('clear')) log = [];
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(`${JSON.stringify(log)}\n`);
      return;
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'If-None-Match, Accept');
      res.setHeader('Access-Control-Max-Age', '600');
      res.statusCode = 204;
      res.end();
      return;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    } catch {
      finish(req, res, 400, url.pathname);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD, OPTIONS');
      finish(req, res, 405, relative);
      return;
    }
    const applies = !mode.only || relative.startsWith(mode.only);
    if (applies && mode.delayMs) await new Promise((resolve) => setTimeout(resolve, mode.delayMs));
    if (applies && mode.fail) {
      const status = mode.fail;
      if (mode.failTimes !== undefined && --mode.failTimes <= 0) {
        const { fail: _fail, failTimes: _times, ...rest } = mode;
        mode = rest;
      }
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      finish(req, res, status, relative, Buffer.from(`HTTP ${status}\n`));
      return;
    }
    if (applies && mode.html) {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      finish(req, res, 200, relative, Buffer.from(PORTAL_PAGE));
      return;
    }
    const file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) {
      finish(req, res, 404, relative);
      return;
    }
    let bytes: Uint8Array;
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      bytes = await readFile(file);
    } catch {
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      finish(req, res, 404, relative, Buffer.from('Not found\n'));
      return;
    }
    const etag = etagOf(bytes);
    res.setHeader('ETag', etag);
    res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
    if (ifNoneMatchHits(headerOf(req, 'if-none-match') ?? undefined, etag)) {
      finish(req, res, 304, relative);
      return;
    }
    if (applies && mode.truncate) bytes = bytes.subarray(0, Math.floor(bytes.length / 2));
    if (applies && mode.corrupt && bytes.length > 0) {
      bytes = Uint8Array.from(bytes);
      const middle = Math.floor(bytes.length / 2);
      bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
    }
    res.setHeader('Content-Length', String(bytes.length));
    finish(req, res, 200, relative, bytes);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    setMode: (next) => {
      mode = { ...next };
    },
    requests: () => [...log],
    clearRequests: () => {
      log = [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? null);
}

async function realpathOrThrow(dir: string): Promise<string> {
  try {
    const resolved = realpathSync(dir);
    if (!(await stat(resolved)).isDirectory()) throw new Error('not a directory');
    return resolved;
  } catch {
    throw new Error(`${dir} is not a folder: build one with npm run feed:build -- --out ${dir}`);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '8787' },
      fail: { type: 'string' },
      'fail-times': { type: 'string' },
      truncate: { type: 'boolean', default: false },
      corrupt: { type: 'boolean', default: false },
      html: { type: 'boolean', default: false },
      delay: { type: 'string' },
      only: { type: 'string' },
    },
  });
  const dir = positionals[0];
  if (!dir) throw new Error('usage: npm run feed:serve -- DIR [--port N] [--fail STATUS] [--fail-times N] [--truncate] [--corrupt] [--html] [--delay MS] [--only PREFIX]');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a port number, not ${values.port}`);
  const mode: ServeMode = {};
  if (values.fail) mode.fail = Number(values.fail);
  if (values['fail-times']) mode.failTimes = Number(values['fail-times']);
  if (values.truncate) mode.truncate = true;
  if (values.corrupt) mode.corrupt = true;
  if (values.html) mode.html = true;
  if (values.delay) mode.delayMs = Number(values.delay);
  if (values.only) mode.only = values.only;
  const server = await startFeedServer({ dir, port, mode });
  process.stdout.write(`Serving ${path.resolve(dir)} at ${server.url} (mode ${JSON.stringify(mode)}; change it at ${server.url}__mode)\n`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`feed:serve: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
