// The grading panel's data for one report: 'grade:get' on opening and after every correction, and the inspector's
// decisions, each answered with the whole view. The answer to the latest request wins; older ones are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, ChannelArg, GradingView } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';

type ViewChannel = 'grade:get' | 'grade:decide' | 'grade:comment' | 'grade:link-previous' | 'grade:set-published';

export interface Grading {
  view: GradingView | null;
  error: string | null;
  /** Fetches the view again (after a cell correction: the suggestions may have moved). */
  refresh: () => void;
  decide: (itemId: string, points: number, note?: string) => Promise<string | null>;
  comment: (itemId: string | null, text: string) => Promise<string | null>;
  linkPrevious: (previousId: number | null | 'auto') => Promise<string | null>;
  setPublished: (date: string | null) => Promise<string | null>;
}

export function useGrading(reportId: number): Grading {
  const [view, setView] = useState<GradingView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  /** Runs a channel that answers with the view; resolves to the Chinese error message, or null when it went through. */
  const run = useCallback(async <C extends ViewChannel & Channel>(channel: C, arg: ChannelArg<C>): Promise<string | null> => {
    const mine = ++seq.current;
    try {
      const v = (await call(channel, arg)) as GradingView;
      if (mine === seq.current) {
        setView(v);
        setError(null);
      }
      return null;
    } catch (e) {
      const message = errorMessage(e);
      if (mine === seq.current && channel === 'grade:get') setError(message);
      return message;
    }
  }, []);

  const refresh = useCallback(() => void run('grade:get', { reportId }), [run, reportId]);
  useEffect(() => {
    setView(null);
    setError(null);
    refresh();
  }, [refresh]);

  return {
    view,
    error,
    refresh,
    decide: useCallback(
      (itemId: string, points: number, note?: string) => run('grade:decide', { reportId, itemId, points, ...(note ? { note } : {}) }),
      [run, reportId],
    ),
    comment: useCallback((itemId: string | null, text: string) => run('grade:comment', { reportId, itemId, text }), [run, reportId]),
    linkPrevious: useCallback(
      (previousId: number | null | 'auto') => run('grade:link-previous', { reportId, previousId }),
      [run, reportId],
    ),
    setPublished: useCallback((date: string | null) => run('grade:set-published', { reportId, date }), [run, reportId]),
  };
}
