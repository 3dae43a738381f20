// One long job of a kind (batch sheets, Excel, package export or import) as the window sees it: busy, the progress of
// its job:progress events, the outcome in Chinese, and 取消 where the service can stop it (job:cancel).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobProgress } from '../../../../shared/ipc/contract';
import { ApiError, call, errorMessage, subscribe } from '../../api';

export interface Job {
  busy: boolean;
  progress: JobProgress | null;
  /** The last outcome, in Chinese ("已导出 4 页：…", "已取消。" or the error). */
  message: string | null;
  error: boolean;
  /** Runs the work (one channel call) and shows what it returns; an error or a cancel becomes the message. */
  run: (work: () => Promise<string | null>) => Promise<void>;
  cancel: () => void;
  /** True once the job's id is known (its first progress event), so 取消 can reach it. */
  cancellable: boolean;
  clear: () => void;
}

/**
 * The channels answer only when done, so a job's id arrives with its first progress event. Two buttons of the same
 * kind (排名 and 全部评分表 both print sheets) must not take each other's job: an id is taken by one hook only.
 */
const taken = new Set<string>();

export function useJob(kind: JobProgress['kind']): Job {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState(false);
  const [jobKnown, setJobKnown] = useState(false);
  const running = useRef(false);
  const jobId = useRef<string | null>(null);

  useEffect(
    () =>
      subscribe('job:progress', (p) => {
        if (!running.current || p.kind !== kind) return;
        if (jobId.current === null) {
          if (taken.has(p.jobId)) return;
          taken.add(p.jobId);
          jobId.current = p.jobId;
          setJobKnown(true);
        }
        if (p.jobId === jobId.current) setProgress(p);
      }),
    [kind],
  );

  const run = useCallback(async (work: () => Promise<string | null>) => {
    running.current = true;
    jobId.current = null;
    setJobKnown(false);
    setBusy(true);
    setProgress(null);
    setMessage(null);
    setError(false);
    try {
      setMessage(await work());
    } catch (e) {
      // Cancelling (取消, or closing the save dialog) is not an error.
      const cancelled = e instanceof ApiError && e.error.kind === 'cancelled';
      setError(!cancelled);
      setMessage(errorMessage(e));
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const cancel = useCallback(() => {
    if (jobId.current) void call('job:cancel', { jobId: jobId.current }).catch(() => undefined);
  }, []);

  const clear = useCallback(() => {
    setMessage(null);
    setError(false);
  }, []);

  return { busy, progress, message, error, run, cancel, cancellable: jobKnown, clear };
}
