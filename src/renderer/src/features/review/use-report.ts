// Loads a report's detail and its source view together (both are needed to paint the review), dropping answers for a report no longer shown.
import { useEffect, useState } from 'react';
import type { CellView, ReportDetail, SourceView } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';

export interface LoadedReport {
  detail: ReportDetail | null;
  source: SourceView | null;
  error: string | null;
  sourceError: string | null;
  /** Replaces one cell after a correction, without reloading the report. */
  updateCell: (id: string, cell: CellView) => void;
}

export function useReport(id: number): LoadedReport {
  const [detail, setDetail] = useState<ReportDetail | null>(null);
  const [source, setSource] = useState<SourceView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sourceError, setSourceError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setDetail(null);
    setSource(null);
    setError(null);
    setSourceError(null);
    call('report:get', { id }).then(
      (d) => live && setDetail(d),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    call('report:source', { id }).then(
      (s) => live && setSource(s),
      (e: unknown) => live && setSourceError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [id]);

  const updateCell = (cellId: string, cell: CellView): void =>
    setDetail((d) =>
      d ? { ...d, cells: { ...d.cells, [cellId]: cell }, summary: { ...d.summary, correctionCount: d.summary.correctionCount + 1 } } : d,
    );

  return { detail, source, error, sourceError, updateCell };
}
