// The one import job queue: jobs run one at a time, files of a job go through up to two parse workers, the database is written here only.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { ImportProgress, ImportSummary } from '../../shared/ipc/contract';
import { findReportBySha, insertReport, reparseReport, type Db } from '../db/index';
import { scanPaths } from './scan';
import { ParsePool, type ParsedPayload, type WorkerEntry } from './worker';

/** Same bound as the readers' (read-document.ts), kept here so the main side does not load every reader. */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

export type QueueEvent = { type: 'progress'; payload: ImportProgress } | { type: 'done'; payload: ImportSummary };
export type QueueListener = (event: QueueEvent) => void;

export interface QueueOptions {
  db: Db;
  /** Parallel parse workers; at most the number of cores, 2 by default. */
  workers?: number;
  timeoutMs?: number;
  /** Progress is repeated at this interval while a long file is being parsed, so the UI never goes silent. */
  heartbeatMs?: number;
  parserModule?: string;
  workerEntry?: WorkerEntry;
}

export interface StartOptions {
  /** Re-parse files already in the library (after a parser upgrade): cells replaced, corrections kept. */
  reparse?: boolean;
}

interface Job {
  id: string;
  paths: string[];
  options: StartOptions;
  cancelled: boolean;
  /** Aborted on cancel: a file in OCR stops between pages and is not saved. */
  abort: AbortController;
  summary: ImportSummary;
  done: Promise<ImportSummary>;
  resolve: (s: ImportSummary) => void;
}

type FileOutcome = { outcome: 'imported' | 'duplicate'; reportId: number } | { outcome: 'failed'; reason: string };

export class ImportQueue {
  private readonly listeners = new Set<QueueListener>();
  private readonly jobs = new Map<string, Job>();
  private tail: Promise<void> = Promise.resolve();
  private readonly pool: ParsePool;
  private readonly workers: number;

  constructor(private readonly options: QueueOptions) {
    this.workers = Math.max(1, Math.min(options.workers ?? 2, availableParallelism()));
    this.pool = new ParsePool({
      size: this.workers,
      timeoutMs: options.timeoutMs ?? 30_000,
      ...(options.parserModule ? { parserModule: options.parserModule } : {}),
      ...(options.workerEntry ? { entry: options.workerEntry } : {}),
    });
  }

  subscribe(listener: QueueListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Queues a job and returns its id at once; the job starts when the previous one has finished. */
  start(paths: readonly string[], options: StartOptions = {}): string {
    const id = randomUUID();
    let resolve: (s: ImportSummary) => void = () => {};
    const done = new Promise<ImportSummary>((r) => (resolve = r));
    const summary: ImportSummary = { jobId: id, imported: [], duplicates: [], failed: [], skipped: [], cancelled: false };
    const job: Job = { id, paths: [...paths], options, cancelled: false, abort: new AbortController(), summary, done, resolve };
    this.jobs.set(id, job);
    this.tail = this.tail.then(() => this.run(job));
    return id;
  }

  /**
   * Stops a job between files: files already running finish and are saved whole, except a scan being read by OCR,
   * which stops between pages and is not saved (listed as failed, cancelled); the rest are listed as skipped.
   */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.cancelled) return false;
    job.cancelled = true;
    job.summary.cancelled = true;
    job.abort.abort();
    return true;
  }

  /** The summary of a job once it has finished. */
  result(jobId: string): Promise<ImportSummary> | undefined {
    return this.jobs.get(jobId)?.done;
  }

  async close(): Promise<void> {
    for (const job of this.jobs.values()) this.cancel(job.id);
    await this.tail;
    await this.pool.close();
  }

  private emit(event: QueueEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // A broken listener (a closed window) must not stop the import.
      }
    }
  }

  private async run(job: Job): Promise<void> {
    const progress = (p: Omit<ImportProgress, 'jobId'>): void => this.emit({ type: 'progress', payload: { jobId: job.id, ...p } });
    let finished = 0;
    let total = 0;
    let scanning = true;
    const running = new Map<string, ImportProgress>();
    // Repeats the state of every running file (or of the scan) so the UI hears from the job at least four times a second.
    const heartbeat = setInterval(() => {
      if (scanning) progress({ stage: 'scanning', current: 0, total: 0 });
      for (const p of running.values()) this.emit({ type: 'progress', payload: { ...p, current: finished } });
    }, this.options.heartbeatMs ?? 250);
    progress({ stage: 'scanning', current: 0, total: 0 });
    const scan = await scanPaths(job.paths).catch(() => ({
      files: [] as string[],
      skipped: [{ file: job.paths.join(', '), reason: '无法读取所选路径' }],
    }));
    scanning = false;
    job.summary.skipped.push(...scan.skipped);
    total = scan.files.length;
    let next = 0;
    const lane = async (): Promise<void> => {
      while (!job.cancelled && next < total) {
        const file = scan.files[next++] as string;
        const stage = (s: ImportProgress['stage'], pages?: ImportProgress['pages']): void => {
          const p: ImportProgress = { jobId: job.id, stage: s, current: finished, total, file, ...(pages ? { pages } : {}) };
          running.set(file, p);
          this.emit({ type: 'progress', payload: p });
        };
        const result = await this.importFile(file, job, stage);
        running.delete(file);
        finished += 1;
        this.record(job.summary, file, result);
        progress({
          stage: result.outcome === 'failed' ? 'parsing' : 'saving',
          current: finished,
          total,
          file,
          outcome: result.outcome,
          ...('reason' in result ? { reason: result.reason } : {}),
        });
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(this.workers, Math.max(1, total)) }, lane));
    } finally {
      clearInterval(heartbeat);
    }
    for (const file of scan.files.slice(next)) job.summary.skipped.push({ file, reason: '导入已取消，未处理' });
    progress({ stage: 'done', current: finished, total });
    this.emit({ type: 'done', payload: job.summary });
    job.resolve(job.summary);
  }

  private record(summary: ImportSummary, path: string, r: FileOutcome): void {
    if (r.outcome === 'failed') summary.failed.push({ file: path, reason: r.reason });
    else if (r.outcome === 'imported') summary.imported.push({ file: path, reportId: r.reportId });
    else summary.duplicates.push({ file: path, reportId: r.reportId });
  }

  /** One file, start to finish; never throws (one bad file never stops the batch). */
  private async importFile(
    path: string,
    job: Job,
    stage: (s: ImportProgress['stage'], pages?: ImportProgress['pages']) => void,
  ): Promise<FileOutcome> {
    const options = job.options;
    try {
      stage('reading');
      const st = await stat(path);
      if (st.size > MAX_FILE_BYTES) return { outcome: 'failed', reason: `文件过大（超过 ${MAX_FILE_BYTES / 1024 / 1024} MB），未读取` };
      // Hash first: a copy already in the library is recognised without parsing it again.
      const existing = findReportBySha(this.options.db, await sha256File(path));
      if (existing !== undefined && !options.reparse) return { outcome: 'duplicate', reportId: existing };
      const parsed = await this.pool.parse(path, (s) => stage(s), {
        // A scan reports each OCR'd page: stage 'parsing' with pages done of pages to read.
        onPages: (p) => stage('parsing', p),
        signal: job.abort.signal,
      });
      if (parsed.kind === 'failed') return { outcome: 'failed', reason: parsed.reason };
      if (job.cancelled && parsed.payload.problems.some((p) => p.kind === 'partial' && p.message.includes('已取消'))) {
        return { outcome: 'failed', reason: '导入已取消：该扫描件的文字识别未完成，未保存' };
      }
      stage('saving');
      return this.save(parsed.payload, existing);
    } catch (e) {
      return { outcome: 'failed', reason: fileErrorReason(e) };
    }
  }

  private save(p: ParsedPayload, existing: number | undefined): FileOutcome {
    if (!p.model || !p.format) {
      return { outcome: 'failed', reason: p.problems[0]?.message ?? `无法读取该文件：${basename(p.fileName)}` };
    }
    if (existing !== undefined) {
      reparseReport(this.options.db, existing, { model: p.model, problems: p.problems, text: p.text });
      return { outcome: 'duplicate', reportId: existing };
    }
    const r = insertReport(this.options.db, {
      fileName: p.fileName,
      format: p.format,
      sha256: p.sha256,
      size: p.size,
      bytes: p.bytes,
      model: p.model,
      problems: p.problems,
      text: p.text,
    });
    return { outcome: r.kind, reportId: r.reportId };
  }
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function fileErrorReason(e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  if (code === 'ENOENT') return '找不到该文件（可能已被移走）';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取该文件的权限';
  if (code === 'EISDIR') return '这是一个文件夹，不是文件';
  if (e instanceof Error && /SQLITE|database/i.test(e.message)) return `写入资料库失败：${e.message.split('\n')[0] ?? ''}`;
  return '处理该文件时出错';
}
