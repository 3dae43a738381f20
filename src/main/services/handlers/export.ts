// Export channels: the Excel summary of a year or a selection, and review packages between inspectors (issue 7).
import { dirname } from 'node:path';
import { stat } from 'node:fs/promises';
import type { Handlers, JobProgress } from '../../../shared/ipc/contract';
import { exportPackage, importPackage } from '../../export/package';
import { newJobId, selectReports } from '../../export/selection';
import { summarize } from '../../export/summary';
import { buildWorkbook, writeWorkbook } from '../../export/xlsx';
import * as repo from '../../db/index';
import { ServiceError } from '../errors';
import { arg, type ServiceContext } from './context';

type ExportHandlers = Pick<Handlers, 'export:xlsx' | 'package:export' | 'package:import' | 'package:conflicts'>;

/** There is no save dialog yet: the path is required. */
function required(path: string | undefined, what: string): string {
  if (!path) throw new ServiceError('invalid-input', `请指定${what}的保存位置（完整路径）。`);
  return path;
}

async function folderExists(path: string): Promise<void> {
  const dir = await stat(dirname(path)).catch(() => undefined);
  if (!dir?.isDirectory()) throw new ServiceError('not-found', `保存位置的文件夹不存在：${dirname(path)}`);
}

export function exportHandlers(ctx: ServiceContext): ExportHandlers {
  return {
    'package:conflicts': async (raw) => {
      const a = arg('package:conflicts', raw);
      return repo.listDecisionConflicts(ctx.db, a.reportIds).map(({ thereAt: _at, ...c }) => c);
    },
    'export:xlsx': async (raw) => {
      const a = arg('export:xlsx', raw);
      const path = required(a.path, 'Excel 汇总表');
      await folderExists(path);
      const ids = selectReports(ctx.db, a);
      const jobId = newJobId('xlsx');
      try {
        const summary = await summarize(ctx.grading, ids, a.order ?? 'unit', (current, total, label) =>
          ctx.emit('job:progress', { jobId, kind: 'xlsx', current, total, label }),
        );
        await writeWorkbook(buildWorkbook(summary, { creator: ctx.grading.signer() }), path);
        ctx.emit('job:progress', { jobId, kind: 'xlsx', current: ids.length, total: ids.length, done: true });
        return { path, rows: summary.rows.length };
      } catch (e) {
        ctx.emit('job:progress', { jobId, kind: 'xlsx', current: 0, total: ids.length, done: true, error: '导出 Excel 失败。' });
        throw e;
      }
    },
    'package:export': async (raw) => {
      const a = arg('package:export', raw);
      const path = required(a.path, '交接包');
      const ids = selectReports(ctx.db, a);
      const emit = (p: JobProgress) => ctx.emit('job:progress', p);
      return exportPackage(ctx.db, ids, path, { jobId: newJobId('pkgx'), emit, by: ctx.grading.signer() });
    },
    'package:import': async (raw) => {
      const a = arg('package:import', raw);
      const path = required(a.path, '交接包');
      const emit = (p: JobProgress) => ctx.emit('job:progress', p);
      return importPackage(ctx.db, path, { jobId: newJobId('pkgi'), emit });
    },
  };
}
