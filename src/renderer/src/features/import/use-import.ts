// The state of import jobs, fed by the contract's progress and done events; lives above the screens so a batch survives navigation.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress, ImportSummary } from '../../../../shared/ipc/contract';
import { call, errorMessage, subscribe } from '../../api';

export interface FileRow {
  file: string;
  stage: ImportProgress['stage'];
  outcome?: ImportProgress['outcome'];
  reason?: string;
}

export interface JobView {
  jobId: string;
  running: boolean;
  stage: ImportProgress['stage'];
  current: number;
  total: number;
  files: FileRow[];
  summary?: ImportSummary;
}

export interface ImportState {
  current: JobView | null;
  error: string | null;
  start: (paths: string[]) => void;
  choose: (kind: 'files' | 'folder') => void;
  cancel: () => void;
}

function emptyJob(jobId: string): JobView {
  return { jobId, running: true, stage: 'scanning', current: 0, total: 0, files: [] };
}

function applyProgress(job: JobView, p: ImportProgress): JobView {
  const next: JobView = { ...job, stage: p.stage, current: Math.max(job.current, p.current), total: p.total || job.total };
  if (!p.file) return next;
  const row: FileRow = {
    file: p.file,
    stage: p.stage,
    ...(p.outcome ? { outcome: p.outcome } : {}),
    ...(p.reason ? { reason: p.reason } : {}),
  };
  const i = job.files.findIndex((f) => f.file === p.file);
  // An outcome is final: a late heartbeat for the same file must not turn it back into "reading".
  if (i >= 0 && job.files[i]?.outcome) return next;
  next.files = i >= 0 ? job.files.map((f, k) => (k === i ? row : f)) : [...job.files, row];
  return next;
}

export function useImport(onFinished: () => void): ImportState {
  // Events can arrive before import:start answers with the job id, so every job is tracked by id.
  const [jobs, setJobs] = useState<Record<string, JobView>>({});
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    const offProgress = subscribe('import:progress', (p) =>
      setJobs((all) => ({ ...all, [p.jobId]: applyProgress(all[p.jobId] ?? emptyJob(p.jobId), p) })),
    );
    const offDone = subscribe('import:done', (s) => {
      setJobs((all) => ({ ...all, [s.jobId]: { ...(all[s.jobId] ?? emptyJob(s.jobId)), running: false, stage: 'done', summary: s } }));
      finished.current();
    });
    return () => {
      offProgress();
      offDone();
    };
  }, []);

  const start = useCallback((paths: string[]) => {
    if (paths.length === 0) return;
    setError(null);
    call('import:start', { paths }).then(
      ({ jobId }) => {
        setJobs((all) => ({ ...all, [jobId]: all[jobId] ?? emptyJob(jobId) }));
        setCurrentId(jobId);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);

  const choose = useCallback(
    (kind: 'files' | 'folder') => {
      setError(null);
      call('dialog:open', { kind }).then(
        ({ paths }) => start(paths),
        (e: unknown) => setError(errorMessage(e)),
      );
    },
    [start],
  );

  const cancel = useCallback(() => {
    if (!currentId) return;
    call('import:cancel', { jobId: currentId }).catch((e: unknown) => setError(errorMessage(e)));
  }, [currentId]);

  return { current: currentId ? (jobs[currentId] ?? null) : null, error, start, choose, cancel };
}
