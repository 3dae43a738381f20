// A report's grading in the library: 未评分 / 评审中 / 已评分, the total and grade as they stand, items to look at again.
import type { ReportSummary } from '../../../../shared/ipc/contract';
import { GRADING_STATE_LABEL } from '../../../../shared/grading/assessment';

export function GradingCell({ grading }: { grading: ReportSummary['grading'] }): React.JSX.Element {
  if (!grading) return <span className="grading-badge grading-badge--ungraded">{GRADING_STATE_LABEL.ungraded}</span>;
  const total = Number.isInteger(grading.total) ? String(grading.total) : grading.total.toFixed(1);
  return (
    <span className="grading-line" title={grading.state === 'ungraded' ? '尚未确认任何评分项，分数为建议分' : undefined}>
      <span className={`grading-badge grading-badge--${grading.state}`}>{GRADING_STATE_LABEL[grading.state]}</span>{' '}
      <span className={grading.state === 'ungraded' ? 'muted' : 'grading-score'} data-field="total">
        {total} 分 · {grading.grade}
      </span>
      {grading.secondLook > 0 && <small className="grading-second-look"> {grading.secondLook} 项需复核</small>}
    </span>
  );
}
