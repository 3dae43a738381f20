// Export channels: the Excel summary of a year or a selection, and review packages between inspectors (issue 7).
import { dirname, extname } from 'node:path';
import { stat } from 'node:fs/promises';
import type { BatchSelection, Handlers, JobProgress } from '../../../shared/ipc/contract';
import { exportPackage, importPackage } from '../../export/package';
import { newJobId, selectReports } from '../../export/selection';
import { summarize } from '../../export/summary';
import { buildWorkbook, writeWorkbook } from '../../export/xlsx';
import * as repo from '../../db/index';
import { ServiceError } from '../errors';
import { arg, type ServiceContext } from './context';

type ExportHandlers = Pick<Handlers, 'export:xlsx' | 'package:export' | 'package:import' | 'package:conflicts'>;

/** The given path; else the native save dialog (Electron) with a suggested name; else (CLI, test host) the path is required. */
async function savePath(ctx: ServiceContext, path: string | undefined, what: string, suggested: string): Promise<string> {
  if (path) return path;
  if (!ctx.saveDialog) throw new ServiceError('invalid-input', `请指定${what}的保存位置（完整路径）。`);
  const chosen = await ctx.saveDialog(suggested);
  if (!chosen) throw new ServiceError('cancelled', '已取消导出。');
  // The desktop dialog follows the suggested name's extension; a dialog that does not still gets the file its own.
  const ext = extname(suggested);
  return chosen.toLowerCase().endsWith(ext.toLowerCase()) ? chosen : `${chosen}${ext}`;
}

/** A file name for the save dialog: the year's, or the number of chosen reports. */
function suggestedName(a: BatchSelection, what: string, ext: string): string {
  const n = a.reportIds?.length ?? 0;
  return n > 0 ? `${what}（${n}份）${ext}` : `${a.year !== undefined ? `${a.year}年度` : ''}${what}${ext}`;
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
      const ids = selectReports(ctx.db, a);
      const path = await savePath(ctx, a.path, 'Excel 汇总表', suggestedName(a, '评审汇总表', '.xlsx'));
      await folderExists(path);
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
      const ids = selectReports(ctx.db, a);
      const path = await savePath(ctx, a.path, '交接包', suggestedName(a, '评审交接包', '.ripkg'));
      const emit = (p: JobProgress) => ctx.emit('job:progress', p);
      return exportPackage(ctx.db, ids, path, { jobId: newJobId('pkgx'), emit, by: ctx.grading.signer() });
    },
    'package:import': async (raw) => {
      const a = arg('package:import', raw);
      if (!a.path) throw new ServiceError('invalid-input', '请指定要导入的交接包文件（完整路径）。');
      const path = a.path;
      const emit = (p: JobProgress) => ctx.emit('job:progress', p);
      return importPackage(ctx.db, path, { jobId: newJobId('pkgi'), emit });
    },
  };
}
