// 打印 / 导出 PDF for sheets (one report, a selection, a year) or the ranking, with progress and 取消 while a batch runs.
// 打印 opens the system print dialog (desktop app); 导出 PDF asks where to save (the native dialog, or a path in the browser host).
import { useMemo } from 'react';
import type { BatchSelection } from '../../../../shared/ipc/contract';
import { isDesktop } from '../../api';
import { usePathPrompt } from '../../components/path-prompt';
import { JobStatus } from '../jobs/job-status';
import { usePrintJob } from './use-print-job';
import './print.css';

export interface PrintButtonsProps {
  selection: BatchSelection;
  what?: 'sheets' | 'ranking';
  /** Button texts; default 打印评分表 / 导出 PDF (打印排名 for the ranking). */
  printLabel?: string;
  pdfLabel?: string;
  /** The file name suggested when asking where to save. */
  fileName?: string;
  /** A toolbar's status line to show progress and outcome in (else beside the buttons). */
  statusIn?: HTMLElement | null;
}

/** A name for the PDF: the ranking's or the sheets' of the year, or the number of chosen reports. */
export function pdfName(selection: BatchSelection, what: 'sheets' | 'ranking'): string {
  const year = selection.year !== undefined ? `${selection.year}年度` : '';
  if (what === 'ranking') return `${year}评审排名.pdf`;
  const n = selection.reportIds?.length ?? 0;
  return n > 0 ? `评分表（${n}份）.pdf` : `${year}评分表.pdf`;
}

export function PrintButtons({
  selection,
  what = 'sheets',
  printLabel,
  pdfLabel = '导出 PDF',
  fileName,
  statusIn,
}: PrintButtonsProps): React.JSX.Element {
  const ids = selection.reportIds?.join(',');
  const { year, order } = selection;
  // A stable target while the selection is the same, so the job's callbacks are not remade on every render.
  const target = useMemo(
    () => ({
      ...(ids ? { reportIds: ids.split(',').map(Number) } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(order ? { order } : {}),
      what,
    }),
    [ids, year, order, what],
  );
  const job = usePrintJob(target);
  const prompt = usePathPrompt();
  const exportPdf = async (): Promise<void> => {
    if (isDesktop()) return job.exportPdf();
    job.clear();
    const path = await prompt.ask({ title: `${pdfLabel}：保存位置`, mode: 'save', fileName: fileName ?? pdfName(selection, what) });
    if (path) await job.exportPdf(path);
  };
  return (
    <div className="job-group print-buttons">
      <button type="button" disabled={job.busy} onClick={() => void job.printDialog()}>
        {printLabel ?? (what === 'ranking' ? '打印排名' : '打印评分表')}
      </button>
      <button type="button" disabled={job.busy || prompt.element !== null} onClick={() => void exportPdf()}>
        {pdfLabel}
      </button>
      <JobStatus job={job} canCancel statusIn={statusIn} what={statusIn ? (what === 'ranking' ? '排名：' : '评分表：') : undefined} />
      {prompt.element}
    </div>
  );
}
