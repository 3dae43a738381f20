// A small pool of parse worker threads: memory limits, a per-file timeout that replaces a stuck worker, and crash recovery.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceFormat } from '../../shared/document/types';
import type { ReportModel } from '../../shared/model/report';

export interface ParseRequest {
  type: 'parse';
  taskId: number;
  path: string;
}

/** Stops a file's long work (OCR) between pages. */
export interface AbortRequest {
  type: 'abort';
  taskId: number;
}

/** Pages done of pages to do in a long file (OCR); `extraMs`, sent once, is the time the file needs beyond the limit. */
export interface PageProgress {
  current: number;
  total: number;
  extraMs?: number;
}

/** What the worker sends back: everything the database needs, nothing it does not (the source document stays in the worker). */
export interface ParsedPayload {
  fileName: string;
  sha256: string;
  size: number;
  format: SourceFormat | null;
  bytes: Uint8Array;
  model?: ReportModel;
  problems: { kind: string; message: string }[];
  /** The document's text for full-text search. */
  text: string;
  ms: number;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'stage'; taskId: number; stage: 'reading' | 'parsing' }
  | ({ type: 'progress'; taskId: number } & PageProgress)
  | { type: 'result'; taskId: number; payload: ParsedPayload }
  | { type: 'error'; taskId: number; message: string };

export interface WorkerInit {
  /** URL of a module exporting parseFile; the real parser when absent (tests inject slow or crashing parsers). */
  parserModule?: string;
}

export type ParseOutcome =
  { kind: 'parsed'; payload: ParsedPayload } | { kind: 'failed'; reason: string; problem: 'timeout' | 'crash' | 'error' };

export interface WorkerEntry {
  /** A file URL, or bootstrap source code when `eval` is set. */
  entry: URL | string;
  eval: boolean;
}

/**
 * Where the worker's code is. From source (tests, CLI under tsx) the `.ts` runner is started through a tiny bootstrap
 * that registers tsx inside the thread (`execArgv: ['--import', 'tsx']` does not reach a worker's entry on Node 20).
 * From the electron-vite build, `worker-runner.js` sits next to the main bundle (a second `build.rollupOptions.input`).
 */
export function resolveWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  const override = process.env['REPORT_INSPECTOR_WORKER'];
  if (override) return { entry: pathToFileURL(override), eval: false };
  if (moduleUrl.endsWith('.ts')) {
    const nodeRequire = createRequire(moduleUrl);
    const tsxApi = pathToFileURL(join(dirname(nodeRequire.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
    const runner = new URL('./worker-runner.ts', moduleUrl).href;
    const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(runner)}); })`;
    return { entry: code, eval: true };
  }
  return { entry: new URL('./worker-runner.js', moduleUrl), eval: false };
}

export interface PoolOptions {
  size: number;
  /** Per-file limit; the worker is terminated and replaced when it is exceeded. */
  timeoutMs: number;
  /**
   * Most a file may add to the limit when it asks for it (a scan: the reader asks for the time its OCR pages need,
   * 15 s to start and 15 s a page, at most 20 pages); 5 min 15 s by default, so the worst scan ends within 5 min 45 s.
   */
  maxExtraMs?: number;
  /** Old-generation heap limit of each worker, in MB. */
  maxOldGenerationSizeMb?: number;
  parserModule?: string;
  entry?: WorkerEntry;
}

interface Task {
  id: number;
  path: string;
  onStage: (stage: 'reading' | 'parsing') => void;
  onPages?: (p: PageProgress) => void;
  signal?: AbortSignal;
  resolve: (o: ParseOutcome) => void;
  started?: number;
  limitMs?: number;
}

/** Default cap of the extra time a file may ask for. */
export const MAX_EXTRA_MS = 330_000;

interface Slot {
  worker: Worker;
  task?: Task;
  timer?: NodeJS.Timeout;
}

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  /** Parses one file in a worker; always resolves (a stuck or crashed worker becomes a failed outcome). */
  parse(
    path: string,
    onStage: Task['onStage'] = () => {},
    more: { onPages?: Task['onPages']; signal?: AbortSignal } = {},
  ): Promise<ParseOutcome> {
    if (this.closed) return Promise.resolve({ kind: 'failed', reason: '导入已停止', problem: 'error' });
    return new Promise((resolve) => {
      this.waiting.push({ id: this.nextId++, path, onStage, resolve, ...more });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.waiting.splice(0)) t.resolve({ kind: 'failed', reason: '导入已停止', problem: 'error' });
    await Promise.all(this.slots.splice(0).map((s) => this.retire(s, '导入已停止', 'error')));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot && this.slots.length < this.options.size) slot = this.spawn();
      if (!slot) return;
      const task = this.waiting.shift() as Task;
      slot.task = task;
      slot.worker.ref();
      task.onStage('reading');
      task.started = Date.now();
      task.limitMs = this.options.timeoutMs;
      slot.timer = setTimeout(() => void this.onTimeout(slot as Slot), this.options.timeoutMs);
      const worker = slot.worker;
      task.signal?.addEventListener('abort', () => worker.postMessage({ type: 'abort', taskId: task.id } satisfies AbortRequest), {
        once: true,
      });
      worker.postMessage({ type: 'parse', taskId: task.id, path: task.path } satisfies ParseRequest);
    }
  }

  private spawn(): Slot {
    const { entry, eval: isEval } = this.options.entry ?? resolveWorkerEntry();
    const worker = new Worker(entry, {
      eval: isEval,
      workerData: { parserModule: this.options.parserModule } satisfies WorkerInit,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxOldGenerationSizeMb ?? 1536 },
      // Captured and dropped: library warnings (pdf.js fonts…) must not mix into the command line's stdout summary;
      // what matters comes back as problems in the result.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const slot: Slot = { worker };
    worker.on('message', (m: WorkerMessage) => this.onMessage(slot, m));
    worker.on('error', (e: Error) => void this.retire(slot, crashReason(e), 'crash'));
    worker.on('exit', () => void this.retire(slot, '解析进程意外退出', 'crash'));
    // An idle pool must not keep the process (a CLI run) alive.
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private onMessage(slot: Slot, m: WorkerMessage): void {
    const task = slot.task;
    if (m.type === 'ready' || !task || m.taskId !== task.id) return;
    if (m.type === 'stage') return task.onStage(m.stage);
    if (m.type === 'progress') return this.onProgress(slot, task, m);
    this.finish(
      slot,
      m.type === 'result' ? { kind: 'parsed', payload: m.payload } : { kind: 'failed', reason: `解析出错：${m.message}`, problem: 'error' },
    );
    this.dispatch();
  }

  private finish(slot: Slot, outcome: ParseOutcome): void {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = undefined;
    slot.timer = undefined;
    slot.worker.unref();
    task?.resolve(outcome);
  }

  /** Page progress goes to the caller; a request for extra time moves the deadline once, within the cap. */
  private onProgress(slot: Slot, task: Task, p: PageProgress): void {
    if (p.extraMs !== undefined && task.started !== undefined && slot.timer) {
      const extra = Math.min(Math.max(0, p.extraMs), this.options.maxExtraMs ?? MAX_EXTRA_MS);
      task.limitMs = this.options.timeoutMs + extra;
      clearTimeout(slot.timer);
      slot.timer = setTimeout(() => void this.onTimeout(slot), Math.max(0, task.started + task.limitMs - Date.now()));
    }
    task.onPages?.({ current: p.current, total: p.total });
  }

  private async onTimeout(slot: Slot): Promise<void> {
    const seconds = Math.round((slot.task?.limitMs ?? this.options.timeoutMs) / 1000);
    await this.retire(slot, `解析超时（超过 ${seconds} 秒），已停止处理该文件`, 'timeout');
  }

  /** Takes a worker out of the pool (its current file fails with the reason) and lets a fresh one be spawned on demand. */
  private async retire(slot: Slot, reason: string, problem: 'timeout' | 'crash' | 'error'): Promise<void> {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    this.finish(slot, { kind: 'failed', reason, problem });
    slot.worker.removeAllListeners('exit');
    slot.worker.on('error', () => {});
    await slot.worker.terminate().catch(() => undefined);
    if (!this.closed) this.dispatch();
  }
}

function crashReason(e: Error): string {
  if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') return '文件过于复杂，解析时内存不足，已跳过';
  return `解析进程出错：${e.message.split('\n')[0] ?? ''}`;
}
