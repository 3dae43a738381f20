// Long jobs (batch sheets, Excel, packages) by id, so 'job:cancel' can stop them between items; one registry per library.
import { randomBytes } from 'node:crypto';

export interface Job {
  jobId: string;
  signal: AbortSignal;
  /** Forgets the job (call when it ends, however it ends). */
  end(): void;
}

export class Jobs {
  private readonly running = new Map<string, AbortController>();

  start(): Job {
    const jobId = randomBytes(8).toString('hex');
    const controller = new AbortController();
    this.running.set(jobId, controller);
    return { jobId, signal: controller.signal, end: () => void this.running.delete(jobId) };
  }

  cancel(jobId: string): boolean {
    const c = this.running.get(jobId);
    if (!c) return false;
    c.abort();
    this.running.delete(jobId);
    return true;
  }
}

const registries = new WeakMap<object, Jobs>();

/** The job registry of a service context (created on first use; the export handlers share it through the same context). */
export function jobsOf(ctx: object): Jobs {
  let j = registries.get(ctx);
  if (!j) registries.set(ctx, (j = new Jobs()));
  return j;
}
