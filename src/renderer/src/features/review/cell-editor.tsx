// The correction form of one cell: new value or state, and a reason that is always required.
import { useEffect, useRef, useState } from 'react';
import type { CellView } from '../../../../shared/ipc/contract';
import type { CellState } from '../../../../shared/model/report';
import { call, errorMessage } from '../../api';
import { ErrorText } from '../../components/error-text';
import { STATE_LABEL } from '../../components/labels';
import { effective } from './table-layout';

interface Props {
  reportId: number;
  cellId: string;
  cell: CellView | undefined;
  onSaved: (cell: CellView) => void;
  onCancel: () => void;
}

const STATES: CellState[] = ['number', 'blank', 'dash', 'missing'];

/** Parses what the inspector typed: digits with optional thousands separators, sign and decimals (amounts). */
export function parseValue(input: string): number | null {
  const s = input.trim().replace(/[,，\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export function CellEditor({ reportId, cellId, cell, onSaved, onCancel }: Props): React.JSX.Element {
  const current = effective(cell);
  const [state, setState] = useState<CellState>(current.state === 'ambiguous' ? 'number' : current.state);
  const [value, setValue] = useState(current.value === null ? '' : String(current.value));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const save = (e: React.FormEvent): void => {
    e.preventDefault();
    const v = state === 'number' ? parseValue(value) : null;
    if (state === 'number' && v === null) return setError('请输入数字（可带小数点），或把状态改为“空白”“无”或“未找到”。');
    if (!reason.trim()) return setError('请填写更正原因。');
    setSaving(true);
    call('cell:correct', { reportId, cellId, value: v, state, reason: reason.trim() }).then(
      (c) => {
        setSaving(false);
        onSaved(c);
      },
      (err: unknown) => {
        setSaving(false);
        setError(errorMessage(err));
      },
    );
  };

  return (
    <form
      className="cell-editor"
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
      aria-label="更正单元格"
    >
      <label>
        状态
        <select value={state} onChange={(e) => setState(e.target.value as CellState)}>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        数值
        <input
          ref={first}
          name="value"
          value={value}
          disabled={state !== 'number'}
          inputMode="decimal"
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <label className="reason-field">
        更正原因（必填）
        <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="例如：原文数字为 12，解析有误" />
      </label>
      <div className="editor-actions">
        <button type="submit" className="primary" disabled={saving}>
          保存更正
        </button>
        <button type="button" onClick={onCancel}>
          取消（Esc）
        </button>
      </div>
      <ErrorText message={error} />
    </form>
  );
}
