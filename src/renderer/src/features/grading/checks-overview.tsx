// Every check of the catalog on this report, by family, coloured by status; a click shows its cells and its sentence.
import type { CheckResult } from '../../../../shared/checks/types';
import { CHECK_FAMILIES, CHECK_LABEL } from '../../components/labels';
import { checkTitle, type PickEvidence } from './evidence';

interface Props {
  checks: CheckResult[];
  active: string | null;
  onPick: PickEvidence;
}

const NOTABLE = new Set(['fail', 'warn', 'uncertain', 'manual']);

export function ChecksOverview({ checks, active, onPick }: Props): React.JSX.Element {
  if (checks.length === 0) return <p className="muted">没有检查结果。</p>;
  return (
    <div className="checks-overview">
      {CHECK_FAMILIES.map((f) => {
        const list = checks.filter((c) => c.id.startsWith(`${f.prefix}-`));
        if (list.length === 0) return null;
        const notable = list.filter((c) => NOTABLE.has(c.status)).length;
        return (
          <section key={f.prefix} className="check-family" aria-label={f.label}>
            <h4>
              {f.label}
              <span className="muted">
                {' '}
                {f.prefix} · {list.length} 项{notable ? ` · ${notable} 项需注意` : ''}
              </span>
            </h4>
            <ul className="checks">
              {list.map((c) => {
                const key = `check/${c.id}`;
                const on = active === key;
                return (
                  <li key={c.id}>
                    <button
                      type="button"
                      className={`check check--${c.status}${on ? ' check--active' : ''}`}
                      data-check-id={c.id}
                      onClick={() => onPick(on ? null : { key, cells: c.cells, span: c.spans[0] ?? null })}
                      aria-pressed={on}
                    >
                      <span className={`check-badge check-badge--${c.status}`}>{CHECK_LABEL[c.status]}</span>
                      <span className="check-title">{checkTitle(c.id)}</span>
                      <span className="check-message">{c.message}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
