// Details of the selected cell: parsed value and where it came from, the current correction, its history, and the editor.
import { useEffect, useState } from 'react';
import type { CellView, Correction } from '../../../../shared/ipc/contract';
import type { CellSource } from '../../../../shared/model/report';
import { call, errorMessage } from '../../api';
import { STATE_LABEL } from '../../components/labels';
import { REPAIRED_HINT } from './cell-box';
import { CellEditor } from './cell-editor';
import { LOW_OCR_CONFIDENCE } from './table-layout';

interface Props {
  reportId: number;
  cellId: string;
  label: string;
  cell: CellView | undefined;
  editing: boolean;
  onEdit: (on: boolean) => void;
  onSaved: (cell: CellView) => void;
  locateNote: string | null;
}

function where(source: CellSource | null | undefined): string {
  if (!source) return '原文中未定位';
  if (source.page !== undefined) return `第 ${source.page} 页`;
  if (source.line !== undefined) return `第 ${source.line} 行`;
  if (source.path) return source.path.startsWith('body/') ? 'Word 文档中的位置' : '网页中的位置';
  return '原文中未定位';
}

function shown(value: number | null, state: CellView['state']): string {
  return state === 'number' && value !== null ? String(value) : STATE_LABEL[state];
}

/** What OCR read in a cell: the recogniser's confidence, its reading and, for a repaired cell, the value proposed instead. */
function OcrFacts({ cell }: { cell: CellView }): React.JSX.Element | null {
  const ocr = cell.ocr;
  if (!ocr) return null;
  const low = ocr.confidence < LOW_OCR_CONFIDENCE;
  const read = ocr.read ?? cell.raw ?? '';
  return (
    <>
      <dt>OCR 置信度</dt>
      <dd data-field="ocr-confidence" className={low ? 'ocr-low' : undefined}>
        {Math.round(ocr.confidence)}%{low ? <span className="muted">（偏低，请对照原件）</span> : null}
      </dd>
      <dt>OCR 读数</dt>
      <dd data-field="ocr-read">{read ? `“${read}”` : <span className="muted">（未读出数字）</span>}</dd>
      {ocr.repaired && (
        <>
          <dt>推定值</dt>
          <dd data-field="ocr-repaired" className="ocr-repaired-value">
            识别为“{read}” → 推定为 <strong>{cell.value ?? '—'}</strong>
            <span className="muted">（{REPAIRED_HINT}）</span>
          </dd>
        </>
      )}
    </>
  );
}

function History({ items }: { items: Correction[] }): React.JSX.Element {
  if (items.length === 0) return <p className="muted">没有更正记录。</p>;
  return (
    <ol className="history">
      {items.map((h) => (
        <li key={h.id}>
          <strong>{shown(h.value, h.state)}</strong> · {h.reason} · {h.by} · {h.at.replace('T', ' ').slice(0, 19)}
        </li>
      ))}
    </ol>
  );
}

export function CellPanel({ reportId, cellId, label, cell, editing, onEdit, onSaved, locateNote }: Props): React.JSX.Element {
  const [history, setHistory] = useState<Correction[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const correctionId = cell?.corrected?.id;
  useEffect(() => {
    setHistory(null);
    call('cell:history', { reportId, cellId }).then(setHistory, (e: unknown) => setError(errorMessage(e)));
  }, [reportId, cellId, correctionId]);

  return (
    <aside className="cell-panel" aria-label="单元格详情">
      <div className="cell-panel-head">
        <strong>{label}</strong>
        <span className="muted">{where(cell?.source)}</span>
      </div>
      <dl className="cell-facts">
        <dt>解析值</dt>
        <dd data-field="parsed">
          {cell ? shown(cell.value, cell.state) : '未找到'}
          {cell?.raw && !cell.ocr && cell.raw !== String(cell.value) ? <span className="muted">（原文“{cell.raw}”）</span> : null}
        </dd>
        {cell && <OcrFacts cell={cell} />}
        {cell?.corrected && (
          <>
            <dt>更正为</dt>
            <dd data-field="corrected" className="corrected-value">
              {shown(cell.corrected.value, cell.corrected.state)}
              <span className="muted">（{cell.corrected.reason}）</span>
            </dd>
          </>
        )}
        {cell?.note && (
          <>
            <dt>说明</dt>
            <dd>{cell.note}</dd>
          </>
        )}
      </dl>
      {locateNote && <p className="muted">{locateNote}</p>}
      {editing ? (
        <CellEditor key={cellId} reportId={reportId} cellId={cellId} cell={cell} onSaved={onSaved} onCancel={() => onEdit(false)} />
      ) : (
        <button type="button" className="primary" onClick={() => onEdit(true)}>
          更正（Enter）
        </button>
      )}
      <details className="history-box" open={history !== null && history.length > 0}>
        <summary>更正历史{history ? `（${history.length}）` : ''}</summary>
        {error ? <p className="error-text">{error}</p> : history ? <History items={history} /> : <p className="muted">正在加载…</p>}
      </details>
    </aside>
  );
}
