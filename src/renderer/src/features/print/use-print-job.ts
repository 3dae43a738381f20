// Runs a print job (PDF export or the system dialog) for a selection, following its job:progress events and cancelling it.
import { useCallback } from 'react';
import type { BatchSelection } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { useJob, type Job } from '../jobs/use-job';

export type PrintTarget = BatchSelection & { what: 'sheets' | 'ranking' };

export interface PrintJob extends Job {
  /** Without a path the desktop app asks in its save dialog; a null path means the inspector cancelled choosing one. */
  exportPdf: (path?: string | null) => Promise<void>;
  printDialog: () => Promise<void>;
}

export function usePrintJob(target: PrintTarget): PrintJob {
  const job = useJob('sheets');
  const { run } = job;

  const exportPdf = useCallback(
    (path?: string | null) =>
      run(async () => {
        if (path === null) return null;
        const r = await call('print:pdf', { ...target, ...(path ? { path } : {}) });
        return `已导出 ${r.pages} 页：${r.path}`;
      }),
    [run, target],
  );

  const printDialog = useCallback(
    () =>
      run(async () => {
        const r = await call('print:dialog', target);
        return r.printed ? '已送打印机。' : '未打印（已取消）。';
      }),
    [run, target],
  );

  return { ...job, exportPdf, printDialog };
}
