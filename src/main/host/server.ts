// The loopback test host: the built renderer and the real services over HTTP on 127.0.0.1, so the renderer runs unchanged in a browser.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { EventName, Events } from '../../shared/ipc/contract';
import { isChannel } from '../../shared/ipc/contract';
import { openLibrary, type Library } from '../services/library';
import type { QueueOptions } from '../import/queue';
import { ChromiumPrinter } from '../print/chromium-printer';
import type { Printer } from '../print/printer';
import { SECURITY_HEADERS, serveStatic } from './static-files';

/** Paths `dialog:open` answers with, per kind (the host has no native chooser); a plain list answers both kinds. */
export type DialogPaths = string[] | { files?: string[]; folder?: string[] };

export interface HostOptions {
  dbPath: string;
  dialogPaths?: DialogPaths;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer; `out/renderer` under the working directory by default. */
  rendererDir?: string;
  userName?: string;
  queue?: Omit<QueueOptions, 'db'>;
  /** What print:pdf prints with: Debian's chromium through playwright-core by default (started on the first print). */
  printer?: Printer;
}

export interface Host {
  url: string;
  library: Library;
  /** Test hook: what the next `dialog:open` returns. */
  setDialogPaths(paths: DialogPaths): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too-large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function invalid(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { kind: 'invalid-input', message } });
}

function pick(paths: DialogPaths, kind: 'files' | 'folder'): string[] {
  return Array.isArray(paths) ? [...paths] : [...(paths[kind] ?? [])];
}

export async function startHost(options: HostOptions): Promise<Host> {
  const rendererDir = options.rendererDir ?? join(process.cwd(), 'out', 'renderer');
  let dialogPaths: DialogPaths = options.dialogPaths ?? [];
  const clients = new Set<ServerResponse>();
  const emit = <E extends EventName>(event: E, payload: Events[E]): void => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const c of clients) c.write(frame);
  };
  const library = openLibrary({
    dbPath: options.dbPath,
    emit,
    dialog: async (kind) => pick(dialogPaths, kind),
    userName: options.userName ?? '评审员',
    // No native save dialog here: the renderer asks for a full path and sends it (print:pdf, export:xlsx, package:*).
    printer: options.printer ?? new ChromiumPrinter(),
    ...(options.queue ? { queue: options.queue } : {}),
  });
  let allowedHosts = new Set<string>();
  let origins = new Set<string>();

  async function invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page of another origin must not drive the services (CSRF): browsers always send Origin on a cross-origin POST.
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin)) return invalid(res, 403, '拒绝了来自其他来源的请求。');
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return invalid(res, 415, '请求格式错误。');
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readBody(req));
    } catch {
      return invalid(res, 400, '请求内容无法解析。');
    }
    const { channel, arg } = (parsed ?? {}) as { channel?: unknown; arg?: unknown };
    if (!isChannel(channel)) return invalid(res, 404, `未知的请求：${String(channel)}`);
    sendJson(res, 200, await library.wrapped[channel](arg));
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
  }

  const server = createServer((req, res) => {
    // DNS rebinding: a hostile name resolving to 127.0.0.1 still sends its own name in Host.
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Misdirected request');
      return;
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = `${req.method ?? 'GET'} ${path}`;
    const done = (p: Promise<void> | void): void => {
      void Promise.resolve(p).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { kind: 'internal', message: '内部错误。' } });
        else res.end();
      });
    };
    if (route === 'POST /api/invoke') return done(invoke(req, res));
    if (route === 'GET /api/events') return done(events(req, res));
    if (req.method !== 'GET' && req.method !== 'HEAD') return invalid(res, 405, '不支持的请求方法。');
    if (path.startsWith('/api/')) return invalid(res, 404, '未知的请求。');
    done(serveStatic(rendererDir, path, res));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const heartbeat = setInterval(() => {
    for (const c of clients) c.write(': ping\n\n');
  }, 15_000);

  return {
    url: `http://127.0.0.1:${port}/`,
    library,
    setDialogPaths(paths) {
      dialogPaths = paths;
    },
    async close() {
      clearInterval(heartbeat);
      for (const c of clients) c.end();
      clients.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await library.close();
    },
  };
}
