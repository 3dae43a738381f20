// The import screen: choose files or a folder, or drop them; then the batch's progress and its summary.
import { useState } from 'react';
import { pathForFile } from '../../api';
import { ErrorText } from '../../components/error-text';
import { ImportProgressView } from './import-progress';
import { ImportSummaryView } from './import-summary';
import type { ImportState } from './use-import';

interface Props {
  importer: ImportState;
  onShowLibrary: () => void;
}

export function ImportScreen({ importer, onShowLibrary }: Props): React.JSX.Element {
  const [dragging, setDragging] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);
  const job = importer.current;
  const running = job?.running ?? false;

  const onDrop = (e: React.DragEvent): void => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    const paths = files.map(pathForFile).filter((p): p is string => p !== null);
    if (files.length > 0 && paths.length === 0) {
      setDropError('无法取得拖入文件的位置（浏览器中不支持拖放），请使用“选择文件”或“选择文件夹”。');
      return;
    }
    setDropError(null);
    importer.start(paths);
  };

  return (
    <section className="import-screen" aria-label="导入">
      <div className="import-actions">
        <button type="button" className="primary" onClick={() => importer.choose('files')} disabled={running}>
          选择文件
        </button>
        <button type="button" className="primary" onClick={() => importer.choose('folder')} disabled={running}>
          选择文件夹
        </button>
        {running && (
          <button type="button" className="danger" onClick={importer.cancel}>
            取消导入
          </button>
        )}
      </div>
      <div
        className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        把年报文件或整个文件夹（例如 U 盘）拖到这里
        <small>支持 PDF、Word（.docx / .doc）、WPS、网页（.html）、文本（.txt）；其他文件会被跳过</small>
      </div>
      <ErrorText message={importer.error ?? dropError} />
      {/* At the end the summary comes first: it is what the inspector needs; the per-file lines stay below. */}
      {job?.summary && <ImportSummaryView summary={job.summary} onShowLibrary={onShowLibrary} />}
      {job && <ImportProgressView job={job} />}
    </section>
  );
}
