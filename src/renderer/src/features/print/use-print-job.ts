// Runs a print job (PDF export or the system dialog) for a selection, following its job:progress events and cancelling it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchSelection, JobProgress } from '../../../../shared/ipc/contract';
import { call, errorMessage, subscribe } from '../../api';

export type PrintTarget = BatchSelection & { what: 'sheets' | 'ranking' };

export interface PrintJob {
  busy: boolean;
  progress: JobProgress | null;
  /** The last outcome, in Chinese ("已导出 4 页：…" or the error). */
  message: string | null;
  error: boolean;
  exportPdf: (path?: string) => Promise<void>;
  printDialog: () => Promise<void>;
  cancel: () => void;
}

export function usePrintJob(target: PrintTarget): PrintJob {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState(false);
  const running = useRef(false);
  const jobId = useRef<string | null>(null);

  useEffect(
    () =>
      subscribe('job:progress', (p) => {
        // print:pdf answers only when done: its job id arrives with the first progress event.
        if (!running.current || p.kind !== 'sheets') return;
        jobId.current ??= p.jobId;
        if (p.jobId === jobId.current) setProgress(p);
      }),
    [],
  );

  const run = useCallback(async (work: () => Promise<string>) => {
    running.current = true;
    jobId.current = null;
    setBusy(true);
    setProgress(null);
    setMessage(null);
    setError(false);
    try {
      setMessage(await work());
    } catch (e) {
      setError(true);
      setMessage(errorMessage(e));
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const exportPdf = useCallback(
    (path?: string) =>
      run(async () => {
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

  const cancel = useCallback(() => {
    if (jobId.current) void call('job:cancel', { jobId: jobId.current }).catch(() => undefined);
  }, []);

  return { busy, progress, message, error, exportPdf, printDialog, cancel };
}
