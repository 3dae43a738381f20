// One checklist item in the editor: number, group, title, points, the printed guide, whether a person decides, its rules.
import type { Checklist, ChecklistItem } from '../../../../shared/grading/checklist';
import { addRule, removeRule, setRule } from './draft';
import { RuleEditor } from './rule-editor';

interface Props {
  item: ChecklistItem;
  groups: Checklist['groups'];
  onChange: (item: ChecklistItem) => void;
  onRemove: () => void;
}

export function ItemEditor({ item, groups, onChange, onRemove }: Props): React.JSX.Element {
  return (
    <li className="item-editor" data-item-id={item.id}>
      <div className="item-editor-head">
        <input value={item.id} onChange={(e) => onChange({ ...item, id: e.target.value })} aria-label="编号" size={4} />
        <select value={item.group} onChange={(e) => onChange({ ...item, group: e.target.value })} aria-label="大项">
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.id} {g.title}
            </option>
          ))}
        </select>
        <input className="item-title" value={item.title} onChange={(e) => onChange({ ...item, title: e.target.value })} aria-label="名称" />
        <label>
          分值
          <input
            type="number"
            name="max"
            min={0.5}
            step={0.5}
            value={Number.isFinite(item.max) ? item.max : ''}
            onChange={(e) => onChange({ ...item, max: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
            className="num-input"
          />
        </label>
        <label title="由评审人判断，建议分只作参考">
          <input type="checkbox" checked={item.human === true} onChange={(e) => onChange({ ...item, human: e.target.checked })} />
          人工判断
        </label>
        <button type="button" className="link-button danger-link" onClick={onRemove}>
          删除此项
        </button>
      </div>
      <label className="item-guide">
        扣分说明
        <input value={item.guide} onChange={(e) => onChange({ ...item, guide: e.target.value })} />
      </label>
      <div className="item-rules">
        {item.rules.map((r, i) => (
          <RuleEditor key={i} rule={r} onChange={(nr) => onChange(setRule(item, i, nr))} onRemove={() => onChange(removeRule(item, i))} />
        ))}
        <button type="button" className="link-button" onClick={() => onChange(addRule(item))}>
          + 添加扣分规则
        </button>
      </div>
    </li>
  );
}
