// Waiting on pdf.js and the OCR engine within a file's time budget and the caller's cancel.

/** Why reading stopped before the work was done. */
export class Stop extends Error {
  constructor(readonly reason: 'timeout' | 'aborted') {
    super(reason);
  }
}

/** Waits for `work`, but gives up at the deadline or when the caller cancels (rejecting with a Stop). */
export function bounded<T>(work: Promise<T>, deadline: number, signal?: AbortSignal): Promise<T> {
  // The work may still fail after we gave up on it (destroying the document rejects it): that is expected, not an error.
  work.catch(() => undefined);
  if (signal?.aborted) return Promise.reject(new Stop('aborted'));
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(new Stop('timeout'))), Math.max(0, deadline - Date.now()));
    const onAbort = () => finish(() => reject(new Stop('aborted')));
    signal?.addEventListener('abort', onAbort, { once: true });
    function finish(then: () => void) {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      then();
    }
    work.then(
      (v) => finish(() => resolve(v)),
      (e: unknown) => finish(() => reject(e)),
    );
  });
}
