// 导入评审包: a colleague's package (.ripkg) into this library, and what it brought: reports added, reports merged,
// records appended, and the items where both inspectors decided differently (both kept, shown here, never overwritten).
import type { PackageImportSummary } from '../../../../shared/ipc/contract';
import { call, isDesktop } from '../../api';
import { usePathPrompt } from '../../components/path-prompt';
import { JobStatus } from '../jobs/job-status';
import { useJob } from '../jobs/use-job';
import { ConflictTable } from './conflict-table';
import { useItemTitles } from './use-item-titles';
import './export.css';

function merge(a: PackageImportSummary, b: PackageImportSummary): PackageImportSummary {
  return {
    added: a.added + b.added,
    merged: a.merged + b.merged,
    appended: a.appended + b.appended,
    conflicts: [...a.conflicts, ...b.conflicts],
  };
}

/** The package files to import: the system's file chooser in the desktop app, a typed path in the browser host. */
async function choose(ask: () => Promise<string | null>): Promise<string[]> {
  if (!isDesktop()) {
    const p = await ask();
    return p ? [p] : [];
  }
  return (await call('dialog:open', { kind: 'files' })).paths;
}

interface ImportProps {
  onDone: (s: PackageImportSummary) => void;
  /** A toolbar's status line to show progress and errors in (else beside the button). */
  statusIn?: HTMLElement | null;
}

export function PackageImportButton({ onDone, statusIn }: ImportProps): React.JSX.Element {
  const job = useJob('package-import');
  const prompt = usePathPrompt();
  const start = async (): Promise<void> => {
    job.clear();
    const paths = await choose(() => prompt.ask({ title: '导入评审包：选择文件', mode: 'open' }));
    if (paths.length === 0) return;
    await job.run(async () => {
      let total: PackageImportSummary = { added: 0, merged: 0, appended: 0, conflicts: [] };
      for (const path of paths) total = merge(total, await call('package:import', { path }));
      onDone(total);
      return null;
    });
  };
  return (
    <div className="job-group">
      <button
        type="button"
        disabled={job.busy || prompt.element !== null}
        onClick={() => void start()}
        title="导入同事导出的评审包（.ripkg）"
      >
        导入评审包
      </button>
      <JobStatus job={job} statusIn={statusIn} what={statusIn ? '导入评审包：' : undefined} />
      {prompt.element}
    </div>
  );
}

interface SummaryProps {
  summary: PackageImportSummary;
  onOpen: (reportId: number, itemId: string) => void;
  onShowConflicts: () => void;
  onClose: () => void;
}

export function PackageSummaryView({ summary, onOpen, onShowConflicts, onClose }: SummaryProps): React.JSX.Element {
  const titles = useItemTitles();
  const n = summary.conflicts.length;
  return (
    <section className="package-summary" role="status" aria-label="评审包导入结果">
      <header>
        <h3>评审包已导入</h3>
        <button type="button" className="link-button" onClick={onClose}>
          关闭
        </button>
      </header>
      <dl className="summary-counts">
        <div>
          <dt>新增报告</dt>
          <dd data-count="added">{summary.added}</dd>
        </div>
        <div>
          <dt>合并报告</dt>
          <dd data-count="merged">{summary.merged}</dd>
        </div>
        <div>
          <dt>追加记录</dt>
          <dd data-count="appended">{summary.appended}</dd>
        </div>
        <div className={n > 0 ? 'count--warn' : ''}>
          <dt>评分冲突</dt>
          <dd data-count="conflicts">{n}</dd>
        </div>
      </dl>
      <p className="muted">
        新增：本库原来没有的报告；合并：本库已有的报告，对方的更正、评分和意见已并入历史记录；双方的评分都保留，
        {n > 0 ? '下列评分项两人给分不同，本机的评分仍然有效，请复核。' : '没有给分不同的评分项。'}
      </p>
      {n > 0 && (
        <>
          <ConflictTable conflicts={summary.conflicts} titles={titles} onOpen={onOpen} />
          <button type="button" className="link-button" onClick={onShowConflicts}>
            查看全部冲突
          </button>
        </>
      )}
    </section>
  );
}
