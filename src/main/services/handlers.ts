// The services behind every IPC channel: validate the argument at the edge, call the repositories and the import queue.
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type {
  Channel,
  ChannelArg,
  ChannelResult,
  EventName,
  Events,
  Handlers,
  ReportDetail,
  Result,
  SourceView,
} from '../../shared/ipc/contract';
import { CHANNELS } from '../../shared/ipc/contract';
import { guardArg } from '../../shared/ipc/guards';
import * as repo from '../db/index';
import type { Db } from '../db/index';
import type { ImportQueue } from '../import/queue';
import { ServiceError, wrap } from './errors';
import { buildSourceView } from './source-view';

export { ServiceError, wrap, toAppError } from './errors';

export interface ServiceContext {
  db: Db;
  queue: ImportQueue;
  emit: <E extends EventName>(event: E, payload: Events[E]) => void;
  /** Native chooser (Electron); absent in the CLI and the loopback test host. */
  dialog?: (kind: 'files' | 'folder') => Promise<string[]>;
  /** Who corrections are attributed to. */
  userName?: string;
  /** Where db:backup writes when no path is given; `<library folder>/backups` by default. */
  backupDir?: string;
}

function arg<C extends Channel>(channel: C, raw: unknown): ChannelArg<C> {
  const g = guardArg(channel, raw);
  if (!g.ok) throw new ServiceError('invalid-input', g.message);
  return g.value;
}

function notFound(id: number): never {
  throw new ServiceError('not-found', `找不到编号为 ${id} 的报告（可能已被删除）。`);
}

function reportDetail(db: Db, id: number): ReportDetail {
  const row = repo.getReportRow(db, id) ?? notFound(id);
  const model = repo.getReportModel(db, id) ?? notFound(id);
  return {
    summary: repo.toSummary(row),
    model,
    cells: repo.listCells(db, id),
    checks: repo.listChecks(db, id),
    problems: repo.listProblems(db, id),
  };
}

/** A tiny least-recently-used map. */
class LruCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly size: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as K);
  }
  delete(key: K): void {
    this.map.delete(key);
  }
}

function timestamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** One handler per channel. Arguments are typed by the contract but checked as unknown: they come from another process. */
export function createHandlers(ctx: ServiceContext): Handlers {
  const { db, queue } = ctx;
  // Converting a .doc with LibreOffice takes seconds: keep the last few source views (originals never change under an id).
  const sourceCache = new LruCache<number, SourceView>(8);
  // Forward the queue's events to whoever listens (the window, the loopback host).
  queue.subscribe((e) => (e.type === 'progress' ? ctx.emit('import:progress', e.payload) : ctx.emit('import:done', e.payload)));
  return {
    'library:list': async (raw) => repo.listLibrary(db, arg('library:list', raw)),
    'report:get': async (raw) => reportDetail(db, arg('report:get', raw).id),
    'report:source': async (raw) => {
      const { id } = arg('report:source', raw);
      const cached = sourceCache.get(id);
      if (cached) return cached;
      const row = repo.getReportRow(db, id) ?? notFound(id);
      const bytes = repo.getOriginal(db, id) ?? notFound(id);
      let view: SourceView;
      try {
        view = await buildSourceView(row.format, new Uint8Array(bytes), repo.getReportText(db, id) ?? '', row.title ?? row.fileName);
      } catch {
        throw new ServiceError('corrupt-file', '原文件无法显示（内容已损坏或格式异常）。');
      }
      sourceCache.set(id, view);
      return view;
    },
    'report:set-meta': async (raw) => {
      const a = arg('report:set-meta', raw);
      return {
        updated: repo.setReportMeta(db, a.ids, {
          ...(a.organ !== undefined ? { organ: a.organ } : {}),
          ...(a.year !== undefined ? { year: a.year } : {}),
        }),
      };
    },
    'report:delete': async (raw) => {
      const { id } = arg('report:delete', raw);
      sourceCache.delete(id);
      return { deleted: repo.deleteReport(db, id) };
    },
    'cell:correct': async (raw) => {
      const a = arg('cell:correct', raw);
      if (!repo.getReportRow(db, a.reportId)) notFound(a.reportId);
      repo.addCorrection(db, { ...a, by: ctx.userName ?? '评审员' });
      return repo.getCell(db, a.reportId, a.cellId) ?? notFound(a.reportId);
    },
    'cell:history': async (raw) => {
      const a = arg('cell:history', raw);
      return repo.correctionHistory(db, a.reportId, a.cellId);
    },
    'import:start': async (raw) => ({ jobId: queue.start(arg('import:start', raw).paths) }),
    'import:cancel': async (raw) => ({ cancelled: queue.cancel(arg('import:cancel', raw).jobId) }),
    'dialog:open': async (raw) => {
      const { kind } = arg('dialog:open', raw);
      if (!ctx.dialog) throw new ServiceError('internal', '当前环境不能打开文件选择窗口，请把文件拖进来。');
      return { paths: await ctx.dialog(kind) };
    },
    'db:info': async (raw) => {
      arg('db:info', raw);
      return { path: db.name, reports: repo.countReports(db) };
    },
    'db:backup': async (raw) => {
      const a = arg('db:backup', raw);
      let target = a.path;
      if (!target) {
        const dir = ctx.backupDir ?? join(dirname(db.name), 'backups');
        mkdirSync(dir, { recursive: true });
        target = join(dir, `${basename(db.name).replace(/\.[^.]*$/, '')}-${timestamp()}.sqlite`);
      }
      try {
        return { path: await repo.backupDb(db, target) };
      } catch (e) {
        throw new ServiceError('db', e instanceof Error && /已存在/.test(e.message) ? e.message : '备份失败（目标位置不可写？）。');
      }
    },
  };
}

export type WrappedHandlers = { [C in Channel]: (arg: unknown) => Promise<Result<ChannelResult<C>>> };

/** Every handler wrapped so it resolves to a Result and never rejects: what the Electron and HTTP glue register. */
export function wrapHandlers(handlers: Handlers): WrappedHandlers {
  const out: Partial<Record<Channel, (arg: unknown) => Promise<Result<unknown>>>> = {};
  for (const c of CHANNELS) out[c] = wrap(handlers[c] as (arg: unknown) => Promise<unknown>);
  return out as WrappedHandlers;
}
