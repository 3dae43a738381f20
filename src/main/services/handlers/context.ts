// What every handler file shares: the services' context, argument guarding at the edge, and not-found errors.
import type { Channel, ChannelArg, EventName, Events } from '../../../shared/ipc/contract';
import { guardArg } from '../../../shared/ipc/guards';
import * as repo from '../../db/index';
import type { Db } from '../../db/index';
import type { ImportQueue } from '../../import/queue';
import type { Printer } from '../../print/printer';
import { ServiceError } from '../errors';
import type { GradingService } from '../grading';

export interface ServiceContext {
  db: Db;
  queue: ImportQueue;
  grading: GradingService;
  emit: <E extends EventName>(event: E, payload: Events[E]) => void;
  /** Native chooser (Electron); absent in the CLI and the loopback test host. */
  dialog?: (kind: 'files' | 'folder') => Promise<string[]>;
  /** Chromium behind the print channels: Electron's in the app, playwright-core's in the CLI and the tests (absent: print:pdf refuses). */
  printer?: Printer;
  /** Native save chooser (Electron) for print:pdf without a path; null when cancelled. */
  saveDialog?: (suggestedName: string) => Promise<string | null>;
  /** Where db:backup writes when no path is given; `<library folder>/backups` by default. */
  backupDir?: string;
}

/** The argument checked as unknown: it comes from another process. */
export function arg<C extends Channel>(channel: C, raw: unknown): ChannelArg<C> {
  const g = guardArg(channel, raw);
  if (!g.ok) throw new ServiceError('invalid-input', g.message);
  return g.value;
}

export function notFound(id: number): never {
  throw new ServiceError('not-found', `找不到编号为 ${id} 的报告（可能已被删除）。`);
}

/** Short Chinese reasons a report needs attention (uncertain cells, what the import found). */
export function attention(db: Db, id: number, uncertain: number): string[] {
  const out: string[] = [];
  if (uncertain > 0) out.push(`${uncertain} 个单元格存疑或未找到，请核对`);
  for (const p of repo.listProblems(db, id)) out.push(p.message);
  return out;
}
