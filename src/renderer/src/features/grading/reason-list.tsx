// The reasons behind an item's suggestion: each check's result with what it took off; a click shows its cells and sentence.
import { useState } from 'react';
import type { Span } from '../../../../shared/checks/types';
import type { Reason } from '../../../../shared/grading/score';
import { CHECK_LABEL } from '../../components/labels';
import { checkTitle, pts, type PickEvidence } from './evidence';

const SHOWN = 3;
const clip = (t: string, n: number): string => (t.length > n ? `${t.slice(0, n)}…` : t);

interface SpanListProps {
  base: string;
  spans: Span[];
  cells: string[];
  active: string | null;
  onPick: PickEvidence;
}

/** Several quoted sentences: the first few, the rest behind “另有 N 处”; each one is shown in the source on a click. */
function SpanList({ base, spans, cells, active, onPick }: SpanListProps): React.JSX.Element {
  const [all, setAll] = useState(false);
  const shown = all ? spans : spans.slice(0, SHOWN);
  return (
    <ol className="reason-spans">
      {shown.map((s, i) => (
        <li key={i}>
          <button
            type="button"
            className={`link-button${active === `${base}#${i}` ? ' span--active' : ''}`}
            onClick={() => onPick({ key: `${base}#${i}`, cells, span: s })}
          >
            “{clip(s.text, 40)}”
          </button>
        </li>
      ))}
      {spans.length > SHOWN && (
        <li className="more">
          <button type="button" className="link-button muted" onClick={() => setAll(!all)}>
            {all ? '收起' : `另有 ${spans.length - SHOWN} 处…`}
          </button>
        </li>
      )}
    </ol>
  );
}

interface Props {
  itemId: string;
  reasons: Reason[];
  active: string | null;
  onPick: PickEvidence;
}

export function ReasonList({ itemId, reasons, active, onPick }: Props): React.JSX.Element | null {
  if (reasons.length === 0) return null;
  return (
    <ul className="reasons">
      {reasons.map((r) => {
        const key = `${itemId}/${r.check}`;
        const on = active?.startsWith(key) ?? false;
        const first = r.spans[0] ?? null;
        const pick = (): void => onPick(on && active === key ? null : { key, cells: r.cells, span: first });
        return (
          <li key={r.check} data-check={r.check} className={`reason reason--${r.status}${on ? ' reason--active' : ''}`}>
            <button type="button" className="reason-main" onClick={pick} aria-pressed={on} title={`${r.check} ${checkTitle(r.check)}`}>
              <span className={`check-badge check-badge--${r.status}`}>{CHECK_LABEL[r.status]}</span>
              <span className="reason-title">{checkTitle(r.check)}</span>
              {r.deduct > 0 && <span className="reason-deduct">−{pts(r.deduct)}</span>}
              <span className="reason-message">{r.message}</span>
            </button>
            {r.spans.length > 1 && <SpanList base={key} spans={r.spans} cells={r.cells} active={active} onPick={onPick} />}
            {r.spans.length === 1 && first && <q className="reason-quote">{clip(first.text, 60)}</q>}
          </li>
        );
      })}
    </ul>
  );
}
