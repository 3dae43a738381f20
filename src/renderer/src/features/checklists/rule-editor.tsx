// One deduction rule of an item: which check, on which of its results, and what it does (deduct, per defect, cap the points).
import type { CheckStatus } from '../../../../shared/checks/types';
import { CHECKS } from '../../../../shared/checks/catalog';
import type { DeductionRule } from '../../../../shared/grading/checklist';
import { CHECK_LABEL } from '../../components/labels';
import { optionalNumber } from './draft';

/** Only definite results deduct: uncertain and manual never do (the checklist validation refuses them). */
const TRIGGERS: CheckStatus[] = ['fail', 'warn', 'info'];

interface Props {
  rule: DeductionRule;
  onChange: (r: DeductionRule) => void;
  onRemove: () => void;
}

export function RuleEditor({ rule, onChange, onRemove }: Props): React.JSX.Element {
  const toggle = (s: CheckStatus, on: boolean): void =>
    onChange({ ...rule, when: on ? [...rule.when, s] : rule.when.filter((x) => x !== s) });
  const set = (key: 'deduct' | 'setTo', value: string): void => {
    const next = { ...rule };
    const n = optionalNumber(value);
    if (n === undefined) delete next[key];
    else next[key] = n;
    onChange(next);
  };
  return (
    <div className="rule-editor">
      <select value={rule.check} onChange={(e) => onChange({ ...rule, check: e.target.value })} aria-label="检查项">
        {CHECKS.map((c) => (
          <option key={c.id} value={c.id}>
            {c.id} {c.title}
          </option>
        ))}
      </select>
      <span className="rule-when" role="group" aria-label="触发的检查结果">
        {TRIGGERS.map((s) => (
          <label key={s}>
            <input type="checkbox" checked={rule.when.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
            {CHECK_LABEL[s]}
          </label>
        ))}
      </span>
      <label>
        扣
        <input
          type="number"
          min={0}
          step={0.5}
          value={rule.deduct ?? ''}
          onChange={(e) => set('deduct', e.target.value)}
          className="num-input"
        />
        分
      </label>
      <label title="按检查发现的问题数逐处扣分">
        <input type="checkbox" checked={rule.each === true} onChange={(e) => onChange({ ...rule, each: e.target.checked })} />
        每处
      </label>
      <label title="触发时本项最多得这么多分">
        最多得
        <input
          type="number"
          min={0}
          step={0.5}
          value={rule.setTo ?? ''}
          onChange={(e) => set('setTo', e.target.value)}
          className="num-input"
        />
        分
      </label>
      <button type="button" className="link-button" onClick={onRemove}>
        删除规则
      </button>
    </div>
  );
}
