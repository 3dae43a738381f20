// The end of a batch: how many imported, already in the library, failed (with reasons) and skipped.
import type { ImportSummary } from '../../../../shared/ipc/contract';
import { baseName } from './import-progress';

function Reasons({ items }: { items: { file: string; reason: string }[] }): React.JSX.Element | null {
  if (items.length === 0) return null;
  return (
    <ul className="reason-list">
      {items.map((i) => (
        <li key={i.file} title={i.file}>
          {baseName(i.file)}：{i.reason}
        </li>
      ))}
    </ul>
  );
}

export function ImportSummaryView({ summary, onShowLibrary }: { summary: ImportSummary; onShowLibrary: () => void }): React.JSX.Element {
  return (
    <div className="import-summary" role="status" aria-label="导入结果">
      <h2>导入结果{summary.cancelled ? '（已取消）' : ''}</h2>
      <dl className="summary-counts">
        <div>
          <dt>已导入</dt>
          <dd data-count="imported">{summary.imported.length}</dd>
        </div>
        <div>
          <dt>已在库中</dt>
          <dd data-count="duplicates">{summary.duplicates.length}</dd>
        </div>
        <div>
          <dt>失败</dt>
          <dd data-count="failed">{summary.failed.length}</dd>
        </div>
        <div>
          <dt>已跳过</dt>
          <dd data-count="skipped">{summary.skipped.length}</dd>
        </div>
      </dl>
      {summary.failed.length > 0 && <h3>失败原因</h3>}
      <Reasons items={summary.failed} />
      {summary.skipped.length > 0 && <h3>跳过的文件</h3>}
      <Reasons items={summary.skipped} />
      <button type="button" className="primary" onClick={onShowLibrary}>
        查看报告库
      </button>
    </div>
  );
}
