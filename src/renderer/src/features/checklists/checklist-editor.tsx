// A county's checklist being edited: name and version, group titles, grade bands and the items with their rules; saved
// through 'checklist:save', which refuses a broken sheet with every reason listed.
import { useState } from 'react';
import type { Checklist } from '../../../../shared/grading/checklist';
import { ErrorText } from '../../components/error-text';
import { addItem, removeItem, setBand, setGroupTitle, setItem, total } from './draft';
import { ItemEditor } from './item-editor';

interface Props {
  initial: Checklist;
  onSave: (c: Checklist) => Promise<string | null>;
  onCancel: () => void;
}

function Bands({ c, onChange }: { c: Checklist; onChange: (c: Checklist) => void }): React.JSX.Element {
  return (
    <fieldset className="bands-editor">
      <legend>等次划分（最低分）</legend>
      {c.bands.map((b, i) => (
        <span key={i} className="band">
          <input value={b.grade} onChange={(e) => onChange(setBand(c, i, { ...b, grade: e.target.value }))} aria-label="等次" size={5} />
          ≥
          <input
            type="number"
            className="num-input"
            value={Number.isFinite(b.min) ? b.min : ''}
            onChange={(e) => onChange(setBand(c, i, { ...b, min: e.target.value === '' ? Number.NaN : Number(e.target.value) }))}
            aria-label={`${b.grade}的最低分`}
          />
          <button type="button" className="link-button" onClick={() => onChange({ ...c, bands: c.bands.filter((_, k) => k !== i) })}>
            删除
          </button>
        </span>
      ))}
      <button type="button" className="link-button" onClick={() => onChange({ ...c, bands: [...c.bands, { min: 0, grade: '新等次' }] })}>
        + 添加等次
      </button>
    </fieldset>
  );
}

export function ChecklistEditor({ initial, onSave, onCancel }: Props): React.JSX.Element {
  const [c, setC] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const sum = total(c);
  const save = (e: React.FormEvent): void => {
    e.preventDefault();
    setSaving(true);
    void onSave(c).then((err) => {
      setSaving(false);
      setError(err);
    });
  };
  return (
    <form className="checklist-editor" onSubmit={save} aria-label="编辑评分表">
      <div className="editor-meta">
        <label>
          名称
          <input name="name" value={c.name} onChange={(e) => setC({ ...c, name: e.target.value })} size={36} />
        </label>
        <label>
          标识
          <input name="id" value={c.id} onChange={(e) => setC({ ...c, id: e.target.value })} size={12} />
        </label>
        <label>
          版本
          <input
            name="version"
            type="number"
            min={1}
            step={1}
            className="num-input"
            value={c.version}
            onChange={(e) => setC({ ...c, version: Number(e.target.value) })}
          />
        </label>
        <span className={sum === 100 ? 'muted' : 'warn-text'}>
          合计 {sum} 分{sum === 100 ? '' : '（通常为 100 分）'}
        </span>
      </div>
      <fieldset className="groups-editor">
        <legend>评分大项</legend>
        {c.groups.map((g) => (
          <label key={g.id}>
            {g.id}
            <input value={g.title} onChange={(e) => setC(setGroupTitle(c, g.id, e.target.value))} />
          </label>
        ))}
      </fieldset>
      <Bands c={c} onChange={setC} />
      <ol className="items-editor">
        {c.items.map((it, i) => (
          <ItemEditor
            key={i}
            item={it}
            groups={c.groups}
            onChange={(ni) => setC(setItem(c, i, ni))}
            onRemove={() => setC(removeItem(c, i))}
          />
        ))}
      </ol>
      <button type="button" onClick={() => setC(addItem(c))}>
        + 添加评分项
      </button>
      <div className="editor-actions sticky-actions">
        <button type="submit" className="primary" disabled={saving}>
          保存并启用
        </button>
        <button type="button" onClick={onCancel}>
          放弃修改
        </button>
        <ErrorText message={error} />
      </div>
    </form>
  );
}
