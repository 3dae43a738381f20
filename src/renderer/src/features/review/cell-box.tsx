// One value cell of tables 二/三/四: coloured by state, marked when corrected, selectable by click or keyboard.
import type { CellView } from '../../../../shared/ipc/contract';
import { STATE_LABEL } from '../../components/labels';
import { effective, ocrKind, type RunPlace } from './table-layout';

export interface CellEvents {
  selected: string | null;
  flagged: Set<string>;
  onSelect: (id: string) => void;
  /** Uncertain digit runs shared by several cells of a row: printed once. */
  runs: Map<string, RunPlace>;
}

function text(cell: CellView | undefined, run: RunPlace | undefined): string {
  const e = effective(cell);
  switch (e.state) {
    case 'number':
      return e.value === null ? '' : String(e.value);
    case 'dash':
      return '—';
    case 'blank':
      return '';
    case 'missing':
      return '?';
    case 'ambiguous':
      return run && !run.head ? '?' : (cell?.raw ?? '?');
  }
}

/** An uncertain cell: "?" and, in the first cell of a shared run, the printed digits once, small, marked as unsplit. */
function Uncertain({ cell, run }: { cell: CellView | undefined; run: RunPlace | undefined }): React.JSX.Element {
  if (!cell?.raw || (run && !run.head)) return <>?</>;
  return (
    <span className="cell-run" title={run ? `原文数字串“${cell.raw}”属于本行 ${run.size} 个单元格，无法确定如何拆分` : undefined}>
      ?<small>{cell.raw}</small>
    </span>
  );
}

/** What a repaired cell's mark says on hover. */
export const REPAIRED_HINT = '由表格勾稽关系推定，请核对原件';

/** The OCR line of a cell's tooltip: how sure the recogniser was and, for a repaired value, what it read. */
function ocrLine(cell: CellView): string | null {
  if (!cell.ocr) return null;
  const conf = `OCR 识别，置信度 ${Math.round(cell.ocr.confidence)}%`;
  if (cell.ocr.repaired) return `${conf}；识别为“${cell.ocr.read ?? cell.raw ?? ''}”，${REPAIRED_HINT}`;
  return conf;
}

/** The corner mark of a cell read by OCR: "OCR", or "OCR·修" when the arithmetic proposed the value. */
function OcrMark({ cell }: { cell: CellView }): React.JSX.Element | null {
  const kind = ocrKind(cell);
  if (!kind) return null;
  const cls = `ocr-mark ocr-mark--${kind}${cell.corrected ? ' ocr-mark--done' : ''}`;
  if (kind === 'repaired')
    return (
      <span className={cls} title={REPAIRED_HINT} aria-hidden="true">
        OCR·修
      </span>
    );
  return (
    <span className={cls} aria-hidden="true">
      OCR
    </span>
  );
}

function tooltip(id: string, cell: CellView | undefined, label: string, run: RunPlace | undefined): string {
  const e = effective(cell);
  const parts = [label, `状态：${STATE_LABEL[e.state]}${e.corrected ? '（已更正）' : ''}`];
  if (cell?.raw) parts.push(`原文：${cell.raw}${run ? `（本行 ${run.size} 个单元格共用这一串数字）` : ''}`);
  const ocr = cell ? ocrLine(cell) : null;
  if (ocr) parts.push(ocr);
  if (cell?.note) parts.push(cell.note);
  if (e.corrected && cell) parts.push(`解析值：${cell.value ?? STATE_LABEL[cell.state]}`);
  return parts.join('\n') || id;
}

interface CellBoxProps {
  id: string;
  cell: CellView | undefined;
  label: string;
  ev: CellEvents;
  colSpan?: number;
}

export function CellBox({ id, cell, label, ev, colSpan = 1 }: CellBoxProps): React.JSX.Element {
  const e = effective(cell);
  const run = ev.runs.get(id);
  const cls = ['cell', `cell--${e.state}`];
  if (run) cls.push(run.head ? 'cell--run-head' : 'cell--run');
  if (e.corrected) cls.push('cell--corrected');
  const ocr = ocrKind(cell);
  if (ocr) cls.push('cell--ocr', `cell--ocr-${ocr}`);
  if (ev.selected === id) cls.push('cell--selected');
  if (ev.flagged.has(id)) cls.push('cell--flagged');
  return (
    <td
      className={cls.join(' ')}
      data-cell-id={id}
      colSpan={colSpan > 1 ? colSpan : undefined}
      tabIndex={0}
      title={tooltip(id, cell, label, run)}
      data-ocr={ocr ?? undefined}
      aria-label={`${label}：${text(cell, run) || STATE_LABEL[e.state]}${ocr === 'repaired' ? '（OCR 推定值）' : ocr ? '（OCR 识别）' : ''}`}
      aria-selected={ev.selected === id}
      onClick={() => ev.onSelect(id)}
      onFocus={() => ev.selected !== id && ev.onSelect(id)}
    >
      {cell && <OcrMark cell={cell} />}
      {e.state === 'ambiguous' ? <Uncertain cell={cell} run={run} /> : text(cell, run)}
    </td>
  );
}
