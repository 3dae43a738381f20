// Progress of one batch: a bar for the whole job and one line per file (name, stage, outcome).
import type { FileRow, JobView } from './use-import';

const STAGE: Record<FileRow['stage'], string> = {
  scanning: '扫描中',
  reading: '读取中',
  parsing: '解析中',
  saving: '保存中',
  done: '完成',
};
const OUTCOME: Record<NonNullable<FileRow['outcome']>, string> = {
  imported: '已导入',
  duplicate: '已在库中',
  failed: '失败',
  skipped: '已跳过',
};

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function ImportProgressView({ job }: { job: JobView }): React.JSX.Element {
  const pct = job.total > 0 ? Math.round((job.current / job.total) * 100) : 0;
  return (
    <div className="import-progress">
      <div className="progress-head">
        <strong>
          {job.running ? (job.stage === 'scanning' ? '正在扫描文件…' : '正在导入…') : job.summary?.cancelled ? '导入已取消' : '导入完成'}
        </strong>
        <span className="progress-count">
          {job.current} / {job.total} 个文件
        </span>
      </div>
      <progress className="progress-bar" max={Math.max(1, job.total)} value={job.current} aria-label={`导入进度 ${pct}%`} />
      <div className="file-table-wrap">
        <table className="file-table">
          <thead>
            <tr>
              <th>文件</th>
              <th>阶段</th>
              <th>结果</th>
            </tr>
          </thead>
          <tbody>
            {job.files.map((f) => (
              <tr key={f.file} className={f.outcome ? `outcome--${f.outcome}` : ''} data-file={baseName(f.file)}>
                <td title={f.file}>{baseName(f.file)}</td>
                <td>{f.outcome ? '完成' : STAGE[f.stage]}</td>
                <td>
                  {f.outcome ? OUTCOME[f.outcome] : '…'}
                  {f.reason && <span className="reason">（{f.reason}）</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
