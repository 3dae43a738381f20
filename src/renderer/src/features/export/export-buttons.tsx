// 导出 Excel (汇总, 明细, 排名) and 导出评审包 for a selection or a year, each with its progress and outcome.
import type { BatchSelection } from '../../../../shared/ipc/contract';
import { call, isDesktop } from '../../api';
import { usePathPrompt, type PathPrompt } from '../../components/path-prompt';
import { JobStatus } from '../jobs/job-status';
import { useJob } from '../jobs/use-job';
import './export.css';

/** A file name for the save question: the year's, or the number of chosen reports. */
export function exportName(selection: BatchSelection, what: string, ext: string): string {
  const n = selection.reportIds?.length ?? 0;
  return n > 0 ? `${what}（${n}份）${ext}` : `${selection.year !== undefined ? `${selection.year}年度` : ''}${what}${ext}`;
}

/** Where to save: undefined lets the desktop app ask in its own dialog; null means the inspector cancelled. */
async function whereTo(prompt: PathPrompt, title: string, fileName: string): Promise<string | null | undefined> {
  return isDesktop() ? undefined : prompt.ask({ title, mode: 'save', fileName });
}

interface Props {
  selection: BatchSelection;
  /** A toolbar's status line to show progress and outcome in (else beside the button). */
  statusIn?: HTMLElement | null;
}

export function ExcelButton({ selection, statusIn }: Props): React.JSX.Element {
  const job = useJob('xlsx');
  const prompt = usePathPrompt();
  const start = async (): Promise<void> => {
    job.clear();
    const path = await whereTo(prompt, '导出 Excel 汇总表：保存位置', exportName(selection, '评审汇总表', '.xlsx'));
    if (path === null) return;
    await job.run(async () => {
      const r = await call('export:xlsx', { ...selection, ...(path ? { path } : {}) });
      return `已导出 ${r.rows} 份报告的汇总：${r.path}`;
    });
  };
  return (
    <div className="job-group">
      <button type="button" disabled={job.busy || prompt.element !== null} onClick={() => void start()}>
        导出 Excel
      </button>
      <JobStatus job={job} statusIn={statusIn} what={statusIn ? 'Excel：' : undefined} />
      {prompt.element}
    </div>
  );
}

export function PackageExportButton({ selection, statusIn }: Props): React.JSX.Element {
  const job = useJob('package-export');
  const prompt = usePathPrompt();
  const start = async (): Promise<void> => {
    job.clear();
    const path = await whereTo(prompt, '导出评审包：保存位置', exportName(selection, '评审交接包', '.ripkg'));
    if (path === null) return;
    await job.run(async () => {
      const r = await call('package:export', { ...selection, ...(path ? { path } : {}) });
      return `已导出评审包（${r.reports} 份报告）：${r.path}`;
    });
  };
  return (
    <div className="job-group">
      <button
        type="button"
        disabled={job.busy || prompt.element !== null}
        onClick={() => void start()}
        title="所选报告的原件、解析结果、更正和评分记录，交给复核人导入"
      >
        导出评审包
      </button>
      <JobStatus job={job} statusIn={statusIn} what={statusIn ? '评审包：' : undefined} />
      {prompt.element}
    </div>
  );
}
