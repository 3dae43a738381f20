// One value cell of tables 二/三/四: coloured by state, marked when corrected, selectable by click or keyboard.
import type { CellView } from '../../../../shared/ipc/contract';
import { STATE_LABEL } from '../../components/labels';
import { effective } from './table-layout';

export interface CellEvents {
  selected: string | null;
  flagged: Set<string>;
  onSelect: (id: string) => void;
}

function text(cell: CellView | undefined): string {
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
      return cell?.raw ?? '?';
  }
}

function tooltip(id: string, cell: CellView | undefined, label: string): string {
  const e = effective(cell);
  const parts = [label, `状态：${STATE_LABEL[e.state]}${e.corrected ? '（已更正）' : ''}`];
  if (cell?.raw) parts.push(`原文：${cell.raw}`);
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
  const cls = ['cell', `cell--${e.state}`];
  if (e.corrected) cls.push('cell--corrected');
  if (ev.selected === id) cls.push('cell--selected');
  if (ev.flagged.has(id)) cls.push('cell--flagged');
  return (
    <td
      className={cls.join(' ')}
      data-cell-id={id}
      colSpan={colSpan > 1 ? colSpan : undefined}
      tabIndex={0}
      title={tooltip(id, cell, label)}
      aria-label={`${label}：${text(cell) || STATE_LABEL[e.state]}`}
      aria-selected={ev.selected === id}
      onClick={() => ev.onSelect(id)}
      onFocus={() => ev.selected !== id && ev.onSelect(id)}
    >
      {text(cell)}
    </td>
  );
}
