// 打印 / 导出 PDF for sheets (one report, a selection, a year) or the ranking, with progress and 取消 while a batch runs.
import { useMemo } from 'react';
import type { BatchSelection } from '../../../../shared/ipc/contract';
import { usePrintJob } from './use-print-job';
import './print.css';

export interface PrintButtonsProps {
  selection: BatchSelection;
  what?: 'sheets' | 'ranking';
  /** Button texts; default 打印评分表 / 导出 PDF (打印排名 for the ranking). */
  printLabel?: string;
  pdfLabel?: string;
}

export function PrintButtons({ selection, what = 'sheets', printLabel, pdfLabel = '导出 PDF' }: PrintButtonsProps): React.JSX.Element {
  const ids = selection.reportIds?.join(',');
  // A stable target while the selection is the same, so the job's callbacks are not remade on every render.
  const target = useMemo(() => ({ ...selection, what }), [ids, selection.year, selection.order, what]);
  const job = usePrintJob(target);
  const p = job.progress;
  return (
    <div className="print-buttons">
      <button type="button" disabled={job.busy} onClick={() => void job.printDialog()}>
        {printLabel ?? (what === 'ranking' ? '打印排名' : '打印评分表')}
      </button>
      <button type="button" disabled={job.busy} onClick={() => void job.exportPdf()}>
        {pdfLabel}
      </button>
      {job.busy && (
        <span className="print-progress" role="status">
          {p && p.total > 0 ? <progress max={p.total} value={p.current} /> : null}
          <span>{p?.label ?? '正在准备…'}</span>
          <button type="button" className="link-button" onClick={job.cancel} disabled={!p}>
            取消
          </button>
        </span>
      )}
      {!job.busy && job.message && (
        <span className={job.error ? 'error-text' : 'print-done'} role={job.error ? 'alert' : 'status'}>
          {job.message}
        </span>
      )}
    </div>
  );
}
