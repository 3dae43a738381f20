// Setting an item's points: 0 to its maximum in half points; a value other than the suggestion needs a note. Esc cancels.
import { useEffect, useRef, useState } from 'react';
import { ErrorText } from '../../components/error-text';
import { pts } from './evidence';

interface Props {
  max: number;
  suggested: number;
  initial: number;
  initialNote: string;
  onSave: (points: number, note: string) => Promise<string | null>;
  onCancel: () => void;
}

/** The typed points, or the reason they are refused (in Chinese). */
export function parsePoints(input: string, max: number): number | string {
  const s = input.trim().replace(/分$/, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return `请输入 0 到 ${pts(max)} 之间的分数。`;
  const n = Number(s);
  if (n > max) return `得分不能超过本项满分 ${pts(max)} 分。`;
  if (Math.round(n * 2) !== n * 2) return '得分须为整数或半分（如 7.5）。';
  return n;
}

export function PointsEditor({ max, suggested, initial, initialNote, onSave, onCancel }: Props): React.JSX.Element {
  const [value, setValue] = useState(pts(initial));
  const [note, setNote] = useState(initialNote);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const parsed = parsePoints(value, max);
  const differs = typeof parsed === 'number' && parsed !== suggested;

  const save = (e: React.FormEvent): void => {
    e.preventDefault();
    if (typeof parsed === 'string') return setError(parsed);
    if (parsed !== suggested && !note.trim()) return setError(`得分与建议分（${pts(suggested)} 分）不同，请填写理由。`);
    setSaving(true);
    void onSave(parsed, note.trim()).then((err) => {
      setSaving(false);
      if (err) setError(err);
    });
  };

  return (
    <form
      className="points-editor"
      onSubmit={save}
      aria-label="设定得分"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onCancel();
      }}
    >
      <label>
        得分
        <input
          ref={input}
          name="points"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          inputMode="decimal"
          size={5}
          aria-describedby="points-range"
        />
        <span id="points-range" className="muted">
          / {pts(max)}（建议 {pts(suggested)}）
        </span>
      </label>
      <label className="note-field">
        {differs ? '理由（必填）' : '理由'}
        <input name="note" value={note} onChange={(e) => setNote(e.target.value)} placeholder="例如：核对原文，发布日期在截止日前" />
      </label>
      <div className="editor-actions">
        <button type="submit" className="primary" disabled={saving}>
          保存得分
        </button>
        <button type="button" onClick={onCancel}>
          取消（Esc）
        </button>
      </div>
      <ErrorText message={error} />
    </form>
  );
}
