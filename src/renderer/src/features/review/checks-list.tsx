// The arithmetic checks of the report (ARI-01…): status and message; choosing one marks its cells in the tables.
import type { CheckResult } from '../../../../shared/model/report';
import { CHECK_LABEL } from '../../components/labels';

interface Props {
  checks: CheckResult[];
  active: string | null;
  onPick: (check: CheckResult | null) => void;
}

export function ChecksList({ checks, active, onPick }: Props): React.JSX.Element {
  if (checks.length === 0) return <p className="muted">没有勾稽检查结果。</p>;
  return (
    <ul className="checks">
      {checks.map((c, i) => {
        const key = `${c.id}-${i}`;
        return (
          <li key={key}>
            <button
              type="button"
              className={`check check--${c.status}${active === key ? ' check--active' : ''}`}
              onClick={() => onPick(active === key ? null : { ...c, id: key })}
              aria-pressed={active === key}
            >
              <span className={`check-badge check-badge--${c.status}`}>{CHECK_LABEL[c.status]}</span>
              <span className="check-id">{c.id}</span>
              <span className="check-message">{c.message}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
