// What a running or finished job shows: a progress bar with the unit being worked on and 取消, then the outcome (where
// the file was written, or why not). Beside its buttons, or (statusIn) in a status line of the toolbar they sit in.
import { createPortal } from 'react-dom';
import type { Job } from './use-job';
import './jobs.css';

interface Props {
  job: Job;
  /** Whether the service stops this kind of job on job:cancel (the batch sheets do; Excel and packages run to the end). */
  canCancel?: boolean;
  /** Where to show the status instead of beside the buttons (a toolbar's status line), with what it is about. */
  statusIn?: HTMLElement | null;
  what?: string;
}

function Status({ job, canCancel = false, what }: Props): React.JSX.Element | null {
  const p = job.progress;
  const prefix = what ? <span className="job-what">{what}</span> : null;
  if (job.busy) {
    return (
      <span className="job-progress" role="status">
        {prefix}
        {p && p.total > 0 ? <progress max={p.total} value={p.current} /> : null}
        {p && p.total > 0 ? (
          <span className="job-count">
            {p.current}/{p.total}
          </span>
        ) : null}
        <span className="job-label">{p?.label ?? '正在准备…'}</span>
        {canCancel && (
          <button type="button" className="link-button" onClick={job.cancel} disabled={!job.cancellable}>
            取消
          </button>
        )}
      </span>
    );
  }
  if (!job.message) return null;
  return (
    <span className={`job-message${job.error ? ' job-message--error' : ''}`} role={job.error ? 'alert' : 'status'} title={job.message}>
      {prefix}
      <span className="job-text">{job.message}</span>
      <button type="button" className="link-button job-dismiss" onClick={job.clear} aria-label="关闭提示" title="关闭提示">
        ×
      </button>
    </span>
  );
}

export function JobStatus(props: Props): React.JSX.Element | null {
  const el = <Status {...props} />;
  return props.statusIn ? createPortal(el, props.statusIn) : el;
}
